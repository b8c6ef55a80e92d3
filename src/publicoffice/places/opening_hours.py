"""When is an office open? Calculations over the weekly pattern, exceptions
and Swedish public holidays, plus exports to OpenStreetMap and schema.org.

Semantics, chosen so that every answer can be checked against the others:

* An office is open at a moment when the *local wall-clock time* (zone
  ``Europe/Stockholm``) falls into one of the day's half-open intervals
  ``[opens, closes)``.
* A day's intervals come from, in order of precedence: dated exceptions for
  that date (closed wins over special hours), else closed on a public
  holiday, else the weekly pattern.
* :meth:`OpeningSchedule.next_change` is the first later moment at which
  :meth:`OpeningSchedule.is_open` gives a different answer. Across the
  daylight-saving changes this means: an interval that falls into the
  skipped spring hour only exists from the moment the clock jumps, and an
  interval inside the repeated autumn hour is open twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from publicoffice.core.content_language import shown_language
from publicoffice.core.timeutils import ensure_aware, local_zone
from publicoffice.places.holidays_se import (
    eves_between,
    holiday_name,
    holidays_between,
    is_public_holiday,
)

if TYPE_CHECKING:
    from publicoffice.places.models import Office

OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
OSM_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SCHEMA_DAYS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]
#: The OSM export names the eves of its first year and of this many years after it.
OSM_EVE_YEARS = 2
#: How far ahead :meth:`OpeningSchedule.next_change` looks before giving up.
HORIZON_DAYS = 400


@dataclass(frozen=True, order=True)
class Interval:
    """Half-open local wall-clock interval ``[opens, closes)`` within one day."""

    opens: time
    closes: time

    def contains(self, moment: time) -> bool:
        return self.opens <= moment < self.closes

    def osm(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"


@dataclass(frozen=True)
class DayException:
    is_closed: bool
    intervals: tuple[Interval, ...] = ()
    reason: str = ""
    reason_lang: str = ""  # the language the reason is shown in (it may fall back)


@dataclass(frozen=True)
class DayHours:
    """The hours of one date and why they are what they are."""

    date: date
    intervals: tuple[Interval, ...]
    source: str  # "weekly", "exception" or "holiday"
    reason: str = ""
    reason_lang: str = ""  # an exception's reason may be in a fallback language

    @property
    def is_closed(self) -> bool:
        return not self.intervals


@dataclass
class OpeningSchedule:
    weekly: dict[int, tuple[Interval, ...]]
    exceptions: dict[date, DayException] = field(default_factory=dict)
    zone: tzinfo = field(default_factory=local_zone)

    # -- construction -------------------------------------------------------

    @classmethod
    def for_office(cls, office: Office) -> OpeningSchedule:
        """Build from an office's rows (uses prefetched rows when they are there)."""
        return cls.from_rows(office.weekly_hours.all(), office.hours_exceptions.all())

    @classmethod
    def from_rows(
        cls, weekly_rows: Iterable[Any], exception_rows: Iterable[Any]
    ) -> OpeningSchedule:
        """Build from ``WeeklyHours`` and ``HoursException`` rows of one office."""
        weekly: dict[int, list[Interval]] = {}
        for row in weekly_rows:
            weekly.setdefault(row.weekday, []).append(Interval(row.opens, row.closes))
        exceptions: dict[date, list[Any]] = {}
        for exc in exception_rows:
            exceptions.setdefault(exc.date, []).append(exc)
        return cls(
            weekly={day: tuple(sorted(items)) for day, items in weekly.items()},
            exceptions={day: _merge_exceptions(rows) for day, rows in exceptions.items()},
        )

    # -- single days --------------------------------------------------------

    def day(self, day: date, language: str | None = "sv") -> DayHours:
        exception = self.exceptions.get(day)
        if exception is not None:
            return DayHours(
                day, exception.intervals, "exception", exception.reason, exception.reason_lang
            )
        name = holiday_name(day, language)
        if name is not None:
            return DayHours(day, (), "holiday", name)
        return DayHours(day, self.weekly.get(day.weekday(), ()), "weekly")

    def intervals_on(self, day: date) -> tuple[Interval, ...]:
        exception = self.exceptions.get(day)
        if exception is not None:
            return exception.intervals
        if is_public_holiday(day):
            return ()
        return self.weekly.get(day.weekday(), ())

    def days(self, start: date, count: int, language: str | None = "sv") -> list[DayHours]:
        return [self.day(start + timedelta(days=offset), language) for offset in range(count)]

    def coming_exceptions(
        self, start: date, days: int = 60, language: str | None = "sv"
    ) -> list[DayHours]:
        """Dates in the coming period whose hours differ from the weekly pattern."""
        end = start + timedelta(days=days)
        found = {day for day in self.exceptions if start <= day <= end}
        found.update(day for day, _name in holidays_between(start, end))
        return [self.day(day, language) for day in sorted(found)]

    # -- moments ------------------------------------------------------------

    def is_open(self, at: datetime) -> bool:
        local = ensure_aware(at).astimezone(self.zone)
        wall = local.time().replace(tzinfo=None)
        return any(interval.contains(wall) for interval in self.intervals_on(local.date()))

    def next_change(self, at: datetime) -> datetime | None:
        """The first moment after ``at`` when :meth:`is_open` changes, in UTC.

        Returns None when nothing changes within :data:`HORIZON_DAYS` (an
        office without hours, for example).
        """
        state = self.is_open(at)
        at_utc = ensure_aware(at).astimezone(UTC)
        first_day = at_utc.astimezone(self.zone).date()
        for offset in range(HORIZON_DAYS + 1):
            for candidate in self._candidates(first_day + timedelta(days=offset)):
                if candidate > at_utc and self.is_open(candidate) != state:
                    return candidate
        return None

    def open_until(self, at: datetime) -> datetime | None:
        """When an open office closes next; None when it is closed now."""
        return self.next_change(at) if self.is_open(at) else None

    def _candidates(self, day: date) -> list[datetime]:
        """Every moment on ``day`` at which the answer of is_open may change."""
        moments: set[datetime] = set(_clock_shifts(day, self.zone))
        for interval in self.intervals_on(day):
            for wall in (interval.opens, interval.closes):
                moments.update(_moments_at(day, wall, self.zone))
        return sorted(moments)

    # -- exports ------------------------------------------------------------

    def to_osm(self, since: date) -> str:
        """OpenStreetMap ``opening_hours`` text, with exceptions from ``since`` on.

        ``PH`` means the public holidays in law; Midsummer Eve, Christmas Eve
        and New Year's Eve are not among them, so other readers of the text
        would think the office open on those days. They are written out as
        dates instead, for ``since``'s year and the two after it, wherever
        the weekly pattern would otherwise open.
        """
        rules: list[str] = []
        for days, intervals in _group_weekdays(self.weekly):
            rules.append(f"{days} {','.join(i.osm() for i in intervals)}")
        if rules:
            rules.append("PH off")
        dated = {day: exception.intervals for day, exception in self.exceptions.items()}
        for eve in eves_between(since, date(since.year + OSM_EVE_YEARS, 12, 31)):
            if eve not in dated and self.weekly.get(eve.weekday()):
                dated[eve] = ()
        for day in sorted(d for d in dated if d >= since):
            times = ",".join(i.osm() for i in dated[day]) or "off"
            rules.append(f"{day.year} {OSM_MONTHS[day.month - 1]} {day.day:02d} {times}")
        return "; ".join(rules) if rules else "off"

    def to_schema_org(self, since: date, days: int = 365) -> list[dict[str, str | list[str]]]:
        """schema.org ``OpeningHoursSpecification`` objects.

        The weekly pattern comes first; then every exception and public
        holiday within ``days`` from ``since``, each valid for one date.
        Closed dates use the schema.org convention opens = closes = 00:00.
        """
        specs: list[dict[str, str | list[str]]] = []
        for weekday_group, intervals in _weekday_groups(self.weekly):
            for interval in intervals:
                specs.append(
                    {
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": [SCHEMA_DAYS[d] for d in weekday_group],
                        "opens": f"{interval.opens:%H:%M}",
                        "closes": f"{interval.closes:%H:%M}",
                    }
                )
        for hours in self.coming_exceptions(since, days):
            iso = hours.date.isoformat()
            for interval in hours.intervals or (Interval(time(0), time(0)),):
                specs.append(
                    {
                        "@type": "OpeningHoursSpecification",
                        "validFrom": iso,
                        "validThrough": iso,
                        "opens": f"{interval.opens:%H:%M}",
                        "closes": f"{interval.closes:%H:%M}",
                    }
                )
        return specs


def _merge_exceptions(rows: list[Any]) -> DayException:
    with_reason = next((row for row in rows if row.reason), None)
    reason = str(with_reason.reason) if with_reason else ""
    reason_lang = shown_language(with_reason, "reason") if with_reason else ""
    if any(row.is_closed for row in rows):
        return DayException(True, (), reason, reason_lang)
    intervals = tuple(sorted(Interval(r.opens, r.closes) for r in rows))
    return DayException(False, intervals, reason, reason_lang)


def _weekday_groups(
    weekly: dict[int, tuple[Interval, ...]],
) -> Iterator[tuple[list[int], tuple[Interval, ...]]]:
    """Runs of consecutive weekdays with identical hours (Mo-Fr, Sa, ...)."""
    run: list[int] = []
    for weekday in range(7):
        hours = weekly.get(weekday, ())
        if run and weekly.get(run[-1], ()) == hours:
            run.append(weekday)
            continue
        if run and weekly.get(run[0], ()):
            yield run, weekly[run[0]]
        run = [weekday]
    if run and weekly.get(run[0], ()):
        yield run, weekly[run[0]]


def _group_weekdays(
    weekly: dict[int, tuple[Interval, ...]],
) -> Iterator[tuple[str, tuple[Interval, ...]]]:
    for run, hours in _weekday_groups(weekly):
        label = OSM_DAYS[run[0]] if len(run) == 1 else f"{OSM_DAYS[run[0]]}-{OSM_DAYS[run[-1]]}"
        yield label, hours


def _clock_shifts(day: date, zone: tzinfo) -> list[datetime]:
    """The UTC moments on ``day`` when the zone's offset changes (DST)."""
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    if start.astimezone(zone).utcoffset() == end.astimezone(zone).utcoffset():
        return []
    low, high = start, end  # offset(low) differs from offset(high)
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
            low = middle
        else:
            high = middle
    return [high]


def _moments_at(day: date, wall: time, zone: tzinfo) -> list[datetime]:
    """The UTC moments at which the local clock shows ``wall`` on ``day``.

    Usually one; two in the repeated autumn hour; in the skipped spring hour
    none, and we return the moment the clock jumps instead, the first moment
    whose local time is past ``wall``.
    """
    naive = datetime.combine(day, wall)
    found = []
    for fold in (0, 1):
        moment = naive.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        if moment.astimezone(zone).replace(tzinfo=None) == naive:
            found.append(moment)
    if not found:
        found.extend(_clock_shifts(day, zone))
    return found
