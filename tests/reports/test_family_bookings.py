"""The bookings family against hand-counted days, and the marks its services leave."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from publicoffice.bookings.models import BookingStatistic, Outcome, WaitlistEntry, WaitlistStatus
from publicoffice.bookings.services import (
    booking_cancel,
    booking_change,
    booking_check_in,
    booking_create,
    release_no_shows,
)
from publicoffice.bookings.waitlist import waitlist_join
from publicoffice.places.facts import Family
from publicoffice.reports.families import Row
from publicoffice.reports.families.bookings import compute
from publicoffice.reports.models import DayFigure, ScopeKind, StaleDay
from publicoffice.reports.rollup import refresh_stale
from tests.factories import OfficeFactory, SpaceFactory, UserFactory, WeeklyHoursFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SPRING = date(2026, 3, 29)
AUTUMN = date(2026, 10, 25)
NEW_YEARS_EVE = date(2025, 12, 31)
NEW_YEAR = date(2026, 1, 1)
#: Wednesday 25 November 2026, 08:00.
NOW = datetime(2026, 11, 25, 8, tzinfo=STOCKHOLM)


def at(day_offset: int, hour: int) -> datetime:
    return datetime.combine(NOW.date() + timedelta(days=day_offset), time(hour), tzinfo=STOCKHOLM)


@pytest.fixture
def office():
    office = OfficeFactory(capacity=20)
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    return office


@pytest.fixture
def room(office):
    return SpaceFactory(office=office, kind="meeting_room", capacity=6, is_bookable=True)


@pytest.fixture
def desk(office):
    return SpaceFactory(office=office, kind="desk", capacity=1, is_bookable=True)


def statistic(office, day: date, kind: str, outcome: str, minutes: int) -> None:
    BookingStatistic.objects.create(
        office=office,
        space_kind=kind,
        starts_on=day,
        length_minutes=minutes,
        lead_minutes=60,
        attendees=1,
        outcome=outcome,
    )


def waiting(space, starts_at: datetime, status: str, offered: bool = False) -> None:
    WaitlistEntry.objects.create(
        space=space,
        member=UserFactory(),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        status=status,
        offered_until=starts_at - timedelta(minutes=30) if offered else None,
    )


@pytest.fixture
def facts(office, room, desk):
    for kind, outcome, minutes in [
        ("meeting_room", Outcome.BOOKED, 120),
        ("meeting_room", Outcome.ATTENDED, 60),
        ("desk", Outcome.NO_SHOW, 480),
        ("desk", Outcome.CANCELLED, 240),
        ("meeting_room", Outcome.PENDING, 30),
        ("meeting_room", Outcome.REJECTED, 90),
    ]:
        statistic(office, SPRING, kind, outcome, minutes)
    statistic(office, AUTUMN, "desk", Outcome.ATTENDED, 600)
    statistic(office, AUTUMN, "desk", Outcome.ATTENDED, 30)
    statistic(office, NEW_YEARS_EVE, "meeting_room", Outcome.BOOKED, 45)
    statistic(office, NEW_YEAR, "meeting_room", Outcome.BOOKED, 15)
    spring_morning = datetime(2026, 3, 29, 10, tzinfo=STOCKHOLM)
    # Never offered: counted (still waiting, or withdrawn while waiting).
    waiting(room, spring_morning, WaitlistStatus.WAITING)
    waiting(room, spring_morning, WaitlistStatus.WITHDRAWN)
    waiting(desk, spring_morning, WaitlistStatus.WAITING)
    # 00:30 on New Year's Day, still New Year's Eve in UTC.
    waiting(room, datetime(2025, 12, 31, 23, 30, tzinfo=UTC), WaitlistStatus.WAITING)
    # 02:30 in the repeated autumn hour, the second time.
    waiting(desk, datetime(2026, 10, 25, 1, 30, tzinfo=UTC), WaitlistStatus.WAITING)
    # Offered a place: not counted, whatever came of the offer.
    for status in WaitlistStatus.values:
        if status != WaitlistStatus.WAITING:
            waiting(room, spring_morning, status, offered=True)
    return office


def test_every_metric_is_hand_counted(facts, room):
    a = facts.pk
    assert set(compute(None, date(2025, 12, 1), date(2026, 11, 30))) == {
        Row(a, SPRING, "bookings.count", "meeting_room|booked", 1),
        Row(a, SPRING, "bookings.count", "meeting_room|attended", 1),
        Row(a, SPRING, "bookings.count", "meeting_room|pending", 1),
        Row(a, SPRING, "bookings.count", "meeting_room|rejected", 1),
        Row(a, SPRING, "bookings.count", "desk|no_show", 1),
        Row(a, SPRING, "bookings.count", "desk|cancelled", 1),
        Row(a, SPRING, "bookings.booked_minutes", "meeting_room", 180),
        Row(a, SPRING, "bookings.booked_minutes", "desk", 480),
        Row(a, SPRING, "bookings.waitlist_unmet", "meeting_room", 2),
        Row(a, SPRING, "bookings.waitlist_unmet", "desk", 1),
        Row(a, AUTUMN, "bookings.count", "desk|attended", 2),
        Row(a, AUTUMN, "bookings.booked_minutes", "desk", 630),
        Row(a, AUTUMN, "bookings.waitlist_unmet", "desk", 1),
        Row(a, NEW_YEARS_EVE, "bookings.count", "meeting_room|booked", 1),
        Row(a, NEW_YEARS_EVE, "bookings.booked_minutes", "meeting_room", 45),
        Row(a, NEW_YEAR, "bookings.count", "meeting_room|booked", 1),
        Row(a, NEW_YEAR, "bookings.booked_minutes", "meeting_room", 15),
        Row(a, NEW_YEAR, "bookings.waitlist_unmet", "meeting_room", 1),
    }


def test_offices_and_days_narrow_the_rows(facts):
    other = OfficeFactory()
    statistic(other, NEW_YEAR, "desk", Outcome.BOOKED, 60)
    assert set(compute([other.pk], NEW_YEARS_EVE, NEW_YEAR)) == {
        Row(other.pk, NEW_YEAR, "bookings.count", "desk|booked", 1),
        Row(other.pk, NEW_YEAR, "bookings.booked_minutes", "desk", 60),
    }
    assert {row.day for row in compute(None, NEW_YEARS_EVE, NEW_YEARS_EVE)} == {NEW_YEARS_EVE}


def marks(*, keep: bool = False) -> set[date]:
    """The days marked stale since the last look (forgotten unless ``keep``)."""
    days = set(StaleDay.objects.values_list("day", flat=True))
    assert set(StaleDay.objects.values_list("family", flat=True)) <= {Family.BOOKINGS.value}
    if not keep:
        StaleDay.objects.all().delete()
    return days


def office_figures(office) -> set[tuple[date, str, str, int]]:
    return set(
        DayFigure.objects.filter(scope=ScopeKind.OFFICE, scope_id=office.pk).values_list(
            "day", "metric", "key", "value"
        )
    )


def test_every_booking_service_marks_the_days_it_changes(office, room, desk):
    member, other = UserFactory(), UserFactory()
    with time_machine.travel(NOW, tick=False) as clock:
        booking = booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
        assert marks() == {at(1, 0).date()}
        booking = booking_change(
            booking=booking, actor=member, starts_at=at(2, 10), ends_at=at(2, 12)
        )
        assert marks() == {at(1, 0).date(), at(2, 0).date()}
        entry = waitlist_join(space=room, member=other, starts_at=at(2, 10), ends_at=at(2, 12))
        assert marks(keep=True) == {at(2, 0).date()}
        refresh_stale()
        assert (at(2, 0).date(), "bookings.waitlist_unmet", "meeting_room", 1) in office_figures(
            office
        )
        booking_cancel(booking=booking, actor=member)  # the time is offered to ``other``
        assert marks() == {at(2, 0).date()}
        entry.refresh_from_db()
        assert entry.status == WaitlistStatus.OFFERED
        kept = booking_create(space=desk, member=member, starts_at=at(0, 9), ends_at=at(0, 10))
        booking_create(space=desk, member=other, starts_at=at(0, 11), ends_at=at(0, 12))
        marks()
        clock.move_to(at(0, 9))
        booking_check_in(booking=kept, actor=member)
        assert marks() == {NOW.date()}
        clock.move_to(at(0, 13))
        assert release_no_shows() == 1
        assert marks() == {NOW.date()}
    assert {row for row in compute([office.pk], NOW.date(), NOW.date())} == {
        Row(office.pk, NOW.date(), "bookings.count", "desk|attended", 1),
        Row(office.pk, NOW.date(), "bookings.count", "desk|no_show", 1),
        Row(office.pk, NOW.date(), "bookings.booked_minutes", "desk", 120),
    }


def test_a_year_for_every_office_is_two_queries(facts, django_assert_num_queries):
    with django_assert_num_queries(2):
        rows = list(compute(None, date(2025, 6, 1), date(2026, 5, 31)))
    assert rows
