"""The dataset: records checked together, and the walk over the ids they name.

:func:`references` is the single source for which fields of which record
kinds name which kind of record; :class:`Dataset` checks with it that every
reference resolves.
"""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar, cast, overload

import attrs

from centralasia import _display
from centralasia.errors import ArgumentError, DataError, Problem, UnknownIdError
from centralasia.model import _collections
from centralasia.model._background import strip_background
from centralasia.model._checks import check_deeply, rechecking
from centralasia.model._dates import DateLike
from centralasia.model._records import (
    Agreement,
    ArmsTransfer,
    Claim,
    Event,
    Evidence,
    Membership,
    Organization,
    Person,
    Place,
    Record,
    Role,
    Scenario,
    State,
    Statement,
)
from centralasia.model._selection import Match, bounds, covering, date_of, in_bounds, participants

# ActorId types the queries; Domain and RoleKind are only for the examples in the docstrings, which run as doctests.
from centralasia.model._vocab import ActorId, Domain, RoleKind  # noqa: F401

__all__ = ["Dataset", "references"]

_R = TypeVar("_R", bound=Record)
_T = TypeVar("_T")
_S = TypeVar("_S")

# Which fields of which record kinds name which kind of record; the single source
# for reference checking (and for anyone else that walks references).
_ACTOR = "actor"
_PERSON = "person"
_EVENT = "event"
_CLAIM = "claim"
#: Any record at all (a claim can be about a role, an agreement, an actor...).
_ANY = "record"


def references(record: Record) -> Iterator[tuple[str, str, str]]:
    """Yield ``(relative path, id, expected kind)`` for every id *record* names."""

    def many(name: str, ids: tuple[str, ...], kind: str) -> Iterator[tuple[str, str, str]]:
        for i, ref in enumerate(ids):
            yield f".{name}[{i}]", ref, kind

    def one(name: str, ref: str | None, kind: str) -> Iterator[tuple[str, str, str]]:
        if ref is not None:
            yield f".{name}", ref, kind

    def place(name: str, value: Place | None) -> Iterator[tuple[str, str, str]]:
        if value is not None:
            yield from one(f"{name}.state", value.state, _ACTOR)

    if isinstance(record, Organization):
        for i, m in enumerate(record.members):
            yield f".members[{i}].member", m.member, _ACTOR
        yield from place("seat", record.seat)
    elif isinstance(record, Person):
        yield from one("state", record.state, _ACTOR)
        yield from many("affiliations", record.affiliations, _ACTOR)
    elif isinstance(record, Agreement):
        yield from many("parties", record.parties, _ACTOR)
        yield from place("place", record.place)
        yield from one("establishes", record.establishes, _ACTOR)
    elif isinstance(record, ArmsTransfer):
        yield from one("supplier", record.supplier, _ACTOR)
        yield from one("recipient", record.recipient, _ACTOR)
    elif isinstance(record, Event):
        yield from place("place", record.place)
        yield from many("actors", record.actors, _ACTOR)
        yield from many("targets", record.targets, _ACTOR)
        yield from one("host", record.host, _ACTOR)
        yield from one("organization", record.organization, _ACTOR)
    elif isinstance(record, Statement):
        yield from many("speakers", record.speakers, _PERSON)
        yield from many("on_behalf_of", record.on_behalf_of, _ACTOR)
        yield from one("occasion", record.occasion, _EVENT)
        yield from many("about", record.about, _ACTOR)
    elif isinstance(record, Role):
        yield from one("actor", record.actor, _ACTOR)
        yield from many("over", record.over, _ACTOR)
    elif isinstance(record, Claim):
        yield from many("actors", record.actors, _ACTOR)
        yield from many("about", record.about, _ANY)
    elif isinstance(record, Scenario):
        for i, c in enumerate(record.conditions):
            yield from many(f"conditions[{i}].actors", c.actors, _ACTOR)
        for i, e in enumerate(record.effects):
            yield f".effects[{i}].actor", e.actor, _ACTOR
            yield from many(f"effects[{i}].over", e.over, _ACTOR)


def _a(noun: str) -> str:
    """*noun* with its indefinite article: "an Agreement", "a State"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _kind_of(record: Record) -> str:
    if isinstance(record, (State, Organization)):
        return _ACTOR
    if isinstance(record, Person):
        return _PERSON
    if isinstance(record, Event):
        return _EVENT
    if isinstance(record, Claim):
        return _CLAIM
    return "other"


def _evidence_lists(record: Record) -> Iterator[tuple[str, Record | Membership, tuple[Evidence, ...]]]:
    """Yield ``(relative path, owner, evidence)`` for the record and its memberships."""
    yield ".evidence", record, record.evidence
    if isinstance(record, Organization):
        for i, m in enumerate(record.members):
            yield f".members[{i}].evidence", m, m.evidence


def _background_field_problem(owner: object, field: str) -> str | None:
    """Why *field* (``name`` or dotted ``place.state``) cannot be reset on *owner*, or None."""
    head, _, rest = field.partition(".")
    owner_type = type(owner)
    fields = attrs.fields_dict(owner_type) if attrs.has(owner_type) else {}
    if head not in fields or fields[head].default is attrs.NOTHING or head in ("id", "evidence"):
        return f"{field!r:.40} is not an optional field of {type(owner).__name__}"
    value = getattr(owner, head)
    if rest and value is not None:
        return _background_field_problem(value, rest)
    return None


def _record_problems(path: str, record: Record, index: Mapping[str, Record]) -> Iterator[Problem]:
    """The problems of *record* at *path* that only the whole dataset shows."""
    for rel, ref, expected in references(record):
        if not isinstance(ref, str):
            yield Problem.at(path + rel, f"expected an id string, got {type(ref).__name__}")
            continue
        target = index.get(ref)
        if target is None:
            yield Problem.at(path + rel, f"unknown id {ref!r:.60}")
        elif expected != _ANY and _kind_of(target) != expected:
            yield Problem.at(path + rel, f"{ref!r:.60} is {_a(type(target).__name__)}, not {_a(expected)}")
    for rel, owner, evidence in _evidence_lists(record):
        for j, e in enumerate(evidence):
            if not isinstance(e, Evidence):
                yield Problem.at(f"{path}{rel}[{j}]", f"expected an Evidence, got {type(e).__name__}")
                continue
            for k, field in enumerate(e.fields):
                why = _background_field_problem(owner, field) if isinstance(field, str) else f"expected a field name, got {type(field).__name__}"
                if why is not None:
                    yield Problem.at(f"{path}{rel}[{j}].fields[{k}]", why)
            if e.claim is not None:
                yield from _claim_problems(f"{path}{rel}[{j}].claim", e, index)


def _claim_problems(path: str, e: Evidence, index: Mapping[str, Record]) -> Iterator[Problem]:
    """An evidence's claim must be a :class:`Claim` of the dataset, standing where the evidence does."""
    claim = index.get(e.claim) if isinstance(e.claim, str) else None
    if not isinstance(claim, Claim):
        what = "unknown id" if claim is None else f"{_a(type(claim).__name__)}, not a Claim:"
        yield Problem.at(path, f"{what} {e.claim!r:.60}")
    elif not any(c.section is e.section and c.paragraph == e.paragraph for c in claim.evidence):
        where = f"paragraph {e.paragraph}" if e.paragraph is not None else f"the {e.section.value}"
        yield Problem.at(path, f"claim {e.claim!r:.60} does not stand in {where}, where this evidence does")


#: How deep organisations may nest (an organisation a member of one that is a member of another...).
MAX_NESTING = 100


def _nesting_problems(organizations: list[tuple[str, Organization]], index: Mapping[str, Record]) -> Iterator[Problem]:
    """Organisations that are members of themselves through others, or nest deeper than :data:`MAX_NESTING`.

    An iterative depth-first walk, so that no nesting reaches Python's recursion limit.
    """
    inner: dict[str, list[tuple[str, str]]] = {}
    for path, org in organizations:
        inner[org.id] = [(m.member, f"{path}.members[{j}].member") for j, m in enumerate(org.members) if isinstance(index.get(m.member), Organization)]
    paths = {org.id: path for path, org in organizations}
    done: set[str] = set()
    height: dict[str, int] = {}
    for root in inner:
        if root in done:
            continue
        on_stack = {root: 0}
        stack = [(root, iter(inner[root]))]
        while stack:
            node, members = stack[-1]
            for member, where in members:
                if member in on_stack:
                    chain = [n for n, _ in stack[on_stack[member] :]] + [member]
                    shown = " > ".join(repr(n)[:40] for n in chain[:6]) + (" > ..." if len(chain) > 6 else "")
                    yield Problem.at(where, f"{member!r:.40} is a member of itself: {shown}")
                elif member not in done and member in inner:
                    on_stack[member] = len(stack)
                    stack.append((member, iter(inner[member])))
                    break
            else:
                stack.pop()
                del on_stack[node]
                done.add(node)
                height[node] = 1 + max((height.get(m, 0) for m, _ in inner[node]), default=0)
    too_deep = {top for top, h in height.items() if h > MAX_NESTING}
    below = {m for top in too_deep for m, _ in inner[top]}
    for top in too_deep - below:
        yield Problem.at(f"{paths[top]}.members", f"organisations nest {height[top]} deep below {top!r:.40}; at most {MAX_NESTING} levels")


def _only(kind: type[_T], records: Iterable[object]) -> tuple[_T, ...]:
    return tuple(r for r in records if isinstance(r, kind))


@attrs.frozen(kw_only=True)
class Dataset:
    """All records, checked: ids unique, every reference resolves, evidence well placed.

    Each record is checked again as a whole (its field types and its own
    checks, in case it was changed since construction); ids must not differ
    only by Unicode normalisation; no organisation may be a member of itself
    through others, nor may organisations nest more than :data:`MAX_NESTING`
    deep. Its index is read-only.

    Look records up by id with ``ds[id]`` (raises :class:`UnknownIdError`, a
    :class:`LookupError`) or ``ds.get(id, default=None)``, and by kind and id with
    ``ds.lookup(State, id)``, typed as that kind. Construction checks the whole
    dataset and raises one :class:`DataError` listing every problem.

    A dataset is a container of records: iteration yields them, ``len`` counts
    them and ``record in ds`` tests one. Its ids are :attr:`ids`, a read-only
    set-like view (``"KAZ" in ds.ids``). Testing an id with ``"KAZ" in ds``
    still works but is deprecated (a :class:`DeprecationWarning`) and will be
    removed in 0.3.

    Examples
    --------
    >>> ev = [Evidence(paragraph=1)]
    >>> kaz = State(id="KAZ", name="Kazakhstan", evidence=ev, cow_code=705)
    >>> ds = Dataset(states=[kaz])
    >>> ds.lookup(State, "KAZ").cow_code, ds.get("nope"), kaz in ds, "KAZ" in ds.ids, len(ds)
    (705, None, True, True, 1)
    """

    #: The collections, in the order of the JSON document and of iteration.
    COLLECTIONS: ClassVar[tuple[str, ...]] = (
        "states",
        "organizations",
        "people",
        "agreements",
        "arms_transfers",
        "events",
        "statements",
        "roles",
        "scenarios",
        "claims",
    )

    states: tuple[State, ...] = attrs.field(factory=tuple, converter=_collections.states)
    organizations: tuple[Organization, ...] = attrs.field(factory=tuple, converter=_collections.organizations)
    people: tuple[Person, ...] = attrs.field(factory=tuple, converter=_collections.people)
    agreements: tuple[Agreement, ...] = attrs.field(factory=tuple, converter=_collections.agreements)
    arms_transfers: tuple[ArmsTransfer, ...] = attrs.field(factory=tuple, converter=_collections.arms_transfers)
    events: tuple[Event, ...] = attrs.field(factory=tuple, converter=_collections.events)
    statements: tuple[Statement, ...] = attrs.field(factory=tuple, converter=_collections.statements)
    roles: tuple[Role, ...] = attrs.field(factory=tuple, converter=_collections.roles)
    scenarios: tuple[Scenario, ...] = attrs.field(factory=tuple, converter=_collections.scenarios)
    claims: tuple[Claim, ...] = attrs.field(factory=tuple, converter=_collections.claims)
    _index: Mapping[str, Record] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Record] = {}
        where: dict[str, str] = {}
        problems: list[Problem] = []
        expected_types = attrs.fields_dict(Dataset)
        checked: list[tuple[str, Record]] = []
        sound: list[tuple[str, Organization]] = []
        folded: dict[str, str] = {}
        recheck = rechecking()
        for name in self.COLLECTIONS:
            kind = expected_types[name].type
            records = self._collection(name)
            if isinstance(records, _collections.NotRecords):
                got = type(records[0]).__name__
                problems.append(Problem.at(f"$.{name}", f"expected a sequence of {_COLLECTION_TYPES[name].__name__} records, got {got}"))
                continue
            for i, record in enumerate(records):
                path = f"$.{name}[{i}]"
                if not isinstance(record, _COLLECTION_TYPES[name]):
                    problems.append(Problem.at(path, f"expected a {_COLLECTION_TYPES[name].__name__}, got {type(record).__name__} ({kind})"))
                    continue
                if not isinstance(record.id, str):
                    problems.append(Problem.at(f"{path}.id", f"expected an id string, got {type(record.id).__name__}"))
                    checked.append((path, record))
                    continue
                if not record.id:
                    problems.append(Problem.at(f"{path}.id", "empty id"))
                    checked.append((path, record))
                    continue
                # Checked again as a whole: a record changed since its construction
                # (object.__setattr__, copy.copy) would otherwise reach the analysis.
                broken = check_deeply(record) if recheck else None
                if broken is not None:
                    problems.append(Problem.at(path if broken.field is None else f"{path}.{broken.field}", broken.message))
                else:
                    checked.append((path, record))
                    if isinstance(record, Organization):
                        sound.append((path, record))
                if record.id in index:
                    problems.append(Problem.at(f"{path}.id", f"duplicate id {record.id!r:.60}, first at {where[record.id]}"))
                    continue
                twin = folded.setdefault(record.id if record.id.isascii() else unicodedata.normalize("NFKC", record.id), record.id)
                if twin != record.id:
                    problems.append(Problem.at(f"{path}.id", f"id {record.id!r:.60} differs from {twin!r:.60} at {where[twin]} only by Unicode normalisation"))
                index[record.id] = record
                where[record.id] = path
        problems.extend(_nesting_problems([(p, r) for p, r in sound if index.get(r.id) is r], index))
        for path, record in checked:
            found: list[Problem] = []
            try:
                found.extend(_record_problems(path, record, index))
            except (AttributeError, TypeError) as exc:
                # A record built directly with values of the wrong types (a list for a
                # Place, a string for a Membership...): say which record, not crash.
                found.append(Problem.at(path, f"malformed {type(record).__name__}: {exc}"))
            problems.extend(found)
        if problems:
            raise DataError(problems, "invalid dataset")
        object.__setattr__(self, "_index", MappingProxyType(index))

    def __reduce__(self) -> tuple[Callable[[dict[str, tuple[Record, ...]]], Dataset], tuple[dict[str, tuple[Record, ...]]]]:
        # Pickled (and copied) as its collections, checked again when rebuilt; the read-only index is not picklable.
        return (_rebuild, ({name: self._collection(name) for name in self.COLLECTIONS},))

    def _collection(self, name: str) -> tuple[Record, ...]:
        records: tuple[Record, ...] = getattr(self, name)
        return records

    # -- display ------------------------------------------------------------

    def __repr__(self) -> str:
        """One line: the records per kind, and the source (``<Dataset: 14 states, … (bundled article data)>``)."""
        return _display.dataset_repr(self)

    def __str__(self) -> str:
        # The attrs text of every record, as before the short repr: str() is unchanged.
        return f"Dataset({', '.join(f'{name}={_display.full_text(self._collection(name))}' for name in self.COLLECTIONS)})"

    def _repr_html_(self) -> str:
        """The records per kind and source, as an HTML table (Jupyter shows it for a cell ending in a dataset)."""
        return _display.dataset_html(self)

    # -- lookup -------------------------------------------------------------

    def __getitem__(self, key: str) -> Record:
        try:
            return self._index[key]
        except (KeyError, TypeError):
            raise UnknownIdError(str(key)) from None

    @overload
    def get(self, key: str) -> Record | None: ...
    @overload
    def get(self, key: str, default: _T) -> Record | _T: ...

    def get(self, key: str, default: object = None) -> object:
        """The record with id *key*, or *default* when there is none."""
        try:
            return self._index.get(key, default)
        except TypeError:  # an unhashable key names no record either
            return default

    def lookup(self, kind: type[_R], key: str) -> _R:
        """The record of class *kind* with id *key*, typed as *kind*.

        Raises
        ------
        UnknownIdError
            If no record has the id *key*.
        ArgumentError
            If the record with id *key* is of another kind (the message names both),
            or *kind* is no record class.

        Examples
        --------
        >>> ev = [Evidence(paragraph=1)]
        >>> ds = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=ev, cow_code=705)])
        >>> ds.lookup(State, "KAZ").cow_code
        705
        >>> ds.lookup(Role, "KAZ")
        Traceback (most recent call last):
        ...
        centralasia.errors.ArgumentError: invalid argument: 1 problem
          - 'KAZ' is a State, not a Role @ $.key
        """
        if not (isinstance(kind, type) and issubclass(kind, _RECORD_TYPES)):
            raise ArgumentError("kind", f"expected a record class such as State, got {type(kind).__name__} {kind!r:.40}")
        record = self[key]
        if not isinstance(record, kind):
            raise ArgumentError("key", f"{key!r:.60} is {_a(type(record).__name__)}, not {_a(kind.__name__)}")
        return record

    def __contains__(self, item: object) -> bool:
        """Whether *item* is a record of this dataset (an equal record under its id).

        An id string is tested as ``item in ds.ids`` would, with a
        :class:`DeprecationWarning`: the id test moves to :attr:`ids` (removal in 0.3).
        """
        if isinstance(item, str):
            warnings.warn(
                f"`{item!r:.40} in dataset` tests an id; use `{item!r:.40} in dataset.ids` (testing ids with `in` is removed in 0.3)",
                DeprecationWarning,
                stacklevel=2,
            )
            return item in self._index
        if isinstance(item, Record):
            try:
                return bool(self._index.get(item.id) == item)
            except TypeError:  # a record built with an unhashable id
                return False
        return False

    def __iter__(self) -> Iterator[Record]:
        """Every record, collection by collection in :attr:`COLLECTIONS` order."""
        for name in self.COLLECTIONS:
            yield from getattr(self, name)

    def __len__(self) -> int:
        return len(self._index)

    @property
    def ids(self) -> AbstractSet[str]:
        """Every id, in iteration order, as a read-only set-like view (``"KAZ" in ds.ids``, ``ds.ids & other``).

        Examples
        --------
        >>> ev = [Evidence(paragraph=1)]
        >>> ds = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=ev)])
        >>> "KAZ" in ds.ids, list(ds.ids), ds.ids <= {"KAZ", "KGZ"}
        (True, ['KAZ'], True)
        """
        return _collections.IdsView(self._index)

    def of_type(self, kind: type[_R]) -> tuple[_R, ...]:
        """The records of one class, e.g. ``ds.of_type(Event)``."""
        if not isinstance(kind, type):
            raise ArgumentError("kind", f"expected a record class such as Event, got {type(kind).__name__} {kind!r:.40}")
        return _only(kind, self)

    @property
    def actors(self) -> tuple[State | Organization, ...]:
        """States and organisations, everything that can hold influence."""
        return self.states + self.organizations

    def problems_with(self, record: Record, path: str = "$", *, recheck: bool = True) -> list[Problem]:
        """The problems *record* would bring if it were added to this dataset.

        Its id must be new, every id it names must be a record of this
        dataset of the right kind, and its background evidence must name
        fields it has; *path* is where the record stands in the caller's data.
        With *recheck* (the default) the record's own field checks run again,
        as :class:`Dataset` runs them; a stream of records, checked one by one on
        the hot path, leaves them to construction (``recheck=False``).

        Examples
        --------
        >>> ev = [Evidence(paragraph=1)]
        >>> ds = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=ev)])
        >>> role = Role(id="r", actor="KAZ", role=RoleKind.BALANCER, domain=Domain.DIPLOMATIC, over=["RUS"], summary="Balances.", evidence=ev)
        >>> ds.problems_with(role, "$.roles[0]")
        ["unknown id 'RUS' @ $.roles[0].over[0]"]
        """
        if not isinstance(record, _RECORD_TYPES):
            raise ArgumentError("record", f"expected a record, got {type(record).__name__} {record!r:.40}")
        if not isinstance(path, str):
            raise ArgumentError("path", f"expected a JSON path string, got {type(path).__name__} {path!r:.40}")
        if not isinstance(recheck, bool):
            raise ArgumentError("recheck", f"expected True or False, got {recheck!r:.40}")
        problems: list[Problem] = []
        broken = check_deeply(record) if recheck else None
        if broken is not None:
            return [Problem.at(path if broken.field is None else f"{path}.{broken.field}", broken.message)]
        if not isinstance(record.id, str) or not record.id:
            problems.append(Problem.at(f"{path}.id", f"expected a non-empty id string, got {record.id!r:.40}"))
        elif record.id in self._index:
            problems.append(Problem.at(f"{path}.id", f"id {record.id!r:.60} is already a record of the dataset"))
        try:
            problems.extend(_record_problems(path, record, self._index))
        except (AttributeError, TypeError) as exc:
            # A record built with values of the wrong types: say which record, not crash.
            problems.append(Problem.at(path, f"malformed {type(record).__name__}: {exc}"))
        return problems

    # -- derived datasets ---------------------------------------------------

    def filter(self, keep: Callable[[Record], bool], *, closed: bool = True) -> Dataset:
        """A dataset of the records for which *keep* is true, and of every record they name.

        The records kept are whole: what they reference (an agreement's
        parties, a statement's speakers and occasion, the claims their
        evidence rests on, what a claim is about...) comes along, however
        far, so that the result is a valid dataset for every analysis. It may
        therefore hold records *keep* refused; those it accepted are exactly
        ``[r for r in ds if keep(r)]``, in dataset order. With
        ``closed=False`` nothing comes along and a kept record naming a
        dropped one is a :class:`DataError`.

        Examples
        --------
        >>> ev = [Evidence(paragraph=1)]
        >>> kaz, chn = State(id="KAZ", name="Kazakhstan", evidence=ev), State(id="CHN", name="China", evidence=ev)
        >>> role = Role(id="r", actor="CHN", role=RoleKind.INVESTOR, domain=Domain.ECONOMIC, over=["KAZ"], summary="Invests.", evidence=ev)
        >>> ds = Dataset(states=[kaz, chn], roles=[role])
        >>> list(ds.filter(lambda r: isinstance(r, Role)).ids)
        ['KAZ', 'CHN', 'r']
        """
        if not callable(keep):
            raise ArgumentError("keep", f"expected a function of a record, got {type(keep).__name__} {keep!r:.40}")
        if closed is not True and closed is not False:
            raise ArgumentError("closed", f"closed is True or False, not {closed!r:.40}")
        if not closed:
            return Dataset(**{name: [r for r in getattr(self, name) if keep(r)] for name in self.COLLECTIONS})
        return self._closure([r.id for r in self if keep(r)])

    def _closure(self, chosen: Iterable[str]) -> Dataset:
        """The dataset of the records *chosen* (ids of this dataset) and every record they name, however far."""
        kept = set(chosen)
        stack = list(kept)
        while stack:
            record = self._index[stack.pop()]
            named = [ref for _, ref, _ in references(record)]
            named += [e.claim for _, _, evidence in _evidence_lists(record) for e in evidence if e.claim is not None]
            for ref in named:
                if ref not in kept:
                    kept.add(ref)
                    stack.append(ref)
        return Dataset(**{name: [r for r in getattr(self, name) if r.id in kept] for name in self.COLLECTIONS})

    def article_only(self) -> Dataset:
        """The article's view: background records, memberships and field values removed.

        Records that only background supports are dropped; on the others,
        fields that background evidence names are reset to their defaults
        and the background evidence itself goes.

        Raises
        ------
        DataError
            If a record the article supports names one that only background
            supports: the data should then cite the article for both (or name
            the reference among the background fields).
        """
        out: dict[str, list[Record]] = {}
        for name in self.COLLECTIONS:
            kept = (strip_background(r) for r in getattr(self, name))
            out[name] = [r for r in kept if r is not None]
        try:
            return Dataset(**cast("dict[str, Any]", out))  # each list holds its collection's kind
        except DataError as exc:
            raise DataError(exc.problems, "no article view: article records cite background-only records") from None

    def merge(self, other: Dataset) -> Dataset:
        """This dataset with *other*'s records added (checked as one dataset).

        Examples
        --------
        >>> ev = [Evidence(paragraph=1)]
        >>> a = Dataset(states=[State(id="KAZ", name="Kazakhstan", evidence=ev)])
        >>> b = Dataset(states=[State(id="KGZ", name="Kyrgyzstan", evidence=ev)])
        >>> [s.id for s in a.merge(b).states]
        ['KAZ', 'KGZ']
        """
        if not isinstance(other, Dataset):
            raise ArgumentError("other", f"expected a Dataset, got {type(other).__name__} {other!r:.40}")
        return Dataset(**{name: getattr(self, name) + getattr(other, name) for name in self.COLLECTIONS})

    # -- queries: each keeps whole records and what they name, as filter does --

    def involving(self, *actors: ActorId) -> Dataset:
        """The records any of *actors* (state or organisation ids) takes part in, as :meth:`filter` keeps them.

        An actor takes part in a record that names it as an actor, party,
        supplier, recipient, member, target, host, principal, speaker's state,
        role holder, one a role is over, or subject of a claim or scenario
        (places do not count), and in its own record. A state grouping ("Central
        Asia") is a name for its members, however deep: a record naming it
        involves each member, and asking for it asks for any member. Other
        organisations are actors of their own: a record naming the SCO does not
        involve its members. Raises :class:`UnknownIdError` for an id naming no
        state or organisation.

        Examples
        --------
        >>> import centralasia as ca
        >>> kaz = ca.load().involving("KAZ")
        >>> [e.id for e in kaz.events][:2]
        ['evt-aktobe-attacks-2016', 'evt-almaty-attack-2016']
        >>> "role-central-asia-balancer" in kaz.ids  # a role of the grouping Central Asia
        True
        """
        covered = covering(actors, self._index)
        return self._closure([r.id for r in self if not covered.isdisjoint(participants(r, self.get))])

    def between(self, start: DateLike | None = None, end: DateLike | None = None, *, match: Match = "overlaps", undated: bool = False) -> Dataset:
        """The dated records from *start* to *end*, both inclusive, as :meth:`filter` keeps them.

        A record's date is that of an agreement, event or statement (else the
        date of the event it was made at), an arms transfer's year, or the
        ``since`` of a role (when the role began); states, organisations,
        people, claims and scenarios bear none. Each bound is a
        :class:`PartialDate` (or ISO string or :class:`datetime.date`) that
        stands for all its days: ``between("2016-06", "2016")`` runs from 1
        June to 31 December 2016; ``None`` leaves that side open. A date known
        to the month or year stands for a span of days too: with *match*
        ``"overlaps"`` (the default) it is kept when any day it can mean is in
        the range, so "2016" is kept by June 2016; with ``"within"`` only when
        every day is. Undated records are left out unless *undated* is true.

        Examples
        --------
        >>> import centralasia as ca
        >>> june = ca.load().between("2016-06", "2016-06")
        >>> [e.id for e in june.events][:2]
        ['evt-aktobe-attacks-2016', 'evt-sco-defence-ministers-2016']
        >>> [t.id for t in ca.load().between("2016-06", "2016-06").arms_transfers]
        []
        """
        lo, hi, how = bounds(start, end, match)
        if undated is not True and undated is not False:
            raise ArgumentError("undated", f"undated is True or False, not {undated!r:.40}")
        dates = ((r, date_of(r, self.get)) for r in self)
        return self._closure([r.id for r, d in dates if (undated if d is None else in_bounds(d[0], lo, hi, how))])

    def of_kind(self, *kinds: type[Record]) -> Dataset:
        """The records of the classes *kinds* (such as ``Event``), as :meth:`filter` keeps them.

        :meth:`of_type` gives the records of one class as a tuple; this gives a
        dataset to analyse. Raises :class:`ArgumentError` for no kind or one
        that is not a record class.

        Examples
        --------
        >>> import centralasia as ca
        >>> events = ca.load().of_kind(ca.Event)
        >>> len(events.events), len(events.roles)
        (14, 0)
        """
        if not kinds:
            raise ArgumentError("kinds", "name at least one record class, such as Event")
        for i, kind in enumerate(kinds):
            if kind not in _RECORD_TYPES:
                names = ", ".join(k.__name__ for k in _RECORD_TYPES)
                raise ArgumentError(f"kinds[{i}]", f"a kind is a record class ({names}), not {type(kind).__name__} {kind!r:.40}")
        return self._closure([r.id for r in self if isinstance(r, kinds)])


_COLLECTION_TYPES: dict[str, type] = {
    "states": State,
    "organizations": Organization,
    "people": Person,
    "agreements": Agreement,
    "arms_transfers": ArmsTransfer,
    "events": Event,
    "statements": Statement,
    "roles": Role,
    "scenarios": Scenario,
    "claims": Claim,
}
#: Every record class, for isinstance checks on the hot path of a stream.
_RECORD_TYPES = tuple(_COLLECTION_TYPES.values())


def _rebuild(collections: dict[str, tuple[Record, ...]]) -> Dataset:
    """A dataset from its pickled collections (its fields are keyword-only)."""
    return Dataset(**collections)  # type: ignore[arg-type]  # each collection's converter checks its records
