"""Bookings across the daylight-saving changes: ranges are real instants.

On Sunday 28 March 2027 Stockholm skips 02:00–03:00 (local 01:00–04:00 is two
real hours); on Sunday 31 October 2027 it repeats 02:00–03:00 (local
01:30–03:30 is three real hours, and "02:00" happens twice, an hour apart).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

import pytest
import time_machine
from django.utils import translation

from publicoffice.bookings.availability import FREE, MINE, TAKEN, Week, space_week
from publicoffice.bookings.models import (
    Booking,
    BookingLogEntry,
    BookingRule,
    BookingStatistic,
    LogAction,
)
from publicoffice.bookings.services import booking_create
from publicoffice.core.errors import DomainError
from publicoffice.core.timeutils import skipped_wall_clock
from tests.bookings.conftest import STOCKHOLM
from tests.factories import (
    HoursExceptionFactory,
    OfficeFactory,
    SpaceFactory,
    UserFactory,
    WeeklyHoursFactory,
)

SPRING = date(2027, 3, 28)  # also Easter Sunday, a public holiday
AUTUMN = date(2027, 10, 31)
ALL_DAY = time(23, 59, 59, 999999)
MINUTE = timedelta(minutes=1)


def local(day: date, hour: int, minute: int = 0, *, fold: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=STOCKHOLM).replace(fold=fold)


def real_minutes(starts_at: datetime, ends_at: datetime) -> float:
    return (ends_at.astimezone(UTC) - starts_at.astimezone(UTC)) / MINUTE


@pytest.fixture
def night_room(db):
    """A room in an office open day and night, every day, holidays included."""
    office = OfficeFactory(slug="natt", name="Nattkontoret")
    for weekday in range(7):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(0), closes=ALL_DAY)
    for day in (SPRING, AUTUMN):
        HoursExceptionFactory(
            office=office, date=day, is_closed=False, opens=time(0), closes=ALL_DAY
        )
    return SpaceFactory(office=office, name="Nattrummet", kind="meeting_room", capacity=6)


@pytest.fixture
def spring_eve() -> Iterator[None]:
    with time_machine.travel(local(SPRING - timedelta(days=1), 12), tick=False):
        yield


@pytest.fixture
def autumn_eve() -> Iterator[None]:
    with time_machine.travel(local(AUTUMN - timedelta(days=1), 12), tick=False):
        yield


def book(space: Any, member: Any, starts_at: datetime, ends_at: datetime, **kwargs: Any) -> Any:
    return booking_create(
        space=space, member=member, starts_at=starts_at, ends_at=ends_at, **kwargs
    )


# -- spring: the skipped hour ----------------------------------------------------------


def test_spring_night_one_to_four_is_two_hours(spring_eve, night_room, member):
    # Two hours a day at most: a wall-clock count (three hours) would refuse it.
    BookingRule.objects.create(space=night_room, max_hours_per_day=2)
    booking = book(night_room, member, local(SPRING, 1), local(SPRING, 4))
    assert booking.minutes == 120
    booking.refresh_from_db()
    assert booking.minutes == 120
    assert booking.checkin_deadline == local(SPRING, 1, 15)
    assert BookingStatistic.objects.get(booking=booking).length_minutes == 120

    with pytest.raises(DomainError) as caught:
        book(night_room, member, local(SPRING, 10), local(SPRING, 10, 30))
    assert caught.value.code == "quota_hours_per_day"


def test_spring_night_counts_real_hours_against_the_length(spring_eve, night_room, member):
    BookingRule.objects.create(space=night_room, max_minutes=120)
    assert book(night_room, member, local(SPRING, 1), local(SPRING, 4)).minutes == 120


def test_staff_book_the_spring_night_outside_opening_hours(office, room, member, host):
    with time_machine.travel(local(SPRING - timedelta(days=1), 12), tick=False):
        booking = book(
            room,
            member,
            local(SPRING, 1),
            local(SPRING, 4),
            actor=host,
            override_reason="Nattvandrarnas samling",
        )
    assert booking.minutes == 120
    assert BookingStatistic.objects.get(booking=booking).length_minutes == 120
    overrides = BookingLogEntry.objects.filter(booking=booking, action=LogAction.OVERRIDE)
    assert list(overrides.values_list("rule_code", flat=True)) == ["outside_opening_hours"]


def _check_week(week: Week) -> None:
    """No slot at a time that does not exist, none twice, each one slot long in real time."""
    starts = [slot.starts_at.astimezone(UTC) for day in week.days for slot in day.slots]
    assert starts == sorted(starts)
    assert len(starts) == len(set(starts))
    for day in week.days:
        for slot in day.slots:
            wall = slot.starts_at.astimezone(STOCKHOLM)
            # The wall time exists: going to UTC and back gives it again.
            assert wall.astimezone(UTC).astimezone(STOCKHOLM).replace(tzinfo=None) == (
                wall.replace(tzinfo=None)
            )
            assert real_minutes(slot.starts_at, slot.ends_at) == week.rules.slot_minutes
        for slot, following in zip(day.slots, day.slots[1:], strict=False):
            assert slot.ends_at.astimezone(UTC) == following.starts_at.astimezone(UTC)


def test_spring_week_view_skips_the_missing_hour(spring_eve, night_room, member):
    week = space_week(night_room, start=SPRING - timedelta(days=6), member=member)
    _check_week(week)
    sunday = week.days[-1]
    assert sunday.date == SPRING
    assert len(sunday.slots) == 46  # 23 hours
    assert not [s for s in sunday.slots if s.starts_at.astimezone(STOCKHOLM).hour == 2]
    after_one_thirty = next(
        s for s in sunday.slots if s.starts_at.astimezone(STOCKHOLM) == local(SPRING, 1, 30)
    )
    assert after_one_thirty.ends_at.astimezone(STOCKHOLM) == local(SPRING, 3)
    assert len(week.days[-2].slots) == 48


# -- autumn: the repeated hour --------------------------------------------------------


def test_autumn_night_one_thirty_to_three_thirty_is_three_hours(autumn_eve, night_room, member):
    booking = book(night_room, member, local(AUTUMN, 1, 30), local(AUTUMN, 3, 30))
    assert booking.minutes == 180
    booking.refresh_from_db()
    assert booking.minutes == 180
    assert BookingStatistic.objects.get(booking=booking).length_minutes == 180
    # Four hours a day: three are used, so one and a half more is too many.
    with pytest.raises(DomainError) as caught:
        book(night_room, member, local(AUTUMN, 10), local(AUTUMN, 11, 30))
    assert caught.value.code == "quota_hours_per_day"
    assert book(night_room, member, local(AUTUMN, 10), local(AUTUMN, 11)).minutes == 60


def test_the_two_two_o_clocks_are_different_hours(autumn_eve, night_room, member, other_member):
    first = book(night_room, member, local(AUTUMN, 2), local(AUTUMN, 2, 30))
    second = book(night_room, other_member, local(AUTUMN, 2, fold=1), local(AUTUMN, 2, 30, fold=1))
    assert first.minutes == second.minutes == 30
    assert real_minutes(first.starts_at, second.starts_at) == 60

    # Between them, 02:30 summer time to 02:00 winter time: half an hour, free.
    between = book(night_room, UserFactory(), local(AUTUMN, 2, 30), local(AUTUMN, 2, fold=1))
    assert between.minutes == 30

    for starts_at, ends_at in [
        (local(AUTUMN, 2, fold=1), local(AUTUMN, 3)),  # meets the second
        (local(AUTUMN, 1, 30), local(AUTUMN, 2, 30)),  # meets the first
    ]:
        with pytest.raises(DomainError) as caught:
            book(night_room, UserFactory(), starts_at, ends_at)
        assert caught.value.code == "slot_taken"


def test_autumn_week_view_has_the_repeated_hour_twice(autumn_eve, night_room, member):
    book(night_room, member, local(AUTUMN, 2), local(AUTUMN, 2, 30))
    week = space_week(night_room, start=AUTUMN - timedelta(days=6), member=member)
    _check_week(week)
    sunday = week.days[-1]
    assert sunday.date == AUTUMN
    assert len(sunday.slots) == 50  # 25 hours
    two_o_clocks = [s for s in sunday.slots if s.starts_at.astimezone(STOCKHOLM).time() == time(2)]
    assert [s.starts_at.astimezone(UTC) for s in two_o_clocks] == [
        local(AUTUMN, 2).astimezone(UTC),
        local(AUTUMN, 2, fold=1).astimezone(UTC),
    ]
    assert [s.state for s in two_o_clocks] == [MINE, FREE]
    # Seen by someone else, the first is taken and the second free.
    other = space_week(night_room, start=AUTUMN - timedelta(days=6), member=UserFactory())
    states = [
        s.state for s in other.days[-1].slots if s.starts_at.astimezone(STOCKHOLM).time() == time(2)
    ]
    assert states == [TAKEN, FREE]


def test_free_ranges_do_not_merge_across_the_repeated_hour_wrongly(autumn_eve, night_room):
    week = space_week(night_room, start=AUTUMN, days=1)
    ranges = week.free_ranges()
    assert len(ranges) == 1
    start, end = ranges[0]
    assert real_minutes(start, end) == 25 * 60


# -- spring: times that do not exist ----------------------------------------------------

#: What a person reads (in English) when they ask for a time inside the skipped hour.
NO_TWO_THIRTY = "There is no 02:30 on March 28: the clocks go forward from 02:00 to 03:00."


def test_the_skipped_hour_is_found_with_its_edges():
    assert skipped_wall_clock(SPRING, time(2, 30)) == (time(2), time(3))
    assert skipped_wall_clock(SPRING, time(2)) == (time(2), time(3))
    assert skipped_wall_clock(SPRING, time(2, 59)) == (time(2), time(3))
    for wall in (time(1, 59), time(3), time(12)):
        assert skipped_wall_clock(SPRING, wall) is None
    # The repeated autumn hour exists (twice), and an ordinary day has no jump.
    assert skipped_wall_clock(AUTUMN, time(2, 30)) is None
    assert skipped_wall_clock(SPRING - timedelta(days=1), time(2, 30)) is None


@pytest.mark.parametrize(
    ("start", "end"),
    [((2, 30), (3, 0)), ((2, 0), (4, 0)), ((1, 0), (2, 30)), ((2, 0), (2, 30))],
)
def test_the_service_refuses_a_time_the_clock_skips(spring_eve, night_room, member, start, end):
    # Python reads 02:00 as 03:00 summer time: 02:00–04:00 would become
    # 03:00–04:00, and 02:30–03:00 would end before it starts.
    with pytest.raises(DomainError) as caught:
        book(night_room, member, local(SPRING, *start), local(SPRING, *end))
    assert caught.value.code == "time_does_not_exist"
    assert not Booking.objects.exists()


def test_the_refusal_says_which_time_and_why(spring_eve, night_room, member):
    with translation.override("en"), pytest.raises(DomainError) as caught:
        book(night_room, member, local(SPRING, 2, 30), local(SPRING, 3))
    with translation.override("en"):
        assert str(caught.value.message).startswith(NO_TWO_THIRTY)


def test_an_offset_names_a_real_moment_and_is_kept(spring_eve, night_room, member):
    """ISO 8601 times (the API's) carry their offset: 02:30+01:00 is 03:30 summer time."""
    winter = timezone(timedelta(hours=1))
    booking = book(
        night_room,
        member,
        datetime(2027, 3, 28, 2, 30, tzinfo=winter),
        datetime(2027, 3, 28, 4, 30, tzinfo=winter),
    )
    assert booking.starts_at == local(SPRING, 3, 30)
    assert booking.minutes == 120


def test_the_booking_page_explains_the_missing_hour(client, spring_eve, night_room, member):
    client.force_login(member)
    response = client.post(
        f"/en/spaces/{night_room.pk}/book/",
        {"day": "2027-03-28", "start": "02:30", "end": "03:00", "attendees": 1},
    )
    assert response.status_code == 400
    assert NO_TWO_THIRTY in response.content.decode()
    assert "The end must come after the start" not in response.content.decode()
    assert not Booking.objects.exists()


def test_a_host_booking_into_the_missing_hour_is_not_moved(client, office, room, host):
    """02:00–04:00 used to be saved, without a word, as 03:00–04:00."""
    with time_machine.travel(local(SPRING - timedelta(days=1), 12), tick=False):
        client.force_login(host)
        response = client.post(
            "/en/host/ronna/bookings/new/",
            {
                "day": "2027-03-28",
                "start": "02:00",
                "end": "04:00",
                "attendees": 1,
                "space": room.pk,
                "visitor_name": "Fatima",
                "override_reason": "Nattvandrarnas samling",
            },
        )
    assert response.status_code == 400
    assert "There is no 02:00 on March 28" in response.content.decode()
    assert not Booking.objects.exists()
