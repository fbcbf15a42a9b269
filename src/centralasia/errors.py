"""The exceptions centralasia raises: one root, each also a fitting built-in."""

from __future__ import annotations

from collections.abc import Iterable

from centralasia._text import printable, shown

__all__ = [
    "ArgumentError",
    "CentralAsiaError",
    "DataError",
    "DescriptiveOnlyWarning",
    "FieldError",
    "MissingDependencyError",
    "Problem",
    "UnknownIdError",
    "UsageError",
]


#: The longest problem line a message shows, and the most of an id it quotes.
_LINE = 1000
_ID = 80


class CentralAsiaError(Exception):
    """Root of every exception this package raises on purpose."""


class Problem(str):
    """One problem found in data, as ``"<message> @ <JSON path>"``.

    A :class:`str` so that problems print and compare as text, with the two
    halves still reachable as :attr:`message` and :attr:`path`.

    Examples
    --------
    >>> p = Problem.at("$.agreements[3].parties[1]", "unknown id 'XYZ'")
    >>> p
    "unknown id 'XYZ' @ $.agreements[3].parties[1]"
    >>> p.path
    '$.agreements[3].parties[1]'
    """

    __slots__ = ()

    @classmethod
    def at(cls, path: str, message: str) -> Problem:
        """Make the problem *message* found at JSON *path*."""
        return cls(f"{message} @ {path}")

    @property
    def path(self) -> str:
        """The JSON path of the offending value (``$`` is the document)."""
        return self.rpartition(" @ ")[2]

    @property
    def message(self) -> str:
        """What is wrong, without the path."""
        return self.rpartition(" @ ")[0]


class DataError(CentralAsiaError, ValueError):
    """Data that cannot be a dataset or record: every problem, with its JSON path.

    Attributes
    ----------
    problems : tuple of Problem
        All problems found, not only the first, each naming its place.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[str], summary: str = "invalid data") -> None:
        self.problems = tuple(p if isinstance(p, Problem) else Problem(p) for p in problems)
        self.summary = summary
        # One line per problem, however long or strange the values it quotes: escaped and cut.
        lines = "".join(f"\n  - {printable(p, _LINE)}" for p in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{summary}: {count} {noun}{lines}")

    def __reduce__(self) -> tuple[type[DataError], tuple[tuple[Problem, ...], str]]:
        # Keep pickling (multiprocessing, dask) lossless.
        return (type(self), (self.problems, self.summary))


class FieldError(DataError):
    """A record's own check refused the value of one of its fields.

    Examples
    --------
    >>> from centralasia import Evidence
    >>> Evidence(paragraph=12)
    Traceback (most recent call last):
    ...
    centralasia.errors.FieldError: invalid Evidence: 1 problem
      - a body paragraph is 1 to 11, not 12 @ $.paragraph
    """

    def __init__(self, field: str | None, message: str, owner: str = "value") -> None:
        self.field = field
        self.message = message
        self.owner = owner
        path = "$" if field is None else f"$.{printable(str(field), _LINE)}"
        super().__init__([Problem.at(path, message)], f"invalid {owner}")

    def __reduce__(self) -> tuple[type[FieldError], tuple[str | None, str, str]]:  # type: ignore[override]
        return (type(self), (self.field, self.message, self.owner))


class ArgumentError(FieldError):
    """A function or command was given an argument it cannot use: the caller's mistake, not the data's.

    The command line answers it with exit code 2 (bad usage), where other
    :class:`DataError` s give 1 (bad data).

    Examples
    --------
    >>> raise ArgumentError("as_of", "bad as_of 'soon'")
    Traceback (most recent call last):
    ...
    centralasia.errors.ArgumentError: invalid argument: 1 problem
      - bad as_of 'soon' @ $.as_of
    """

    def __init__(self, field: str | None, message: str, owner: str = "argument") -> None:
        super().__init__(field, message, owner)


class MissingDependencyError(CentralAsiaError, ImportError):
    """An optional dependency that a function needs is not installed.

    The message names the extra to install, e.g. ``pip install 'centralasia[pandas]'``.

    Examples
    --------
    >>> import pickle
    >>> e = MissingDependencyError("pandas", "pandas", "to_frame")
    >>> str(e)
    "to_frame needs pandas: pip install 'centralasia[pandas]'"
    >>> str(pickle.loads(pickle.dumps(e))) == str(e)
    True
    """

    def __init__(self, package: str, extra: str, what: str) -> None:
        self.package = package
        self.extra = extra
        self.what = what
        super().__init__(f"{what} needs {package}: pip install 'centralasia[{extra}]'", name=package)

    def __reduce__(self) -> tuple[type[MissingDependencyError], tuple[str, str, str]]:
        return (type(self), (self.package, self.extra, self.what))


class DescriptiveOnlyWarning(CentralAsiaError, UserWarning):
    """A network measure was asked of a graph on which it describes ties and cannot stand for influence.

    :func:`~centralasia.influence_scores` warns when the graph is not strongly
    connected: PageRank, betweenness and eigenvector centrality then rank by
    where the records happen to link, not by any influence. The article's
    readings are :func:`~centralasia.readings`.
    """


class UnknownIdError(CentralAsiaError, LookupError):
    """An id that names no record of the dataset (or no scenario, domain...); with *choices*, the message lists the valid ones."""

    def __init__(self, key: str, what: str = "record", choices: Iterable[str] = ()) -> None:
        self.key = key
        self.what = what
        self.choices: tuple[str, ...] = tuple(choices)
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[UnknownIdError], tuple[str, str, tuple[str, ...]]]:
        return (type(self), (self.key, self.what, self.choices))

    def __str__(self) -> str:
        # LookupError subclasses such as KeyError repr their argument; say it plainly.
        listed = f"; expected one of {', '.join(self.choices)}" if self.choices else ""
        return f"unknown {self.what} id {shown(self.key, _ID)}{listed}"


class UsageError(CentralAsiaError):
    """The command line was given something it cannot use: exit code 2.

    The message is the whole explanation, with a suggestion where there is one
    (``unknown record id 'KAZZ'; did you mean 'KAZ'?``).
    """
