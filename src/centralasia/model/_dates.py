"""Partial dates: calendar dates known to the year, the month or the day."""

from __future__ import annotations

import datetime as _dt
import re

import attrs

from centralasia.errors import FieldError
from centralasia.model._checks import typed_fields
from centralasia.model._vocab import Precision

__all__ = ["ARTICLE_TIME", "DateLike", "PartialDate"]

# [0-9], not \d: \d matches every script's digits, and "２０１６" is no ISO 8601 year.
_ISO_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


# The days of each month; February has 29 in a leap year (the calendar module's rule,
# without importing it and the locale machinery it brings for this one table).
_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """The number of days of *month* (1 to 12) in *year* (Gregorian, proleptic)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month]


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 9999:
        raise FieldError("year", f"year must be 1 to 9999, not {value}", "PartialDate")


def _check_month(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:
        raise FieldError("month", f"month must be 1 to 12, not {value}", "PartialDate")


def _check_day(instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if instance.month is None:
        raise FieldError("day", "a day needs a month", "PartialDate")
    last = _days_in(instance.year, instance.month)
    if not 1 <= value <= last:
        raise FieldError("day", f"day must be 1 to {last} in {instance.year:04d}-{instance.month:02d}, not {value}", "PartialDate")


@attrs.frozen(eq=True, order=False, field_transformer=typed_fields)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    It keeps the article's precision: "February 2016" is ``PartialDate(2016, 2)``
    and nothing fills in the missing day. In JSON it is the ISO 8601 string of
    that precision. Years are 1 to 9999 (those of :class:`datetime.date`) and
    the parts are integers, never booleans. Dates order by
    ``(year, month or 0, day or 0)``, which is also the order of their ISO
    strings, so ``2016 < 2016-02 < 2016-02-01``.

    Examples
    --------
    >>> d = PartialDate.parse("2016-02")
    >>> d.precision
    <Precision.MONTH: 'month'>
    >>> str(d), d.earliest, d.latest
    ('2016-02', datetime.date(2016, 2, 1), datetime.date(2016, 2, 29))
    >>> PartialDate.parse("2015") < d < PartialDate.parse("2016-06-08")
    True
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (ASCII digits); raise :class:`~centralasia.FieldError` otherwise."""
        match = _ISO_PARTIAL.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise FieldError(None, f"not an ISO 8601 date of year, month or day precision: {text!r:.40}", "PartialDate")
        year, month, day = match.groups()
        return cls(int(year), None if month is None else int(month), None if day is None else int(day))

    @classmethod
    def coerce(cls, value: DateLike) -> PartialDate:
        """Make a :class:`PartialDate` of a string, a :class:`datetime.date` or itself.

        Examples
        --------
        >>> import datetime
        >>> PartialDate.coerce("2016-12-31") == PartialDate.coerce(datetime.date(2016, 12, 31))
        True
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        return cls.parse(value)

    @property
    def precision(self) -> Precision:
        """The finest part known (year, month or day)."""
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    @property
    def earliest(self) -> _dt.date:
        """The first day the date can mean."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> _dt.date:
        """The last day the date can mean."""
        month = self.month or 12
        return _dt.date(self.year, month, self.day or _days_in(self.year, month))

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


#: What every ``as_of`` and date argument accepts.
DateLike = PartialDate | _dt.date | str


#: The article's own time; undated records count from here, not from the beginning of time.
#: The article is undated ("late 2016"); the last event it names, the BRICS summit in Goa,
#: ended on 16 October 2016 (background: the summit's Goa Declaration, 16 October 2016).
ARTICLE_TIME = PartialDate(2016, 10, 16)
