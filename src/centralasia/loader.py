"""Loading datasets: the bundled article data (lazily, once) or a user's JSON file."""

from __future__ import annotations

import os
import threading
from importlib import resources

import cattrs

from centralasia import _fastjson
from centralasia._convert import converter, loads, parse_json, structure, to_text
from centralasia._files import checked_path, read_file, utf8, write_file
from centralasia.errors import ArgumentError, DataError, Problem
from centralasia.model import Dataset

__all__ = ["is_bundled", "load"]

_DATA_PACKAGE = "centralasia.data"
_bundled: Dataset | None = None
_lock = threading.Lock()


def _file_name(collection: str) -> str:
    return f"{collection}.json"


def _read_bundled() -> Dataset:
    texts = {name: entry.read_bytes() for name in Dataset.COLLECTIONS if (entry := resources.files(_DATA_PACKAGE).joinpath(_file_name(name))).is_file()}
    # The fast road first (orjson, no error paths); on any doubt the detailed one reads every file again.
    parsed = {name: _fastjson.parse(text) for name, text in texts.items()}
    if all(value is not _fastjson.FAILED for value in parsed.values()):
        keys = sum(_fastjson.key_ends(text) for text in texts.values()) + len(parsed)
        fast = _fastjson.structure(parsed, Dataset, keys)
        if isinstance(fast, Dataset):
            return fast
    return _read_bundled_detailed()


def _read_bundled_detailed() -> Dataset:
    document: dict[str, object] = {}
    root = resources.files(_DATA_PACKAGE)
    for name in Dataset.COLLECTIONS:
        entry = root.joinpath(_file_name(name))
        if entry.is_file():
            try:
                # The same strict parser as a user's file gets.
                document[name] = parse_json(entry.read_bytes())
            except DataError as exc:
                problems = [Problem.at(f"$.{name}{p.path[1:]}", f"{_file_name(name)}: {p.message}") for p in exc.problems]
                raise DataError(problems, "invalid bundled data") from exc
    return structure(document, Dataset)


def _read_bytes(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at *path*; :class:`DataError` naming it if it cannot be read.

    Only regular files are read: a directory, a device such as ``/dev/zero``,
    a FIFO or a socket is refused at once (nothing blocks), as is a file of
    more than *max_bytes* bytes. *path* is a ``str`` or ``os.PathLike``: an
    int is never taken for a file descriptor.

    Raises
    ------
    ArgumentError
        If *path* is not a non-empty ``str`` or ``os.PathLike`` (a :class:`DataError` too).
    DataError
        If the file cannot be read, is not a regular file or is too large.
    """
    return read_file(path, max_bytes=max_bytes, summary="cannot load dataset")


def load(path: str | os.PathLike[str] | None = None, *, max_bytes: int | None = None, converter: cattrs.BaseConverter | None = None) -> Dataset:
    """The bundled article dataset, or the dataset in the JSON file at *path*.

    The bundled data is read on the first call only (the package import reads
    nothing) and the same immutable :class:`Dataset` is handed out after that,
    also when the first calls come from several threads at once.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A JSON file holding one object whose keys are some of
        :attr:`Dataset.COLLECTIONS`, in the schema that :func:`dumps` writes.
        Only a regular file is read (see ``_read_bytes``).
    max_bytes : int, optional
        Refuse a file larger than this many bytes (by default any size).
    converter : cattrs.BaseConverter, optional
        Read the file with a converter of your own (from :func:`make_converter`), as
        :func:`loads` does; the bundled data is always read by the package's own.

    Raises
    ------
    ArgumentError
        If *path* is not a non-empty ``str`` or ``os.PathLike`` (such as an
        int, which is never taken for a file descriptor).
    DataError
        If the file cannot be read, is not a regular file, is too large, is
        not JSON or is not a valid dataset; every problem is listed with its
        JSON path. Nothing is half loaded.

    Examples
    --------
    >>> ds = load()
    >>> ds["KAZ"].cow_code
    705
    >>> load() is ds
    True
    >>> load(2)
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - a path is a str or os.PathLike, not int 2 @ $.path
    """
    global _bundled
    if path is not None:
        return loads(_read_bytes(path, max_bytes=max_bytes), Dataset, converter=converter)
    if max_bytes is not None:
        raise ArgumentError("max_bytes", "max_bytes limits a file of yours; the bundled data has none")
    if converter is not None:
        raise ArgumentError("converter", "a converter reads a file of yours; the bundled data is read by the package's own")
    if _bundled is None:
        with _lock:
            if _bundled is None:
                with _fastjson.collecting_paused():
                    _bundled = _read_bundled()
    return _bundled


def is_bundled(dataset: object) -> bool:
    """Whether *dataset* is the bundled article dataset :func:`load` gives (read already, never read here)."""
    return dataset is not None and dataset is _bundled


def _bundled_files(dataset: Dataset) -> dict[str, str]:
    """The canonical text of each bundled data file for *dataset*, by file name.

    Re-dumping the bundled dataset gives back its files byte for byte.
    """
    document = converter.unstructure(dataset)
    return {_file_name(name): to_text(document.get(name, []), records=True) for name in Dataset.COLLECTIONS}


def _dump_bundled(dataset: Dataset, directory: str | os.PathLike[str]) -> None:
    """Write *dataset* as the per-collection files :func:`load` reads (for maintainers)."""
    folder = checked_path(directory, "directory")
    for name, text in _bundled_files(dataset).items():
        write_file(os.path.join(folder, name), utf8(text))
