"""The events family's attendance: people counted and events with a count, per start day.

The fixture is counted by hand: several events on the night the clocks go
back (their UTC day is the day before), a count corrected, a count of
nobody, an event never counted, one cancelled after it was counted, a
hidden one, and one across the turn of the year at another office. Then
counts recorded through the service leave, after a refresh, exactly the
rows a rebuild finds.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from publicoffice.events.models import Event
from publicoffice.events.services import event_create, event_record_attendance, event_set_status
from publicoffice.places.facts import Family
from publicoffice.reports import rollup
from publicoffice.reports.families import Row, computer
from publicoffice.reports.models import DayFigure, ScopeKind, StaleDay
from tests.dialogue.factories import STOCKHOLM, host_of
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db

#: When the hosts plan everything: early in 2026.
PLANNED = datetime(2026, 1, 10, 12, 0, tzinfo=STOCKHOLM)
ATTENDANCE = ("events.attendance", "events.with_attendance")


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def event(office: Any, host: Any, starts: datetime) -> Event:
    return event_create(
        office=office,
        actor=host,
        at=PLANNED,
        title="Språkcafé",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
    )


def count(event: Event, people: int, host: Any, *, minutes: int = 20) -> None:
    """Record ``people`` some minutes after the start, as the host would on the night."""
    event_record_attendance(
        event=event, attendance=people, by=host, at=event.starts_at + timedelta(minutes=minutes)
    )


def attendance_rows(start: date, end: date, office_ids: list[int] | None = None) -> set[Row]:
    rows = computer(Family.EVENTS)(office_ids, start, end)
    return {row for row in rows if row.metric in ATTENDANCE}


def office_rows() -> set[tuple[int, date, str, str, int]]:
    rows = DayFigure.objects.filter(scope=ScopeKind.OFFICE, metric__in=ATTENDANCE)
    return set(rows.values_list("scope_id", "day", "metric", "key", "value"))


@pytest.fixture
def world() -> dict[str, Any]:
    ronna, alby = OfficeFactory(slug="ronna"), OfficeFactory(slug="alby")
    return {
        "ronna": ronna,
        "alby": alby,
        "host": host_of(ronna, "Host"),
        "alby_host": host_of(alby, "AlbyHost"),
    }


def test_attendance_by_local_start_day(world):
    ronna, alby, host, alby_host = world["ronna"], world["alby"], world["host"], world["alby_host"]
    back = date(2026, 10, 25)  # the clocks go back: 00:30 local is 22:30 UTC the day before
    night = event(ronna, host, local(back, 0, 30))
    count(night, 7, host)
    count(night, 12, host, minutes=25)  # corrected: the last count stands
    nobody = event(ronna, host, local(back, 10))
    count(nobody, 0, host)  # counted, nobody came
    event(ronna, host, local(back, 14))  # never counted: not in either figure
    hidden = event(ronna, host, local(back, 18))
    count(hidden, 5, host)
    Event.objects.filter(pk=hidden.pk).update(hidden_at=PLANNED, hidden_reason="Spam")
    # Counted, then cancelled before it ended: it did not take place, so it is not read.
    called_off = event(ronna, host, local(date(2026, 6, 1), 10))
    count(called_off, 4, host, minutes=5)
    event_set_status(
        event=called_off,
        actor=host,
        status="cancelled",
        note="Brandlarm.",
        at=called_off.starts_at + timedelta(minutes=10),
    )
    # New Year's Eve at 23:45 at Alby: the start day, not the day it ends.
    eve = event(alby, alby_host, local(date(2026, 12, 31), 23, 45))
    count(eve, 30, alby_host)

    assert attendance_rows(date(2026, 1, 1), date(2027, 12, 31)) == {
        Row(ronna.pk, back, "events.attendance", "", 12 + 0 + 5),
        Row(ronna.pk, back, "events.with_attendance", "", 3),
        Row(alby.pk, date(2026, 12, 31), "events.attendance", "", 30),
        Row(alby.pk, date(2026, 12, 31), "events.with_attendance", "", 1),
    }
    assert not attendance_rows(date(2026, 10, 24), date(2026, 10, 24))
    assert not attendance_rows(date(2027, 1, 1), date(2027, 1, 1))
    assert not attendance_rows(date(2026, 6, 1), date(2026, 6, 1))
    assert attendance_rows(date(2026, 1, 1), date(2027, 12, 31), [alby.pk]) == {
        Row(alby.pk, date(2026, 12, 31), "events.attendance", "", 30),
        Row(alby.pk, date(2026, 12, 31), "events.with_attendance", "", 1),
    }


def test_an_event_where_nobody_came_is_counted_with_no_people(world):
    ronna, host = world["ronna"], world["host"]
    empty = event(ronna, host, local(date(2026, 5, 4), 18))
    count(empty, 0, host)
    assert attendance_rows(date(2026, 5, 4), date(2026, 5, 4)) == {
        Row(ronna.pk, date(2026, 5, 4), "events.with_attendance", "", 1),
    }


def test_refresh_after_recording_equals_a_rebuild(world):
    ronna, alby, host, alby_host = world["ronna"], world["alby"], world["host"], world["alby_host"]
    StaleDay.objects.all().delete()
    first = event(ronna, host, local(date(2026, 10, 25), 0, 30))
    second = event(ronna, host, local(date(2026, 10, 25), 19))
    eve = event(alby, alby_host, local(date(2026, 12, 31), 23, 45))
    rollup.refresh_stale()
    assert not office_rows()
    count(first, 9, host)
    count(eve, 30, alby_host)
    rollup.refresh_stale()
    assert office_rows() == {
        (ronna.pk, date(2026, 10, 25), "events.attendance", "", 9),
        (ronna.pk, date(2026, 10, 25), "events.with_attendance", "", 1),
        (alby.pk, date(2026, 12, 31), "events.attendance", "", 30),
        (alby.pk, date(2026, 12, 31), "events.with_attendance", "", 1),
    }
    count(second, 6, host)
    count(first, 11, host, minutes=40)  # a correction after the event
    rollup.refresh_stale()
    refreshed = office_rows()
    assert (ronna.pk, date(2026, 10, 25), "events.attendance", "", 17) in refreshed
    assert (ronna.pk, date(2026, 10, 25), "events.with_attendance", "", 2) in refreshed
    rollup.rebuild(start=date(2026, 10, 1), end=date(2027, 1, 31), families=[Family.EVENTS])
    assert office_rows() == refreshed
