"""File helpers shared inside the package: checked paths, reads of regular files only, atomic writes, writable text, terminal output."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import math
import os
import re
import secrets
import stat
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from centralasia.errors import ArgumentError, DataError, Problem

if TYPE_CHECKING:
    import networkx as nx
    from _typeshed import SupportsWrite

__all__ = [
    "Stream",
    "checked_path",
    "csv_text",
    "read_file",
    "json_visible",
    "read_network_file",
    "quoted",
    "text_problems",
    "utf8",
    "visible",
    "write_error",
    "write_file",
    "xml_document",
    "xml_problems",
]

#: Opened without waiting (a FIFO with no writer), without taking a terminal, and not inherited by children.
_OPEN_FLAGS = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

#: How much of a temporary file's name comes from the target's (file names are at most 255 bytes).
_TEMP_STEM = 80

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)

#: Lone surrogates, which a str may hold and UTF-8 cannot.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters XML 1.0 cannot hold at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

#: Unicode categories a terminal does not show as themselves, which are controls, format characters (bidi
#: overrides, zero-width), line and paragraph separators, surrogates and unassigned code points.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"})
#: The characters worth a look, anything but printable ASCII, and the newline and tab of multi-line text.
_SUSPECT = re.compile(r"[^\x20-\x7e\n\t]")
_SUSPECT_IN_LINE = re.compile(r"[^\x20-\x7e]")


def quoted(path: str) -> str:
    """*path* as messages show it: quoted, escaped and cut."""
    return f"{path!r:.160}"


def checked_path(path: object, field: str = "path") -> str:
    """*path* as a ``str``; :class:`ArgumentError` unless it is a non-empty ``str`` or ``os.PathLike`` of one.

    An int is never taken for a file descriptor, nor bytes for a name.

    Examples
    --------
    >>> from pathlib import Path
    >>> checked_path(Path("data") / "mine.json")
    'data/mine.json'
    >>> checked_path(2)
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - a path is a str or os.PathLike, not int 2 @ $.path
    """
    if isinstance(path, str):
        text = path
    elif isinstance(path, os.PathLike):
        text = os.fspath(path)
        if not isinstance(text, str):
            raise ArgumentError(field, f"a path is a str or os.PathLike of str, not of {type(text).__name__}")
    else:
        raise ArgumentError(field, f"a path is a str or os.PathLike, not {type(path).__name__} {path!r:.40}")
    if not text:
        raise ArgumentError(field, "the path is empty")
    if "\0" in text:
        raise ArgumentError(field, f"a path cannot hold a NUL character: {quoted(text)}")
    try:
        os.fsencode(text)
    except UnicodeError:
        raise ArgumentError(field, f"the path cannot be a file name on this system: {quoted(text)}") from None
    return text


def _kind(mode: int) -> str | None:
    """What a non-regular file is, or ``None`` for a regular file."""
    return next((name for test, name in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def _require_regular(name: str, mode: int) -> None:
    """An OS error (the cause of ours) for what is not a regular file."""
    kind = _kind(mode)
    if kind is not None:
        error = IsADirectoryError if stat.S_ISDIR(mode) else OSError
        raise error(errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL, f"it is {kind}, not a regular file", name)


def _read_error(name: str, reason: str, summary: str) -> DataError:
    return DataError([Problem.at("$", f"cannot read {quoted(name)}: {reason}")], summary)


def write_error(name: str, error: OSError | str) -> DataError:
    """Our :class:`DataError` for a file that cannot be written, naming it."""
    reason = error if isinstance(error, str) else error.strerror or str(error)
    return DataError([Problem.at("$", f"cannot write {quoted(name)}: {reason}")], "cannot write file")


def read_file(path: object, *, max_bytes: int | None = None, field: str = "path", summary: str = "cannot read file") -> bytes:
    """The bytes of the regular file at *path*, read without blocking on special files.

    Directories, devices (``/dev/zero``), FIFOs and sockets are refused before
    they are read, as is a file past *max_bytes*; every OS error becomes a
    :class:`DataError` naming the path.
    """
    name = checked_path(path, field)
    if max_bytes is not None and (not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes < 0):
        raise ArgumentError("max_bytes", f"max_bytes is a whole number of bytes, at least 0, not {max_bytes!r:.40}")
    try:
        # Refused before opening: opening a device can itself do something.
        _require_regular(name, os.stat(name).st_mode)
        fd = os.open(name, os.O_RDONLY | _OPEN_FLAGS)
        try:
            status = os.fstat(fd)  # the file opened, which may have been swapped since the stat
            _require_regular(name, status.st_mode)
            if max_bytes is not None and status.st_size > max_bytes:
                raise _read_error(name, f"it has {status.st_size} bytes, more than the limit of {max_bytes} bytes", summary)
            chunks: list[bytes] = []
            total = 0
            while chunk := os.read(fd, max(status.st_size + 1, 1 << 16)):
                total += len(chunk)
                if max_bytes is not None and total > max_bytes:
                    raise _read_error(name, f"it has more than the limit of {max_bytes} bytes", summary)
                chunks.append(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _read_error(name, exc.strerror or str(exc), summary) from exc
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_special(name: str, data: bytes) -> None:
    """Write into a device or FIFO (``/dev/null``, ``/dev/stdout``) in place: it has no old content to keep."""
    # Non-blocking open: a FIFO nobody reads is an error at once, not a wait.
    fd = os.open(name, os.O_WRONLY | _OPEN_FLAGS)
    try:
        os.set_blocking(fd, True)
        _write_all(fd, data)
    finally:
        os.close(fd)


def _create_temp(directory: str, base: str) -> tuple[str, int]:
    """A new file beside the target, created with the mode a plain ``open`` would give it (the umask applies)."""
    for _ in range(100):
        temp = os.path.join(directory, f".{base[:_TEMP_STEM]}.{secrets.token_hex(6)}.tmp")
        try:
            return temp, os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _OPEN_FLAGS, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {directory!r}")


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable, where the system allows opening a directory."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_file(path: object, data: bytes, *, field: str = "path") -> None:
    """Write *data* to *path* atomically: all of it, or nothing and the old file untouched.

    The bytes go to a temporary file in the target's directory, which is
    flushed to disk and then renamed over the target; on any failure or
    interrupt the temporary file is removed. A symlink is written through
    (the file it names is replaced), an existing file keeps its permissions,
    a directory is refused, and devices and FIFOs are written in place.
    Every OS error becomes a :class:`DataError` naming the path.
    """
    name = checked_path(path, field)
    try:
        try:
            status: os.stat_result | None = os.stat(name)
        except FileNotFoundError:
            status = None
        if status is not None and stat.S_ISDIR(status.st_mode):
            raise write_error(name, "it is a directory")
        if status is not None and not stat.S_ISREG(status.st_mode):
            _write_special(name, data)
            return
        target = os.path.realpath(name)
        directory = os.path.dirname(target)
        temp, fd = _create_temp(directory, os.path.basename(target))
    except OSError as exc:
        raise write_error(name, exc) from exc
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if status is not None:
            os.chmod(temp, stat.S_IMODE(status.st_mode))
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise write_error(name, exc) from exc
        raise
    _sync_directory(directory)


def text_problems(value: object, path: str = "$", *, xml: bool = False, limit: int = 10) -> list[Problem]:
    """Where the JSON-like *value* holds text that cannot be written: lone surrogates, and with *xml* what XML 1.0 cannot hold.

    Keys are checked as well as values; at most *limit* problems are listed.

    Examples
    --------
    >>> text_problems({"states": [{"name": "Ka\\ud800z"}]})
    ["lone surrogate '\\\\ud800' cannot be written as UTF-8 @ $.states[0].name"]
    >>> text_problems({"name": "a\\x1bb"}, xml=True)
    ["character '\\\\x1b' cannot be written in XML @ $.name"]
    """
    found: list[Problem] = []
    pattern = _NOT_XML if xml else _SURROGATE

    def check(text: str, where: str) -> None:
        bad = pattern.search(text)
        if bad is not None and len(found) < limit:
            char = bad.group()
            what = f"lone surrogate {char!r} cannot be written as UTF-8" if _SURROGATE.match(char) else f"character {char!r} cannot be written in XML"
            found.append(Problem.at(where, what))

    stack: list[tuple[object, str]] = [(value, path)]
    while stack and len(found) < limit:
        item, where = stack.pop()
        if isinstance(item, str):
            check(item, where)
        elif isinstance(item, Mapping):
            for key, sub in reversed(list(item.items())):
                label = str(key)
                inner = f"{where}.{label}" if label.isidentifier() else f"{where}[{label!r:.40}]"
                check(label, inner)
                stack.append((sub, inner))
        elif isinstance(item, (list, tuple)):
            stack.extend((sub, f"{where}[{i}]") for i, sub in reversed(list(enumerate(item))))
    return found


def utf8(text: str, data: object = None, *, is_json: bool = False) -> bytes:
    """*text* as UTF-8; a :class:`DataError` naming where a lone surrogate stands.

    The place is looked for in *data* (what *text* was made from), or in *text*
    itself read as JSON when *is_json*; only when encoding fails.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        source = json.loads(text) if is_json else text if data is None else data
        problems = text_problems(source) or [Problem.at("$", "the text holds a lone surrogate, which cannot be written as UTF-8")]
        raise DataError(problems, "cannot write text that is not valid Unicode") from None


def _escape(char: str) -> str:
    return char.encode("unicode_escape").decode("ascii") if unicodedata.category(char) in _HIDDEN else char


def _json_escape(char: str) -> str:
    if unicodedata.category(char) not in _HIDDEN:
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a JSON escape of an astral character is a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """*text* for a terminal: every character it would act on or hide escaped; newlines and tabs too if *one_line*.

    Examples
    --------
    >>> print(visible("bad\\nkey\\x1b[2J \\u202eevil"))
    bad
    key\\x1b[2J \\u202eevil
    >>> print(visible("bad\\nkey", one_line=True))
    bad\\nkey
    """
    return (_SUSPECT_IN_LINE if one_line else _SUSPECT).sub(lambda m: _escape(m.group()), text)


def json_visible(text: str) -> str:
    """JSON *text* for a terminal: the characters :func:`visible` escapes, as JSON escapes (the same JSON).

    Examples
    --------
    >>> json_visible('{"name": "a\\u202eb"}')
    '{"name": "a\\\\u202eb"}'
    """
    return _SUSPECT.sub(lambda m: _json_escape(m.group()), text)


def csv_text(fields: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """*rows* as CSV text with the header *fields*, lines ending in ``"\\n"``."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def xml_problems(graph: nx.Graph[Any]) -> list[Problem]:
    """Where the plain *graph* holds text XML cannot: ids, attribute names and values."""
    import networkx as nx

    found = text_problems(graph.graph, "$.graph", xml=True)
    for node, data in graph.nodes(data=True):
        where = f"$.nodes[{str(node)!r:.40}]"
        found += text_problems(str(node), where, xml=True) + text_problems(data, where, xml=True)
    edges: Iterable[tuple[Any, ...]] = graph.edges(keys=True, data=True) if isinstance(graph, nx.MultiGraph) else graph.edges(data=True)
    for *ends, data in edges:
        where = f"$.edges[{'->'.join(map(str, ends))!r:.60}]"
        found += text_problems("".join(map(str, ends)), where, xml=True) + text_problems(data, where, xml=True)
    return found[:10]


def xml_document(plain: nx.Graph[Any], write: Callable[[io.BytesIO], None]) -> bytes:
    """The XML *write* makes of the *plain* graph; :class:`DataError` (nothing made) if a reader could not read it back."""
    problems = xml_problems(plain)
    if problems:
        raise DataError(problems, "cannot write text that XML cannot hold")
    buffer = io.BytesIO()
    write(buffer)
    return buffer.getvalue()


def read_network_file(name: str, fmt: str) -> nx.MultiDiGraph[str]:
    """The network in the regular file *name* of format *fmt*; :class:`DataError` naming the file for anything wrong with it."""
    import networkx as nx

    content = read_file(name, summary="cannot read network")
    try:
        return _parse_network(content, fmt)
    except DataError as exc:
        raise DataError([Problem.at(p.path, f"{quoted(name)}: {p.message}") for p in exc.problems], "cannot read network") from None
    except (ValueError, TypeError, LookupError, AttributeError, SyntaxError, RecursionError, nx.NetworkXException) as exc:
        # What networkx's readers (and the XML and JSON parsers under them) raise on a file they cannot make a graph of.
        problem = Problem.at("$", f"{quoted(name)} is not a {fmt} network networkx can read: {type(exc).__name__}: {exc!s:.200}")
        raise DataError([problem], "cannot read network") from None


def strict_json(content: bytes | str) -> object:
    """*content* parsed as JSON, refusing what :func:`json.loads` lets through: a repeated key, NaN, Infinity."""

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, value in items:
            if key in out:
                raise DataError([Problem.at("$", f"duplicate key {key!r:.40} in an object")], "invalid JSON")
            out[key] = value
        return out

    def constant(name: str) -> object:
        raise DataError([Problem.at("$", f"{name} is not a JSON number")], "invalid JSON")

    return json.loads(content, object_pairs_hook=pairs, parse_constant=constant)


def number_problems(graph: object, limit: int = 10) -> list[Problem]:
    """Where the attributes of *graph* (a networkx graph) hold a number no file format can hold: NaN or an infinity."""
    found: list[Problem] = []
    nodes = getattr(graph, "nodes", None)
    edges = getattr(graph, "edges", None)
    if nodes is None or edges is None:
        return found
    for node, data in nodes(data=True):
        found += [Problem.at(f"$.nodes[{node!r:.40}].{key}", f"{value!r} is not a finite number") for key, value in data.items() if _not_finite(value)]
    for i, (_, _, data) in enumerate(edges(data=True)):
        found += [Problem.at(f"$.edges[{i}].{key}", f"{value!r} is not a finite number") for key, value in data.items() if _not_finite(value)]
    return found[:limit]


def _not_finite(value: object) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def _parse_network(content: bytes, fmt: str) -> nx.MultiDiGraph[str]:
    """The network in *content*, a file of format *fmt* (``json``, ``graphml``, ``gexf`` or ``csv``).

    Raises :class:`DataError` for what it checks itself, and lets networkx's
    readers raise what they raise: the caller names the file.
    """
    import networkx as nx

    graph: nx.MultiDiGraph[str]
    if fmt == "json":
        from networkx.readwrite import json_graph  # type: ignore[import-untyped, unused-ignore]

        data = strict_json(content)
        if not isinstance(data, dict):
            raise DataError([Problem.at("$", f"expected a node-link object, got {type(data).__name__}")])
        read = json_graph.node_link_graph(data, directed=True, multigraph=True, edges="edges")
        graph = nx.MultiDiGraph(read)
    elif fmt == "graphml":
        graph = nx.MultiDiGraph(nx.read_graphml(io.BytesIO(content), force_multigraph=True))
    elif fmt == "gexf":
        graph = nx.MultiDiGraph(nx.read_gexf(io.BytesIO(content)))
    else:
        graph = nx.MultiDiGraph()
        reader = csv.DictReader(io.StringIO(content.decode("utf-8"), newline=""))
        if reader.fieldnames is None or not {"source", "target"} <= set(reader.fieldnames):
            raise DataError([Problem.at("$", "a CSV edge list starts with the columns source and target")])
        for row in reader:
            source, target, key = row.pop("source"), row.pop("target"), row.pop("key", None)
            if None in row or source is None or target is None:
                raise DataError([Problem.at(f"$[{reader.line_num}]", "the row does not have the header's columns")])
            data = {k: v for k, v in row.items() if v not in ("", None)}
            graph.add_edge(source, target, key=key, **data)
    return graph


class Stream:
    """Standard output or error as the command line writes to it.

    Text has the characters a terminal would act on escaped, and what the
    stream's encoding cannot hold backslash-escaped (a latin-1 terminal never
    gives a traceback); bytes go to the stream's binary buffer as they are.
    A closed stream is an error of ours.
    """

    def __init__(self, stream: SupportsWrite[str] | None, name: str) -> None:
        self.stream = stream
        self.name = name

    def _open(self) -> SupportsWrite[str]:
        if self.stream is None or getattr(self.stream, "closed", False):
            raise DataError([], f"cannot write to standard {self.name}: it is closed")
        return self.stream

    def write(self, text: str, *, as_json: bool = False) -> None:
        """Write *text* for a terminal; *as_json*, escaped so that it stays the same JSON."""
        self.write_text(json_visible(text) if as_json else visible(text))

    def write_text(self, text: str) -> None:
        """Write *text* as it is, but for what the stream's encoding cannot hold."""
        stream = self._open()
        encoding = getattr(stream, "encoding", None)
        if isinstance(encoding, str):
            try:
                text = text.encode(encoding, "backslashreplace").decode(encoding)
            except LookupError:  # a stream naming a codec Python does not know
                pass
        stream.write(text)

    def write_bytes(self, data: bytes) -> None:
        """Write *data* (UTF-8) as it is: to the binary buffer under the text stream where there is one."""
        stream = self._open()
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(data.decode("utf-8"))
            return
        getattr(stream, "flush", lambda: None)()
        buffer.write(data)
        buffer.flush()
