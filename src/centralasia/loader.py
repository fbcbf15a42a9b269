"""Loading datasets: the bundled article data (lazily, once) or a user's JSON file."""

from __future__ import annotations

import os
import threading
from importlib import resources

from centralasia.convert import converter, loads, structure, to_text
from centralasia.errors import DataError, Problem
from centralasia.model import Dataset

__all__ = ["bundled_files", "dump_bundled", "load", "read_bytes"]

_DATA_PACKAGE = "centralasia.data"
_bundled: Dataset | None = None
_lock = threading.Lock()


def _file_name(collection: str) -> str:
    return f"{collection}.json"


def _read_bundled() -> Dataset:
    import json

    document: dict[str, object] = {}
    root = resources.files(_DATA_PACKAGE)
    for name in Dataset.COLLECTIONS:
        entry = root.joinpath(_file_name(name))
        if entry.is_file():
            try:
                document[name] = json.loads(entry.read_text(encoding="utf-8"))
            except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
                problem = Problem.at(f"$.{name}", f"{_file_name(name)} is not JSON: {exc}")
                raise DataError([problem], "invalid bundled data") from exc
    return structure(document, Dataset)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at *path*; :class:`DataError` naming it if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise DataError([Problem.at("$", f"cannot read {os.fspath(path)!r}: {exc.strerror or exc}")], "cannot load dataset") from exc


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The bundled article dataset, or the dataset in the JSON file at *path*.

    The bundled data is read on the first call only (the package import reads
    nothing) and the same immutable :class:`Dataset` is handed out after that,
    also when the first calls come from several threads at once.

    Parameters
    ----------
    path : path-like, optional
        A JSON file holding one object whose keys are some of
        :attr:`Dataset.COLLECTIONS`, in the schema that :func:`dumps` writes.

    Raises
    ------
    DataError
        If the file cannot be read, is not JSON or is not a valid dataset;
        every problem is listed with its JSON path. Nothing is half loaded.

    Examples
    --------
    >>> ds = load()
    >>> ds["KAZ"].cow_code
    705
    >>> load() is ds
    True
    """
    global _bundled
    if path is not None:
        return loads(read_bytes(path), Dataset)
    if _bundled is None:
        with _lock:
            if _bundled is None:
                _bundled = _read_bundled()
    return _bundled


def bundled_files(dataset: Dataset) -> dict[str, str]:
    """The canonical text of each bundled data file for *dataset*, by file name.

    Re-dumping the bundled dataset gives back its files byte for byte.
    """
    document = converter.unstructure(dataset)
    return {_file_name(name): to_text(document.get(name, [])) for name in Dataset.COLLECTIONS}


def dump_bundled(dataset: Dataset, directory: str | os.PathLike[str]) -> None:
    """Write *dataset* as the per-collection files :func:`load` reads (for maintainers)."""
    for name, text in bundled_files(dataset).items():
        with open(os.path.join(directory, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
