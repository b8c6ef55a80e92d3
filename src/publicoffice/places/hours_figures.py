"""Opening hours as figures: minutes open per office and local day, as planned.

The reports multiply these minutes by the office's capacity and by its
bookable spaces of each kind. A day's minutes are real minutes, not wall-clock
arithmetic: on the spring night the skipped hour is not open time, and an
interval over the repeated autumn hour is open that hour twice, exactly as
:meth:`publicoffice.places.opening_hours.OpeningSchedule.is_open` says.

Hours, capacity and spaces have no history: a day is computed with what is
stored now (dated exceptions included), so the reports recompute the days
from today on when they change, and keep what earlier days showed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise
from typing import Any, NamedTuple

from django.db.models import Count
from django.utils import timezone

from publicoffice.core.timeutils import local_zone
from publicoffice.places.models import HoursException, Office, Space, WeeklyHours
from publicoffice.places.opening_hours import Interval, OpeningSchedule, _clock_shifts

#: How far ahead a change of hours, capacity or spaces is told to the reports.
#: Days after today a change of hours, capacity or spaces marks: none, since
#: the reports sweep computes each new day's hours once a day, and the hours
#: have no history (a past day keeps the hours it was computed with).
FUTURE_DAYS = 0


def days_from_today(today: date | None = None) -> list[date]:
    """Today (and :data:`FUTURE_DAYS` after it): what a change without a date changes."""
    today = today or timezone.localdate()
    return [today + timedelta(days=n) for n in range(FUTURE_DAYS + 1)]


class OfficeDayHours(NamedTuple):
    """One office's planned opening on one local day, and what it offers meanwhile."""

    office_id: int
    day: date
    open_minutes: int
    capacity: int
    #: Bookable spaces by kind of space.
    bookable_spaces: Mapping[str, int]


def open_minutes(day: date, intervals: Sequence[Interval], zone: tzinfo | None = None) -> int:
    """Whole minutes of real time on ``day`` whose wall-clock time is in an interval."""
    zone = zone or local_zone()
    start = datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    cuts = [start, *_clock_shifts(day, zone), end]
    total = timedelta()
    # Within each stretch of one UTC offset, wall time is UTC plus that offset.
    for low, high in pairwise(cuts):
        offset = low.astimezone(zone).utcoffset() or timedelta()
        for interval in intervals:
            opens = datetime.combine(day, interval.opens, tzinfo=UTC) - offset
            closes = datetime.combine(day, interval.closes, tzinfo=UTC) - offset
            overlap = min(closes, high) - max(opens, low)
            if overlap > timedelta():
                total += overlap
    return int(total.total_seconds() // 60)


def _by_office(rows: Any) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.office_id].append(row)
    return grouped


def planned_hours(
    *, office_ids: Sequence[int] | None, start: date, end: date
) -> Iterator[OfficeDayHours]:
    """Every office's (or those named) planned opening, ``start`` to ``end``: four queries."""
    offices = Office.objects.order_by("pk")
    weekly = WeeklyHours.objects.order_by()
    exceptions = HoursException.objects.filter(date__range=(start, end)).order_by()
    spaces = Space.objects.filter(is_bookable=True).order_by()
    if office_ids is not None:
        ids = list(office_ids)
        offices = offices.filter(pk__in=ids)
        weekly = weekly.filter(office_id__in=ids)
        exceptions = exceptions.filter(office_id__in=ids)
        spaces = spaces.filter(office_id__in=ids)
    weekly_rows = _by_office(weekly)
    exception_rows = _by_office(exceptions)
    bookable: dict[int, dict[str, int]] = defaultdict(dict)
    for office_id, kind, n in spaces.values_list("office_id", "kind").annotate(n=Count("id")):
        bookable[office_id][kind] = n
    zone = local_zone()
    minutes_of: dict[tuple[date, tuple[Interval, ...]], int] = {}
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    for office_id, capacity in offices.values_list("pk", "capacity"):
        schedule = OpeningSchedule.from_rows(
            weekly_rows.get(office_id, ()), exception_rows.get(office_id, ())
        )
        for day in days:
            intervals = schedule.intervals_on(day)
            if not intervals:
                continue
            key = (day, intervals)
            if key not in minutes_of:
                minutes_of[key] = open_minutes(day, intervals, zone)
            yield OfficeDayHours(
                office_id, day, minutes_of[key], capacity, bookable.get(office_id, {})
            )
