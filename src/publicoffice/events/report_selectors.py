"""What the reports read from events: events and registrations per office and local day.

Each function groups in the database by office, local day of the event's
start and key, so a year for every office is one query per figure. The day
of an event is the local day it starts; a registration is counted on its
event's day (what the office ran that day), in its final state. Registrations
are read from :class:`RegistrationStatistic`, which keeps no person.
Attendance is the hosts' count on the event itself, where they recorded it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from django.db.models import Case, CharField, Count, QuerySet, Sum, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from publicoffice.core.timeutils import local_days_bounds
from publicoffice.events.models import (
    Event,
    EventStatus,
    RegistrationStatistic,
    RegistrationStatus,
)
from publicoffice.places.facts import DayCount


class DayAttendance(NamedTuple):
    office_id: int
    day: date
    events: int
    people: int


def _events(office_ids: Sequence[int] | None, start: date, end: date) -> QuerySet[Event]:
    """Every event starting on those days, hidden ones too: hiding moderates words, not facts."""
    low, high = local_days_bounds(start, end)
    events = Event.objects.filter(starts_at__gte=low, starts_at__lt=high)
    if office_ids is not None:
        events = events.filter(office_id__in=list(office_ids))
    return events


def event_counts_by_status(
    office_ids: Sequence[int] | None, start: date, end: date
) -> list[DayCount]:
    """Events per office, local start day and :class:`EventStatus`."""
    zone = timezone.get_current_timezone()
    rows = (
        _events(office_ids, start, end)
        .annotate(day=TruncDate("starts_at", tzinfo=zone))
        .values_list("office_id", "day", "status")
        .annotate(total=Count("id"))
        .order_by()
    )
    return [DayCount(*row) for row in rows]


def registration_counts(office_ids: Sequence[int] | None, start: date, end: date) -> list[DayCount]:
    """Registrations per office, local start day of their event and final state."""
    zone = timezone.get_current_timezone()
    low, high = local_days_bounds(start, end)
    figures = RegistrationStatistic.objects.filter(
        event__starts_at__gte=low, event__starts_at__lt=high
    )
    if office_ids is not None:
        figures = figures.filter(event__office_id__in=list(office_ids))
    rows = (
        figures.annotate(
            event_day=TruncDate("event__starts_at", tzinfo=zone),
            state=Case(
                When(cancelled=True, then=Value(RegistrationStatus.CANCELLED.value)),
                When(got_seat=True, then=Value(RegistrationStatus.REGISTERED.value)),
                default=Value(RegistrationStatus.WAITING.value),
                output_field=CharField(),
            ),
        )
        .values_list("event__office_id", "event_day", "state")
        .annotate(total=Count("id"))
        .order_by()
    )
    return [DayCount(*row) for row in rows]


def attendance_by_day(
    office_ids: Sequence[int] | None, start: date, end: date
) -> list[DayAttendance]:
    """Events with attendance recorded, and the people they counted, per office and start day.

    Only recorded counts: an event nobody counted is missing, not zero. A
    cancelled or postponed event did not take place at its time, so a count
    left on it from before is not read.
    """
    zone = timezone.get_current_timezone()
    rows = (
        _events(office_ids, start, end)
        .filter(attendance__isnull=False)
        .exclude(status__in=[EventStatus.CANCELLED, EventStatus.POSTPONED])
        .annotate(day=TruncDate("starts_at", tzinfo=zone))
        .values_list("office_id", "day")
        .annotate(events=Count("id"), people=Sum("attendance"))
        .order_by()
    )
    return [DayAttendance(*row) for row in rows]
