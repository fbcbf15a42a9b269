"""The ``centralasia`` command line: summaries, records, exports, pictures and citations of the dataset."""

from __future__ import annotations

import argparse
import io
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Unpack

from centralasia import _cli_options as opt
from centralasia import _render
from centralasia._actors import DEFAULT_POWERS
from centralasia._cli_options import PROG, Parser, add_data_options, load_data, match_id, note, record_id, refuse_data_options
from centralasia._files import Stream, checked_path, utf8, visible, write_error, write_file
from centralasia.errors import ArgumentError, CentralAsiaError, DataError, FieldError, Problem, UnknownIdError, UsageError

if TYPE_CHECKING:
    from centralasia.query import StreamOptions
    from centralasia.roles import RoleSummary
from centralasia.model import (
    Dataset,
    Domain,
    Record,
    Scenario,
)

__all__ = ["main", "make_parser"]

#: How wide wrapped text runs.
_WIDTH = 88


def _stdout() -> Stream:
    return Stream(sys.stdout, "output")


_DOMAINS = [d.value for d in Domain]
#: The tracks with cells (momentum has none), as ``--track`` names them.
_TRACKS = ["assessments", "acts"]
#: A shift of a reading from which ``paragraphs --changes-only`` lists a paragraph.
_NOTABLE_SHIFT = 0.05

#: What the pooled ``all`` row of a shares table is.
_ALL_NOTE = "all: the states above pooled, every edge over any of them summed (not the mean of their rows)"
#: What the ``balance`` column is.
_BALANCE_NOTE = (
    "balance: how evenly the powers share each domain, 1 even, 0 one power alone (1 minus the normalised"
    " Herfindahl index of their shares), the mean over the domains with any influence"
)


# --------------------------------------------------------------------------
# Output helpers
# --------------------------------------------------------------------------


def _counts(ds: Dataset) -> list[str]:
    width = max(len(name) for name in Dataset.COLLECTIONS)
    return [f"  {name.replace('_', ' '):<{width}}  {len(getattr(ds, name)):>4}" for name in Dataset.COLLECTIONS]


def _record(ds: Dataset, key: str) -> Record:
    return ds[record_id(ds, key)]


def _scenario(ds: Dataset, key: str) -> Scenario:
    ids = [s.id for s in ds.scenarios]
    found = match_id(key, ids, "scenario")
    if found is not None:
        return ds.scenarios[ids.index(found)]
    other = match_id(key, list(ds.ids), "record")
    if other is not None:
        raise UsageError(f"{key!r} is a {type(ds[other]).__name__}, not a scenario; the scenarios are {', '.join(ids)}")
    raise UsageError(f"unknown scenario {key!r}; the scenarios are {', '.join(ids)}")


def _scenario_line(scenario: Scenario | None) -> list[str]:
    """The title of the scenario a table applies, as a header line above it."""
    if scenario is None:
        return []
    return textwrap.wrap(f"Scenario {scenario.id}: {visible(scenario.title, one_line=True)}", _WIDTH, subsequent_indent="  ")


def _notes(*notes: str) -> str:
    """Footnote lines, wrapped."""
    return "\n".join(line for n in notes for line in textwrap.wrap(n, _WIDTH, subsequent_indent="  "))


# --------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------


def _cmd_summary(args: argparse.Namespace, out: Stream) -> int:
    ds = load_data(args)
    source = getattr(args, "data", None) or "the bundled article dataset"
    if getattr(args, "extends", None):
        source += " with " + ", ".join(args.extends)
    lines = [f"{PROG}: {visible(source, one_line=True)}, {len(ds)} records", *_counts(ds)]
    if ds.scenarios:
        lines.append(f"scenarios: {', '.join(s.id for s in ds.scenarios)}")
    summary = _role_summary(ds, powers=DEFAULT_POWERS)
    if summary is not None:
        lines += ["", str(summary), _notes(_ALL_NOTE, _BALANCE_NOTE)]
    out.write("\n".join(lines) + "\n")
    return 0


def _role_summary(ds: Dataset, powers: Sequence[str], **options: Unpack[StreamOptions]) -> RoleSummary | None:
    """The role summary of *powers*, or ``None`` when the dataset lacks them or the region's states."""
    from centralasia._actors import central_asian_states
    from centralasia.roles import role_summary

    if not central_asian_states(ds) or any(p not in ds.ids for p in powers):
        return None
    return role_summary(ds, powers=powers, **options)


def _check_powers(ds: Dataset, powers: Sequence[str]) -> tuple[str, ...]:
    """*powers* as the dataset spells them; a usage error for one it lacks, a data error when it has no Central Asian states."""
    from centralasia._actors import central_asian_states

    ids = list(ds.ids)
    found: list[str] = []
    for power in powers:
        match = match_id(power, ids, "power")
        if match is None:
            if powers is DEFAULT_POWERS:  # not typed by the user: the data file lacks them
                raise DataError([], f"the dataset has no {power!r}, one of the default powers; name others with --powers")
            raise UsageError(f"unknown power {power!r}{opt.suggest(ids, power)}")
        found.append(match)
    if not central_asian_states(ds):
        raise DataError([], "the dataset has no Central Asian states to summarise roles over")
    return tuple(found)


def _summary_for(args: argparse.Namespace, ds: Dataset, scenario: str | None = None) -> RoleSummary:
    powers = _check_powers(ds, args.powers)
    chosen = _scenario(ds, scenario).id if scenario is not None else None
    summary = _role_summary(ds, powers, as_of=args.as_of, scenario=chosen, include_undated=not args.dated_only)
    if summary is None:
        raise DataError([], "the dataset has no Central Asian states to summarise roles over")
    return summary


def _cmd_roles(args: argparse.Namespace, out: Stream) -> int:
    domain = None if args.domain is None else Domain(args.domain)
    if args.track is not None:
        if args.explain is not None:
            raise UsageError("--explain lists the records behind the edge shares; leave out --track")
        if domain is None:
            raise UsageError("--track needs --domain")
        if args.over is not None:
            raise UsageError("--over goes with --explain; --track shows every state and the region")
    if args.over is not None and args.explain is None:
        raise UsageError("--over goes with --explain")
    if args.explain is not None and domain is None:
        raise UsageError("--explain needs --domain")
    ds = load_data(args)
    summary = _summary_for(args, ds, args.scenario)
    head = _scenario_line(summary.scenario)
    if domain is None:
        text = f"{summary}\n{_notes(_ALL_NOTE, _BALANCE_NOTE)}"
    elif args.track is not None:
        text = _render.track_table(summary.readings(), domain, args.track, args.as_of)
    elif args.explain is not None:
        power = match_id(args.explain, summary.powers, "power")
        if power is None:
            raise UsageError(f"--explain {args.explain!r} is not one of the powers {', '.join(summary.powers)}")
        over = None if args.over is None else match_id(args.over, summary.states, "state") or args.over
        text = str(summary.explain(power, domain, over))
    else:
        r = summary.readings()
        tracks = [_render.track_table(r, domain, track, args.as_of) for track in _TRACKS]
        edges = f"Every record's edges summed (the construct of the networks, not a reading of the article):\n{_render.domain_table(summary, domain)}"
        text = "\n\n".join([*tracks, f"{edges}\n{_notes(_ALL_NOTE)}"])
    out.write("\n".join([*head, text]) + "\n")
    return 0


def _cmd_list(args: argparse.Namespace, out: Stream) -> int:
    ds = load_data(args)
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
    ds = load_data(args)
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

    ds = load_data(args)
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

    ds = load_data(args)
    powers = _check_powers(ds, args.powers)
    scenario = _scenario(ds, args.scenario).id if args.scenario is not None else None
    rob = robustness(
        ds,
        draws=args.draws,
        seed=args.seed,
        powers=powers,
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

    ds = load_data(args)
    powers = _check_powers(ds, args.powers)
    effects = leave_one_paragraph_out(ds, powers=powers, as_of=args.as_of, include_undated=not args.dated_only)
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
    if not args.as_additions:
        refuse_data_options(args, "validate FILE", "it checks FILE as a whole dataset; add --extends (the flag) to check FILE as additions to that data")
    base = load_data(args) if args.as_additions else None
    try:
        if base is not None:
            from centralasia.additions import extend

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
        hint = "" if base is not None or not any("unknown id" in p for p in exc.problems) else "; if it adds to the bundled data, use --extends"
        raise DataError(exc.problems, f"{path}: {exc.summary}: {count} {noun}{hint}") from None
    return 0


def _cmd_network(args: argparse.Namespace, out: Stream) -> int:
    from centralasia.export import FORMATS, write_network
    from centralasia.network import influence_network

    suffix = os.path.splitext(args.output)[1].lower()
    if args.format is None and suffix not in FORMATS:
        raise UsageError(f"cannot tell the format of {args.output!r:.160} from its suffix; use one of {', '.join(FORMATS)} or --format")
    if args.format is not None and suffix in _SUFFIX_FORMATS and FORMATS.get(suffix) != args.format:
        # x.csv written as JSON would be misread by whatever opens it by its name.
        raise UsageError(
            f"--format {args.format} writes {args.format}, not {_SUFFIX_FORMATS[suffix]} as {args.output!r:.160} says; rename the file or drop --format"
        )
    ds = load_data(args)
    scenario = _scenario(ds, args.scenario).id if args.scenario is not None else None
    graph = influence_network(ds, domain=args.domain, as_of=args.as_of, scenario=scenario, include_undated=not args.dated_only)
    fmt = write_network(graph, args.output, args.format)
    note(f"wrote {args.output} ({fmt}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")
    return 0


def _image_path(output: str) -> tuple[str, str]:
    """The file ``plot -o`` writes and what to say of it: a name without a suffix gets ``.png``; a folder is refused."""
    from centralasia import plot

    path, inferred = output, ""
    if not os.path.splitext(os.path.basename(output.rstrip("/" + os.sep)))[1] and not os.path.isdir(output):
        path, inferred = output + ".png", " (no suffix given: PNG)"
    if os.path.isdir(path):
        raise write_error(path, "it is a directory; name an image file in it, e.g. map.png")
    plot.image_format(path)  # a name matplotlib cannot write is bad usage, found before the drawing
    return path, inferred


def _cmd_plot(args: argparse.Namespace, out: Stream) -> int:
    from centralasia import plot

    path, inferred = _image_path(args.output)
    if args.kind == "roles" and args.all_actors:
        raise UsageError("--all-actors is for the influence map (--kind map); the role shares show the powers only")
    if args.kind == "map" and args.powers is not DEFAULT_POWERS:
        raise UsageError("--powers is for --kind roles; the influence map draws the outside powers and the Central Asian states (--all-actors: every actor)")
    ds = load_data(args)
    if args.kind == "roles":
        baseline = _summary_for(args, ds)
        ids = [args.scenario] if args.scenario is not None else [s.id for s in ds.scenarios]
        others = [_summary_for(args, ds, i) for i in ids]
        fig = plot.role_shares(baseline, *others, domains=None if args.domain is None else [args.domain])
    else:
        from centralasia.network import influence_network

        scenario = _scenario(ds, args.scenario).id if args.scenario is not None else None
        graph = influence_network(ds, as_of=args.as_of, scenario=scenario, include_undated=not args.dated_only)
        fig = plot.influence_map(graph, ds, actors="all" if args.all_actors else None, domains=None if args.domain is None else [args.domain])
    plot.save(fig, path)
    note(f"wrote {path}{inferred}")
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
    ds = load_data(args)
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
        note(f"wrote {args.output}")
    return 0


def _cmd_cite(args: argparse.Namespace, out: Stream) -> int:
    from centralasia.citation import cite

    if args.library:
        refuse_data_options(args, "cite --library", "the library's citation reads no data")
        text = cite(args.format, "library")
    else:
        text = cite(args.format, "article", dataset=load_data(args))
    out.write(text if text.endswith("\n") else text + "\n")
    return 0


# --------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------

_Handler = Callable[[argparse.Namespace, Stream], int]
#: The prefix of the destinations of the data options given before the command.
_BEFORE = "before_"


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``centralasia`` command (for documentation tools)."""
    from centralasia import __version__
    from centralasia.citation import CITE_STYLES
    from centralasia.export import TABLES, WRITERS

    data = Parser(add_help=False)
    add_data_options(data)
    parser = Parser(
        prog=PROG,
        description="Russian and Chinese roles in Central Asian security: the data of "
        "Kosnazarov and Akylbayev's 2016 article, to summarise, query, export, draw and cite.",
        epilog=f"Run '{PROG} COMMAND --help' for the options of a command. Every command that reads data takes --data FILE "
        "(a dataset of your own instead of the bundled one) and --extends FILE (your additions to it), before or after the command. "
        "Ids match whatever their case (kaz is KAZ) where that names one id. "
        "Exit codes: 0 ok, 1 bad data or a file error, 2 bad usage, 130 interrupted.",
    )
    add_data_options(parser, dest_prefix=_BEFORE)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")

    def command(
        name: str, handler: _Handler, help: str, description: str | None = None, *, reads: bool = True, epilog: str | None = None
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=description or help, epilog=epilog, parents=[data] if reads else [])
        sub.set_defaults(handler=handler)
        return sub

    shares = f"In the shares tables, {_ALL_NOTE}; {_BALANCE_NOTE}."
    command("summary", _cmd_summary, "what the dataset holds (the default command)", epilog=shares)

    sub = command("list", _cmd_list, "the ids of the records, with their names", "List the ids of the records of one collection, or of all.")
    sub.add_argument("collection", nargs="?", choices=Dataset.COLLECTIONS, metavar="COLLECTION", help=f"one of: {', '.join(Dataset.COLLECTIONS)}")

    sub = command("show", _cmd_show, "one record with its evidence")
    sub.add_argument("id", help="the record's id, e.g. KAZ or role-rus-security-guarantor")
    sub.add_argument("--json", action="store_true", help="print the record as JSON in the library's schema")

    command("scenarios", _cmd_scenarios, "the article's scenarios and what each does to whose role")

    def analysis_options(sub: argparse.ArgumentParser, *, domain: bool = True, scenario: bool = True) -> None:
        sub.add_argument(
            "--as-of",
            type=opt.date,
            metavar="DATE",
            help="only what had begun by this date (YYYY, YYYY-MM or YYYY-MM-DD); undated records count from the article's time, October 2016",
        )
        sub.add_argument("--dated-only", action="store_true", help="leave out records the article and background do not date")
        if scenario:
            sub.add_argument("--scenario", metavar="ID", help="apply this scenario (see 'centralasia scenarios')")
        if domain:
            sub.add_argument("--domain", choices=_DOMAINS, help="only this domain")

    def powers_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--powers", type=opt.powers, default=DEFAULT_POWERS, metavar="IDS", help="the powers to compare, comma-separated (default RUS,CHN)")

    sub = command(
        "roles",
        _cmd_roles,
        "each power's share of influence by domain and state",
        "Each power's share of influence over each Central Asian state by domain, with the leader of each domain.",
        epilog=shares,
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
    sub.add_argument("--draws", type=opt.count, default=1000, metavar="N", help="the number of draws (default 1000)")
    sub.add_argument("--seed", type=opt.integer, default=0, metavar="S", help="the seed of the random numbers (default 0)")
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
    sub.add_argument(
        "-o", "--output", type=opt.file_name, required=True, metavar="FILE", help="the file to write; its suffix names the format unless --format does"
    )
    sub.add_argument("--format", choices=list(WRITERS), help="the format (default: from the suffix of FILE)")
    analysis_options(sub)

    sub = command(
        "plot",
        _cmd_plot,
        "draw the influence map or the role shares (needs the plot extra)",
        "Draw the influence map (powers and Central Asian states, edges by domain) or the role shares "
        "per domain, baseline against the scenarios. Needs matplotlib: pip install 'centralasia[plot]'.",
    )
    sub.add_argument("-o", "--output", type=opt.file_name, required=True, metavar="FILE", help="the image to write: .png, .svg or .pdf")
    sub.add_argument("--kind", choices=["map", "roles"], default="map", help="the influence map (default) or the role shares")
    analysis_options(sub)
    sub.add_argument("--powers", type=opt.powers, default=DEFAULT_POWERS, metavar="IDS", help="for --kind roles: the powers to compare (default RUS,CHN)")
    sub.add_argument("--all-actors", action="store_true", help="for the map: draw every actor with an edge, not only the powers and the region's states")

    sub = command(
        "validate",
        _cmd_validate,
        "check a data file of your own",
        "Check a JSON data file and list every problem with its JSON path. Exit code 1 if there are any.",
        reads=False,
    )
    add_data_options(sub, extends=False)
    sub.add_argument("file", type=opt.file_name, metavar="FILE", help="the JSON file to check")
    sub.add_argument(
        "--extends",
        dest="as_additions",
        action="store_true",
        help="check FILE as additions to the dataset (its records may name ids of the bundled data, such as KAZ, "
        "or of --data FILE); here --extends is a flag, and additions given before the command are part of the base",
    )

    sub = command("export", _cmd_export, "the dataset as JSON, or one table as CSV")
    sub.add_argument("-o", "--output", type=opt.file_name, metavar="FILE", help="the file to write, .json (or .csv with --table); default: standard output")
    sub.add_argument("--table", choices=TABLES, metavar="TABLE", help=f"write this table as CSV instead: {', '.join(TABLES)}")

    sub = command(
        "cite",
        _cmd_cite,
        "how to cite the source article or this library",
        "Print the citation of the source article (built from the bundled data: its title, authors, their notes and "
        "'late 2016'; the text gives no venue, DOI or exact date), or with --library that of this library.",
    )
    sub.add_argument("--format", choices=list(CITE_STYLES), default="text", help="the citation's format (default text)")
    sub.add_argument("--library", action="store_true", help="cite the centralasia library instead of the article")

    return parser


def _fail(message: str, code: int) -> int:
    """Say *message* as one line on standard error (where there is one) and return *code*."""
    note(f"{PROG}: error: {message}")
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
        opt.merge_data_options(args, _BEFORE)
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
