"""The ``centralasia`` command line: summaries, records, exports and pictures of the dataset.

Every command reads the bundled article dataset, or the dataset file given
with ``--data FILE``. Exit codes: 0 ok, 1 bad data (or a file that cannot be
read or written, or a missing optional dependency), 2 bad usage (including
an unknown id), 130 interrupted. Files are written whole or not at all, and
text from the data is escaped before it reaches a terminal.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn, Unpack

from centralasia import _render
from centralasia._actors import DEFAULT_POWERS
from centralasia._files import Stream, checked_path, utf8, visible, write_file
from centralasia.errors import ArgumentError, CentralAsiaError, DataError, FieldError, Problem, UnknownIdError, UsageError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from centralasia.query import StreamOptions
    from centralasia.roles import RoleSummary
from centralasia.model import (
    Dataset,
    Domain,
    PartialDate,
    Record,
    Scenario,
)

__all__ = ["main", "make_parser"]

PROG = "centralasia"

#: How wide wrapped text runs.
_WIDTH = 88


def _stdout() -> Stream:
    return Stream(sys.stdout, "output")


#: A word longer than this in an error line is cut: an argument of 50,000 characters is not echoed whole.
_LONGEST_WORD = 300
_LONG_WORD = re.compile(rf"\S{{{_LONGEST_WORD + 1},}}")


def _cut(line: str) -> str:
    """*line* with every overlong word cut, and the whole at 1,000 characters."""
    line = _LONG_WORD.sub(lambda m: m.group()[:_LONGEST_WORD] + "…", line)
    return line if len(line) <= 1000 else line[:1000] + "…"


def _note(message: str) -> None:
    """One line on standard error (what was written), if there is a standard error."""
    if sys.stderr is None or sys.stderr.closed:
        return
    try:
        Stream(sys.stderr, "error").write_text(_cut(visible(message, one_line=True)) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # a standard error that cannot be written: nowhere left to say it
        pass


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, pointing at ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {_cut(visible(message, one_line=True))} (see '{self.prog} --help')\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # Help and errors through the same escaping and encoding as everything else.
        stream = file if file is not None else sys.stderr
        if message and stream is not None and not getattr(stream, "closed", False):
            Stream(stream, "output").write(message)


# --------------------------------------------------------------------------
# Argument types
# --------------------------------------------------------------------------


def _date(text: str) -> PartialDate:
    try:
        if text.isascii():  # full-width or Arabic-Indic digits are not the date the user means
            return PartialDate.parse(text)
    except DataError:
        pass
    raise argparse.ArgumentTypeError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r:.40}")


def _integer(text: str) -> int:
    """A whole number in ASCII digits (``int()`` would also take ``"１"``, ``" 1"`` and ``"1_0"``)."""
    if re.fullmatch(r"-?[0-9]{1,30}", text) is None:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r:.40}")
    return int(text)


def _count(text: str) -> int:
    try:
        value = _integer(text)
    except argparse.ArgumentTypeError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r:.40}")
    return value


def _file(text: str) -> str:
    """A file name as the user typed it: not empty."""
    if not text:
        raise argparse.ArgumentTypeError("a file name cannot be empty")
    if text == "-":  # not standard output: leave out -o for that, where a command can write there
        raise argparse.ArgumentTypeError("'-' is not a file name (leave out -o to write to standard output, where the command can)")
    return text


_DOMAINS = [d.value for d in Domain]
#: The tracks with cells (momentum has none), as ``--track`` names them.
_TRACKS = ["assessments", "acts"]
#: A shift of a reading from which ``paragraphs --changes-only`` lists a paragraph.
_NOTABLE_SHIFT = 0.05


# --------------------------------------------------------------------------
# Output helpers
# --------------------------------------------------------------------------


def _counts(ds: Dataset) -> list[str]:
    width = max(len(name) for name in Dataset.COLLECTIONS)
    return [f"  {name.replace('_', ' '):<{width}}  {len(getattr(ds, name)):>4}" for name in Dataset.COLLECTIONS]


def _suggest(ds: Dataset, key: str) -> str:
    close = difflib.get_close_matches(key, list(ds.ids), n=3, cutoff=0.6)
    if not close:
        lowered = key.lower()
        close = [i for i in ds.ids if lowered in i.lower()][:3]
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else f"; '{PROG} list' shows the ids"


def _record(ds: Dataset, key: str) -> Record:
    try:
        return ds[key]
    except UnknownIdError:
        raise UsageError(f"unknown record id {key!r}{_suggest(ds, key)}") from None


def _scenario(ds: Dataset, key: str) -> Scenario:
    if key not in ds.ids:
        ids = ", ".join(s.id for s in ds.scenarios)
        raise UsageError(f"unknown scenario {key!r}; the scenarios are {ids}")
    record = _record(ds, key)
    if not isinstance(record, Scenario):
        ids = ", ".join(s.id for s in ds.scenarios)
        raise UsageError(f"{key!r} is a {type(record).__name__}, not a scenario; the scenarios are {ids}")
    return record


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------


def _load(args: argparse.Namespace) -> Dataset:
    from centralasia.loader import load

    path: str | None = getattr(args, "data", None)
    try:
        return load(path)
    except DataError as exc:
        where = "the bundled data" if path is None else path
        first = exc.problems[0] if exc.problems else exc.summary
        more = f" (and {len(exc.problems) - 1} more; '{PROG} validate {path}' lists them)" if path is not None and len(exc.problems) > 1 else ""
        raise DataError(exc.problems, f"{where}: {exc.summary}: {first}{more}") from None


def _cmd_summary(args: argparse.Namespace, out: Stream) -> int:
    ds = _load(args)
    source = getattr(args, "data", None) or "the bundled article dataset"
    lines = [f"{PROG}: {source}, {len(ds)} records", *_counts(ds)]
    if ds.scenarios:
        lines.append(f"scenarios: {', '.join(s.id for s in ds.scenarios)}")
    summary = _role_summary(ds, powers=DEFAULT_POWERS)
    if summary is not None:
        lines += ["", str(summary)]
    out.write("\n".join(lines) + "\n")
    return 0


def _role_summary(ds: Dataset, powers: Sequence[str], **options: Unpack[StreamOptions]) -> RoleSummary | None:
    """The role summary of *powers*, or ``None`` when the dataset lacks them or the region's states."""
    from centralasia._actors import central_asian_states
    from centralasia.roles import role_summary

    if not central_asian_states(ds) or any(p not in ds.ids for p in powers):
        return None
    return role_summary(ds, powers=powers, **options)


def _powers(text: str) -> tuple[str, ...]:
    powers = tuple(p.strip() for p in text.split(",") if p.strip())
    if not powers:
        raise argparse.ArgumentTypeError("name at least one power, e.g. RUS,CHN")
    return powers


def _check_powers(ds: Dataset, powers: Sequence[str]) -> None:
    """A usage error for a power the dataset lacks; a data error when it has no Central Asian states."""
    from centralasia._actors import central_asian_states

    for power in powers:
        if power not in ds.ids:
            if powers is DEFAULT_POWERS:  # not typed by the user: the data file lacks them
                raise DataError([], f"the dataset has no {power!r}, one of the default powers; name others with --powers")
            raise UsageError(f"unknown power {power!r}{_suggest(ds, power)}")
    if not central_asian_states(ds):
        raise DataError([], "the dataset has no Central Asian states to summarise roles over")


def _summary_for(args: argparse.Namespace, ds: Dataset, scenario: str | None = None) -> RoleSummary:
    _check_powers(ds, args.powers)
    chosen = _scenario(ds, scenario).id if scenario is not None else None
    summary = _role_summary(ds, args.powers, as_of=args.as_of, scenario=chosen, include_undated=not args.dated_only)
    if summary is None:
        raise DataError([], "the dataset has no Central Asian states to summarise roles over")
    return summary


def _cmd_roles(args: argparse.Namespace, out: Stream) -> int:
    ds = _load(args)
    summary = _summary_for(args, ds, args.scenario)
    domain = None if args.domain is None else Domain(args.domain)
    if args.track is not None:
        if args.explain is not None:
            raise UsageError("--explain lists the records behind the edge shares; leave out --track")
        if domain is None:
            raise UsageError("--track needs --domain")
        if args.over is not None:
            raise UsageError("--over goes with --explain; --track shows every state and the region")
        out.write(_render.track_table(summary.readings(), domain, args.track, args.as_of) + "\n")
        return 0
    if args.over is not None and args.explain is None:
        raise UsageError("--over goes with --explain")
    if args.explain is not None:
        if args.explain not in summary.powers:
            raise UsageError(f"--explain {args.explain!r} is not one of the powers {', '.join(summary.powers)}")
        if domain is None:
            raise UsageError("--explain needs --domain")
        out.write(str(summary.explain(args.explain, domain, args.over)) + "\n")
        return 0
    if domain is None:
        out.write(str(summary) + "\n")
    else:
        r = summary.readings()
        tracks = [_render.track_table(r, domain, track, args.as_of) for track in _TRACKS]
        edges = f"Every record's edges summed (the construct of the networks, not a reading of the article):\n{_render.domain_table(summary, domain)}"
        out.write("\n\n".join([*tracks, edges]) + "\n")
    return 0


def _cmd_list(args: argparse.Namespace, out: Stream) -> int:
    ds = _load(args)
    names = [args.collection] if args.collection else list(Dataset.COLLECTIONS)
    lines: list[str] = []
    for name in names:
        records: tuple[Record, ...] = getattr(ds, name)
        if not args.collection:
            lines.append(f"{name.replace('_', ' ')} ({len(records)})")
        ids = [visible(r.id, one_line=True) for r in records]
        width = max(map(len, ids), default=0)
        indent = "" if args.collection else "  "
        lines += [f"{indent}{i:<{width}}  {visible(_render.name_of(r), one_line=True)}" for i, r in zip(ids, records, strict=True)]
    out.write("\n".join(lines) + ("\n" if lines else ""))
    return 0


def _cmd_show(args: argparse.Namespace, out: Stream) -> int:
    ds = _load(args)
    record = _record(ds, args.id)
    if args.json:
        from centralasia.convert import dumps

        out.write(dumps(record), as_json=True)
    else:
        out.write(_render.record_text(ds, record) + "\n")
    return 0


def _cmd_scenarios(args: argparse.Namespace, out: Stream) -> int:
    from centralasia._actors import central_asian_states
    from centralasia.reader import scenario_shifts

    ds = _load(args)
    lines: list[str] = []
    readable = bool(central_asian_states(ds)) and all(p in ds.ids for p in DEFAULT_POWERS)
    width = max((len(e.actor) for sc in ds.scenarios for e in sc.effects), default=4)
    default = None
    for sc in ds.scenarios:
        lines.append(f"{sc.id}  [{sc.horizon.value}]")
        lines += textwrap.wrap(sc.title, _WIDTH, initial_indent="  ", subsequent_indent="  ")
        for e in sc.effects:
            lines.append(f"    {e.actor:<{width}} {e.domain.value:<11} {e.direction.value}")
        if readable:
            shift = scenario_shifts(ds, sc, powers=DEFAULT_POWERS)
            default = shift.magnitudes.increase
            lines += _render.shift_lines(shift)
    if not lines:
        lines.append("no scenarios")
    elif default is not None:
        note = (
            "Each scenario's effects read as shifts of the article's assessments, for the region: which way each power's share moves, "
            f"the leader today -> at the default shift ({default:g} of a cell's total), and the shift from which the lead changes "
            f"('{PROG} robustness --scenario ID' samples the shift). A power's share can fall though its role grows: when both"
            " roles grow, each share is of their total."
        )
        lines += ["", *textwrap.wrap(note, _WIDTH)]
    out.write("\n".join(lines) + "\n")
    return 0


def _cmd_robustness(args: argparse.Namespace, out: Stream) -> int:
    from centralasia.reader import robustness

    ds = _load(args)
    _check_powers(ds, args.powers)
    scenario = _scenario(ds, args.scenario).id if args.scenario is not None else None
    rob = robustness(
        ds,
        draws=args.draws,
        seed=args.seed,
        powers=args.powers,
        as_of=args.as_of,
        include_undated=not args.dated_only,
        scenario=scenario,
        structural=not args.no_structural,
        progress=sys.stderr is not None and not sys.stderr.closed and sys.stderr.isatty(),
    )
    out.write(str(rob) + "\n")
    return 0


def _cmd_paragraphs(args: argparse.Namespace, out: Stream) -> int:
    from centralasia.reader import leave_one_paragraph_out

    ds = _load(args)
    _check_powers(ds, args.powers)
    effects = leave_one_paragraph_out(ds, powers=args.powers, as_of=args.as_of, include_undated=not args.dated_only)
    if args.changes_only:
        effects = tuple(e for e in effects if e.changes_leader or e.largest_shift >= _NOTABLE_SHIFT)
    title = "Each region reading recomputed without one paragraph's claims at a time: the largest shift of a power's share (of its net, for momentum) and any change of leader."
    lines = [*textwrap.wrap(title, _WIDTH), _render.paragraph_table(effects)]
    if args.changes_only and not effects:
        lines.append(f"no paragraph changes a leader or shifts a reading by {_NOTABLE_SHIFT:g} or more")
    elif not effects:
        lines.append("no paragraph carries a claim of these readings (the dataset cites no paragraphs)")
    out.write("\n".join(lines) + "\n")
    return 0


def _cmd_validate(args: argparse.Namespace, out: Stream) -> int:
    from centralasia.loader import load

    path: str = args.file
    try:
        if args.extends:
            from centralasia.additions import extend

            base = _load(args)
            merged = extend(base, path)
            added = len(merged) - len(base)
            out.write(f"{path}: valid additions: {added} records, {len(merged)} with the base dataset\n")
        else:
            ds = load(path)
            kinds = ", ".join(f"{len(getattr(ds, n))} {n.replace('_', ' ')}" for n in Dataset.COLLECTIONS if getattr(ds, n))
            out.write(f"{path}: valid dataset: {len(ds)} records" + (f" ({kinds})" if kinds else "") + "\n")
    except DataError as exc:
        count = len(exc.problems)
        out.write(f"{visible(path, one_line=True)}: {exc.summary}\n" + "".join(f"  - {visible(p, one_line=True)}\n" for p in exc.problems))
        noun = "problem" if count == 1 else "problems"
        hint = "" if args.extends or not any("unknown id" in p for p in exc.problems) else "; if it adds to the bundled data, use --extends"
        raise DataError(exc.problems, f"{path}: {exc.summary}: {count} {noun}{hint}") from None
    return 0


def _cmd_network(args: argparse.Namespace, out: Stream) -> int:
    from centralasia.export import FORMATS, write_network
    from centralasia.network import influence_network

    if args.format is None and os.path.splitext(args.output)[1].lower() not in FORMATS:
        raise UsageError(f"cannot tell the format of {args.output!r:.160} from its suffix; use one of {', '.join(FORMATS)} or --format")
    ds = _load(args)
    scenario = _scenario(ds, args.scenario).id if args.scenario is not None else None
    graph = influence_network(ds, domain=args.domain, as_of=args.as_of, scenario=scenario, include_undated=not args.dated_only)
    fmt = write_network(graph, args.output, args.format)
    _note(f"wrote {args.output} ({fmt}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")
    return 0


def _cmd_plot(args: argparse.Namespace, out: Stream) -> int:
    from centralasia import plot

    plot.image_format(args.output)  # a name matplotlib cannot write is bad usage, found before the drawing
    ds = _load(args)
    if args.kind == "roles":
        if args.domain is not None and args.all_actors:
            raise UsageError("--all-actors is for the influence map")
        baseline = _summary_for(args, ds)
        ids = [args.scenario] if args.scenario is not None else [s.id for s in ds.scenarios]
        others = [_summary_for(args, ds, i) for i in ids]
        fig = plot.role_shares(baseline, *others, domains=None if args.domain is None else [args.domain])
    else:
        from centralasia.network import influence_network

        scenario = _scenario(ds, args.scenario).id if args.scenario is not None else None
        graph = influence_network(ds, as_of=args.as_of, scenario=scenario, include_undated=not args.dated_only)
        fig = plot.influence_map(graph, ds, actors="all" if args.all_actors else None, domains=None if args.domain is None else [args.domain])
    plot.save(fig, args.output)
    _note(f"wrote {args.output}")
    return 0


#: File suffixes that name a format, and the format each names.
_SUFFIX_FORMATS = {
    ".json": "JSON",
    ".csv": "CSV",
    ".graphml": "GraphML",
    ".gexf": "GEXF",
    ".png": "PNG",
    ".svg": "SVG",
    ".pdf": "PDF",
    ".tsv": "TSV",
    ".xml": "XML",
}


def _check_export_name(args: argparse.Namespace) -> None:
    """A usage error for an output file whose suffix names another format than the one export writes."""
    if args.output in (None, "-"):
        return
    suffix = os.path.splitext(args.output)[1].lower()
    wanted, hint = (".csv", "name the file .csv") if args.table else (".json", "name the file .json, or give --table TABLE for a CSV table")
    if suffix in _SUFFIX_FORMATS and suffix != wanted:
        what = f"the {args.table} table as CSV" if args.table else "the dataset as JSON"
        raise UsageError(f"export writes {what}, not {_SUFFIX_FORMATS[suffix]} as {args.output!r:.160} says; {hint}")


def _cmd_export(args: argparse.Namespace, out: Stream) -> int:
    from centralasia.convert import dumps
    from centralasia.export import rows, write_table

    _check_export_name(args)
    ds = _load(args)
    if args.table:
        buffer = io.StringIO()
        write_table(ds, args.table, buffer)
        data = utf8(buffer.getvalue(), rows(ds, args.table))
    else:
        data = utf8(dumps(ds), is_json=True)
    if args.output in (None, "-"):
        out.write_bytes(data)
    else:
        write_file(checked_path(args.output, "output"), data)
        _note(f"wrote {args.output}")
    return 0


# --------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------

_Handler = Callable[[argparse.Namespace, Stream], int]


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``centralasia`` command (for documentation tools)."""
    from centralasia import __version__
    from centralasia.export import TABLES, WRITERS

    data = _Parser(add_help=False)
    data.add_argument(
        "--data",
        type=_file,
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="use the dataset in this JSON file instead of the bundled article dataset",
    )
    parser = _Parser(
        prog=PROG,
        description="Russian and Chinese roles in Central Asian security: the data of "
        "Kosnazarov and Akylbayev's 2016 article, to summarise, query, export and draw.",
        epilog=f"Run '{PROG} COMMAND --help' for the options of a command. Exit codes: 0 ok, 1 bad data or a file error, 2 bad usage, 130 interrupted.",
        parents=[data],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")

    def command(name: str, handler: _Handler, help: str, description: str | None = None) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=description or help, parents=[data])
        sub.set_defaults(handler=handler)
        return sub

    command("summary", _cmd_summary, "what the dataset holds (the default command)")

    sub = command("list", _cmd_list, "the ids of the records, with their names", "List the ids of the records of one collection, or of all.")
    sub.add_argument("collection", nargs="?", choices=Dataset.COLLECTIONS, metavar="COLLECTION", help=f"one of: {', '.join(Dataset.COLLECTIONS)}")

    sub = command("show", _cmd_show, "one record with its evidence")
    sub.add_argument("id", help="the record's id, e.g. KAZ or role-rus-security-guarantor")
    sub.add_argument("--json", action="store_true", help="print the record as JSON in the library's schema")

    command("scenarios", _cmd_scenarios, "the article's scenarios and what each does to whose role")

    def analysis_options(sub: argparse.ArgumentParser, *, domain: bool = True, scenario: bool = True) -> None:
        sub.add_argument(
            "--as-of",
            type=_date,
            metavar="DATE",
            help="only what had begun by this date (YYYY, YYYY-MM or YYYY-MM-DD); undated records count from the article's time, October 2016",
        )
        sub.add_argument("--dated-only", action="store_true", help="leave out records the article and background do not date")
        if scenario:
            sub.add_argument("--scenario", metavar="ID", help="apply this scenario (see 'centralasia scenarios')")
        if domain:
            sub.add_argument("--domain", choices=_DOMAINS, help="only this domain")

    def powers_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--powers", type=_powers, default=DEFAULT_POWERS, metavar="IDS", help="the powers to compare, comma-separated (default RUS,CHN)")

    sub = command(
        "roles",
        _cmd_roles,
        "each power's share of influence by domain and state",
        "Each power's share of influence over each Central Asian state by domain, with the leader of each domain.",
    )
    analysis_options(sub)
    powers_option(sub)
    sub.add_argument(
        "--track",
        choices=_TRACKS,
        help="with --domain: that domain's readings on one track, the article's assessments or the acts it reports, per state and for the region",
    )
    sub.add_argument("--explain", metavar="POWER", help="list the records behind POWER's share in --domain, with their weights and evidence")
    sub.add_argument("--over", metavar="ID", help="with --explain: one state (default: all of them)")

    sub = command(
        "robustness",
        _cmd_robustness,
        "how far each reading holds when the choices behind it vary",
        "Sample the choices behind the readings (tier weights in their order, each claim by its certainty, and unless "
        "--no-structural the pooling, regional expansion and ties) and print each region share's median and 5-95% "
        "interval with each power's chance to lead. The same --seed gives the same output.",
    )
    sub.add_argument("--draws", type=_count, default=1000, metavar="N", help="the number of draws (default 1000)")
    sub.add_argument("--seed", type=_integer, default=0, metavar="S", help="the seed of the random numbers (default 0)")
    sub.add_argument("--no-structural", action="store_true", help="keep the pooling, regional expansion and ties fixed; sample only weights and claims")
    analysis_options(sub, domain=False)
    powers_option(sub)

    sub = command(
        "paragraphs",
        _cmd_paragraphs,
        "which paragraphs of the article carry each reading",
        "Recompute each region reading without each paragraph's claims in turn: the largest shift of a share (or of net momentum) and any change of leader.",
    )
    sub.add_argument(
        "--changes-only",
        action="store_true",
        help=f"only the paragraphs that change a leader or shift a reading by {_NOTABLE_SHIFT:g} or more",
    )
    analysis_options(sub, domain=False, scenario=False)
    powers_option(sub)

    sub = command(
        "network",
        _cmd_network,
        "write the influence network for Gephi, yEd, networkx or a spreadsheet",
        "Write the influence network: GraphML, GEXF (Gephi), node-link JSON or a CSV edge list.",
    )
    sub.add_argument("-o", "--output", type=_file, required=True, metavar="FILE", help="the file to write; its suffix names the format unless --format does")
    sub.add_argument("--format", choices=list(WRITERS), help="the format (default: from the suffix of FILE)")
    analysis_options(sub)

    sub = command(
        "plot",
        _cmd_plot,
        "draw the influence map or the role shares (needs the plot extra)",
        "Draw the influence map (powers and Central Asian states, edges by domain) or the role shares "
        "per domain, baseline against the scenarios. Needs matplotlib: pip install 'centralasia[plot]'.",
    )
    sub.add_argument("-o", "--output", type=_file, required=True, metavar="FILE", help="the image to write: .png, .svg or .pdf")
    sub.add_argument("--kind", choices=["map", "roles"], default="map", help="the influence map (default) or the role shares")
    analysis_options(sub)
    sub.add_argument("--powers", type=_powers, default=DEFAULT_POWERS, metavar="IDS", help="for --kind roles: the powers to compare (default RUS,CHN)")
    sub.add_argument("--all-actors", action="store_true", help="for the map: draw every actor with an edge, not only the powers and the region's states")

    sub = command(
        "validate",
        _cmd_validate,
        "check a data file of your own",
        "Check a JSON data file and list every problem with its JSON path. Exit code 1 if there are any.",
    )
    sub.add_argument("file", type=_file, metavar="FILE", help="the JSON file to check")
    sub.add_argument(
        "--extends",
        action="store_true",
        help="check FILE as additions to the dataset (its records may name ids of the bundled data, such as KAZ)",
    )

    sub = command("export", _cmd_export, "the dataset as JSON, or one table as CSV")
    sub.add_argument("-o", "--output", type=_file, metavar="FILE", help="the file to write, .json (or .csv with --table); default: standard output")
    sub.add_argument("--table", choices=TABLES, metavar="TABLE", help=f"write this table as CSV instead: {', '.join(TABLES)}")

    return parser


def _fail(message: str, code: int) -> int:
    """Say *message* as one line on standard error (where there is one) and return *code*."""
    _note(f"{PROG}: error: {message}")
    return code


def _problem_text(problem: str) -> str:
    """A problem as an error line shows it: a file's own problems (at ``$``) without the path."""
    return problem.message if isinstance(problem, Problem) and problem.path == "$" and " @ " in problem else str(problem)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 bad data, 2 bad usage, 130 interrupted).

    Examples
    --------
    >>> main(["show", "nope"])
    2
    """
    try:
        return _run(argv)
    except KeyboardInterrupt:
        # Ctrl-C: every file written so far is whole, and the others untouched.
        return _fail("interrupted", 130)


def _run(argv: Sequence[str] | None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else 2
    handler: _Handler = getattr(args, "handler", _cmd_summary)
    try:
        return handler(args, _stdout())
    except (UsageError, UnknownIdError) as exc:
        return _fail(str(exc), 2)
    except ArgumentError as exc:
        return _fail(f"{exc.summary}: {exc.message}", 2)
    except FieldError as exc:
        # A record's own check refused a value: bad data.
        return _fail(f"{exc.summary}: {exc.message}", 1)
    except DataError as exc:
        first = _problem_text(exc.problems[0]) if exc.problems else ""
        return _fail(exc.summary if first in exc.summary else f"{exc.summary}: {first}", 1)
    except CentralAsiaError as exc:
        return _fail(str(exc), 1)
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            # The reader went away (| head): not an error of ours.
            _silence_stdout()
            return 0
        name = exc.filename if exc.filename is not None else ""
        return _fail(f"cannot write {name!r}: {exc.strerror or exc}" if name else str(exc), 1)


def _silence_stdout() -> None:
    """Send what is left of standard output to the null device, so that the exit does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no stdout, or one without a descriptor (io.StringIO)
        pass
