"""The command line: every subcommand, --help everywhere, one-line errors and exit codes 0/1/2."""

from __future__ import annotations

import io
import json
import os
import shlex
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import centralasia as ca
from centralasia import _render
from centralasia.cli import main, make_parser

OK, BAD_DATA, BAD_USAGE = 0, 1, 2


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return the exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("centralasia"), err
    assert "error:" in lines[0], err
    assert "Traceback" not in err
    return lines[0]


def _subcommands() -> list[str]:
    parser = make_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return list(action.choices)  # type: ignore[arg-type]


@pytest.fixture()
def bad_file(tmp_path: Path) -> Path:
    """A data file whose state has a string where an integer belongs."""
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "states": [{"id": "KAZ", "name": "Kazakhstan", "evidence": [{"paragraph": 1}], "cow_code": "705"}],
                "roles": [
                    {"id": "r1", "actor": "RUS", "role": "balancer", "domain": "security", "over": ["KAZ"], "summary": "x", "evidence": [{"paragraph": 2}]}
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture()
def additions(tmp_path: Path) -> Path:
    """A file of one new role that names bundled states."""
    path = tmp_path / "mine.json"
    role = {
        "id": "role-kaz-balancer-2017",
        "actor": "KAZ",
        "role": "balancer",
        "domain": "diplomatic",
        "over": ["RUS", "CHN"],
        "summary": "Kazakhstan balances.",
        "evidence": [{"paragraph": 11}],
    }
    path.write_text(json.dumps({"roles": [role]}), encoding="utf-8")
    return path


# --------------------------------------------------------------------------
# Help, version, usage errors
# --------------------------------------------------------------------------


def test_help_at_the_top(capsys: pytest.CaptureFixture[str]) -> None:
    """--help lists every subcommand and the exit codes, and exits 0."""
    code, out, _ = run(capsys, "--help")
    assert code == OK
    for name in _subcommands():
        assert name in out
    assert "Exit codes" in out


@pytest.mark.parametrize("command", _subcommands())
def test_help_of_every_subcommand(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """Each subcommand has its own --help, naming it in the usage line."""
    code, out, _ = run(capsys, command, "--help")
    assert code == OK
    assert out.startswith(f"usage: centralasia {command}")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version."""
    code, out, _ = run(capsys, "--version")
    assert code == OK and out.strip() == f"centralasia {ca.__version__}"


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["show"], ["list", "nations"], ["validate"], ["export", "--table", "nope"], ["summary", "--bogus"]],
)
def test_bad_usage_is_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """Unknown commands, missing or invalid arguments: exit 2 and one line on stderr naming --help."""
    code, out, err = run(capsys, *argv)
    assert code == BAD_USAGE
    assert "--help" in _one_line_error(err)
    assert out == ""


# --------------------------------------------------------------------------
# summary, list, show, scenarios
# --------------------------------------------------------------------------


def test_summary_is_the_default(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """With no command the summary is printed: the record count and each collection's size."""
    code, out, _ = run(capsys)
    assert code == OK
    assert f"{len(ds)} records" in out
    block = out.split("\n\n")[0].splitlines()[1:]
    counts = {" ".join(line.split()[:-1]): int(line.split()[-1]) for line in block if line.startswith("  ")}
    assert counts == {name.replace("_", " "): len(getattr(ds, name)) for name in ca.Dataset.COLLECTIONS}
    code2, out2, _ = run(capsys, "summary")
    assert code2 == OK and out2 == out


def test_summary_of_a_users_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--data FILE summarises that file instead of the bundled data, before or after the command."""
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"states": [{"id": "KAZ", "name": "Kazakhstan", "evidence": [{"paragraph": 1}]}]}), encoding="utf-8")
    for argv in (["--data", str(path)], ["--data", str(path), "summary"], ["summary", "--data", str(path)]):
        code, out, _ = run(capsys, *argv)
        assert code == OK and "1 records" in out and str(path) in out


def test_list_of_one_collection(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """list COLLECTION prints one line per record, id first."""
    code, out, _ = run(capsys, "list", "scenarios")
    assert code == OK
    assert [line.split()[0] for line in out.splitlines()] == [s.id for s in ds.scenarios]


def test_list_of_everything(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """list without a collection prints every id under its collection's heading."""
    code, out, _ = run(capsys, "list")
    assert code == OK
    assert f"states ({len(ds.states)})" in out
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert listed == list(ds.ids)


def test_show_prints_fields_names_and_evidence(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """show ID prints the record's kind and id, the names of the ids it names, and every piece of evidence."""
    role = ds.roles[0]
    code, out, _ = run(capsys, "show", role.id)
    assert code == OK
    assert out.startswith(f"Role {role.id}\n")
    actor = ds[role.actor]
    assert f"{role.actor} ({actor.name})" in out
    for e in role.evidence:
        if e.paragraph is not None and not e.is_background:
            assert f"paragraph {e.paragraph}" in out
    joined = " ".join(out.split())
    for e in role.evidence:
        if e.quote:
            assert e.quote in joined


def test_show_json_is_the_records_schema(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """show --json prints the record in the library's JSON schema, which loads back equal."""
    code, out, _ = run(capsys, "show", "--json", "KAZ")
    assert code == OK
    assert ca.loads(out, ca.State) == ds["KAZ"]


def test_show_of_an_unknown_id_suggests_close_ids(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown id is bad usage: exit 2 and one line naming it and close matches."""
    code, out, err = run(capsys, "show", "KZA")
    assert code == BAD_USAGE and out == ""
    line = _one_line_error(err)
    assert "unknown record id 'KZA'" in line and "'KAZ'" in line


def test_scenarios_lists_each_with_its_effects(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """scenarios prints every scenario id and horizon, and a line per effect."""
    code, out, _ = run(capsys, "scenarios")
    assert code == OK
    for sc in ds.scenarios:
        assert f"{sc.id}  [{sc.horizon.value}]" in out
    assert sum(len(sc.effects) for sc in ds.scenarios) == sum(1 for line in out.splitlines() if line.startswith("    "))


def _scenario_block(out: str, scenario_id: str) -> str:
    """The lines of one scenario in the output of ``scenarios``, up to the next scenario or the closing note."""
    return out.split(f"{scenario_id}  [", 1)[1].split("\nscn-", 1)[0].split("\n\n", 1)[0]


def test_scenarios_read_each_as_shifts(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """Each scenario's region rows are those of scenario_shifts: directions, leader today -> at the default shift, and the breakeven shift."""
    code, out, _ = run(capsys, "scenarios")
    assert code == OK
    for sc in ds.scenarios:
        block = _scenario_block(out, sc.id)
        shift = ca.scenario_shifts(ds, sc.id)
        rows = [r for r in shift.rows if r.over is None]
        for line in _render.shift_lines(shift):
            assert line in block, (sc.id, block)
        if not rows:
            assert "no share of a compared power moves" in block, sc.id
        for e in shift.unmeasured:
            assert f"{e.actor} {e.direction.value} in {e.domain.value}" in block.split("not measured: ", 1)[1], sc.id
    assert "lead: " not in out and "gradual effects only" not in out  # the old comparisons are gone


def test_scenarios_say_where_the_lead_changes(capsys: pytest.CaptureFixture[str]) -> None:
    """Beijing replacing Moscow hands China the security lead by definition; détente moves no leader up to a shift of 4."""
    _, out, _ = run(capsys, "scenarios")
    replaced = _scenario_block(out, "scn-beijing-replaces-moscow")
    assert "security: RUS decreases, CHN increases; leader RUS -> CHN; the lead changes by definition" in replaced  # Moscow replaced whole
    detente = _scenario_block(out, "scn-detente-with-west")
    assert "leader RUS -> RUS; no change of leader up to a shift of 4" in detente
    assert "not measured: CHN shift in security, CHN shift in economic" in detente
    assert "default shift (0.5 of a cell's total)" in " ".join(out.split())


# --------------------------------------------------------------------------
# validate and bad data
# --------------------------------------------------------------------------


def test_validate_a_good_file(capsys: pytest.CaptureFixture[str], ds: ca.Dataset, tmp_path: Path) -> None:
    """validate FILE on a valid dataset: exit 0 and the record count."""
    path = tmp_path / "all.json"
    path.write_text(ca.dumps(ds), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert code == OK and err == ""
    assert f"valid dataset: {len(ds)} records" in out


def test_validate_lists_every_problem_and_exits_1(capsys: pytest.CaptureFixture[str], bad_file: Path) -> None:
    """validate on a bad file: exit 1, every problem with its path on stdout, one line on stderr."""
    code, out, err = run(capsys, "validate", str(bad_file))
    assert code == BAD_DATA
    assert "$.states[0].cow_code" in out
    line = _one_line_error(err)
    assert str(bad_file) in line and "1 problem" in line


def test_validate_reports_unknown_ids_with_a_hint(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that names ids it does not hold: each unknown id listed, and a hint about --extends."""
    path = tmp_path / "refs.json"
    path.write_text(
        json.dumps(
            {"roles": [{"id": "r1", "actor": "RUS", "role": "balancer", "domain": "security", "over": ["KAZ"], "summary": "x", "evidence": [{"paragraph": 2}]}]}
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(path))
    assert code == BAD_DATA
    assert "unknown id 'RUS' @ $.roles[0].actor" in out and "unknown id 'KAZ' @ $.roles[0].over[0]" in out
    assert "--extends" in _one_line_error(err)


def test_validate_extends_accepts_additions(capsys: pytest.CaptureFixture[str], additions: Path, ds: ca.Dataset) -> None:
    """validate --extends checks a file of additions against the bundled data."""
    code, out, _ = run(capsys, "validate", "--extends", str(additions))
    assert code == OK
    assert f"1 records, {len(ds) + 1} with the base dataset" in out


def test_validate_extends_refuses_a_reused_id(capsys: pytest.CaptureFixture[str], tmp_path: Path, ds: ca.Dataset) -> None:
    """An addition that reuses a bundled id is reported at its own path in the file."""
    role = json.loads(ca.dumps(ds.roles[0]))
    path = tmp_path / "dup.json"
    path.write_text(json.dumps({"roles": [role]}), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--extends", str(path))
    assert code == BAD_DATA
    assert f"id {ds.roles[0].id!r} is already in the base dataset @ $.roles[0].id" in out


@pytest.mark.parametrize(
    ("content", "path"),
    [
        ("{not json", "$"),
        ("", "$"),
        ("[]", "$"),
        ('{"nations": []}', "$"),
        ('{"states": {}}', "$.states"),
        ('{"states": [{"id": "KAZ", "name": "K", "evidence": [{"paragraph": 1}], "colour": 1}]}', "$.states[0]"),
        (
            '{"agreements": [{"id": "a", "title": "t", "kind": "bilateral-agreement", "domain": "security",'
            ' "parties": ["KAZ"], "evidence": [{"paragraph": 1}], "date": "2016-02-30"}]}',
            "$.agreements[0].date",
        ),
    ],
    ids=["not-json", "empty", "not-an-object", "unknown-collection", "collection-not-a-list", "extra-field", "impossible-date"],
)
def test_validate_of_malformed_files(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, path: str) -> None:
    """Bad files: exit 1, one line on stderr, and the problem's JSON path on stdout."""
    file = tmp_path / "x.json"
    file.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "validate", str(file))
    assert code == BAD_DATA
    _one_line_error(err)
    assert f"@ {path}\n" in out


def test_validate_of_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that does not exist is bad data (exit 1), said in one line."""
    code, _, err = run(capsys, "validate", str(tmp_path / "absent.json"))
    assert code == BAD_DATA
    assert "absent.json" in _one_line_error(err)


def test_any_command_on_a_bad_data_file(capsys: pytest.CaptureFixture[str], bad_file: Path) -> None:
    """--data with an invalid file: exit 1, one line giving the first problem and the way to see all."""
    code, out, err = run(capsys, "--data", str(bad_file), "summary")
    assert code == BAD_DATA and out == ""
    line = _one_line_error(err)
    assert str(bad_file) in line and "$." in line


# --------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------


def test_export_json_round_trips(capsys: pytest.CaptureFixture[str], ds: ca.Dataset, tmp_path: Path) -> None:
    """export -o FILE writes the dataset in the library's schema; it loads back equal."""
    path = tmp_path / "out.json"
    code, _, err = run(capsys, "export", "-o", str(path))
    assert code == OK and str(path) in err
    assert ca.load(path) == ds


def test_export_to_stdout(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """export without -o writes the JSON to standard output."""
    code, out, _ = run(capsys, "export")
    assert code == OK and ca.loads(out) == ds


def test_export_a_table_as_csv(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """export --table roles writes a CSV header and a row per role."""
    code, out, _ = run(capsys, "export", "--table", "roles")
    assert code == OK
    lines = out.splitlines()
    assert lines[0].startswith("id,actor,role,domain,over")
    assert len(lines) == len(ds.roles) + 1


def test_export_to_an_unwritable_place(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that cannot be written: exit 1 and one line naming it."""
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == BAD_DATA
    assert "cannot write" in _one_line_error(err)


# --------------------------------------------------------------------------
# The examples of docs/cli.md
# --------------------------------------------------------------------------

CLI_PAGE = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _documented_runs() -> list[tuple[list[str], list[str]]]:
    """Each ``console`` example of docs/cli.md that shows output of the bundled data: its arguments and its output lines."""
    text = CLI_PAGE.read_text(encoding="utf-8")
    runs = []
    for block in text.split("```console\n")[1:]:
        lines = block.split("```", 1)[0].splitlines()
        if len(lines) < 2 or not lines[0].startswith("$ centralasia ") or lines[1].startswith("$ "):
            continue
        argv = lines[0].split()[2:]
        if argv[0] in ("validate", "network", "plot", "export"):  # they read or write files of the reader's
            continue
        runs.append((argv, lines[1:]))
    return runs


_RUNS = _documented_runs()


@pytest.mark.parametrize(("argv", "shown"), _RUNS, ids=[" ".join(argv) for argv, _ in _RUNS])
def test_documented_output_is_what_the_command_prints(capsys: pytest.CaptureFixture[str], argv: list[str], shown: list[str]) -> None:
    """Every example output in docs/cli.md is the command's own: whole, or in order between its '...' elisions."""
    code, out, _ = run(capsys, *argv)
    assert code == OK
    chunks: list[list[str]] = [[]]
    for line in shown:
        if line.strip() == "...":
            chunks.append([])
        else:
            chunks[-1].append(line)
    if len(chunks) == 1:
        assert out == "\n".join(shown) + "\n"
        return
    at = 0
    for chunk in ("\n".join(c) for c in chunks if c):
        found = out.find(chunk, at)
        assert found >= 0, chunk
        at = found + len(chunk)


def test_the_cli_page_shows_the_new_commands() -> None:
    """docs/cli.md has an example of roles --track, robustness, paragraphs --changes-only and the scenarios' shifts."""
    shown = {" ".join(argv) for argv, _ in _RUNS}
    assert {"roles --domain security --track acts", "robustness --draws 1000 --seed 0", "paragraphs --changes-only", "scenarios"} <= shown


# --------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------


def test_python_dash_m(tmp_path: Path) -> None:
    """python -m centralasia runs the same command line, with its exit codes."""
    ok = subprocess.run([sys.executable, "-m", "centralasia", "list", "states"], capture_output=True, text=True)
    assert ok.returncode == OK and "KAZ" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "centralasia", "show", "nope"], capture_output=True, text=True)
    assert bad.returncode == BAD_USAGE and bad.stderr.count("\n") == 1


def test_console_script_is_declared() -> None:
    """The installed 'centralasia' console script points at centralasia.cli:main."""
    scripts = [e for e in entry_points(group="console_scripts") if e.name == "centralasia"]
    assert [e.value for e in scripts] == ["centralasia.cli:main"]


# --------------------------------------------------------------------------
# roles, network, plot
# --------------------------------------------------------------------------


def test_summary_includes_the_role_summary(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """The default summary ends with the role summary table of Russia and China."""
    _, out, _ = run(capsys)
    assert str(ca.role_summary(ds)) in out


def test_roles_prints_the_role_summary(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """roles prints the scenario's title, the same table as str(role_summary(ds)) with the options passed on, and the notes on 'all' and balance."""
    code, out, _ = run(capsys, "roles", "--as-of", "2015", "--scenario", "scn-detente-with-west")
    assert code == OK
    title, rest = out.split("\n", 1)
    assert title == f"Scenario scn-detente-with-west: {ds['scn-detente-with-west'].title}"  # type: ignore[union-attr]
    table = str(ca.role_summary(ds, as_of="2015", scenario="scn-detente-with-west"))
    assert rest.startswith(table + "\nall: the states above pooled")
    assert "balance: how evenly" in rest[len(table) :]


def test_roles_of_one_domain(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """roles --domain prints each state's shares in that domain and its leader."""
    code, out, _ = run(capsys, "roles", "--domain", "security", "--powers", "RUS,CHN,USA")
    assert code == OK
    summary = ca.role_summary(ds, powers=("RUS", "CHN", "USA"))
    last = next(line for line in reversed(out.splitlines()) if line.startswith("all ")).split()
    assert last[0] == "all" and last[-1] == (summary.leader("security") or "tie")
    assert float(last[1]) == pytest.approx(summary.share("RUS", "security"), abs=0.005)


def test_roles_explain_lists_the_records(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """roles --explain POWER --domain D lists the records behind that share."""
    code, out, _ = run(capsys, "roles", "--domain", "security", "--explain", "CHN", "--over", "UZB")
    assert code == OK
    expected = ca.role_summary(ds).explain("CHN", "security", over="UZB")
    assert out == str(expected) + "\n"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["roles", "--scenario", "nope"], "unknown scenario 'nope'"),
        (["roles", "--scenario", "KAZ"], "not a scenario"),
        (["roles", "--powers", "RUS,XYZ"], "unknown power 'XYZ'"),
        (["roles", "--explain", "RUS"], "--explain needs --domain"),
        (["roles", "--domain", "security", "--explain", "RUS", "--over", "XYZ"], "'XYZ'"),
        (["roles", "--as-of", "2016-13"], "--as-of"),
        (["roles", "--domain", "military"], "--domain"),
        (["roles", "--track", "acts"], "--track needs --domain"),
        (["roles", "--domain", "security", "--track", "acts", "--explain", "RUS"], "leave out --track"),
        (["roles", "--domain", "security", "--track", "momentum"], "--track"),
        (["robustness", "--draws", "0"], "--draws"),
        (["robustness", "--draws", "-5"], "at least 1"),
        (["robustness", "--draws", "many"], "--draws"),
        (["robustness", "--seed", "x"], "--seed"),
        (["robustness", "--scenario", "nope"], "unknown scenario 'nope'"),
        (["robustness", "--powers", "RUS,XYZ"], "unknown power 'XYZ'"),
        (["robustness", "--powers", "RUS,RUS"], "each once"),
        (["paragraphs", "--powers", "XYZ"], "unknown power 'XYZ'"),
        (["paragraphs", "--scenario", "scn-detente-with-west"], "--scenario"),
        (["network", "-o", "net.txt"], "cannot tell the format"),
        (["network", "-o", "net.csv", "--format", "json"], "not CSV as 'net.csv' says"),
        (["network", "-o", "net.png", "--format", "gexf"], "not PNG as 'net.png' says"),
    ],
)
def test_bad_analysis_arguments_are_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], needle: str) -> None:
    """Unknown scenarios, powers, states, domains and dates are bad usage: exit 2, one line naming them."""
    code, _, err = run(capsys, *argv)
    assert code == BAD_USAGE
    assert needle in _one_line_error(err)


def test_roles_of_one_domain_on_one_track(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """roles --domain D --track acts prints each state's and the region's cell on that track, with its ties and the leader."""
    code, out, _ = run(capsys, "roles", "--domain", "security", "--track", "acts")
    assert code == OK
    r = ca.readings(ds)
    lines = out.splitlines()
    assert lines[0].startswith("security on the acts track (baseline)")
    for state in r.states:
        cell = r.cell("security", state, track="acts")
        line = next(x for x in lines if x.startswith(f"  {state} "))
        assert _render.cell_text(cell, r.powers) in line
        assert line.endswith("/".join(f"{cell.ties[p]:g}" for p in r.powers))
    region = next(x for x in lines if x.startswith("  region (mean)"))
    assert _render.cell_text(r.cell("security", track="acts"), r.powers) in region
    assert next(x for x in lines if x.startswith("  leader")).split() == ["leader", "CHN"]


def test_roles_track_follows_the_scenario_and_powers(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """--track assessments with --scenario and --powers shows the shifted cells of those powers: China leads security."""
    code, out, _ = run(
        capsys, "roles", "--domain", "security", "--track", "assessments", "--scenario", "scn-beijing-replaces-moscow", "--powers", "RUS,CHN,USA"
    )
    assert code == OK
    r = ca.readings(ds, powers=("RUS", "CHN", "USA"), scenario="scn-beijing-replaces-moscow")
    assert out.splitlines()[0] == "Scenario scn-beijing-replaces-moscow: Beijing replaces Moscow"  # the title, whole
    assert "scenario scn-beijing-replaces-moscow" in out.splitlines()[1]
    assert _render.cell_text(r.cell("security"), r.powers) in out
    assert "USA" in out and "ties" not in out.splitlines()[1]
    assert next(x for x in out.splitlines() if x.startswith("  leader")).split() == ["leader", r.leader("security")]


def test_robustness_prints_the_library_report(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """robustness prints str(ca.robustness(...)) with the draws, seed, scenario, powers and --no-structural passed on."""
    code, out, err = run(capsys, "robustness", "--draws", "40", "--seed", "3")
    assert code == OK and err == ""  # no progress bar where stderr is not a terminal
    assert out == str(ca.robustness(ds, draws=40, seed=3)) + "\n"
    code, out, _ = run(capsys, "robustness", "--draws", "30", "--scenario", "scn-beijing-replaces-moscow", "--no-structural", "--powers", "RUS,CHN,USA")
    assert code == OK
    expected = ca.robustness(ds, draws=30, scenario="scn-beijing-replaces-moscow", structural=False, powers=("RUS", "CHN", "USA"))
    assert out == str(expected) + "\n"
    assert "pooling" not in out.splitlines()[0] and "P(USA leads)" in out


def test_robustness_is_the_same_for_the_same_seed(capsys: pytest.CaptureFixture[str]) -> None:
    """The same --seed prints the same report twice; another seed prints another."""
    first = run(capsys, "robustness", "--draws", "50", "--seed", "7")
    again = run(capsys, "robustness", "--draws", "50", "--seed", "7")
    other = run(capsys, "robustness", "--draws", "50", "--seed", "8")
    assert first == again and first[0] == OK
    assert other[1] != first[1]


def test_robustness_default_draws(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --draws, robustness samples 1000 draws with seed 0."""
    code, out, _ = run(capsys, "robustness")
    assert code == OK and out.startswith("Robustness over 1000 draws (seed 0;")


class _Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_robustness_shows_progress_on_a_terminal_only(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Where stderr is a terminal, robustness draws its progress bar there, never on stdout."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["robustness", "--draws", "20"])
    out = capsys.readouterr().out
    assert code == OK
    assert "sampling [" in terminal.getvalue() and "20/20" in terminal.getvalue()
    assert "sampling" not in out and out.startswith("Robustness over 20 draws")


def test_paragraphs_prints_every_effect(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """paragraphs prints the leave-one-paragraph-out table of every paragraph and reading."""
    code, out, _ = run(capsys, "paragraphs")
    assert code == OK
    effects = ca.leave_one_paragraph_out(ds)
    assert _render.paragraph_table(effects) in out
    assert "8     acts security                     0.00  CHN -> none" in out


def test_paragraphs_changes_only(capsys: pytest.CaptureFixture[str], ds: ca.Dataset) -> None:
    """--changes-only keeps exactly the rows that change a leader or shift a reading by 0.05 or more."""
    code, out, _ = run(capsys, "paragraphs", "--changes-only")
    assert code == OK
    effects = ca.leave_one_paragraph_out(ds)
    kept = tuple(e for e in effects if e.changes_leader or e.largest_shift >= 0.05)
    assert 0 < len(kept) < len(effects)
    assert _render.paragraph_table(kept) in out
    rows = [line for line in out.splitlines() if line[:1].isdigit()]
    assert len(rows) == len(kept)
    assert not any(line.endswith("unchanged") and float(line.split()[-2]) < 0.05 for line in rows)


@pytest.mark.parametrize(
    ("argv", "options"),
    [
        (["--powers", "RUS,USA"], {"powers": ("RUS", "USA")}),
        (["--dated-only"], {"include_undated": False}),
        (["--as-of", "2014"], {"as_of": "2014"}),
    ],
    ids=["powers", "dated-only", "as-of"],
)
def test_paragraphs_pass_the_options_on(capsys: pytest.CaptureFixture[str], ds: ca.Dataset, argv: list[str], options: dict[str, object]) -> None:
    """--powers, --dated-only and --as-of reach leave_one_paragraph_out: the table is the library's with them, not the default one."""
    code, out, _ = run(capsys, "paragraphs", *argv)
    assert code == OK
    expected = _render.paragraph_table(ca.leave_one_paragraph_out(ds, **options))  # type: ignore[arg-type]
    assert expected in out and expected != _render.paragraph_table(ca.leave_one_paragraph_out(ds))


def test_track_with_over_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """``roles --track`` shows every state: ``--over`` (an --explain option) with it is a usage error, not ignored."""
    code, out, err = run(capsys, "roles", "--domain", "security", "--track", "acts", "--over", "KAZ")
    assert code == BAD_USAGE and out == "" and "--over goes with --explain" in err


def test_a_data_file_without_a_default_power_is_bad_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file of the user's without China, the default power they never typed, is a data problem (exit 1), not their usage."""
    ev = [ca.Evidence(paragraph=1)]
    ds = ca.Dataset(states=[ca.State(id="RUS", name="Russia", evidence=ev), ca.State(id="KAZ", name="Kazakhstan", evidence=ev, region=ca.Region.CENTRAL_ASIA)])
    path = tmp_path / "no-china.json"
    path.write_text(ca.dumps(ds), encoding="utf-8")
    code, _, err = run(capsys, "--data", str(path), "robustness", "--draws", "5")
    assert code == BAD_DATA and "default powers" in err


# --------------------------------------------------------------------------
# Writes that keep what was there; Ctrl-C
# --------------------------------------------------------------------------

OLD = b'{"old": "the only copy"}\n'

#: Each command that writes a file, with the name of the file it writes.
WRITES = [
    (["export", "-o"], "out.json"),
    (["export", "--table", "roles", "-o"], "roles.csv"),
    (["network", "-o"], "net.graphml"),
    (["network", "--format", "json", "-o"], "net.out"),
]


def _leftovers(folder: Path, *keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p not in keep)


def _run_interrupted(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """:func:`run`, failing the test (not the whole session) if the interrupt escapes ``main``."""
    try:
        return run(capsys, *argv)
    except KeyboardInterrupt:
        pytest.fail("the KeyboardInterrupt escaped main")


@pytest.mark.parametrize(("argv", "name"), WRITES, ids=[" ".join(a) for a, _ in WRITES])
def test_a_full_disk_keeps_the_old_file(tmp_path: Path, argv: list[str], name: str) -> None:
    """Under a file-size limit (RLIMIT_FSIZE): exit 1, one line naming the file, the old file whole, no temporary file."""
    pytest.importorskip("resource")
    path = tmp_path / name
    path.write_bytes(OLD)
    code = f"import resource, sys\nresource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))\nfrom centralasia.cli import main\nsys.exit(main({[*argv, str(path)]!r}))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == BAD_DATA, done.stderr
    assert name in _one_line_error(done.stderr)
    assert path.read_bytes() == OLD
    assert _leftovers(tmp_path, path) == []


@pytest.mark.parametrize(("argv", "name"), WRITES, ids=[" ".join(a) for a, _ in WRITES])
def test_ctrl_c_while_writing_exits_130_and_keeps_the_old_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], name: str
) -> None:
    """An interrupt at the rename: exit 130, one line, the old file untouched, nothing left behind."""
    from centralasia import _files

    path = tmp_path / name
    path.write_bytes(OLD)

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_files.os, "replace", interrupt)
    code, _, err = _run_interrupted(capsys, *argv, str(path))
    assert code == 130 and "interrupted" in _one_line_error(err)
    assert path.read_bytes() == OLD
    assert _leftovers(tmp_path, path) == []


def test_ctrl_c_while_making_the_output_exits_130(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An interrupt before a byte is written (while the JSON is made) leaves the old file as it was: the file is opened last."""
    from centralasia import convert

    path = tmp_path / "out.json"
    path.write_bytes(OLD)

    def interrupt(*args: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(convert, "dumps", interrupt)
    code, _, err = _run_interrupted(capsys, "export", "-o", str(path))
    assert code == 130 and "interrupted" in _one_line_error(err)
    assert path.read_bytes() == OLD and _leftovers(tmp_path, path) == []


def test_export_over_its_own_input(capsys: pytest.CaptureFixture[str], ds: ca.Dataset, tmp_path: Path) -> None:
    """--data mine.json export -o mine.json rewrites the file whole: it loads back equal, never truncated."""
    path = tmp_path / "mine.json"
    path.write_text(ca.dumps(ds), encoding="utf-8")
    code, _, _ = run(capsys, "--data", str(path), "export", "-o", str(path))
    assert code == OK and ca.load(path) == ds


# --------------------------------------------------------------------------
# Output for any terminal: escapes, encodings, a closed stdout
# --------------------------------------------------------------------------

#: What must never reach a terminal raw: escape sequences, C1 controls, bidi overrides, zero-width characters.
HIDDEN = ["\x1b", "\x9b", "\u202e", "\u200b", "\x07", "\r"]


def _hostile_file(tmp_path: Path, extra_field: bool) -> Path:
    state = {"id": "KAZ", "name": "Ka\x1b[2Jz\u202eevil\u200b\x9b31m\x07\rX", "evidence": [{"paragraph": 1}]}
    if extra_field:
        state["bad\nkey\x1b[2J"] = 1
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"states": [state]}), encoding="utf-8")
    return path


@pytest.mark.parametrize("extra_field", [False, True], ids=["hostile-name", "hostile-key"])
@pytest.mark.parametrize(
    "argv", [["list"], ["list", "states"], ["show", "KAZ"], ["summary"], ["validate"]], ids=["list", "list-states", "show", "summary", "validate"]
)
def test_data_never_reaches_the_terminal_raw(capsys: pytest.CaptureFixture[str], tmp_path: Path, extra_field: bool, argv: list[str]) -> None:
    """Names and keys with escape sequences, bidi or zero-width characters print escaped; an error stays one line."""
    path = _hostile_file(tmp_path, extra_field)
    full = [*argv, str(path)] if argv == ["validate"] else ["--data", str(path), *argv]
    code, out, err = run(capsys, *full)
    for char in HIDDEN:
        assert char not in out and char not in err, repr(char)
    if code == OK:
        assert err == ""
    else:
        assert code == BAD_DATA
        _one_line_error(err)


def test_show_json_stays_the_same_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """show --json escapes hidden characters the JSON way: the output loads back as the record."""
    path = tmp_path / "bidi.json"
    path.write_text(json.dumps({"states": [{"id": "KAZ", "name": "Ka\u202ez\x85", "evidence": [{"paragraph": 1}]}]}), encoding="utf-8")
    code, out, err = run(capsys, "--data", str(path), "show", "--json", "KAZ")
    if code == OK:
        assert "\u202e" not in out and "\x85" not in out
        assert ca.loads(out, ca.State) == ca.load(path)["KAZ"]
    else:  # refused at load: then as one line
        assert code == BAD_DATA and "\u202e" not in _one_line_error(err)


def _run_process(*argv: str, encoding: str = "utf-8", shell_suffix: str = "") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    if shell_suffix:
        command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "centralasia", *argv]) + " " + shell_suffix
        return subprocess.run(["sh", "-c", command], capture_output=True, env=env, timeout=120)
    return subprocess.run([sys.executable, "-m", "centralasia", *argv], capture_output=True, env=env, timeout=120)


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp1251"])
@pytest.mark.parametrize(
    "argv",
    [["summary"], ["list"], ["show", "KAZ"], ["scenarios"], ["roles", "--domain", "security"], ["show", "nope"]],
    ids=["summary", "list", "show", "scenarios", "roles", "error"],
)
def test_a_narrow_terminal_encoding_never_tracebacks(encoding: str, argv: list[str]) -> None:
    """With PYTHONIOENCODING set to an encoding without the data's characters, output is backslash-escaped, never a traceback."""
    done = _run_process(*argv, encoding=encoding)
    assert b"Traceback" not in done.stderr and done.returncode in (OK, BAD_USAGE), done.stderr
    done.stdout.decode(encoding)  # all of it in the terminal's encoding


def test_export_to_stdout_is_utf8_whatever_the_terminal(ds: ca.Dataset) -> None:
    """export without -o writes UTF-8 bytes, also when standard output says latin-1: it loads back equal."""
    done = _run_process("export", encoding="latin-1")
    assert done.returncode == OK, done.stderr
    assert ca.loads(done.stdout) == ds


@pytest.mark.parametrize("argv", [["list"], ["summary"], ["export"], ["show", "KAZ"]])
def test_a_closed_stdout_is_one_line(argv: list[str]) -> None:
    """With standard output closed (>&-): exit 1 and one line saying so, no AttributeError."""
    done = _run_process(*argv, shell_suffix=">&-")
    assert done.returncode == BAD_DATA
    assert "standard output" in _one_line_error(done.stderr.decode())


def test_a_command_that_writes_a_file_needs_no_stdout(tmp_path: Path) -> None:
    """export -o FILE with standard output closed still writes the file."""
    path = tmp_path / "out.json"
    done = _run_process("export", "-o", str(path), shell_suffix=">&-")
    assert done.returncode == OK, done.stderr
    assert ca.load(path) == ca.load()


# --------------------------------------------------------------------------
# Leftovers: file names, empty values, digits
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["plot", "-o", "x.txt"], ".png, .svg or .pdf"),
        (["plot", "-o", "x.docx"], ".png, .svg or .pdf"),
        (["plot", "-o", ""], "cannot be empty"),
        (["export", "-o", "oops.csv"], "name the file .json"),
        (["export", "-o", "oops.graphml"], "name the file .json"),
        (["export", "--table", "roles", "-o", "oops.json"], "name the file .csv"),
        (["export", "-o", ""], "cannot be empty"),
        (["network", "-o", ""], "cannot be empty"),
        (["network", "-o", "net"], "cannot tell the format"),
        (["--data", "", "list"], "cannot be empty"),
        (["validate", ""], "cannot be empty"),
        (["roles", "--scenario", ""], "unknown scenario ''"),
        (["robustness", "--draws", "5", "--scenario", ""], "unknown scenario ''"),
        (["network", "-o", "n.json", "--scenario", ""], "unknown scenario ''"),
        (["plot", "-o", "x.png", "--scenario", ""], "unknown scenario ''"),
        (["roles", "--domain", "security", "--explain", ""], "--explain ''"),
        (["roles", "--as-of", "２０１６"], "--as-of"),
        (["roles", "--as-of", "٢٠١٦"], "--as-of"),
        (["roles", "--as-of", "2016-０１"], "--as-of"),
        (["robustness", "--draws", "５"], "--draws"),
        (["robustness", "--draws", " 5"], "--draws"),
        (["robustness", "--draws", "1_0"], "--draws"),
        (["robustness", "--seed", "２"], "--seed"),
        (["robustness", "--seed", "1_000"], "--seed"),
    ],
)
def test_leftovers_are_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], needle: str) -> None:
    """Names of the wrong format, empty values and non-ASCII digits: exit 2, one line, nothing written."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == BAD_USAGE and out == ""
    line = _one_line_error(err)
    assert needle in line and "bundled" not in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["export", "-o"], ["network", "-o"], ["plot", "-o"]], ids=["export", "network", "plot"])
def test_an_existing_folder_is_not_overwritten(capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]) -> None:
    """-o naming a folder (even one named like a file) is refused in one line; the folder stays."""
    if command[0] == "plot":
        pytest.importorskip("matplotlib")
    suffix = {"export": ".json", "network": ".gexf", "plot": ".png"}[command[0]]
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    code, _, err = run(capsys, *command, str(folder))
    assert code == BAD_DATA and "directory" in _one_line_error(err)
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.parametrize("kind", ["directory", "device", "fifo", "missing"])
def test_data_that_is_no_regular_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str) -> None:
    """--data naming a folder, a device, a FIFO or nothing: exit 1, one line naming that file (not the bundled data), at once."""
    if kind == "directory":
        path = str(tmp_path)
    elif kind == "device":
        if not os.path.exists("/dev/zero"):
            pytest.skip("no /dev/zero here")
        path = "/dev/zero"
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        path = str(tmp_path / "fifo.json")
        os.mkfifo(path)
    else:
        path = str(tmp_path / "absent.json")
    code, _, err = run(capsys, "--data", path, "list")
    assert code == BAD_DATA
    line = _one_line_error(err)
    assert path in line and "bundled" not in line


def test_unwritable_text_is_bad_data_not_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A lone surrogate in the data: network -o and export -o exit 1 (not 2) in one line, and write nothing."""
    path = tmp_path / "surrogate.json"
    path.write_text('{"states": [{"id": "KAZ", "name": "Ka\\ud800z", "evidence": [{"paragraph": 1}]}]}', encoding="utf-8")
    for argv in (
        ["network", "-o", str(tmp_path / "n.graphml")],
        ["network", "-o", str(tmp_path / "n.json")],
        ["export", "-o", str(tmp_path / "o.json")],
        ["export"],
    ):
        code, out, err = run(capsys, "--data", str(path), *argv)
        assert code == BAD_DATA, argv
        _one_line_error(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["surrogate.json"]


def test_plot_says_the_file_it_wrote(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """plot -o FILE writes exactly FILE (no suffix added) and says so."""
    pytest.importorskip("matplotlib")
    path = tmp_path / "map.svg"
    code, _, err = run(capsys, "plot", "-o", str(path))
    assert code == OK and err.strip() == f"wrote {path}"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"] and path.read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize(
    "argv",
    [["show", "x" * 50_000], ["roles", "--scenario", "x" * 50_000], ["list", "x" * 50_000], ["x" * 50_000]],
    ids=["show", "roles-scenario", "list", "command"],
)
def test_errors_cut_long_values(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """A 50,000-character argument is not echoed whole: the error stays one short line."""
    code, _, err = run(capsys, *argv)
    assert code in (BAD_DATA, BAD_USAGE) and err.count("\n") == 1 and len(err) < 2_000


def test_over_without_explain_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """``roles --over`` does nothing without ``--explain``: a usage error, not silently ignored."""
    code, out, err = run(capsys, "roles", "--over", "KAZ")
    assert code == BAD_USAGE and out == "" and "--over goes with --explain" in err


def test_a_dash_is_not_a_file_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``-o -`` is refused (leave out -o for standard output) rather than writing a file named '-'."""
    code, _, err = run(capsys, "network", "-o", "-", "--format", "csv")
    assert code == BAD_USAGE and "'-' is not a file name" in err


# --------------------------------------------------------------------------
# Issue 12: files of plot, the user's data on every command, notes, ids, cite
# --------------------------------------------------------------------------


def test_plot_without_a_suffix_writes_png_and_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """plot -o NAME (no suffix) writes NAME.png and says exactly that file."""
    pytest.importorskip("matplotlib")
    code, _, err = run(capsys, "plot", "-o", str(tmp_path / "noext"))
    path = tmp_path / "noext.png"
    assert code == OK and err.strip() == f"wrote {path} (no suffix given: PNG)"
    assert [p.name for p in tmp_path.iterdir()] == ["noext.png"] and path.read_bytes().startswith(b"\x89PNG")


def test_plot_into_a_folder_without_suffix_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """plot -o FOLDER (an existing folder, no suffix) is our one-line error, exit 1: no file beside it, the folder empty."""
    folder = tmp_path / "pictures"
    folder.mkdir()
    code, out, err = run(capsys, "plot", "-o", str(folder))
    assert code == BAD_DATA and out == ""
    assert "directory" in _one_line_error(err)
    assert [p.name for p in tmp_path.iterdir()] == ["pictures"] and list(folder.iterdir()) == []


def test_plot_of_an_unknown_format_lists_the_formats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """plot -o x.docx: exit 2, one line naming the formats it can write, no matplotlib traceback."""
    code, _, err = run(capsys, "plot", "-o", str(tmp_path / "x.docx"))
    assert code == BAD_USAGE
    line = _one_line_error(err)
    assert "x.docx" in line and ".png, .svg or .pdf" in line and "matplotlib" not in line
    assert list(tmp_path.iterdir()) == []


def _additions_file(tmp_path: Path, ds: ca.Dataset) -> tuple[Path, ca.Dataset]:
    """A file adding a scenario and a role (copies of bundled ones under new ids), and the bundled data extended by it."""
    scenario = json.loads(ca.dumps(ds.scenarios[0]))
    scenario["id"] = "scn-mine"
    role = json.loads(ca.dumps(next(r for r in ds.roles if r.domain is ca.Domain.SECURITY)))
    role["id"] = "role-mine"
    path = tmp_path / "additions.json"
    path.write_text(json.dumps({"scenarios": [scenario], "roles": [role]}), encoding="utf-8")
    return path, ca.extend(ds, path)


#: Each command that reads data, its arguments, and what shows that it read the additions.
DATA_COMMANDS: list[tuple[str, list[str]]] = [
    ("summary", ["summary"]),
    ("list", ["list", "scenarios"]),
    ("show", ["show", "SCN-MINE"]),
    ("scenarios", ["scenarios"]),
    ("roles", ["roles", "--scenario", "scn-mine"]),
    ("robustness", ["robustness", "--draws", "3", "--scenario", "scn-mine"]),
    ("paragraphs", ["paragraphs"]),
    ("network", ["network", "--format", "json", "-o"]),
    ("plot", ["plot", "--kind", "roles", "--scenario", "scn-mine", "-o"]),
    ("export", ["export", "--table", "roles"]),
    ("cite", ["cite"]),
]


def _check_read(name: str, out: str, err: str, ds: ca.Dataset, written: Path) -> None:
    """That the output of command *name* comes from *ds* (the data with the additions)."""
    if name == "summary":
        assert f"{len(ds)} records" in out
    elif name == "list":
        assert out.splitlines()[-1].split()[0] == "scn-mine"
    elif name in ("show", "scenarios"):
        assert "scn-mine" in out
    elif name in ("roles", "robustness"):
        assert "scn-mine" in out
    elif name == "paragraphs":
        assert _render.paragraph_table(ca.leave_one_paragraph_out(ds)) in out
    elif name == "network":
        graph = ca.influence_network(ds)
        assert f"{graph.number_of_edges()} edges" in err and "role-mine" in written.read_text(encoding="utf-8")
    elif name == "plot":
        assert written.read_bytes().startswith(b"\x89PNG")
    elif name == "export":
        assert "\nrole-mine," in out
    else:
        assert out == ca.cite(dataset=ds) + "\n"


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("option", ["--extends", "--data"])
@pytest.mark.parametrize(("name", "argv"), DATA_COMMANDS, ids=[n for n, _ in DATA_COMMANDS])
def test_every_command_reads_the_users_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, ds: ca.Dataset, name: str, argv: list[str], option: str, where: str
) -> None:
    """Every command that reads data takes --extends FILE (additions) and --data FILE (a whole dataset), before or after the command."""
    if name == "plot":
        pytest.importorskip("matplotlib")
    path, extended = _additions_file(tmp_path, ds)
    if option == "--data":
        path = tmp_path / "whole.json"
        path.write_text(ca.dumps(extended), encoding="utf-8")
    written = tmp_path / ("out.json" if name == "network" else "out.png")
    full = [*argv, str(written)] if argv[-1] == "-o" else list(argv)
    full = [option, str(path), *full] if where == "before" else [*full, option, str(path)]
    code, out, err = run(capsys, *full)
    assert code == OK, err
    _check_read(name, out, err, extended, written)


@pytest.mark.parametrize(("name", "argv"), DATA_COMMANDS, ids=[n for n, _ in DATA_COMMANDS])
def test_every_command_names_a_bad_additions_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, argv: list[str]) -> None:
    """An invalid --extends file: exit 1, one line naming that file and the first problem, nothing written."""
    path = tmp_path / "broken.json"
    path.write_text(
        json.dumps(
            {"roles": [{"id": "r1", "actor": "RUS", "role": "balancer", "domain": "security", "over": ["TJJ"], "summary": "x", "evidence": [{"paragraph": 2}]}]}
        ),
        encoding="utf-8",
    )
    full = [*argv, str(tmp_path / ("out.json" if name == "network" else "out.png"))] if argv[-1] == "-o" else list(argv)
    if name == "show":
        full = ["show", "KAZ"]
    code, out, err = run(capsys, *full, "--extends", str(path))
    assert code == BAD_DATA and out == ""
    line = _one_line_error(err)
    assert str(path) in line and "unknown id 'TJJ'" in line
    assert [p.name for p in tmp_path.iterdir()] == ["broken.json"]


def test_extends_files_add_up_in_order(capsys: pytest.CaptureFixture[str], tmp_path: Path, ds: ca.Dataset) -> None:
    """--extends before and after the command both count: the second file may name the first one's records."""
    first, _ = _additions_file(tmp_path, ds)
    role = json.loads(ca.dumps(ds.roles[0]))
    role["id"] = "role-second"
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"roles": [role]}), encoding="utf-8")
    code, out, _ = run(capsys, "--extends", str(first), "summary", "--extends", str(second))
    assert code == OK and f"{len(ds) + 3} records" in out and f"with {first}, {second}" in out


def test_data_twice_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--data before and after the command names two datasets: exit 2, not one silently dropped."""
    code, _, err = run(capsys, "--data", "a.json", "list", "--data", "b.json")
    assert code == BAD_USAGE and "--data is given twice" in _one_line_error(err)


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["plot", "-o", "x.png", "--powers", "RUS,USA"], "--powers is for --kind roles"),
        (["plot", "-o", "x.png", "--kind", "roles", "--all-actors"], "--all-actors is for the influence map"),
        (["--data", "x.json", "validate", "y.json"], "--data does nothing with 'validate FILE'"),
        (["--extends", "x.json", "validate", "y.json"], "--extends does nothing with 'validate FILE'"),
        (["cite", "--library", "--extends", "x.json"], "--extends does nothing with 'cite --library'"),
        (["roles", "--explain", "CHN", "--over", "UZB"], "--explain needs --domain"),
        (["roles", "--domain", "security", "--over", "UZB"], "--over goes with --explain"),
    ],
)
def test_options_that_do_nothing_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], needle: str
) -> None:
    """An option the combination ignores is refused (exit 2, one line), before any file is read or written."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == BAD_USAGE and out == ""
    assert needle in _one_line_error(err)
    assert list(tmp_path.iterdir()) == []


def test_validate_extends_on_a_users_base(capsys: pytest.CaptureFixture[str], tmp_path: Path, ds: ca.Dataset) -> None:
    """validate --extends FILE checks FILE against --data and the additions given before the command."""
    first, extended = _additions_file(tmp_path, ds)
    role = json.loads(ca.dumps(ds.roles[0]))
    role["id"] = "role-on-mine"
    role["evidence"] = [{"paragraph": 3}]
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"roles": [role]}), encoding="utf-8")
    code, out, _ = run(capsys, "--extends", str(first), "validate", "--extends", str(mine))
    assert code == OK and f"1 records, {len(extended) + 1} with the base dataset" in out


def test_roles_and_summary_explain_all_and_balance(capsys: pytest.CaptureFixture[str]) -> None:
    """The shares tables end with a note on the pooled 'all' row (and the balance column, where it is shown); --help says it too."""
    for argv in (["summary"], ["roles"]):
        _, out, _ = run(capsys, *argv)
        tail = " ".join(out.split("Influence shares of")[1].split())
        assert "all: the states above pooled" in tail and "balance: how evenly the powers share each domain, 1 even, 0 one power alone" in tail
    _, out, _ = run(capsys, "roles", "--domain", "security")
    assert " ".join(out.split()).endswith(
        "UZB 0.46 0.54 CHN all 0.57 0.43 RUS all: the states above pooled, every edge over any of them summed (not the mean of their rows)"
    )
    assert "balance:" not in out
    for command in ("summary", "roles"):
        _, help_text, _ = run(capsys, command, "--help")
        joined = " ".join(help_text.split())
        assert "all: the states above pooled" in joined and "balance: how evenly" in joined


#: Every command with output on standard output, in the ways it can print.
PRINTING = [
    [],
    ["--help"],
    *([c, "--help"] for c in ("summary", "list", "show", "scenarios", "roles", "robustness", "paragraphs", "network", "plot", "validate", "export", "cite")),
    ["list"],
    ["list", "states"],
    ["show", "KAZ"],
    ["show", "--json", "role-rus-security-guarantor"],
    ["scenarios"],
    ["roles"],
    ["roles", "--as-of", "2010"],
    ["roles", "--scenario", "scn-beijing-replaces-moscow"],
    *(["roles", "--domain", d] for d in ("security", "economic", "diplomatic")),
    *(["roles", "--domain", d, "--track", t] for d in ("security", "economic", "diplomatic") for t in ("assessments", "acts")),
    ["roles", "--domain", "security", "--explain", "CHN", "--over", "UZB"],
    ["robustness", "--draws", "20"],
    ["paragraphs"],
    ["paragraphs", "--changes-only"],
    ["export", "--table", "roles"],
    *(["cite", "--format", f] for f in ("text", "bibtex", "csl-json")),
    ["cite", "--library", "--format", "bibtex"],
]


@pytest.mark.parametrize("argv", PRINTING, ids=[" ".join(a) or "(none)" for a in PRINTING])
def test_no_output_line_ends_in_a_space(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """No line any command prints (help included) ends in spaces or tabs."""
    code, out, err = run(capsys, *argv)
    assert code == OK, err
    assert out
    trailing = [line for line in (out + err).splitlines() if line != line.rstrip()]
    assert not trailing, trailing[:3]


@pytest.mark.parametrize(
    ("argv", "same_as"),
    [
        (["show", "kaz"], ["show", "KAZ"]),
        (["show", "SCN-DETENTE-WITH-WEST"], ["show", "scn-detente-with-west"]),
        (["roles", "--powers", "rus,chn"], ["roles"]),
        (["roles", "--domain", "security", "--explain", "chn", "--over", "uzb"], ["roles", "--domain", "security", "--explain", "CHN", "--over", "UZB"]),
        (["roles", "--scenario", "Scn-Detente-With-West"], ["roles", "--scenario", "scn-detente-with-west"]),
        (["paragraphs", "--powers", "Rus,Chn"], ["paragraphs"]),
    ],
)
def test_ids_match_whatever_their_case(capsys: pytest.CaptureFixture[str], argv: list[str], same_as: list[str]) -> None:
    """An id typed in another case names the one id it matches: the output is that of the id as spelt."""
    code, out, err = run(capsys, *argv)
    assert code == OK, err
    assert (code, out) == run(capsys, *same_as)[:2]


def test_an_id_ambiguous_by_case_lists_the_candidates(capsys: pytest.CaptureFixture[str], tmp_path: Path, ds: ca.Dataset) -> None:
    """Where two ids differ only in case ('sco' and 'SCO'), 'Sco' is our usage error naming both; each exact id still works."""
    org = json.loads(ca.dumps(ds["sco"]))
    org["id"] = "SCO"
    path = tmp_path / "sco.json"
    path.write_text(json.dumps({"organizations": [org]}), encoding="utf-8")
    code, out, err = run(capsys, "--extends", str(path), "show", "Sco")
    assert code == BAD_USAGE and out == ""
    line = _one_line_error(err)
    assert "ambiguous record id 'Sco'" in line and "'sco'" in line and "'SCO'" in line
    assert run(capsys, "--extends", str(path), "show", "SCO")[0] == OK


@pytest.mark.parametrize("style", ["text", "bibtex", "csl-json"])
@pytest.mark.parametrize("library", [False, True], ids=["article", "library"])
def test_cite_prints_the_librarys_citation(capsys: pytest.CaptureFixture[str], style: str, library: bool) -> None:
    """cite [--format F] [--library] prints ca.cite(F, what) and nothing on standard error."""
    code, out, err = run(capsys, "cite", "--format", style, *(["--library"] if library else []))
    assert code == OK and err == ""
    expected = ca.cite(style, "library" if library else "article")  # type: ignore[arg-type]
    assert out.rstrip("\n") == expected.rstrip("\n")


def test_cite_defaults_to_the_article_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    """cite without options is the article's citation as text; an unknown format is exit 2."""
    code, out, _ = run(capsys, "cite")
    assert code == OK and out == ca.cite() + "\n"
    code, _, err = run(capsys, "cite", "--format", "apa")
    assert code == BAD_USAGE and "--format" in _one_line_error(err)
