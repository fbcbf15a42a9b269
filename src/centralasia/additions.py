"""Your own records on top of a dataset: a JSON file of additions, checked against the base and merged.

A file of additions has the layout of a dataset file (an object whose keys
are some of :attr:`Dataset.COLLECTIONS <centralasia.model.Dataset.COLLECTIONS>`),
but its records may name ids of the base dataset, such as ``"KAZ"`` or
``"RUS"``, so it need not stand on its own the way :func:`centralasia.load`
requires a file to.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence

from centralasia._convert import parse_json, structure_collections
from centralasia._files import read_file
from centralasia._tables import dataset
from centralasia._text import shown
from centralasia.errors import ArgumentError, DataError, Problem
from centralasia.model import Dataset, Record

__all__ = ["extend", "read_additions"]

_RECORD_PATH = re.compile(r"\$\.(\w+)\[(\d+)\]")


def read_additions(text: str | bytes) -> dict[str, tuple[Record, ...]]:
    """The records of a JSON document of additions, each checked on its own.

    References to other records are not checked here (see :func:`extend`).

    Raises
    ------
    DataError
        If the text is not JSON, not an object of collections, or a record is
        invalid; every problem is listed with its JSON path in the document.

    Examples
    --------
    >>> records = read_additions('{"states": [{"id": "MNG", "name": "Mongolia", "evidence": [{"paragraph": 1}]}]}')
    >>> [s.id for s in records["states"]]
    ['MNG']
    """
    try:
        return structure_collections(parse_json(text))
    except DataError as exc:
        raise DataError(exc.problems, "invalid additions") from None


def _relocate(problem: Problem, additions: dict[str, tuple[Record, ...]], base: Dataset) -> Problem:
    """Say a problem of the combined dataset in terms of the additions file."""
    match = _RECORD_PATH.match(problem.path)
    if match is None:
        return problem
    name, index = match.group(1), int(match.group(2))
    added = len(additions.get(name, ()))
    if index < added:
        # The additions come first in the combined dataset: their paths are the file's.
        message = re.sub(r", first at \$\.(\w+)\[(\d+)\]", "", problem.message)
        return Problem.at(problem.path, message)
    # A base record clashing with an added one: report it at the added record.
    record: Record = getattr(base, name)[index - added]
    for i, mine in enumerate(additions.get(name, ())):
        if mine.id == record.id:
            return Problem.at(f"$.{name}[{i}].id", f"id {record.id!r} is already in the base dataset")
    for other, mine_records in additions.items():
        for i, mine in enumerate(mine_records):
            if mine.id == record.id:
                return Problem.at(f"$.{other}[{i}].id", f"id {record.id!r} is already in the base dataset")
    return problem


def _collections(additions: Mapping[str, Sequence[Record]]) -> dict[str, tuple[Record, ...]]:
    """The caller's records by collection, checked as a document's keys are: a misspelt name would drop its records."""
    out: dict[str, tuple[Record, ...]] = {}
    for name, records in additions.items():
        if not isinstance(name, str) or name not in Dataset.COLLECTIONS:
            raise ArgumentError("additions", f"unknown collection {shown(name)}; expected some of {', '.join(Dataset.COLLECTIONS)}")
        if not isinstance(records, (list, tuple)):
            raise ArgumentError(f"additions.{name}", f"the {name} to add must be a list or tuple of records, not {type(records).__name__}")
        out[name] = tuple(records)  # each record is checked with the dataset, at its path
    return out


def extend(base: Dataset, additions: str | os.PathLike[str] | Mapping[str, Sequence[Record]]) -> Dataset:
    """*base* with the records of a file of additions added after its own.

    The result is what :meth:`Dataset.merge <centralasia.model.Dataset.merge>`
    would give if the additions could stand alone: the same records in the
    same order, checked as one dataset. Unlike a file for
    :func:`centralasia.load`, the additions may name records of *base*.

    Parameters
    ----------
    base : Dataset
        The dataset to extend, e.g. ``centralasia.load()``.
    additions : path-like or mapping
        A JSON file of additions, or records by collection name (lists or
        tuples), as :func:`read_additions` returns them.

    Raises
    ------
    DataError
        If the file cannot be read, or any record is invalid, names an id
        that neither file has, or reuses an id of *base*; every problem is
        listed with its JSON path in the additions file.
    ArgumentError
        If *base* is no dataset, *additions* neither a path nor a mapping, a
        key of the mapping no collection name (a misspelt one would drop its
        records), or a value no list or tuple of records.

    Examples
    --------
    >>> from centralasia.model import Evidence, State
    >>> base = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=[Evidence(paragraph=1)]), State(id="RUS", name="Russia", evidence=[Evidence(paragraph=1)])])
    >>> records = read_additions('''{"roles": [{"id": "r1", "actor": "KAZ", "role": "balancer",
    ...   "domain": "diplomatic", "over": ["RUS"], "summary": "Balances.", "evidence": [{"paragraph": 10}]}]}''')
    >>> [r.id for r in extend(base, records).roles]
    ['r1']
    >>> extend(base, {"roles": (records["roles"][0], records["roles"][0])})
    Traceback (most recent call last):
    ...
    centralasia.errors.DataError: invalid additions: 1 problem
      - duplicate id 'r1' @ $.roles[1].id
    >>> extend(base, {"role": records["roles"]})
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - unknown collection 'role'; expected some of states, organizations, people, agreements, arms_transfers, events, statements, roles, scenarios, claims @ $.additions
    """
    dataset(base, "base")
    if isinstance(additions, Mapping):
        records = _collections(additions)
    elif isinstance(additions, (str, os.PathLike)):
        records = read_additions(read_file(additions, summary="cannot load dataset"))
    else:
        raise ArgumentError("additions", f"additions must be a path or a mapping of collection names to records, not {type(additions).__name__}")
    try:
        # Additions first, so that the paths of their problems are those of the file.
        Dataset(**{name: records.get(name, ()) + getattr(base, name) for name in Dataset.COLLECTIONS})  # type: ignore[arg-type, unused-ignore]
    except DataError as exc:
        raise DataError([_relocate(p, records, base) for p in exc.problems], "invalid additions") from None
    return Dataset(**{name: getattr(base, name) + records.get(name, ()) for name in Dataset.COLLECTIONS})  # type: ignore[arg-type, unused-ignore]
