"""Files: path arguments, reads of regular files only, atomic writes that leave nothing behind, and text every file can hold."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from builders import small
from hypothesis import given
from hypothesis import strategies as st

import centralasia as ca
from centralasia import _files, export, loader

#: What an existing output file holds before a write over it.
OLD = b'{"old": "the only copy"}\n'


class _Bytes(os.PathLike[bytes]):
    """A path-like object whose path is bytes, not text."""

    def __fspath__(self) -> bytes:
        return b"x.json"


BAD_PATHS: list[tuple[str, object]] = [
    ("int-is-no-file-descriptor", 2),
    ("bool", True),
    ("float", 2.5),
    ("bytes", b"x.json"),
    ("list", ["x.json"]),
    ("dict", {"path": "x.json"}),
    ("pathlike-of-bytes", _Bytes()),
    ("empty", ""),
    ("nul", "a\0b.json"),
    ("lone-surrogate", "a\ud800.json"),
]


def _graph() -> nx.MultiDiGraph[str]:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    g.add_edge("RUS", "KAZ", domain="security", weight=2.0)
    return g


def _plot_save(path: object) -> None:
    pytest.importorskip("matplotlib")
    from centralasia import plot

    plot.save(plot.influence_map(_graph(), actors="all"), path, dpi=20)  # type: ignore[arg-type]


#: Every public function that writes a file, as ``(name, write(path), suffix of the file it writes)``.
WRITERS: list[tuple[str, Callable[[Any], object], str]] = [
    ("write_dataset", lambda p: export.write_dataset(small(), p), ".json"),
    ("write_table", lambda p: export.write_table(small(), "states", p), ".csv"),
    *[(f"write_network-{fmt}", lambda p: export.write_network(_graph(), p), suffix) for suffix, fmt in export.FORMATS.items()],
    *[(f"WRITERS[{fmt}]", lambda p, fmt=fmt: export.WRITERS[fmt](_graph(), p), ".out") for fmt in export.WRITERS],
    ("plot.save", _plot_save, ".png"),
]
WRITER_IDS = [w[0] for w in WRITERS]

#: Every public function that reads a file of the user's.
READERS: list[tuple[str, Callable[[Any], object]]] = [
    ("load", ca.load),
    ("read_bytes", loader._read_bytes),
    ("read_network", lambda p: export.read_network(p, "json")),
]
READER_IDS = [r[0] for r in READERS]


def _leftovers(folder: Path, *keep: Path) -> list[str]:
    """Files in *folder* other than *keep*: a temporary file left behind shows here."""
    return sorted(p.name for p in folder.iterdir() if p not in keep)


class _OsWith:
    """The os module with some functions replaced, for the one module under test."""

    def __init__(self, **replaced: Callable[..., Any]) -> None:
        self.__dict__.update(replaced)

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


# --------------------------------------------------------------------------
# Path arguments
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("case", "path"), BAD_PATHS, ids=[c for c, _ in BAD_PATHS])
@pytest.mark.parametrize(("name", "read"), READERS, ids=READER_IDS)
def test_readers_refuse_what_is_no_path(case: str, path: object, name: str, read: Callable[[Any], object]) -> None:
    """A path that is not a non-empty str or os.PathLike of one is an ArgumentError at $.path, never a bare builtin."""
    with pytest.raises(ca.ArgumentError) as info:
        read(path)
    assert [p.path for p in info.value.problems] == ["$.path"]


@pytest.mark.parametrize(("case", "path"), BAD_PATHS, ids=[c for c, _ in BAD_PATHS])
@pytest.mark.parametrize(("name", "write", "suffix"), WRITERS, ids=WRITER_IDS)
def test_writers_refuse_what_is_no_path(case: str, path: object, name: str, write: Callable[[Any], object], suffix: str) -> None:
    """Every writer answers a wrong path with an ArgumentError naming the argument."""
    with pytest.raises(ca.ArgumentError) as info:
        write(path)
    assert info.value.field in {"path", "file"}


def test_an_int_path_leaves_the_callers_descriptors_alone() -> None:
    """load(2) is refused without closing (or reading) file descriptor 2."""
    before = os.fstat(2)
    with pytest.raises(ca.ArgumentError):
        ca.load(2)  # type: ignore[arg-type]
    assert os.fstat(2).st_ino == before.st_ino


# --------------------------------------------------------------------------
# Reading regular files only
# --------------------------------------------------------------------------


def _special_files(tmp_path: Path) -> list[tuple[str, Path]]:
    found = [("directory", tmp_path)]
    if os.path.exists("/dev/zero"):
        found.append(("character-device", Path("/dev/zero")))
        link = tmp_path / "zero.json"
        link.symlink_to("/dev/zero")
        found.append(("symlink-to-a-device", link))
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        found.append(("fifo", fifo))
    return found


@pytest.mark.parametrize(("name", "read"), READERS, ids=READER_IDS)
def test_special_files_are_refused_at_once(tmp_path: Path, name: str, read: Callable[[Any], object]) -> None:
    """Directories, devices and FIFOs are a DataError naming the path and what it is; nothing blocks or eats memory."""
    for kind, path in _special_files(tmp_path):
        with pytest.raises(ca.DataError) as info:
            read(path)
        message = info.value.problems[0].message
        assert str(path) in message and "not a regular file" in message, kind
        assert isinstance(info.value.__cause__, OSError), kind


def test_a_fifo_never_blocks_in_another_process(tmp_path: Path) -> None:
    """load() of a FIFO nobody writes to returns an error at once (a separate process, so a hang fails rather than stalls the suite)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    code = f"import centralasia as ca\ntry:\n    ca.load({str(fifo)!r})\nexcept ca.DataError as exc:\n    print(exc.problems[0].message)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "FIFO" in done.stdout, done.stderr


@pytest.mark.parametrize(("size", "limit", "ok"), [(10, 10, True), (11, 10, False), (0, 0, True), (1, 0, False)])
def test_the_size_cap(tmp_path: Path, size: int, limit: int, ok: bool) -> None:
    """_read_bytes(max_bytes=N) reads a file of N bytes and refuses one of N + 1, naming the limit."""
    path = tmp_path / "f.json"
    path.write_bytes(b"x" * size)
    if ok:
        assert loader._read_bytes(path, max_bytes=limit) == b"x" * size
    else:
        with pytest.raises(ca.DataError, match=f"limit of {limit}"):
            loader._read_bytes(path, max_bytes=limit)


@pytest.mark.parametrize("limit", [-1, True, 2.5, "10", [10]], ids=["negative", "bool", "float", "str", "list"])
def test_a_bad_size_cap_is_an_argument_error(tmp_path: Path, limit: object) -> None:
    """max_bytes is a whole number of at least 0."""
    with pytest.raises(ca.ArgumentError) as info:
        ca.load(tmp_path / "f.json", max_bytes=limit)  # type: ignore[arg-type]
    assert info.value.field == "max_bytes"


def test_load_with_a_size_cap(tmp_path: Path) -> None:
    """load(path, max_bytes=...) loads a small enough file and refuses a larger one before parsing it."""
    path = tmp_path / "mine.json"
    path.write_text(ca.dumps(small()), encoding="utf-8")
    assert ca.load(path, max_bytes=10**7) == small()
    with pytest.raises(ca.DataError, match="limit of 100 bytes"):
        ca.load(path, max_bytes=100)


# --------------------------------------------------------------------------
# Atomic writes, through every writer
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "write", "suffix"), WRITERS, ids=WRITER_IDS)
def test_a_write_replaces_the_file_whole(tmp_path: Path, name: str, write: Callable[[Any], object], suffix: str) -> None:
    """A write over an existing file replaces it, keeps its permissions, and leaves no temporary file."""
    path = tmp_path / f"out{suffix}"
    path.write_bytes(OLD)
    path.chmod(0o640)
    write(path)
    assert path.read_bytes() != OLD and path.stat().st_size > 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert _leftovers(tmp_path, path) == []


@pytest.mark.parametrize(("name", "write", "suffix"), WRITERS, ids=WRITER_IDS)
def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, write: Callable[[Any], object], suffix: str) -> None:
    """A disk that fills half-way through: a DataError naming the file, the old file untouched, no temporary file."""
    path = tmp_path / f"out{suffix}"
    path.write_bytes(OLD)

    def full_disk(fd: int, data: bytes) -> int:
        os.write(fd, bytes(data)[:3])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_files, "os", _OsWith(write=full_disk))
    with pytest.raises(ca.DataError) as info:
        write(path)
    assert "No space left on device" in info.value.problems[0].message and "out" in info.value.problems[0].message
    assert path.read_bytes() == OLD
    assert _leftovers(tmp_path, path) == []


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
@pytest.mark.parametrize(("name", "write", "suffix"), WRITERS, ids=WRITER_IDS)
def test_an_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, write: Callable[[Any], object], suffix: str, step: str
) -> None:
    """Ctrl-C while writing, syncing or renaming: the KeyboardInterrupt goes on, the old file is untouched, nothing is left."""
    path = tmp_path / f"out{suffix}"
    path.write_bytes(OLD)

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_files, "os", _OsWith(**{step: interrupt}))
    with pytest.raises(KeyboardInterrupt):
        write(path)
    assert path.read_bytes() == OLD
    assert _leftovers(tmp_path, path) == []


def test_a_full_disk_for_real(tmp_path: Path) -> None:
    """Under a file-size limit (RLIMIT_FSIZE) the write fails with our error and the old file survives whole."""
    pytest.importorskip("resource")
    path = tmp_path / "out.json"
    path.write_bytes(OLD)
    code = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
        import centralasia as ca
        from centralasia.export import write_dataset
        try:
            write_dataset(ca.load(), {str(path)!r})
        except ca.DataError as exc:
            print(exc.problems[0].message)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "cannot write" in done.stdout and "too large" in done.stdout.lower(), done.stderr
    assert path.read_bytes() == OLD
    assert _leftovers(tmp_path, path) == []


def test_a_new_file_gets_the_mode_open_would_give(tmp_path: Path) -> None:
    """A file that did not exist is created with the umask applied, as a plain open() creates it."""
    plain, atomic = tmp_path / "plain.json", tmp_path / "atomic.json"
    plain.write_bytes(b"{}")
    _files.write_file(atomic, b"{}")
    assert stat.S_IMODE(atomic.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    """Writing to a symlink replaces the file it names and leaves the link a link."""
    target, link = tmp_path / "real.json", tmp_path / "link.json"
    target.write_bytes(OLD)
    link.symlink_to(target)
    _files.write_file(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


@pytest.mark.parametrize(("name", "write", "suffix"), WRITERS, ids=WRITER_IDS)
def test_a_directory_is_not_overwritten(tmp_path: Path, name: str, write: Callable[[Any], object], suffix: str) -> None:
    """A path that is a directory (even one named like a file) is a DataError saying so; the directory stays."""
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    with pytest.raises(ca.DataError, match="is a directory"):
        write(folder)
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.parametrize(("name", "write", "suffix"), WRITERS, ids=WRITER_IDS)
def test_a_missing_folder_is_a_data_error(tmp_path: Path, name: str, write: Callable[[Any], object], suffix: str) -> None:
    """A file in a folder that does not exist is a DataError naming the file, not an OSError."""
    path = tmp_path / "no" / f"such{suffix}"
    with pytest.raises(ca.DataError) as info:
        write(path)
    assert str(path) in info.value.problems[0].message and isinstance(info.value.__cause__, OSError)


def test_a_fifo_with_a_reader_is_written_in_place(tmp_path: Path) -> None:
    """A FIFO (like /dev/stdout or a device, a file with no old content to keep) is written into, not replaced by a regular file."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    import threading

    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        for _ in range(200):  # the writer needs the reader to have opened its end
            try:
                _files.write_file(fifo, b'{"new": true}')
                break
            except ca.DataError:
                threading.Event().wait(0.05)
    finally:
        if not received:  # unblock a reader still waiting, whatever happened
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=30)
    assert received == [b'{"new": true}']
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_nobody_reads_is_an_error_not_a_wait(tmp_path: Path) -> None:
    """Writing to a FIFO without a reader fails at once with our error."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    with pytest.raises(ca.DataError, match="cannot write"):
        _files.write_file(fifo, b"{}")


def test_dump_bundled_writes_every_file_atomically(tmp_path: Path, ds: ca.Dataset) -> None:
    """_dump_bundled writes the per-collection files byte for byte, and refuses a folder that is no path."""
    loader._dump_bundled(ds, tmp_path)
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == loader._bundled_files(ds)
    with pytest.raises(ca.ArgumentError):
        loader._dump_bundled(ds, 3)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Text a file can hold, and text for a terminal
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "xml", "paths"),
    [
        ({"a": ["ok", "Ka\ud800z"]}, False, ["$.a[1]"]),
        ({"a": "\udfff"}, False, ["$.a"]),
        ({"bad\ud800": 1}, False, ["$['bad\\ud800']"]),
        ({"a": "tab\tnewline\nreturn\r"}, True, []),
        ({"a": "esc\x1b"}, True, ["$.a"]),
        ({"a": "nul\x00"}, True, ["$.a"]),
        ({"a": "\ufffe"}, True, ["$.a"]),
        ({"a": "esc\x1b"}, False, []),
        ({"a": "Қазақстан 🇰🇿"}, True, []),
    ],
    ids=["surrogate", "low-surrogate", "surrogate-in-key", "xml-whitespace", "escape", "nul", "non-character", "escape-is-utf8", "unicode"],
)
def test_text_problems_find_what_cannot_be_written(value: object, xml: bool, paths: list[str]) -> None:
    """Lone surrogates are found everywhere; XML-invalid characters where the file is XML; each at its path."""
    assert [p.path for p in _files.text_problems(value, xml=xml)] == paths


def test_utf8_names_the_place_of_a_lone_surrogate() -> None:
    """Text that is not valid Unicode is a DataError at the JSON path of the string, not a UnicodeEncodeError."""
    with pytest.raises(ca.DataError) as info:
        _files.utf8('{"states": [{"name": "Ka\ud800z"}]}', is_json=True)
    assert [p.path for p in info.value.problems] == ["$.states[0].name"]
    assert not isinstance(info.value, UnicodeError)


@pytest.mark.parametrize(
    ("text", "one_line", "shown"),
    [
        ("plain ascii", True, "plain ascii"),
        ("Қазақстан", True, "Қазақстан"),
        ("bad\nkey\x1b[2J", True, "bad\\nkey\\x1b[2J"),
        ("two\nlines", False, "two\nlines"),
        ("\x9b31m", False, "\\x9b31m"),
        ("a\u202eb\u200bc\u2028d", False, "a\\u202eb\\u200bc\\u2028d"),
        ("\r overwrite", False, "\\r overwrite"),
        ("\x7f", True, "\\x7f"),
        ("\ud800", True, "\\ud800"),
        ("\U000e0041", True, "\\U000e0041"),
    ],
    ids=["ascii", "cyrillic", "newline-and-csi", "lines-kept", "c1-csi", "bidi-zero-width-separator", "carriage-return", "delete", "surrogate", "tag"],
)
def test_visible_escapes_what_a_terminal_would_act_on(text: str, one_line: bool, shown: str) -> None:
    """Controls, format characters, separators and surrogates are escaped; letters of any script are not."""
    assert _files.visible(text, one_line=one_line) == shown


def test_json_visible_is_the_same_json() -> None:
    """Escaping hidden characters in JSON text gives JSON that reads back as the same value."""
    import json

    value = {"name": "a\u202eb\x85c\U000e0041\u2028"}
    escaped = _files.json_visible(json.dumps(value, ensure_ascii=False))
    assert json.loads(escaped) == value
    assert _files.visible(escaped) == escaped


# --------------------------------------------------------------------------
# Pictures: save and the domains of the map
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["map.txt", "map.docx", "map", "map.", "map.png.bak"])
def test_save_refuses_a_name_that_is_no_image_format(tmp_path: Path, name: str) -> None:
    """An unsupported or missing suffix is an ArgumentError naming the formats, before anything is drawn or written."""
    pytest.importorskip("matplotlib")
    from centralasia import plot

    with pytest.raises(ca.ArgumentError, match=r"\.png, \.svg or \.pdf"):
        plot.save(plot.influence_map(_graph(), actors="all"), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".PNG"])
def test_save_writes_each_format(tmp_path: Path, suffix: str) -> None:
    """Each supported suffix, in any case, gives a file of that format."""
    pytest.importorskip("matplotlib")
    magic = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}[suffix.lower()]
    path = tmp_path / f"map{suffix}"
    _plot_save(path)
    assert path.read_bytes().startswith(magic)


@pytest.mark.parametrize(
    ("argument", "value"),
    [("fig", "not a figure"), ("dpi", 0), ("dpi", -5), ("dpi", True), ("dpi", "150"), ("dpi", 10**9)],
    ids=["fig-a-string", "dpi-zero", "dpi-negative", "dpi-bool", "dpi-str", "dpi-huge"],
)
def test_save_refuses_bad_arguments(tmp_path: Path, argument: str, value: object) -> None:
    """save checks its figure and dpi: an ArgumentError naming the argument."""
    pytest.importorskip("matplotlib")
    from centralasia import plot

    options: dict[str, Any] = {"fig": plot.influence_map(_graph(), actors="all"), "dpi": 20, argument: value}
    with pytest.raises(ca.ArgumentError) as info:
        plot.save(options["fig"], tmp_path / "map.png", dpi=options["dpi"])
    assert info.value.field == argument


@pytest.mark.parametrize(
    ("domains", "needle"),
    [
        (["cyber"], "unknown domain 'cyber'; the domains are security, economic, diplomatic"),
        (["security", "Security"], "unknown domain 'Security'"),
        ([], "at least one domain"),
        ("security", "list of domains"),
        (5, "list of domains"),
        ([5], "unknown domain 5"),
        (ca.Domain.SECURITY, "list of domains"),
    ],
    ids=["unknown", "wrong-case", "empty", "one-string", "int", "int-item", "one-enum"],
)
def test_influence_map_refuses_domains_it_cannot_draw(domains: object, needle: str) -> None:
    """influence_map(domains=...) names the valid domains instead of drawing an empty map."""
    pytest.importorskip("matplotlib")
    from centralasia import plot

    with pytest.raises(ca.ArgumentError, match="domains") as info:
        plot.influence_map(_graph(), actors="all", domains=domains)  # type: ignore[arg-type]
    assert needle in info.value.message and info.value.field == "domains"


def test_influence_map_draws_a_domain_only_its_graph_has() -> None:
    """A domain that is no Domain but is on the graph's edges (a graph of the caller's) can still be drawn."""
    pytest.importorskip("matplotlib")
    from centralasia import plot

    g = _graph()
    g.add_edge("RUS", "KAZ", domain="cyber", weight=1.0)
    fig = plot.influence_map(g, actors="all", domains=["cyber", ca.Domain.SECURITY])
    assert [a.get_title() for a in fig.axes] == ["security roles", "cyber roles"]


@given(st.text())
def test_visible_text_holds_nothing_a_terminal_acts_on(text: str) -> None:
    """For any text: one line, no control, format, separator, surrogate or unassigned character left; JSON escaping keeps the value."""
    import json
    import unicodedata

    shown = _files.visible(text, one_line=True)
    assert not any(unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"} for c in shown)
    assert _files.visible(shown, one_line=True) == shown  # escaping twice changes nothing more
    as_json = json.dumps(text, ensure_ascii=False)
    assert json.loads(_files.json_visible(as_json)) == text
