"""Citations: the source article's from the data, the library's from its metadata and CITATION.cff, in text, BibTeX and CSL-JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import centralasia as ca
from centralasia.citation import CITE_STYLES

ROOT = Path(__file__).resolve().parents[1]
TITLE = "The Great Bargain between Russia and China for Central Asia"
AUTHORS = ("Daniyar Kosnazarov", "Iskander Akylbayev")
#: What the article's text does not give, and so no citation of it may say.
NOT_GIVEN = re.compile(r"doi|url|http|journal|publisher|container|month|volume|pages|\bissn", re.IGNORECASE)


def _article_data(title: str, names: tuple[str, str], note: str) -> ca.Dataset:
    """A dataset with only what a citation reads: the title, the byline about two people, and an author note."""
    people = [ca.Person(id=f"p{i}", name=name, position="author", evidence=[ca.Evidence(paragraph=1)]) for i, name in enumerate(names)]
    claims = [
        ca.Claim(id="c-title", kind=ca.ClaimKind.ASSESSMENT, summary="t", evidence=[ca.Evidence(quote=title, section=ca.Section.TITLE)]),
        ca.Claim(
            id="c-byline",
            kind=ca.ClaimKind.ACT,
            summary="b",
            evidence=[ca.Evidence(quote=f"By {names[0]} and {names[1]}", section=ca.Section.BYLINE)],
            about=["p1", "p0"],  # the byline's order, not the data's, orders the authors
        ),
        ca.Claim(id="c-note", kind=ca.ClaimKind.TIE, summary="n", evidence=[ca.Evidence(quote=note, section=ca.Section.AUTHOR_NOTE)], about=["p0"]),
    ]
    return ca.Dataset(people=people, claims=claims)


def _bibtex_fields(entry: str) -> dict[str, str]:
    """The fields of one BibTeX entry, each value without its outer braces; the braces of the entry must balance."""
    depth = 0
    for i, char in enumerate(entry):
        if char in "{}" and (i == 0 or entry[i - 1] != "\\"):
            depth += 1 if char == "{" else -1
            assert depth >= 0, entry[: i + 1]
    assert depth == 0, entry
    match = re.fullmatch(r"@misc\{([A-Za-z0-9:._-]+),\n((?:  [a-z]+ = \{.*\},?\n)+)\}\n", entry)
    assert match is not None, entry
    return {name: value for name, value in re.findall(r"  ([a-z]+) = \{(.*)\},?\n", match.group(2))}


def test_cite_is_the_function() -> None:
    """ca.cite is the function (the module is centralasia.citation, which cannot shadow it)."""
    import centralasia.citation

    assert ca.cite is centralasia.citation.cite and "cite" in ca.__all__


def test_the_articles_citation_is_built_from_the_data(ds: ca.Dataset) -> None:
    """The text citation names the title, the authors in the byline's order, 'late 2016' and the author notes as quoted."""
    text = ca.cite()
    assert text.startswith(f"{AUTHORS[0]} and {AUTHORS[1]}. {TITLE}. Late 2016 (undated; no venue given).")
    notes = [e.quote for c in ds.claims for e in c.evidence if e.section is ca.Section.AUTHOR_NOTE and e.quote]
    assert len(notes) == 2 and all(note in text for note in notes)
    assert not NOT_GIVEN.search(text)


def test_the_articles_bibtex_entry(ds: ca.Dataset) -> None:
    """The BibTeX entry is a @misc keyed by the article's id, with balanced braces, the year alone and no venue."""
    fields = _bibtex_fields(ca.cite("bibtex"))
    assert fields["author"] == " and ".join(AUTHORS)
    assert fields["title"] == "{" + TITLE + "}"
    assert fields["year"] == "2016" and "month" not in fields
    assert fields["note"].startswith("Undated (late 2016); no venue given.")
    assert ca.cite("bibtex").startswith(f"@misc{{{ca.ARTICLE},")
    assert not NOT_GIVEN.search(ca.cite("bibtex"))


def test_the_articles_csl_json() -> None:
    """CSL-JSON: a JSON list of one article item, its authors split given/family, issued at the year alone."""
    (item,) = json.loads(ca.cite("csl-json"))
    assert item["type"] == "article" and item["title"] == TITLE and item["id"] == ca.ARTICLE
    assert item["author"] == [{"family": "Kosnazarov", "given": "Daniyar"}, {"family": "Akylbayev", "given": "Iskander"}]
    assert item["issued"] == {"date-parts": [[2016]]}
    assert "late 2016" in item["note"]
    assert not NOT_GIVEN.search(json.dumps(item))


def test_bibtex_escapes_what_latex_reads() -> None:
    """Braces, percent, ampersand, backslash and the like in the data are escaped: the entry's braces still balance."""
    ds = _article_data("50% of {R&D}_in \\ Asia #1 $ ~^", ("Ann Smith", "Bo Li"), "Ann Smith is {odd}")
    entry = ca.cite("bibtex", dataset=ds)
    fields = _bibtex_fields(entry)
    assert fields["title"] == r"{50\% of \{R\&D\}\_in \textbackslash{} Asia \#1 \$ \textasciitilde{}\textasciicircum{}}"
    assert fields["author"] == "Ann Smith and Bo Li"  # the byline's order, not the claim's (p1, p0)
    assert r"Ann Smith is \{odd\}." in fields["note"]
    (item,) = json.loads(ca.cite("csl-json", dataset=ds))
    assert item["title"] == "50% of {R&D}_in \\ Asia #1 $ ~^"  # JSON needs no LaTeX escapes


def test_the_librarys_citation_follows_the_package_and_citation_cff() -> None:
    """--library: the version, title and authors of CITATION.cff, in every format; CSL type software."""
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    version = re.search(r"^version: (\S+)$", cff, re.MULTILINE)
    assert version is not None and version.group(1) == ca.__version__
    text = ca.cite(what="library")
    assert text.startswith("centralasia developers. centralasia: ") and f"version {ca.__version__}" in text
    fields = _bibtex_fields(ca.cite("bibtex", "library"))
    assert fields["author"] == "{centralasia developers}" and fields["version"] == ca.__version__
    (item,) = json.loads(ca.cite("csl-json", "library"))
    assert item["type"] == "software" and item["version"] == ca.__version__ and item["author"] == [{"literal": "centralasia developers"}]


def test_citation_cff_is_cff_1_2_0() -> None:
    """CITATION.cff has what CFF 1.2.0 requires (cff-version, message, title, authors) and cites the article as the data does."""
    yaml = pytest.importorskip("yaml")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "software"
    assert cff["message"] and cff["title"] == "centralasia" and cff["authors"] == [{"name": "centralasia developers"}]
    assert str(cff["version"]) == ca.__version__ and cff["license"] == "MIT"
    (article,) = cff["references"]
    assert article["type"] == "article" and article["title"] == TITLE and article["year"] == 2016
    assert [f"{a['given-names']} {a['family-names']}" for a in article["authors"]] == list(AUTHORS)
    assert " ".join(article["notes"].split()).startswith("Undated (late 2016); the text gives no venue.")


@pytest.mark.parametrize(
    ("kwargs", "error", "needle"),
    [
        ({"style": "apa"}, ca.ArgumentError, "style is one of"),
        ({"what": "book"}, ca.ArgumentError, "what is one of"),
        ({"dataset": "data.json"}, ca.ArgumentError, "dataset is a Dataset"),
        ({"what": "library", "dataset": ca.Dataset()}, ca.ArgumentError, "reads no dataset"),
        ({"dataset": ca.Dataset()}, ca.DataError, "no title"),
    ],
)
def test_bad_arguments_are_our_errors(kwargs: dict[str, object], error: type[Exception], needle: str) -> None:
    """Unknown styles or targets, a dataset that is none or lacks the title: our errors, naming what is wrong."""
    with pytest.raises(error, match=needle):
        ca.cite(**kwargs)  # type: ignore[arg-type]


def test_a_dataset_without_a_byline_is_a_data_error() -> None:
    """A dataset that quotes the title but names no author: DataError, not a citation without authors."""
    ds = ca.Dataset(claims=[ca.Claim(id="c-title", kind=ca.ClaimKind.ASSESSMENT, summary="t", evidence=[ca.Evidence(quote="T", section=ca.Section.TITLE)])])
    with pytest.raises(ca.DataError, match="no authors"):
        ca.cite(dataset=ds)


def test_a_dataset_without_the_title_names_where_it_looked() -> None:
    """The DataError for a dataset lacking the title or byline lists one problem at ``$.claims``, not "0 problems"."""
    for ds in (ca.Dataset(), _article_data("T", ("Ann Smith", "Bo Li"), "n").filter(lambda r: r.id != "c-byline", closed=False)):
        with pytest.raises(ca.DataError) as info:
            ca.cite(dataset=ds)
        assert [p.path for p in info.value.problems] == ["$.claims"] and "0 problems" not in str(info.value)


def test_an_author_name_holding_and_stays_one_bibtex_author() -> None:
    """BibTeX splits authors at " and ": a name holding the word is braced whole, so the entry keeps two authors."""
    fields = _bibtex_fields(ca.cite("bibtex", dataset=_article_data("T", ("Ann And Smith", "Bo Li"), "n")))
    assert fields["author"] == "{Ann And Smith} and Bo Li"


@pytest.mark.parametrize("style", CITE_STYLES)
def test_every_style_ends_in_one_newline_at_most(style: str) -> None:
    """No citation line ends in spaces; the article's and the library's are different."""
    for what in ("article", "library"):
        text = ca.cite(style, what)  # type: ignore[arg-type]
        assert all(line == line.rstrip() for line in text.splitlines())
    assert ca.cite(style) != ca.cite(style, "library")  # type: ignore[arg-type]
