"""The package's errors: short one-line-per-problem messages whatever the values, pickling, and the optional-dependency error."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import pytest
from builders import small

import centralasia as ca
from centralasia import errors, scenarios
from centralasia._tables import coerce_domain
from centralasia._text import printable, shown

HUGE = "X" * 10_000_000
#: Characters that would break a message over lines or drive a terminal.
NASTY = "bad\nkey\r\x1b[2J\x00\u202e\u200b"


class Hostile:
    """A value whose repr raises: a message must still be made."""

    def __repr__(self) -> str:
        raise RuntimeError("no repr for you")


#: Calls given a huge or nasty value where an id, a name or a key goes.
def _calls(value: Any) -> list[Callable[[], object]]:
    summary = ca.role_summary(small())
    return [
        lambda: ca.role_summary(small(), powers=[value]),
        lambda: ca.role_summary(small(), over=value),
        lambda: summary.share(value, "security"),
        lambda: summary.share("RUS", "security", over=value),
        lambda: summary.shares(value),
        lambda: ca.compare(summary, summary).change(value, "security"),
        lambda: scenarios.resolve_scenario(small(), value),
        lambda: ca.role_summary(small(), scenario=value),
        lambda: ca.Query.of({value: 1}),
        lambda: ca.Query(domain=value),
        lambda: ca.Query(as_of=value),
        lambda: ca.relations(small(), **{value: 1}),
        lambda: ca.readings(small(), **{value: 1}),
        lambda: ca.readings(small(), powers=[value]),
        lambda: ca.readings(small(), pooling=value),
        lambda: ca.Weights(layers={value: 1.0}),
        lambda: ca.role_summary(small(), weights=ca.Weights(record_domains={value: "security"})),
        lambda: ca.role_summary(small(), magnitudes=ca.Magnitudes(scale={value: 1.0})),
        lambda: ca.influence_scores(ca.influence_network(small()), value),
        lambda: ca.influence_scores(ca.influence_network(small()), "pagerank", **{value: 1}),
        lambda: ca.collapse(ca.influence_network(small()), layers=[value]),
        lambda: ca.extend(small(), {value: []}),
        lambda: ca.make_scenario("mine", value),
        lambda: coerce_domain(value),
    ]


CALLS = range(len(_calls("x")))


@pytest.mark.parametrize("index", CALLS)
@pytest.mark.parametrize("value", [HUGE, NASTY, f"{NASTY}{HUGE}"], ids=["10-MB", "control-characters", "both"])
def test_a_huge_or_nasty_value_makes_a_short_message_of_plain_lines(value: str, index: int) -> None:
    """A 10 MB id or name, or one with newlines, escapes, NUL or bidi characters, makes a message of a few hundred characters, one line per problem."""
    with pytest.raises(ca.CentralAsiaError) as info:
        _calls(value)[index]()
    text = str(info.value)
    assert len(text) < 2000
    assert not any(c in text for c in "\r\x1b\x00\u202e\u200b")
    problems = info.value.problems if isinstance(info.value, ca.DataError) else ()
    assert text.count("\n") == len(problems)


@pytest.mark.parametrize(
    "call",
    [lambda: ca.Query(domain=Hostile()), lambda: ca.Weights(layers={"role": Hostile()}), lambda: ca.role_summary(small(), over=Hostile())],
    ids=["domain", "weight", "over"],
)
def test_a_value_whose_repr_raises_still_gets_our_error(call: Callable[[], object]) -> None:
    """A message names the type of a value whose ``__repr__`` raises, instead of raising that error."""
    with pytest.raises(ca.CentralAsiaError, match="Hostile|must be"):
        call()


def test_shown_and_printable_cut_and_escape() -> None:
    """``shown`` cuts a repr with an ellipsis and never raises; ``printable`` escapes what is not printable."""
    assert shown("KAZ") == "'KAZ'"
    assert shown(HUGE).endswith("…") and len(shown(HUGE)) <= 41
    assert shown(Hostile()) == "<Hostile>"
    assert printable("a\nb\x1bc\u200bd") == "a\\nb\\x1bc\\u200bd"
    assert printable("é—ok") == "é—ok"


def test_a_data_error_prints_each_problem_on_one_escaped_line() -> None:
    """Problems holding newlines or escapes print escaped, cut; the problems themselves keep their text."""
    problem = ca.Problem.at("$.x", f"bad {NASTY} {HUGE}")
    e = ca.DataError([problem, "plain @ $.y"])
    assert str(e).count("\n") == 2 and "\x1b" not in str(e) and len(str(e)) < 2500
    assert e.problems[0] == problem


ERRORS: list[Exception] = [
    ca.DataError(["a @ $.x", "b @ $.y"], "invalid thing"),
    ca.FieldError("paragraph", "a body paragraph is 1 to 11", "Evidence"),
    ca.ArgumentError("as_of", "bad as_of"),
    ca.UnknownIdError("KAZZ", "record"),
    ca.MissingDependencyError("pandas", "pandas", "to_frame"),
    ca.UsageError("unknown record id 'KAZZ'"),
    ca.DescriptiveOnlyWarning("pagerank: not strongly connected"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_every_error_pickles_and_copies_as_itself(error: Exception) -> None:
    """Each error survives pickle (multiprocessing, dask) and copy with its class, message and attributes."""
    for other in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
        assert type(other) is type(error) and str(other) == str(error)
        assert {k: v for k, v in vars(other).items() if not k.startswith("_")} == {k: v for k, v in vars(error).items() if not k.startswith("_")}


def test_missing_dependency_error_is_exported_catchable_and_picklable() -> None:
    """``ca.MissingDependencyError`` is the class the package raises: an ImportError and a CentralAsiaError, naming the extra, picklable."""
    assert ca.MissingDependencyError is errors.MissingDependencyError and "MissingDependencyError" in ca.__all__
    e = ca.MissingDependencyError("matplotlib", "plot", "influence_map")
    assert isinstance(e, ImportError) and isinstance(e, ca.CentralAsiaError)
    assert e.name == "matplotlib" and "centralasia[plot]" in str(e)
    again = pickle.loads(pickle.dumps(e))
    assert (again.package, again.extra, again.what, again.name) == ("matplotlib", "plot", "influence_map", "matplotlib")
    with pytest.raises(ca.MissingDependencyError):
        raise again


def test_an_unknown_id_error_keeps_the_whole_key_but_shows_a_cut_one() -> None:
    """The key of an UnknownIdError is the caller's, whole; its message shows at most 80 characters of it."""
    e = ca.UnknownIdError(HUGE, "power")
    assert e.key is HUGE and len(str(e)) < 120 and len(e.args[0]) < 120
