"""Notebook displays: one-line reprs and escaped HTML tables (no script) for records, datasets and results."""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs

from centralasia._text import printable

if TYPE_CHECKING:
    from attrs import AttrsInstance

    from centralasia.model import Dataset, Evidence

__all__ = [
    "MISSING",
    "REPR_WIDTH",
    "cell",
    "citation",
    "dataset_html",
    "dataset_repr",
    "esc",
    "full_text",
    "one_line",
    "panel",
    "show_records",
    "table",
]

#: The most characters a one-line repr shows.
REPR_WIDTH = 200
#: How a missing value shows in a table.
MISSING = "\u2014"
#: The most characters of one text value a repr or a table cell shows.
_VALUE = 60
_CELL = 300

_T = TypeVar("_T")


def esc(value: object, limit: int | None = _CELL) -> str:
    """*value* as text safe inside HTML: cut to *limit* characters, control characters shown escaped, ``<>&"'`` escaped.

    Examples
    --------
    >>> esc("<script>alert('x')</script>")
    '&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;'
    """
    import html  # on first use: notebooks only (html.entities is large)

    return html.escape(printable(str(value), limit), quote=True)


def one_line(text: str) -> str:
    """*text* as a repr: one line of at most :data:`REPR_WIDTH` characters.

    Examples
    --------
    >>> len(one_line("x" * 500)) <= REPR_WIDTH
    True
    """
    return printable(text, REPR_WIDTH - 1)


def cell(value: object) -> str:
    """A value as table text: a float to 3 places, an enum its value, a tuple joined, ``None`` a dash.

    Examples
    --------
    >>> cell(0.12345), cell(None), cell(("RUS", "CHN")), cell(True)
    ('0.123', '—', 'RUS, CHN', 'yes')
    """
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (tuple, list, frozenset)):
        return ", ".join(cell(v) for v in value) if value else MISSING
    return str(value)


def table(header: Sequence[str], rows: Iterable[Sequence[object]], caption: str | None = None) -> str:
    """An HTML table of *rows* under *header*, every value escaped (see :func:`cell`).

    Examples
    --------
    >>> table(["power", "share"], [["RUS", 0.5]])
    '<table><thead><tr><th>power</th><th>share</th></tr></thead><tbody><tr><td>RUS</td><td>0.500</td></tr></tbody></table>'
    """
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(cell(v))}</td>" for v in row) + "</tr>" for row in rows)
    top = "" if caption is None else f"<caption>{esc(caption)}</caption>"
    return f"<table>{top}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def panel(title: str, *parts: str, notes: Iterable[str] = ()) -> str:
    """A titled block of already-built HTML *parts*, with escaped *notes* as paragraphs below."""
    lines = "".join(f"<p>{esc(n, None)}</p>" for n in notes)
    return f"<div><strong>{esc(title)}</strong>{''.join(parts)}{lines}</div>"


# -- records --------------------------------------------------------------------------


def citation(e: Evidence) -> str:
    """One piece of evidence as a short citation: ``¶7 “anchor” [claim]`` or ``background: source``.

    Examples
    --------
    >>> from centralasia.model import Evidence
    >>> citation(Evidence(paragraph=7, quote="In February 2016", claim="c-1"))
    '¶7 “In February 2016” [c-1]'
    """
    if e.is_background:
        where = f"background: {e.source}" + (f" (for {', '.join(e.fields)})" if e.fields else "")
    else:
        where = f"\u00b6{e.paragraph}" if e.paragraph is not None else e.section.value
    if e.quote:
        where += f" \u201c{e.quote}\u201d"
    if e.claim:
        where += f" [{e.claim}]"
    return where


def _short(value: object) -> str:
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, str):
        return repr(printable(value, _VALUE))
    if isinstance(value, tuple):
        return "(" + ", ".join(_short(v) for v in value[:4]) + (", …)" if len(value) > 4 else ",)" if len(value) == 1 else ")")
    if hasattr(value, "earliest"):  # a PartialDate: its ISO text
        return repr(str(value))
    return printable(repr(value), _VALUE)


def _record_repr(self: object, keys: tuple[str, ...]) -> str:
    shown = ", ".join(f"{k}={_short(getattr(self, k))}" for k in keys if getattr(self, k, None) not in (None, ()))
    return one_line(f"{type(self).__name__}({shown})")


def _value_html(value: object) -> str:
    """One field's value in a record's table: evidence as citations, parts by their fields, the rest as text."""
    if isinstance(value, tuple) and value and all(hasattr(v, "is_background") for v in value):
        return "<br>".join(esc(citation(v)) for v in value)
    if isinstance(value, tuple) and value and all(attrs.has(type(v)) for v in value):
        return "<br>".join(_part_html(v) for v in value)
    if attrs.has(type(value)):
        return _part_html(value)
    return esc(cell(value))


def _fields(value: object) -> tuple[attrs.Attribute[object], ...]:
    kind: type[AttrsInstance] = type(value)  # type: ignore[assignment]  # every caller checks attrs.has first
    return tuple(attrs.fields(kind))


def _part_html(value: object) -> str:
    fields = [f for f in _fields(value) if getattr(value, f.name) not in (None, ())]
    return "; ".join(f"{esc(f.name)}: {_value_html(getattr(value, f.name))}" for f in fields)


def _record_html(self: object) -> str:
    rows = "".join(
        f"<tr><th>{esc(f.name)}</th><td>{_value_html(getattr(self, f.name))}</td></tr>" for f in _fields(self) if getattr(self, f.name) not in (None, ())
    )
    return f"<table><caption>{esc(type(self).__name__)}</caption><tbody>{rows}</tbody></table>"


def show_records(keys: Mapping[type, tuple[str, ...]]) -> None:
    """Give each record class of *keys* a one-line ``__repr__`` of those fields and a ``_repr_html_`` of all its fields with citations.

    ``str()`` stays the attrs text; the full fields stay reachable as attributes and in :func:`~centralasia.dumps`.
    """
    for kind, names in keys.items():

        def short(self: object, names: tuple[str, ...] = names) -> str:
            return _record_repr(self, names)

        # Set on the class after attrs made it (a slotted class takes class attributes); str() keeps the attrs repr of every field.
        if "__str__" not in vars(kind):
            setattr(kind, "__str__", kind.__repr__)  # noqa: B010
        setattr(kind, "__repr__", short)  # noqa: B010
        setattr(kind, "_repr_html_", _record_html)  # noqa: B010


def full_text(records: Sequence[object]) -> str:
    """A tuple of records as their attrs reprs (their ``str()``): what a tuple's repr gave before the short reprs."""
    return "(" + ", ".join(map(str, records)) + ("," if len(records) == 1 else "") + ")"


# -- datasets --------------------------------------------------------------------------


def _source(ds: Dataset) -> str | None:
    """``"bundled article data"`` when *ds* is the package's own dataset (the one :func:`~centralasia.load` gives)."""
    loader = sys.modules.get("centralasia.loader")
    is_bundled: Callable[[Dataset], bool] | None = getattr(loader, "is_bundled", None)
    return "bundled article data" if is_bundled is not None and is_bundled(ds) else None


def _counts(ds: Dataset) -> list[tuple[str, int, int]]:
    """``(collection, records, background only)`` for each non-empty collection."""
    out = []
    for name in ds.COLLECTIONS:
        records: tuple[object, ...] = getattr(ds, name)
        if records:
            background = sum(1 for r in records if all(e.is_background for e in getattr(r, "evidence", ())))
            out.append((name.replace("_", " "), len(records), background))
    return out


def dataset_repr(ds: Dataset) -> str:
    """``<Dataset: 14 states, 13 organizations, … (bundled article data)>``: counts per kind, never the records."""
    counts = ", ".join(f"{n} {name}" for name, n, _ in _counts(ds)) or "no records"
    source = _source(ds)
    return one_line(f"<Dataset: {counts}{'' if source is None else f' ({source})'}>")


def dataset_html(ds: Dataset) -> str:
    """The records per kind, how many rest on the article and how many on background sources only, and the background sources as a list."""
    counts = _counts(ds)
    rows = [(name, n, n - bg, bg) for name, n, bg in counts]
    rows.append(("all", sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows)))
    sources = sorted({e.source for r in ds for e in r.evidence if e.is_background})
    source = _source(ds)
    note = f"Source: {source}." if source is not None else "Source: records given to Dataset (not the bundled article data)."
    parts = [table(["records", "count", "on the article", "background only"], rows), f"<p>{esc(note, None)}</p>"]
    if sources:  # one item each: a source's own commas and semicolons never run into the next
        parts.append("<p>Background sources:</p><ul>" + "".join(f"<li>{esc(name)}</li>" for name in sources) + "</ul>")
    return panel("Dataset", *parts)
