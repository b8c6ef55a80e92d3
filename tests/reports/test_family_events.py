"""The events family: events held or cancelled and registrations, per office and start day.

The fixture is counted by hand, with starts on both nights the clocks
change in 2026 and around the turn of the year; then facts made through
the services leave, after a refresh, exactly the office rows a rebuild finds.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from publicoffice.events.models import Event
from publicoffice.events.services import (
    event_create,
    event_set_status,
    event_update,
    registration_cancel,
    registration_create,
)
from publicoffice.places.facts import Family
from publicoffice.reports import rollup
from publicoffice.reports.families import Row, computer
from publicoffice.reports.models import DayFigure, ScopeKind, StaleDay
from tests.dialogue.factories import STOCKHOLM, host_of, person
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db

#: When the hosts plan everything: early in 2026.
PLANNED = datetime(2026, 1, 10, 12, 0, tzinfo=STOCKHOLM)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def office_rows() -> set[tuple[int, date, str, str, int]]:
    rows = DayFigure.objects.filter(scope=ScopeKind.OFFICE, metric__startswith="events.")
    return set(rows.values_list("scope_id", "day", "metric", "key", "value"))


def event(office: Any, host: Any, starts: datetime, capacity: int | None = None) -> Event:
    return event_create(
        office=office,
        actor=host,
        at=PLANNED,
        title="Språkcafé",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=25),
        capacity=capacity,
    )


@pytest.fixture
def world() -> dict[str, Any]:
    ronna, alby = OfficeFactory(slug="ronna"), OfficeFactory(slug="alby")
    return {
        "ronna": ronna,
        "alby": alby,
        "host": host_of(ronna, "Host"),
        "alby_host": host_of(alby, "AlbyHost"),
        "amina": person("Amina"),
        "johan": person("Johan"),
        "sara": person("Sara"),
    }


def test_events_and_registrations_by_local_start_day(world):
    ronna, alby, host = world["ronna"], world["alby"], world["host"]
    amina, johan, sara = world["amina"], world["johan"], world["sara"]
    # 00:30 on the night the clocks go back (UTC: 24 October): one seat, a queue.
    full = event(ronna, host, local(date(2026, 10, 25), 0, 30), capacity=1)
    first = registration_create(event=full, member=amina, at=PLANNED)
    registration_create(event=full, member=johan, at=PLANNED)
    registration_cancel(registration=first, actor=amina, at=PLANNED)  # Johan gets the seat
    registration_create(event=full, member=sara, at=PLANNED)  # waits
    # 23:30 on the night the clocks go forward, then cancelled with one seat taken.
    cancelled = event(ronna, host, local(date(2026, 3, 29), 23, 30))
    registration_create(event=cancelled, member=amina, at=PLANNED)
    event_set_status(event=cancelled, actor=host, status="cancelled", at=PLANNED)
    # Postponed: neither held nor cancelled.
    postponed = event(alby, world["alby_host"], local(date(2026, 12, 31), 23, 30))
    event_set_status(
        event=postponed,
        actor=world["alby_host"],
        status="postponed",
        note="Ny dag kommer.",
        at=PLANNED,
    )
    # Moved from New Year's Eve to 00:15 on New Year's Day.
    moved = event(alby, world["alby_host"], local(date(2026, 12, 31), 20))
    event_update(
        event=moved,
        actor=world["alby_host"],
        at=PLANNED,
        starts_at=local(date(2027, 1, 1), 0, 15),
        ends_at=local(date(2027, 1, 1), 0, 45),
    )
    # Hidden by the moderators: it still happened.
    hidden = event(ronna, host, local(date(2026, 6, 1), 10))
    Event.objects.filter(pk=hidden.pk).update(hidden_at=PLANNED, hidden_reason="Spam")

    rows = set(computer(Family.EVENTS)(None, date(2026, 1, 1), date(2027, 12, 31)))
    assert rows == {
        Row(ronna.pk, date(2026, 10, 25), "events.count", "held", 1),
        Row(ronna.pk, date(2026, 10, 25), "events.registrations", "registered", 1),
        Row(ronna.pk, date(2026, 10, 25), "events.registrations", "waiting", 1),
        Row(ronna.pk, date(2026, 10, 25), "events.registrations", "cancelled", 1),
        Row(ronna.pk, date(2026, 3, 29), "events.count", "cancelled", 1),
        Row(ronna.pk, date(2026, 3, 29), "events.registrations", "registered", 1),
        Row(alby.pk, date(2027, 1, 1), "events.count", "held", 1),
        Row(ronna.pk, date(2026, 6, 1), "events.count", "held", 1),
    }
    # The UTC day of the first event holds nothing; one office at a time.
    assert not list(computer(Family.EVENTS)(None, date(2026, 10, 24), date(2026, 10, 24)))
    assert not list(computer(Family.EVENTS)([alby.pk], date(2026, 1, 1), date(2026, 12, 31)))
    # No attendance is recorded by the events app, so none is emitted.
    assert not {row for row in rows if row.metric.startswith("events.attendance")}


def test_refresh_after_the_services_equals_a_rebuild(world):
    ronna, alby, host = world["ronna"], world["alby"], world["host"]
    StaleDay.objects.all().delete()
    full = event(ronna, host, local(date(2026, 10, 25), 0, 30), capacity=1)
    first = registration_create(event=full, member=world["amina"], at=PLANNED)
    registration_create(event=full, member=world["johan"], at=PLANNED)
    moved = event(alby, world["alby_host"], local(date(2026, 12, 31), 20))
    rollup.refresh_stale()
    registration_cancel(registration=first, actor=world["amina"], at=PLANNED)
    registration_create(event=moved, member=world["sara"], at=PLANNED)
    event_update(
        event=moved,
        actor=world["alby_host"],
        at=PLANNED,
        starts_at=local(date(2027, 1, 1), 0, 15),
        ends_at=local(date(2027, 1, 1), 0, 45),
    )
    rollup.refresh_stale()
    refreshed = office_rows()
    assert (alby.pk, date(2027, 1, 1), "events.count", "held", 1) in refreshed
    assert not any(day == date(2026, 12, 31) for _o, day, *_rest in refreshed)
    rollup.rebuild(start=date(2026, 10, 1), end=date(2027, 1, 31), families=[Family.EVENTS])
    assert office_rows() == refreshed
