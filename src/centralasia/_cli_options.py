"""The command line's shared parts: its parser, argument types, data options, id matching and one-line messages."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NoReturn

from centralasia._files import Stream, visible
from centralasia.errors import DataError, UsageError
from centralasia.model import Dataset, PartialDate

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = [
    "PROG",
    "Parser",
    "add_data_options",
    "count",
    "cut",
    "data_options_given",
    "date",
    "file_name",
    "integer",
    "load_data",
    "match_id",
    "merge_data_options",
    "note",
    "powers",
    "record_id",
    "refuse_data_options",
    "suggest",
]

PROG = "centralasia"

#: A word longer than this in an error line is cut; an argument of 50,000 characters is not echoed whole.
_LONGEST_WORD = 300
_LONG_WORD = re.compile(rf"\S{{{_LONGEST_WORD + 1},}}")


def cut(line: str) -> str:
    """*line* with every overlong word cut, and the whole at 1,000 characters.

    Examples
    --------
    >>> len(cut("x" * 5000))
    301
    """
    line = _LONG_WORD.sub(lambda m: m.group()[:_LONGEST_WORD] + "…", line)
    return line if len(line) <= 1000 else line[:1000] + "…"


def note(message: str) -> None:
    """One line on standard error (what was written), if there is a standard error."""
    if sys.stderr is None or sys.stderr.closed:
        return
    try:
        Stream(sys.stderr, "error").write_text(cut(visible(message, one_line=True)) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # a standard error that cannot be written: nowhere left to say it
        pass


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, pointing at ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {cut(visible(message, one_line=True))} (see '{self.prog} --help')\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # Help and errors through the same escaping and encoding as everything else.
        stream = file if file is not None else sys.stderr
        if message and stream is not None and not getattr(stream, "closed", False):
            Stream(stream, "output").write(message)


# --------------------------------------------------------------------------
# Argument types
# --------------------------------------------------------------------------


def date(text: str) -> PartialDate:
    """A date of the form YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits."""
    try:
        if text.isascii():  # full-width or Arabic-Indic digits are not the date the user means
            return PartialDate.parse(text)
    except DataError:
        pass
    raise argparse.ArgumentTypeError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r:.40}")


def integer(text: str) -> int:
    """A whole number in ASCII digits (``int()`` would also take ``"１"``, ``" 1"`` and ``"1_0"``)."""
    if re.fullmatch(r"-?[0-9]{1,30}", text) is None:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r:.40}")
    return int(text)


def count(text: str) -> int:
    """A whole number of at least 1."""
    try:
        value = integer(text)
    except argparse.ArgumentTypeError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r:.40}")
    return value


def file_name(text: str) -> str:
    """A file name as the user typed it: not empty, not ``-``."""
    if not text:
        raise argparse.ArgumentTypeError("a file name cannot be empty")
    if text == "-":  # not standard output: leave out -o for that, where a command can write there
        raise argparse.ArgumentTypeError("'-' is not a file name (leave out -o to write to standard output, where the command can)")
    return text


def powers(text: str) -> tuple[str, ...]:
    """Comma-separated ids, at least one."""
    found = tuple(p.strip() for p in text.split(",") if p.strip())
    if not found:
        raise argparse.ArgumentTypeError("name at least one power, e.g. RUS,CHN")
    return found


# --------------------------------------------------------------------------
# The data every command reads: --data and --extends
# --------------------------------------------------------------------------


def add_data_options(parser: argparse.ArgumentParser, *, extends: bool = True, dest_prefix: str = "") -> None:
    """Add ``--data FILE`` and (unless *extends* is false) ``--extends FILE`` to *parser*: the one definition every command shares.

    *dest_prefix* keeps the options given before the command apart from those
    after it (argparse would let the command's replace them); :func:`merge_data_options` joins them.
    """
    parser.add_argument(
        "--data",
        dest=f"{dest_prefix}data",
        type=file_name,
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="use the dataset in this JSON file instead of the bundled article dataset",
    )
    if extends:
        parser.add_argument(
            "--extends",
            dest=f"{dest_prefix}extends",
            type=file_name,
            metavar="FILE",
            action="append",
            default=argparse.SUPPRESS,
            help="add the records of this JSON file to the dataset (they may name its ids, such as KAZ); may be given more than once",
        )


def merge_data_options(args: argparse.Namespace, dest_prefix: str) -> None:
    """Join the data options given before the command (under *dest_prefix*) with those after it, in place.

    ``--data`` before and after the command is a usage error; ``--extends`` files add up, in order.
    """
    before: str | None = getattr(args, f"{dest_prefix}data", None)
    after: str | None = getattr(args, "data", None)
    if before is not None and after is not None:
        raise UsageError(f"--data is given twice ({before!r:.80} and {after!r:.80}): one dataset at a time")
    args.data = after if after is not None else before
    extends = [*(getattr(args, f"{dest_prefix}extends", None) or ()), *(getattr(args, "extends", None) or ())]
    args.extends = extends or None


def data_options_given(args: argparse.Namespace) -> list[str]:
    """The data options on the command line: ``["--data", "--extends"]`` or some of them."""
    return [option for option, dest in (("--data", "data"), ("--extends", "extends")) if getattr(args, dest, None)]


def refuse_data_options(args: argparse.Namespace, command: str, why: str) -> None:
    """A usage error if *args* has ``--data`` or ``--extends``, which *command* does not read."""
    given = data_options_given(args)
    if given:
        raise UsageError(f"{' and '.join(given)} {'does' if len(given) == 1 else 'do'} nothing with '{command}': {why}")


def load_data(args: argparse.Namespace) -> Dataset:
    """The dataset of ``--data`` (or the bundled one), with the records of each ``--extends`` file added.

    A problem is one line naming the file it is in.
    """
    from centralasia.additions import extend
    from centralasia.loader import load

    path: str | None = getattr(args, "data", None)
    try:
        ds = load(path)
    except DataError as exc:
        where = "the bundled data" if path is None else path
        first = exc.problems[0] if exc.problems else exc.summary
        more = f" (and {len(exc.problems) - 1} more; '{PROG} validate {path}' lists them)" if path is not None and len(exc.problems) > 1 else ""
        raise DataError(exc.problems, f"{where}: {exc.summary}: {first}{more}") from None
    for additions in getattr(args, "extends", None) or ():
        try:
            ds = extend(ds, additions)
        except DataError as exc:
            first = exc.problems[0] if exc.problems else exc.summary
            more = f" (and {len(exc.problems) - 1} more; '{PROG} validate --extends {additions}' lists them)" if len(exc.problems) > 1 else ""
            raise DataError(exc.problems, f"{additions}: {exc.summary}: {first}{more}") from None
    return ds


# --------------------------------------------------------------------------
# Ids as the user types them
# --------------------------------------------------------------------------


def suggest(ids: Iterable[str], key: str) -> str:
    """``; did you mean ...?`` with ids close to *key*, or a pointer to ``list``."""
    ids = list(ids)
    close = difflib.get_close_matches(key, ids, n=3, cutoff=0.6)
    if not close:
        lowered = key.lower()
        close = [i for i in ids if lowered in i.lower()][:3]
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else f"; '{PROG} list' shows the ids"


def match_id(key: str, ids: Sequence[str], what: str) -> str | None:
    """The id of *ids* that *key* names: itself, or the one id equal to it ignoring case.

    ``None`` when no id matches; a :class:`~centralasia.UsageError` listing the
    candidates when several differ from *key* only in case.

    Examples
    --------
    >>> match_id("kaz", ["KAZ", "KGZ"], "record")
    'KAZ'
    >>> match_id("nope", ["KAZ"], "record") is None
    True
    >>> match_id("ab", ["AB", "Ab"], "record")
    Traceback (most recent call last):
    ...
    centralasia.errors.UsageError: ambiguous record id 'ab': it could be 'AB' or 'Ab' (ids differ in case here; type one exactly)
    """
    if key in ids:
        return key
    folded = key.casefold()
    found = list(dict.fromkeys(i for i in ids if i.casefold() == folded))
    if len(found) > 1:
        raise UsageError(f"ambiguous {what} id {key!r}: it could be {' or '.join(repr(i) for i in found)} (ids differ in case here; type one exactly)")
    return found[0] if found else None


def record_id(ds: Dataset, key: str) -> str:
    """The id of the record of *ds* that *key* names (case aside), or a usage error suggesting close ids."""
    ids = list(ds.ids)
    found = match_id(key, ids, "record")
    if found is None:
        raise UsageError(f"unknown record id {key!r}{suggest(ids, key)}")
    return found
