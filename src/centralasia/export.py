"""Exports: the dataset as JSON or pandas tables, and networks as node-link JSON, GraphML, GEXF or CSV.

pandas is optional (the ``pandas`` extra) and imported only by :func:`to_frame`.
The network writers take any networkx graph, such as the one
:func:`centralasia.network.influence_network` builds, and first make its
attributes plain (:func:`plain_graph`) so that networkx's writers accept them
and its readers give the same nodes, edges and attributes back.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import json
import numbers
import os
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, TextIO, TypeVar, cast, get_args, get_type_hints

import attrs
import networkx as nx

from centralasia._files import checked_path, csv_text, number_problems, read_network_file, utf8, write_file, xml_document
from centralasia._frames import SupportsFrame, result_frame
from centralasia._tables import TableName
from centralasia.convert import JSONValue, converter, dumps
from centralasia.errors import ArgumentError, DataError, MissingDependencyError, Problem, UnknownIdError
from centralasia.model import Condition, Dataset, Effect, Evidence, Membership, Organization, PartialDate, Place, Record, Scenario

if TYPE_CHECKING:
    import pandas

__all__ = [
    "FORMATS",
    "TABLES",
    "WRITERS",
    "Format",
    "PlainValue",
    "TableName",
    "columns",
    "network_to_json",
    "plain_graph",
    "plain_value",
    "read_network",
    "rows",
    "to_frame",
    "write_dataset",
    "write_edge_list",
    "write_gexf",
    "write_graphml",
    "write_network",
    "write_node_link",
    "write_table",
]

_N = TypeVar("_N", bound=Hashable)

#: A network file format :func:`write_network` writes.
Format = Literal["graphml", "gexf", "json", "csv"]

#: The network formats, with the file suffix each is guessed from.
FORMATS: Mapping[str, Format] = MappingProxyType({".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"})

#: The tables :func:`to_frame` and :func:`rows` make, one per collection of
#: :class:`~centralasia.model.Dataset`, and four of the records' parts.
TABLES: tuple[TableName, ...] = get_args(TableName)

#: A value every networkx writer accepts, as :func:`plain_value` returns.
PlainValue = str | int | float | bool

#: Joins the items of a set or list in GraphML, GEXF and CSV (formats without lists).
SEPARATOR = ";"


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

_Cell = str | int | bool | None | tuple[str, ...] | tuple[int, ...]


def _cell(value: object) -> _Cell:
    """One record field as a table cell: plain values, ids and names as tuples."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, enum.Enum):
        return cast(str, value.value)
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, tuple):
        items: list[str] = []
        for item in value:
            if isinstance(item, Membership):
                items.append(item.member)
            elif isinstance(item, Condition):
                items.append(item.description)
            elif isinstance(item, Effect):
                items.append(f"{item.actor} {item.domain.value} {item.direction.value}")
            else:
                items.append(str(item))
        return tuple(items)
    return str(value)


def _paragraphs(evidence: Sequence[Evidence]) -> tuple[int, ...]:
    return tuple(sorted({e.paragraph for e in evidence if e.paragraph is not None and not e.is_background}))


def _record_row(record: Record) -> dict[str, _Cell]:
    row: dict[str, _Cell] = {}
    kind: type = type(record)
    places = _place_fields(kind)
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name == "evidence":
            evidence: tuple[Evidence, ...] = value
            row["paragraphs"] = _paragraphs(evidence)
            row["background"] = any(e.is_background for e in evidence)
        elif field.name in places:
            place: Place | None = value
            row[field.name] = None if place is None else place.name
            row[f"{field.name}_state"] = None if place is None else place.state
        else:
            row[field.name] = _cell(value)
    return row


@functools.cache
def _place_fields(kind: type) -> frozenset[str]:
    hints = get_type_hints(kind)
    return frozenset(f.name for f in attrs.fields(kind) if Place in get_args(hints[f.name]) or hints[f.name] is Place)


def _part_rows(ds: Dataset, table: str) -> Iterator[dict[str, _Cell]]:
    if table == "memberships":
        for org in ds.of_type(Organization):
            for m in org.members:
                yield {
                    "organization": org.id,
                    "member": m.member,
                    "status": m.status.value,
                    "since": _cell(m.since),
                    "until": _cell(m.until),
                    "certainty": m.certainty.value,
                    "paragraphs": _paragraphs(m.evidence),
                    "background": any(e.is_background for e in m.evidence),
                }
    elif table == "conditions":
        for sc in ds.of_type(Scenario):
            for c in sc.conditions:
                yield {"scenario": sc.id, "description": c.description, "actors": c.actors}
    elif table == "effects":
        for sc in ds.of_type(Scenario):
            for e in sc.effects:
                yield {
                    "scenario": sc.id,
                    "actor": e.actor,
                    "domain": e.domain.value,
                    "direction": e.direction.value,
                    "over": e.over,
                    "description": e.description,
                }
    else:  # evidence
        for record in ds:
            for piece in record.evidence:
                yield {
                    "record": record.id,
                    "kind": piece.kind.value,
                    "source": piece.source,
                    "section": piece.section.value,
                    "paragraph": piece.paragraph,
                    "quote": piece.quote,
                    "fields": piece.fields,
                    "note": piece.note,
                }


def rows(ds: Dataset, table: TableName) -> list[dict[str, _Cell]]:
    """The rows of one table of *ds* as plain dicts, without pandas.

    Each of :data:`Dataset.COLLECTIONS <centralasia.model.Dataset.COLLECTIONS>`
    is a table of one row per record, with the record's fields as columns:
    enums become their values, partial dates their ISO strings (which sort in
    date order), ids and names tuples, a place its name plus a
    ``<field>_state`` column, and ``evidence`` the two columns ``paragraphs``
    (the article's body paragraphs) and ``background`` (whether any evidence
    is background). The part tables are ``memberships``, ``conditions``,
    ``effects`` (of scenarios) and ``evidence`` (every piece, with its record id).

    Raises
    ------
    UnknownIdError
        If *table* is not one of :data:`TABLES`.

    Examples
    --------
    >>> from centralasia.model import Evidence, State
    >>> ds = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=[Evidence(paragraph=1)], cow_code=705)])
    >>> rows(ds, "states")[0]["cow_code"], rows(ds, "states")[0]["paragraphs"]
    (705, (1,))
    """
    if not isinstance(ds, Dataset):
        raise ArgumentError("ds", f"expected a Dataset, not {type(ds).__name__} {ds!r:.40}")
    if table in Dataset.COLLECTIONS:
        records: tuple[Record, ...] = getattr(ds, table)
        return [_record_row(r) for r in records]
    if table in TABLES:
        return list(_part_rows(ds, table))
    raise UnknownIdError(_table_name(table), "table", TABLES)


def _record_class(table: str) -> type:
    kind: type = get_args(get_type_hints(Dataset)[table])[0]
    return kind


def columns(table: TableName) -> list[str]:
    """The columns of *table* in :func:`rows`, :func:`to_frame` and :func:`write_table`.

    Examples
    --------
    >>> columns("effects")
    ['scenario', 'actor', 'domain', 'direction', 'over', 'description']
    """
    return _columns(table)[0]


def _table_name(table: object) -> str:
    if not isinstance(table, str):
        raise ArgumentError("table", f"a table is named by a str (one of {', '.join(TABLES)}), not {type(table).__name__} {table!r:.40}")
    return table


def _columns(table: str) -> tuple[list[str], set[str]]:
    """The columns of *table*, and those holding integers that may be missing."""
    if _table_name(table) not in TABLES:
        raise UnknownIdError(table, "table", TABLES)
    if table in Dataset.COLLECTIONS:
        names: list[str] = []
        ints: set[str] = set()
        hints = get_type_hints(_record_class(table))
        for field in attrs.fields(_record_class(table)):
            hint = hints[field.name]
            if field.name == "evidence":
                names += ["paragraphs", "background"]
            elif field.name in _place_fields(_record_class(table)):
                names += [field.name, f"{field.name}_state"]
            else:
                names.append(field.name)
                if hint == int | None:
                    ints.add(field.name)
        return names, ints
    return list(_PART_COLUMNS[table]), ({"paragraph"} if table == "evidence" else set())


_PART_COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "memberships": ("organization", "member", "status", "since", "until", "certainty", "paragraphs", "background"),
        "conditions": ("scenario", "description", "actors"),
        "effects": ("scenario", "actor", "domain", "direction", "over", "description"),
        "evidence": ("record", "kind", "source", "section", "paragraph", "quote", "fields", "note"),
    }
)


def to_frame(ds: Dataset | SupportsFrame, table: TableName | None = None) -> pandas.DataFrame:
    """One table of *ds* as a :class:`pandas.DataFrame`, or a computed result's own (needs the ``pandas`` extra).

    The columns are those of :func:`rows`, also when the table is empty.
    Record tables are indexed by ``id``; integer fields that may be missing
    (``cow_code``, ``year``...) use pandas' nullable ``Int64``. A computed
    result (a role summary, comparison, explanation, readings, robustness,
    scenario shift) takes no *table*: ``to_frame(s)`` is ``s.to_frame()``.
    An unknown *table* raises :class:`~centralasia.UnknownIdError` listing
    :data:`TABLES`; without pandas, :class:`~centralasia.MissingDependencyError`.

    Parameters
    ----------
    ds : Dataset or a computed result
        The dataset, e.g. ``centralasia.load()``, or a result with ``to_frame()``.
    table : str
        For a dataset, one of :data:`TABLES`: a collection such as ``"roles"``,
        or ``"memberships"``, ``"conditions"``, ``"effects"``, ``"evidence"``.

    Examples
    --------
    >>> from centralasia.model import Evidence, State
    >>> ds = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=[Evidence(paragraph=1)], cow_code=705)])
    >>> frame = to_frame(ds, "states")
    >>> frame.loc["KAZ", "name"], str(frame["cow_code"].dtype)
    ('Kazakhstan', 'Int64')
    """
    if not isinstance(ds, Dataset):
        return result_frame(ds, table)
    data = rows(ds, table)  # type: ignore[arg-type]  # rows names the choices of a table that is None
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependencyError("pandas", "pandas", "to_frame") from exc
    columns, ints = _columns(table)  # type: ignore[arg-type]  # checked by rows
    frame = pd.DataFrame.from_records(data, columns=columns)
    for column in sorted(ints):
        frame[column] = frame[column].astype("Int64")
    return frame.set_index("id") if "id" in frame.columns else frame


def write_table(ds: Dataset, table: TableName, file: str | os.PathLike[str] | TextIO) -> None:
    """Write one table of *ds* as CSV, without pandas: the columns of :func:`rows`.

    Tuples are joined by ``";"``, booleans are ``true``/``false`` and a
    missing value is an empty cell. *file* is a path, written atomically
    (the whole table or nothing), or an open text file.

    Examples
    --------
    >>> import io
    >>> from centralasia.model import Evidence, State
    >>> ds = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=[Evidence(paragraph=1)], cow_code=705)])
    >>> buffer = io.StringIO()
    >>> write_table(ds, "states", buffer)
    >>> print(buffer.getvalue(), end="")
    id,name,paragraphs,background,cow_code,gw_code,wikidata,region,aliases
    KAZ,Kazakhstan,1,false,705,,,,
    """
    cells = [{k: _csv_cell(v) for k, v in row.items()} for row in rows(ds, table)]
    if isinstance(file, (str, os.PathLike)):
        name = checked_path(file, "file")
        write_file(name, utf8(csv_text(columns(table), cells), cells), field="file")
    elif callable(getattr(file, "write", None)):
        try:
            file.write(csv_text(columns(table), cells))
        except OSError as exc:  # the caller's stream: no path to name, but still our error
            raise DataError([Problem.at("$", f"cannot write the table: {exc.strerror or exc}")], "write failed") from exc
    else:
        raise ArgumentError("file", f"expected a path or an open text file, not {type(file).__name__} {file!r:.40}")


def _csv_cell(value: object) -> object:
    if isinstance(value, tuple):
        return SEPARATOR.join(map(str, value))
    if isinstance(value, bool):
        return str(value).lower()
    return value


def write_dataset(ds: Dataset, path: str | os.PathLike[str]) -> None:
    """Write *ds* as one JSON file in the library's own schema, which :func:`~centralasia.load` reads back.

    Examples
    --------
    >>> import os, tempfile
    >>> from centralasia import load
    >>> from centralasia.model import Evidence, State
    >>> ds = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=[Evidence(paragraph=1)])])
    >>> path = os.path.join(tempfile.mkdtemp(), "mine.json")
    >>> write_dataset(ds, path)
    >>> load(path) == ds
    True
    """
    if not isinstance(ds, Dataset):
        raise ArgumentError("ds", f"expected a Dataset, not {type(ds).__name__} {ds!r:.40}")
    name = checked_path(path)
    text = dumps(ds)
    write_file(name, utf8(text, is_json=True))


# --------------------------------------------------------------------------
# Networks
# --------------------------------------------------------------------------


def _json_of(value: object) -> JSONValue:
    """*value* as JSON data, lists and objects kept."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, enum.Enum):
        return _json_of(value.value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (PartialDate, _dt.date)):
        return str(value) if isinstance(value, PartialDate) else value.isoformat()
    if attrs.has(type(value)):
        return _json_of(converter.unstructure(value))
    if isinstance(value, Mapping):
        return {str(k): _json_of(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        items = [_json_of(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [_json_of(v) for v in value]
    return str(value)


def plain_value(value: object, *, lists: bool = False) -> PlainValue | list[JSONValue] | None:
    """*value* as a value networkx's writers accept.

    Enums become their values, dates and partial dates ISO strings, numbers
    (numpy's too) Python ``int`` or ``float``, records and mappings JSON text,
    and sets (sorted) and sequences lists when *lists* is true (node-link
    JSON), else their items joined by ``";"`` (GraphML, GEXF, CSV). ``None``
    stays ``None``: the writers leave such attributes out.

    Examples
    --------
    >>> from centralasia.model import Domain
    >>> plain_value({Domain.SECURITY, Domain.ECONOMIC})
    'economic;security'
    >>> plain_value({Domain.SECURITY, Domain.ECONOMIC}, lists=True)
    ['economic', 'security']
    >>> plain_value(PartialDate(2016, 2))
    '2016-02'
    """
    data = _json_of(value)
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        if lists:
            return data
        return SEPARATOR.join(v if isinstance(v, str) else json.dumps(v, sort_keys=True) for v in data)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _harmonize(table: list[dict[str, object]], floats: frozenset[str] = frozenset()) -> None:
    """Give each attribute one type across *table*, as GraphML and GEXF declare one.

    Mixed ints and floats become floats; any other mix becomes strings.
    """
    kinds: dict[str, set[type]] = {}
    for data in table:
        for key, value in data.items():
            kinds.setdefault(key, set()).add(type(value))
    for key, seen in kinds.items():
        if key in floats and seen <= {int, float}:
            target: type | None = float
        elif len(seen) <= 1:
            continue
        elif seen <= {int, float}:
            target = float
        elif list in seen:
            continue  # node-link JSON keeps lists; nothing to declare
        else:
            target = str
        for data in table:
            if key in data:
                value = data[key]
                if target is float:
                    data[key] = float(cast(float, value))
                elif isinstance(value, bool):
                    data[key] = str(value).lower()
                else:
                    data[key] = str(value)


def _plain_data(data: Mapping[str, object], lists: bool) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        plain = plain_value(value, lists=lists)
        if plain is not None and (lists or plain != ""):
            out[str(key)] = plain
    return out


def plain_graph(graph: nx.Graph[_N], *, lists: bool = False) -> nx.Graph[_N]:
    """A copy of *graph* whose graph, node and edge attributes are all plain values.

    Every value goes through :func:`plain_value`; ``None``, and empty strings
    and sets in formats without lists, are left out; an attribute that mixes
    types gets one (mixed numbers become floats, other mixes strings), and
    ``weight`` is always a float, as GEXF reads it back. Nodes, edges, keys
    and the graph class stay as they were.

    Examples
    --------
    >>> import networkx as nx
    >>> from centralasia.model import Domain
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("RUS", "KAZ", domain=Domain.SECURITY, weight=2, since=PartialDate(2016, 6))
    0
    >>> plain_graph(g).edges["RUS", "KAZ", 0]
    {'domain': 'security', 'weight': 2.0, 'since': '2016-06'}
    """
    out = _graph_of(graph).__class__()
    out.graph.update(_plain_data(graph.graph, lists))
    nodes = [(n, _plain_data(d, lists)) for n, d in graph.nodes(data=True)]
    _harmonize([d for _, d in nodes])
    out.add_nodes_from(nodes)
    if isinstance(graph, nx.MultiGraph) and isinstance(out, nx.MultiGraph):
        edges = [(u, v, k, _plain_data(d, lists)) for u, v, k, d in graph.edges(keys=True, data=True)]
        _harmonize([e[3] for e in edges], frozenset({"weight"}))
        for u, v, k, d in edges:
            out.add_edge(u, v, key=k, **d)
    else:
        simple = [(u, v, _plain_data(d, lists)) for u, v, d in graph.edges(data=True)]
        _harmonize([e[2] for e in simple], frozenset({"weight"}))
        out.add_edges_from(simple)
    return out


def _node_link(graph: nx.Graph[_N]) -> dict[str, JSONValue]:
    from networkx.readwrite import json_graph  # type: ignore[import-untyped, unused-ignore]

    data = json_graph.node_link_data(graph, edges="edges")
    return cast("dict[str, JSONValue]", _json_of(data))


def network_to_json(graph: nx.Graph[_N]) -> dict[str, JSONValue]:
    """*graph* as node-link JSON data (edges under ``"edges"``), attributes made plain.

    Read it back with ``networkx.node_link_graph(data, edges="edges")``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("CHN", "TJK", domain="security")
    0
    >>> data = network_to_json(g)
    >>> data["edges"]
    [{'domain': 'security', 'source': 'CHN', 'target': 'TJK', 'key': 0}]
    """
    return _node_link(plain_graph(graph, lists=True))


def _graph_of(graph: object) -> nx.Graph[Any]:
    if not isinstance(graph, nx.Graph):
        raise ArgumentError("graph", f"expected a networkx graph, not {type(graph).__name__} {graph!r:.40}")
    problems = number_problems(graph)
    if problems:  # JSON cannot hold them, and GraphML/GEXF would write "nan" no reader takes as a number
        raise DataError(problems, "cannot write a network holding NaN or an infinity")
    return graph


def write_node_link(graph: nx.Graph[_N], path: str | os.PathLike[str]) -> None:
    """Write *graph* as node-link JSON (see :func:`network_to_json`), atomically."""
    name = checked_path(path)
    text = json.dumps(network_to_json(_graph_of(graph)), ensure_ascii=False, indent=2) + "\n"
    write_file(name, utf8(text, is_json=True))


def write_graphml(graph: nx.Graph[_N], path: str | os.PathLike[str]) -> None:
    """Write *graph* as GraphML (yEd, Cytoscape, Gephi), attributes made plain, atomically.

    Read it back with ``networkx.read_graphml(path, force_multigraph=True)``
    for a multigraph; edge keys come back as ints where they look like ints.

    A node, key or attribute holding a character XML cannot (a control
    character, a lone surrogate) is a :class:`DataError`; nothing is written.
    """
    name = checked_path(path)
    plain = plain_graph(_graph_of(graph))
    write_file(name, xml_document(plain, lambda buffer: nx.write_graphml(plain, buffer, infer_numeric_types=True)))


#: Names GEXF gives a meaning of its own on nodes and on edges, so they cannot be plain attributes there.
_GEXF_NODE_RESERVED = frozenset({"id", "pid", "start", "end", "viz", "parents", "spells", "slices"})
_GEXF_EDGE_RESERVED = frozenset({"id", "type", "start", "end", "viz", "spells", "slices", "networkx_key"})


def _for_gexf(graph: nx.Graph[_N]) -> nx.Graph[_N]:
    out = plain_graph(graph)

    def rename(data: dict[str, object], reserved: frozenset[str] = _GEXF_EDGE_RESERVED) -> None:
        for name in sorted(reserved & set(data)):
            data[f"{name}_"] = data.pop(name)

    for node, data in out.nodes(data=True):
        rename(data, _GEXF_NODE_RESERVED)
        # Gephi shows the label; a node without one shows its id.
        data.setdefault("label", str(data.get("name", node)))
    if isinstance(out, nx.MultiGraph):
        for u, v, k, data in out.edges(keys=True, data=True):
            rename(data)
            data["id"] = f"{u}->{v}#{k}"
    else:
        for u, v, data in out.edges(data=True):
            rename(data)
            data["id"] = f"{u}->{v}"
    return out


def write_gexf(graph: nx.Graph[_N], path: str | os.PathLike[str]) -> None:
    """Write *graph* as GEXF 1.2, the format Gephi opens, atomically.

    Attributes are made plain; nodes get a ``label`` (their ``name``, else
    their id) and edges an ``id`` (``"source->target#key"``), which Gephi
    shows; attributes named like GEXF's own (``start``, ``end``, ``id``,
    and ``type`` on edges...) get a trailing underscore. Read it back with
    ``networkx.read_gexf(path)``. Text XML cannot hold is refused as by
    :func:`write_graphml`.
    """
    name = checked_path(path)
    plain = _for_gexf(_graph_of(graph))
    write_file(name, xml_document(plain, lambda buffer: nx.write_gexf(plain, buffer)))


def write_edge_list(graph: nx.Graph[_N], path: str | os.PathLike[str]) -> None:
    """Write the edges of *graph* as CSV: ``source``, ``target``, ``key`` (multigraphs), then every attribute.

    Sets and lists are joined by ``";"``; a missing attribute is an empty cell.
    ``pandas.read_csv`` and ``networkx.from_pandas_edgelist`` read it back.
    The file is written atomically.
    """
    name = checked_path(path)
    plain = plain_graph(_graph_of(graph))
    multi = isinstance(plain, nx.MultiGraph)
    edges: list[dict[str, object]] = []
    if isinstance(plain, nx.MultiGraph):
        for u, v, k, data in plain.edges(keys=True, data=True):
            edges.append({"source": u, "target": v, "key": k, **data})
    else:
        for u, v, data in plain.edges(data=True):
            edges.append({"source": u, "target": v, **data})
    fields = ["source", "target"] + (["key"] if multi else [])
    for row in edges:
        fields += [name for name in row if name not in fields]
    table = [{k: str(v).lower() if isinstance(v, bool) else v for k, v in row.items()} for row in edges]
    write_file(name, utf8(csv_text(fields, table), table))


#: The writer of each network format, which :func:`write_network` calls.
WRITERS: Mapping[Format, Callable[[nx.Graph[Any], str | os.PathLike[str]], None]] = MappingProxyType(
    {"graphml": write_graphml, "gexf": write_gexf, "json": write_node_link, "csv": write_edge_list}
)


def _format_of(name: str, fmt: object) -> Format:
    if fmt is None:
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in FORMATS:
            known = ", ".join(FORMATS)
            raise ArgumentError("path", f"cannot tell the format of {name!r:.160} from its suffix; use one of {known} or name the format")
        return FORMATS[suffix]
    if not isinstance(fmt, str) or fmt not in WRITERS:
        raise ArgumentError("format", f"unknown network format {fmt!r:.40}; expected one of {', '.join(WRITERS)}")
    return cast(Format, fmt)


def write_network(graph: nx.Graph[_N], path: str | os.PathLike[str], format: Format | None = None) -> Format:
    """Write *graph* to *path* as GraphML, GEXF, node-link JSON or a CSV edge list.

    The whole file is made first, then written to a temporary file beside
    *path* and renamed over it: on any failure (a full disk, an interrupt)
    an existing file at *path* is left as it was, and nothing else remains.

    Parameters
    ----------
    graph : networkx.Graph
        Any networkx graph; the influence network is a ``MultiDiGraph``.
    path : str or os.PathLike
        The file to write.
    format : {"graphml", "gexf", "json", "csv"}, optional
        By default guessed from the suffix of *path* (see :data:`FORMATS`).

    Returns
    -------
    str
        The format written.

    Raises
    ------
    ArgumentError
        If the format is unknown or cannot be guessed, or *graph* or *path*
        are of the wrong type (an ``ArgumentError`` is a ``ValueError`` too).
    DataError
        If the file cannot be written (naming it), or the graph holds text
        the format cannot (nothing is written then).

    Examples
    --------
    >>> import os, tempfile
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("RUS", "KAZ", domain="security")
    0
    >>> path = os.path.join(tempfile.mkdtemp(), "influence.gexf")
    >>> write_network(g, path)
    'gexf'
    >>> sorted(nx.read_gexf(path).edges())
    [('RUS', 'KAZ')]
    """
    name = checked_path(path)
    fmt = _format_of(name, format)
    WRITERS[fmt](_graph_of(graph), name)
    return fmt


def read_network(path: str | os.PathLike[str], format: Format | None = None) -> nx.MultiDiGraph[str]:
    """Read a network written by :func:`write_network` back as a ``MultiDiGraph``.

    For node-link JSON, GraphML and GEXF this uses networkx's own readers;
    the CSV edge list is read with :mod:`csv` (all values strings, as in the file).
    Only a regular file is read.

    Raises
    ------
    ArgumentError
        If the format is unknown or cannot be guessed from the suffix.
    DataError
        If the file cannot be read, or is not a network in that format; naming the path.
    """
    name = checked_path(path)
    return read_network_file(name, _format_of(name, format))
