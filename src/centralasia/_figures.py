"""The drawing helpers of :mod:`centralasia.plot`: argument checks, node groups and labels, layout and edge selection."""

from __future__ import annotations

import enum
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Literal, TypeVar, cast

import networkx as nx

from centralasia.errors import ArgumentError, UnknownIdError
from centralasia.model import Dataset, Domain, Organization, Region, State

__all__ = [
    "DOMAINS_WANTED",
    "POWERS",
    "actors",
    "arc",
    "edge_domain",
    "edge_weight",
    "group",
    "label",
    "layout",
    "listed",
    "literal",
    "plain",
    "selection",
    "spread",
    "wanted_domains",
    "wrap_label",
]

_N = TypeVar("_N", bound=Hashable)

#: The most characters of a name shown below a node.
_NAME_WIDTH = 48

#: The outside powers the article weighs against each other, in drawing order.
POWERS: tuple[str, ...] = ("RUS", "CHN", "USA")


def listed(value: object, field: str, what: str) -> list[object]:
    """The items of *value*: an :class:`ArgumentError` for a lone ``str`` (or ``bytes``), which would be read letter by letter, or anything not iterable."""
    if isinstance(value, (str, bytes, bytearray, Domain)) or not isinstance(value, Iterable):
        raise ArgumentError(field, f"{field} is {what}, not {type(value).__name__} {value!r:.40}")
    return list(value)


def plain(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def group(node: Hashable, data: Mapping[str, object], ds: Dataset | None) -> str:
    if str(node) in POWERS:
        return "power"
    if data.get("central_asian") is True:
        return "central-asia"
    record = ds.get(str(node)) if ds is not None else None
    if isinstance(record, State):
        return "central-asia" if record.region is Region.CENTRAL_ASIA else "other-state"
    if isinstance(record, Organization):
        return "organization"
    region = data.get("region")
    if region is not None:
        return "central-asia" if plain(region) == Region.CENTRAL_ASIA.value else "other-state"
    if data.get("type") == "state":
        return "other-state"
    return "organization"


def label(node: Hashable, data: Mapping[str, object], ds: Dataset | None) -> tuple[str, str]:
    """The short label inside a node (an ISO code or an acronym) and the name below it."""
    record = ds.get(str(node)) if ds is not None else None
    acronym = data.get("acronym", getattr(record, "acronym", None))
    name = data.get("name", getattr(record, "name", None))
    name = name if isinstance(name, str) else str(node)
    if len(name) > _NAME_WIDTH:  # a name of thousands of characters would squeeze the map to nothing
        name = name[: _NAME_WIDTH - 1] + "\u2026"
    is_state = data.get("type") == "state" or isinstance(record, State)
    short = str(node) if is_state else acronym if isinstance(acronym, str) else name if len(name) <= 8 else str(node)
    if len(short) > 8:
        short = short[:7] + "\u2026"
    return literal(short), "" if name == short else literal(wrap_label(name))


def literal(text: str) -> str:
    """*text* as matplotlib shows it verbatim: a ``$`` of the data escaped, never read as mathtext (which "$x^$" would break)."""
    return text.replace("$", "\\$")


def wrap_label(text: str, width: int = 16) -> str:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines) or text


def spread(nodes: Sequence[_N], y: float, width: float) -> dict[_N, tuple[float, float]]:
    if len(nodes) == 1:
        return {nodes[0]: (0.0, y)}
    step = 2 * width / max(len(nodes) - 1, 1)
    return {n: (-width + i * step, y) for i, n in enumerate(nodes)}


def arc(nodes: Sequence[_N], y: float, width: float, depth: float) -> dict[_N, tuple[float, float]]:
    """*nodes* on a shallow arc opening upwards, so that edges between them do not run through each other."""
    if len(nodes) <= 2:
        return spread(nodes, y, width * 0.6)
    out: dict[_N, tuple[float, float]] = {}
    for i, n in enumerate(nodes):
        t = math.pi * (1.1 + 0.8 * i / (len(nodes) - 1))
        out[n] = (width * math.cos(t) / math.cos(math.pi * 0.1), y + depth * math.sin(t))
    return out


def layout(groups: Mapping[_N, str]) -> dict[_N, tuple[float, float]]:
    """Powers on top, Central Asian states on an arc below, everything else between."""
    powers = sorted((n for n, g in groups.items() if g == "power"), key=lambda n: POWERS.index(str(n)))
    if len(powers) == 3:  # Russia and China apart, the United States between and above
        powers = [powers[0], powers[2], powers[1]]
    central = sorted((n for n, g in groups.items() if g == "central-asia"), key=str)
    others = sorted((n for n, g in groups.items() if g not in ("power", "central-asia")), key=lambda n: (groups[n], str(n)))
    pos: dict[_N, tuple[float, float]] = {}
    if powers:
        pos.update(spread(powers, 1.0, 0.75))
        if len(powers) == 3:
            pos[powers[1]] = (0.0, 1.25)
    pos.update(arc(central, -0.55, 1.0, 0.45))
    # The rest in rows of at most five, staggered so that names do not collide.
    rows = [others[i : i + 5] for i in range(0, len(others), 5)]
    for i, row in enumerate(rows):
        y = 0.3 if len(rows) == 1 else 0.62 - 0.75 * i / (len(rows) - 1)
        pos.update(spread(row, y, 1.3 if i % 2 == 0 else 1.0))
    return pos


def edge_domain(data: Mapping[str, object]) -> str:
    value = data.get("domain")
    return plain(value) if value is not None else "other"


def edge_weight(data: Mapping[str, object]) -> float:
    value = data.get("weight", 1.0)
    return float(value) if isinstance(value, (int, float)) else 1.0


def actors(actors: object) -> list[object] | Literal["all"] | None:
    """*actors* checked: ``None``, ``"all"`` or a list of node ids (never a lone id, which would be read letter by letter)."""
    if actors is None or (isinstance(actors, str) and actors == "all"):
        return "all" if actors is not None else None
    return listed(actors, "actors", "'all' or a list of node ids, such as ['RUS', 'KAZ']")


def selection(graph: nx.Graph[_N], groups: Mapping[_N, str], actors: list[object] | Literal["all"] | None) -> list[_N]:
    if actors == "all":
        return [n for n in graph if graph.degree(n) > 0]
    if actors is None:
        return [n for n in graph if groups[n] in ("power", "central-asia")]
    chosen = list(actors)
    missing = [str(n) for n in chosen if n not in graph]
    if missing:
        raise UnknownIdError(missing[0], "node")
    return cast("list[_N]", chosen)  # each is a node of the graph


DOMAINS_WANTED = "a list of domains, such as ['security']"


def wanted_domains(graph: nx.Graph[_N], domains: object) -> set[str]:
    """The domains *domains* names: each a Domain or the domain of an edge of *graph*, at least one."""
    names = listed(domains, "domains", DOMAINS_WANTED)
    valid = [d.value for d in Domain] + sorted({edge_domain(data) for _, _, data in graph.edges(data=True)} - {d.value for d in Domain})
    for name in names:
        if not isinstance(name, (str, Domain)) or plain(name) not in valid:
            raise ArgumentError("domains", f"unknown domain {name!r:.40}; the domains are {', '.join(valid)}")
    if not names:
        raise ArgumentError("domains", f"name at least one domain of {', '.join(valid)}")
    return {plain(name) for name in names}
