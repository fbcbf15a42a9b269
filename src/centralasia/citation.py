"""Citations of the source article (built from the data) and of this library, as text, BibTeX or CSL-JSON."""

from __future__ import annotations

import json
import re
from typing import Final, Literal, get_args

import attrs

from centralasia.errors import ArgumentError, DataError, Problem
from centralasia.model import ARTICLE, ARTICLE_TIME, Dataset, EvidenceKind, Person, Section

__all__ = ["CITE_STYLES", "CITE_WHAT", "CiteStyle", "CiteWhat", "cite"]

#: A citation's format (plain text, a BibTeX entry, or CSL-JSON as a list of one item).
CiteStyle = Literal["text", "bibtex", "csl-json"]
#: What is cited, the source article or the library.
CiteWhat = Literal["article", "library"]
#: The formats :func:`cite` writes.
CITE_STYLES: Final[tuple[CiteStyle, ...]] = get_args(CiteStyle)
#: What :func:`cite` cites.
CITE_WHAT: Final[tuple[CiteWhat, ...]] = get_args(CiteWhat)

#: The article has no date; the latest event it names is of October 2016 (:data:`ARTICLE_TIME`), so "late" that year.
_WHEN = f"late {ARTICLE_TIME.year}"

#: The library as CITATION.cff names it, where the package metadata is not installed.
_LIBRARY_TITLE = "centralasia"
_LIBRARY_AUTHOR = "centralasia developers"
_LIBRARY_SUMMARY = "Russian and Chinese roles in Central Asian security, as typed data to compute with"
_LIBRARY_LICENSE = "MIT"


@attrs.frozen
class _Work:
    """What a citation says, whatever its format."""

    key: str
    kind: Literal["article", "software"]
    title: str
    authors: tuple[str, ...]
    year: int | None
    when: str | None
    note: str
    version: str | None = None


def cite(style: CiteStyle = "text", what: CiteWhat = "article", *, dataset: Dataset | None = None) -> str:
    """How to cite the source article or this library, as a string.

    The article's citation is built from the data: its title (the evidence of
    the title), its authors (the byline's claim, in the byline's order) and
    their notes, quoted as the text gives them, and "late 2016". The text
    gives no venue, DOI, URL or exact date, so none is made up: the BibTeX
    entry is a ``@misc`` with ``year = {2016}`` and a note, and the CSL-JSON
    ``issued`` is ``{"date-parts": [[2016]]}``, the year alone. CSL's
    ``season`` takes spring, summer, autumn or winter, and "late 2016" names
    none of them; a ``literal`` date would hide the year from sorting; so
    "late 2016" stands in the ``note``. The library's citation comes from
    the installed package's metadata (the same as ``CITATION.cff``).

    Parameters
    ----------
    style : {"text", "bibtex", "csl-json"}
        Plain text, a BibTeX entry (special characters escaped) or CSL-JSON
        (a JSON list of one item).
    what : {"article", "library"}
        The source article, or the ``centralasia`` library.
    dataset : Dataset, optional
        The data to read the article's title, byline and author notes from
        (by default the bundled data); not taken with ``what="library"``.

    Raises
    ------
    ArgumentError
        If *style* or *what* is none of its choices, *dataset* no
        :class:`Dataset`, or given with ``what="library"``.
    DataError
        If *dataset* lacks the article's title or byline.

    Examples
    --------
    >>> print(cite())  # doctest: +NORMALIZE_WHITESPACE
    Daniyar Kosnazarov and Iskander Akylbayev. The Great Bargain between Russia and China for Central Asia.
    Late 2016 (undated; no venue given). Daniyar Kosnazarov is the co-founder of Sinopsis Center for
    Chinese and Central Asian Studies and an Analyst at Narxoz University. Iskander Akylbayev is an
    Astana-based expert on Central Asian affairs.
    >>> print(cite("bibtex").splitlines()[0])
    @misc{kosnazarov-akylbayev-2016,
    >>> import json
    >>> json.loads(cite("csl-json"))[0]["issued"]
    {'date-parts': [[2016]]}
    >>> cite("apa")
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - style is one of 'text', 'bibtex', 'csl-json', not 'apa' @ $.style
    """
    if style not in CITE_STYLES:
        raise ArgumentError("style", f"style is one of {', '.join(map(repr, CITE_STYLES))}, not {style!r:.40}")
    if what not in CITE_WHAT:
        raise ArgumentError("what", f"what is one of {', '.join(map(repr, CITE_WHAT))}, not {what!r:.40}")
    if dataset is not None and not isinstance(dataset, Dataset):
        raise ArgumentError("dataset", f"dataset is a Dataset, not {type(dataset).__name__}")
    if what == "library":
        if dataset is not None:
            raise ArgumentError("dataset", "the library's citation reads no dataset; leave out dataset")
        work = _library()
    else:
        if dataset is None:
            from centralasia.loader import load

            dataset = load()
        work = _article(dataset)
    if style == "bibtex":
        return _bibtex(work)
    if style == "csl-json":
        return _csl_json(work)
    return _text(work)


# --------------------------------------------------------------------------
# What is cited
# --------------------------------------------------------------------------


def _article_evidence(ds: Dataset, section: Section) -> list[tuple[str, tuple[str, ...]]]:
    """``(quote, the claim's about)`` for each quote of the article in *section*, in the data's order, once each."""
    found: dict[str, tuple[str, ...]] = {}
    for claim in ds.claims:
        for e in claim.evidence:
            if e.kind is EvidenceKind.ARTICLE and e.source == ARTICLE and e.section is section and e.quote:
                found.setdefault(e.quote, claim.about)
    return list(found.items())


def _article(ds: Dataset) -> _Work:
    titles = _article_evidence(ds, Section.TITLE)
    if not titles:
        raise DataError(
            [Problem.at("$.claims", "no claim quotes the article's title (evidence in the title section)")], "the dataset quotes no title of the article"
        )
    title = max((quote for quote, _ in titles), key=len)  # the whole title, not a phrase of it
    authors: list[str] = []
    for quote, about in _article_evidence(ds, Section.BYLINE):
        people = [p for p in (ds.get(i) for i in about) if isinstance(p, Person) and p.name in quote]
        if people:
            authors = [p.name for p in sorted(people, key=lambda p: quote.index(p.name))]
            break
    if not authors:
        raise DataError([Problem.at("$.claims", "no claim on the byline is about the people it names")], "the dataset names no authors of the article")
    notes = [quote for quote, about in _article_evidence(ds, Section.AUTHOR_NOTE) if any(a in authors for a in _names(ds, about))]
    notes.sort(key=lambda q: min((i for i, a in enumerate(authors) if q.startswith(a)), default=len(authors)))
    return _Work(
        key=ARTICLE,
        kind="article",
        title=title,
        authors=tuple(authors),
        year=ARTICLE_TIME.year,
        when=_WHEN,
        note=" ".join(n if n.endswith(".") else n + "." for n in notes),
    )


def _names(ds: Dataset, ids: tuple[str, ...]) -> list[str]:
    return [p.name for p in (ds.get(i) for i in ids) if isinstance(p, Person)]


def _library() -> _Work:
    from importlib import metadata

    from centralasia import __version__

    try:
        meta = metadata.metadata("centralasia")
        field = {key: (meta.get_all(key) or [""])[0] for key in ("Name", "Summary", "Author", "Version", "License-Expression", "License")}
        title, summary, version = field["Name"] or _LIBRARY_TITLE, field["Summary"], field["Version"] or __version__
        author = field["Author"] or _LIBRARY_AUTHOR
        licence = field["License-Expression"] or field["License"] or _LIBRARY_LICENSE
    except metadata.PackageNotFoundError:  # run from a source tree
        title, summary, author, version, licence = _LIBRARY_TITLE, _LIBRARY_SUMMARY, _LIBRARY_AUTHOR, __version__, _LIBRARY_LICENSE
    return _Work(
        key=f"{title}-{version}",
        kind="software",
        title=f"{title}: {summary}" if summary else title,
        authors=(author,),
        year=None,
        when=None,
        note=f"Python package, version {version}, {licence} licence.",
        version=version,
    )


# --------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _text(work: _Work) -> str:
    if work.kind == "software":
        return f"{_and(work.authors)}. {work.title}. {work.note}"
    when = f"{work.when[:1].upper()}{work.when[1:]}" if work.when else "Undated"
    return f"{_and(work.authors)}. {work.title}. {when} (undated; no venue given). {work.note}".rstrip()


#: LaTeX's special characters, and what stands for each in a BibTeX value.
_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_AND = re.compile(r"\sand\s", re.IGNORECASE)
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIALS))


def _bibtex_value(text: str) -> str:
    r"""*text* with LaTeX's special characters escaped, so that the braces of a value always balance.

    >>> _bibtex_value("50% {of} R&D_x")
    '50\\% \\{of\\} R\\&D\\_x'
    """
    text = " ".join(text.split())  # no line breaks or control characters inside a field
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_SPECIALS[m.group()], text)


def _bibtex(work: _Work) -> str:
    fields = [
        # A person's name as BibTeX reads it ("Daniyar Kosnazarov": first, last); a group's name braced whole.
        # A name holding the word "and" is braced too: BibTeX would split it into two authors there.
        ("author", " and ".join(_bibtex_value(a) if work.kind == "article" and not _AND.search(a) else "{" + _bibtex_value(a) + "}" for a in work.authors)),
        ("title", "{" + _bibtex_value(work.title) + "}"),  # double braces: keep the title's capitals
    ]
    if work.year is not None:
        fields.append(("year", str(work.year)))
    if work.version is not None:
        fields.append(("version", _bibtex_value(work.version)))
    note = f"Undated ({work.when}); no venue given. {work.note}" if work.kind == "article" else work.note
    fields.append(("note", _bibtex_value(note.strip())))
    key = re.sub(r"[^A-Za-z0-9:._-]", "-", work.key)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"


def _csl_json(work: _Work) -> str:
    item: dict[str, object] = {"id": work.key, "type": work.kind, "title": work.title}
    if work.kind == "software":
        item["author"] = [{"literal": a} for a in work.authors]
        item["version"] = work.version
        item["note"] = work.note
    else:
        # "Daniyar Kosnazarov": the byline gives the given name first, as the data's summaries ("Kosnazarov co-founded") confirm.
        item["author"] = [{"family": a.rsplit(" ", 1)[-1], "given": a.rsplit(" ", 1)[0]} if " " in a else {"literal": a} for a in work.authors]
        item["issued"] = {"date-parts": [[work.year]]}
        item["note"] = f"Undated ({work.when}); no venue given. {work.note}".strip()
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"
