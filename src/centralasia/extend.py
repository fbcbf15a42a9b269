"""Your own records on top of a dataset: a JSON file of additions, checked against the base and merged.

A file of additions has the layout of a dataset file (an object whose keys
are some of :attr:`Dataset.COLLECTIONS <centralasia.model.Dataset.COLLECTIONS>`),
but its records may name ids of the base dataset, such as ``"KAZ"`` or
``"RUS"``, so it need not stand on its own the way :func:`centralasia.load`
requires a file to.
"""

from __future__ import annotations

import json
import os
import re
from typing import get_type_hints

from centralasia.convert import structure
from centralasia.errors import DataError, Problem
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
        data = json.loads(text)
    except RecursionError as exc:
        raise DataError([Problem.at("$", "JSON nested too deeply")], "invalid JSON") from exc
    except ValueError as exc:
        raise DataError([Problem.at("$", f"not JSON: {exc}")], "invalid JSON") from exc
    if not isinstance(data, dict):
        raise DataError([Problem.at("$", f"expected an object of collections, got {type(data).__name__}")], "invalid additions")
    problems: list[Problem] = []
    unknown = sorted(set(data) - set(Dataset.COLLECTIONS))
    if unknown:
        expected = ", ".join(Dataset.COLLECTIONS)
        problems.append(Problem.at("$", f"unknown collections: {', '.join(unknown)}; expected some of {expected}"))
    hints = get_type_hints(Dataset)
    records: dict[str, tuple[Record, ...]] = {}
    for name in Dataset.COLLECTIONS:
        if name not in data:
            continue
        try:
            records[name] = structure(data[name], hints[name], f"$.{name}")
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems, "invalid additions")
    return records


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


def extend(base: Dataset, additions: str | os.PathLike[str] | dict[str, tuple[Record, ...]]) -> Dataset:
    """*base* with the records of a file of additions added after its own.

    The result is what :meth:`Dataset.merge <centralasia.model.Dataset.merge>`
    would give if the additions could stand alone: the same records in the
    same order, checked as one dataset. Unlike a file for
    :func:`centralasia.load`, the additions may name records of *base*.

    Parameters
    ----------
    base : Dataset
        The dataset to extend, e.g. ``centralasia.load()``.
    additions : path-like or dict
        A JSON file of additions, or records as :func:`read_additions` returns them.

    Raises
    ------
    DataError
        If the file cannot be read, or any record is invalid, names an id
        that neither file has, or reuses an id of *base*; every problem is
        listed with its JSON path in the additions file.

    Examples
    --------
    >>> from centralasia.model import Evidence, State
    >>> base = Dataset(states=[State("KAZ", "Kazakhstan", [Evidence(paragraph=1)])])
    >>> records = read_additions('''{"roles": [{"id": "r1", "actor": "KAZ", "role": "balancer",
    ...   "domain": "diplomatic", "over": ["KAZ"], "summary": "Balances.", "evidence": [{"paragraph": 10}]}]}''')
    >>> [r.id for r in extend(base, records).roles]
    ['r1']
    >>> extend(base, {"roles": (records["roles"][0], records["roles"][0])})
    Traceback (most recent call last):
    ...
    centralasia.errors.DataError: invalid additions: 1 problem
      - duplicate id 'r1' @ $.roles[1].id
    """
    if isinstance(additions, dict):
        records = additions
    else:
        try:
            with open(additions, "rb") as handle:
                text = handle.read()
        except OSError as exc:
            raise DataError([Problem.at("$", f"cannot read {os.fspath(additions)!r}: {exc.strerror or exc}")], "cannot load additions") from exc
        records = read_additions(text)
    try:
        # Additions first, so that the paths of their problems are those of the file.
        Dataset(**{name: records.get(name, ()) + getattr(base, name) for name in Dataset.COLLECTIONS})  # type: ignore[arg-type, unused-ignore]
    except DataError as exc:
        raise DataError([_relocate(p, records, base) for p in exc.problems], "invalid additions") from None
    return Dataset(**{name: getattr(base, name) + records.get(name, ()) for name in Dataset.COLLECTIONS})  # type: ignore[arg-type, unused-ignore]
