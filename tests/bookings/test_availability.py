"""Reads: the week grid's slot states, the first free slots, and their query counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publicoffice.bookings.availability import (
    CLOSED,
    FREE,
    MINE,
    PAST,
    TAKEN,
    UNAVAILABLE,
    Slot,
    Week,
    _slot_state,
    space_week,
    space_weeks,
    with_hours,
)
from publicoffice.bookings.checks import Refusal
from publicoffice.bookings.finder import first_free_slots
from publicoffice.bookings.models import BookingRule
from publicoffice.bookings.selectors import bookable_spaces
from publicoffice.bookings.services import booking_create
from publicoffice.places.models import OfficeStatus, Space
from tests.bookings.conftest import NOW, STOCKHOLM, at
from tests.factories import (
    AccessibilityFactsFactory,
    OfficeFactory,
    SpaceFactory,
    UserFactory,
    WeeklyHoursFactory,
)

MONDAY = NOW.date() - timedelta(days=2)  # 23 November 2026
MINUTE = timedelta(minutes=1)


def slot_at(week: Week, moment: datetime) -> Slot:
    return next(
        slot
        for day in week.days
        for slot in day.slots
        if slot.starts_at.astimezone(UTC) == moment.astimezone(UTC)
    )


def book(space: Any, member: Any, starts_at: datetime, ends_at: datetime) -> Any:
    return booking_create(space=space, member=member, starts_at=starts_at, ends_at=ends_at)


# -- the week grid -----------------------------------------------------------------------


def test_week_has_slots_only_within_opening_hours(frozen, room):
    week = space_week(room, start=MONDAY)
    assert [day.date for day in week.days] == [MONDAY + timedelta(days=n) for n in range(7)]
    weekdays, weekend = week.days[:5], week.days[5:]
    for day in weekdays:
        assert len(day.slots) == 24  # 08:00–20:00 in half hours
        assert day.slots[0].starts_at.astimezone(STOCKHOLM).time() == time(8)
        assert day.slots[-1].ends_at.astimezone(STOCKHOLM).time() == time(20)
    assert all(not day.slots for day in weekend)


def test_slot_states_and_reasons(frozen, room, member, other_member):
    book(room, member, at(1, 10), at(1, 11))
    book(room, other_member, at(1, 12), at(1, 13))
    week = space_week(room, start=MONDAY, member=member)

    assert slot_at(week, at(-2, 10)).state == PAST  # Monday
    assert slot_at(week, at(0, 8)).state == FREE  # under way now: still bookable
    assert slot_at(week, at(1, 10)).state == MINE
    assert slot_at(week, at(1, 10, 30)).state == MINE
    assert slot_at(week, at(1, 12)).state == TAKEN
    assert slot_at(week, at(1, 12)).code == "slot_taken"
    assert slot_at(week, at(1, 11)).state == FREE  # half-open: 11:00 is free
    free = slot_at(week, at(1, 14))
    assert (free.state, free.code, free.reason, free.bookable) == (FREE, "", "", True)
    for day in week.days:
        for slot in day.slots:
            if slot.state != FREE:
                assert slot.reason, slot
                assert not slot.bookable

    # Anonymous visitors see both bookings as taken, never as theirs.
    anonymous = space_week(room, start=MONDAY)
    assert slot_at(anonymous, at(1, 10)).state == TAKEN
    assert {s.state for d in anonymous.days for s in d.slots} == {PAST, FREE, TAKEN}


def test_slots_that_break_a_rule_are_unavailable_with_the_reason(frozen, hall):
    week = space_week(hall, start=MONDAY)
    tomorrow = slot_at(week, at(1, 10))  # halls need two days' notice
    assert (tomorrow.state, tomorrow.code) == (UNAVAILABLE, "too_soon")
    assert tomorrow.reason == "Boka minst 48 timmar i förväg."
    assert slot_at(week, at(2, 8)).state == FREE
    assert week.rules.slot_minutes == 60
    assert len(week.days[2].slots) == 12


def test_a_paused_office_shows_every_slot_unavailable(frozen, office, room):
    office.status = OfficeStatus.PAUSED
    office.save()
    week = space_week(room, start=MONDAY)
    states = {(s.state, s.code) for d in week.days for s in d.slots if s.state != PAST}
    assert states == {(UNAVAILABLE, "office_not_open")}


def test_a_member_over_the_quota_sees_why(frozen, room, member):
    BookingRule.objects.create(space=room, max_active_bookings=1)
    book(room, member, at(1, 10), at(1, 11))
    slot = slot_at(space_week(room, start=MONDAY, member=member), at(2, 10))
    assert (slot.state, slot.code) == (UNAVAILABLE, "quota_active_bookings")
    assert slot.reason == (
        "Du har redan 1 kommande bokning av den här typen, och fler är inte tillåtet."
    )


def test_buffer_after_a_booking_shows_as_taken(frozen, room, member, other_member):
    BookingRule.objects.create(space=room, buffer_minutes=15)
    book(room, other_member, at(1, 10), at(1, 11))
    slot = slot_at(space_week(room, start=MONDAY, member=member), at(1, 11))
    assert (slot.state, slot.code) == (TAKEN, "slot_taken")
    assert slot.reason


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([], (FREE, "")),
        (["in_past", "slot_taken"], (PAST, "in_past")),
        (["outside_opening_hours", "slot_taken"], (CLOSED, "outside_opening_hours")),
        (["too_soon", "slot_taken"], (TAKEN, "slot_taken")),
        (["slot_on_hold"], (TAKEN, "slot_on_hold")),
        (["too_soon", "quota_hours_per_day"], (UNAVAILABLE, "too_soon")),
    ],
)
def test_slot_state_from_refusals(codes, expected):
    state, code, reason = _slot_state([Refusal(c, f"because {c}") for c in codes])
    assert (state, code) == expected
    assert bool(reason) == (state != FREE)


def test_overlapping_opening_intervals_give_each_slot_once(frozen, office, room):
    WeeklyHoursFactory(office=office, weekday=3, opens=time(10), closes=time(22))
    thursday = space_week(room, start=MONDAY).days[3]
    starts = [s.starts_at.astimezone(UTC) for s in thursday.slots]
    assert starts == sorted(set(starts))
    assert len(starts) == 28  # 08:00–22:00


def test_free_ranges_merge_neighbouring_free_slots(frozen, room, member):
    book(room, member, at(1, 10), at(1, 11))
    thursday = space_week(room, start=NOW.date() + timedelta(days=1), days=1)
    assert [
        (s.astimezone(STOCKHOLM).time(), e.astimezone(STOCKHOLM).time())
        for s, e in thursday.free_ranges()
    ] == [(time(8), time(10)), (time(11), time(20))]


# -- first free slots --------------------------------------------------------------------


def test_first_free_slot_takes_the_whole_stay(frozen, room, member, other_member):
    book(room, other_member, at(0, 8), at(0, 9))
    book(room, other_member, at(0, 10), at(0, 11))
    [found] = first_free_slots(duration_minutes=90, kind="meeting_room", member=member)
    assert found.space == room
    # 09:00–10:00 is too short for 90 minutes; the first whole stay starts at 11:00.
    assert found.starts_at == at(0, 11)
    assert found.ends_at == at(0, 12, 30)


def test_first_free_slots_filter_by_attendees_and_kind(frozen, room, desk, hall, member):
    by_start = {s.space: s for s in first_free_slots(duration_minutes=120)}
    assert set(by_start) == {room, desk, hall}
    assert by_start[room].starts_at == at(0, 8)  # the slot under way is bookable
    assert by_start[hall].starts_at == at(2, 8)  # two days' notice

    big = first_free_slots(duration_minutes=120, attendees=7)
    assert [s.space for s in big] == [hall]

    desks = first_free_slots(duration_minutes=60, kind="desk")
    assert [s.space for s in desks] == [desk]


def test_first_free_slots_soonest_first_and_limited(frozen, office, room, desk, hall):
    found = first_free_slots(duration_minutes=60, limit=2)
    assert len(found) == 2
    assert [s.starts_at for s in found] == [at(0, 8), at(0, 8)]
    assert {s.space for s in found} == {room, desk}


def test_first_free_slots_respect_the_members_quota(frozen, room, desk, member):
    BookingRule.objects.create(space=room, max_active_bookings=1)
    book(room, member, at(1, 10), at(1, 11))
    found = first_free_slots(duration_minutes=60, member=member)
    assert [s.space for s in found] == [desk]


def test_first_free_slots_for_an_accessibility_need(frozen, room):
    step_free = OfficeFactory(slug="step-free", name="Tillgängliga kontoret")
    stairs = OfficeFactory(slug="stairs", name="Trappkontoret")
    for office in (step_free, stairs):
        for weekday in range(5):
            WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    AccessibilityFactsFactory(office=step_free, step_free_entrance=True)
    AccessibilityFactsFactory(office=stairs, step_free_entrance=False)
    accessible_room = SpaceFactory(office=step_free, kind="meeting_room")
    SpaceFactory(office=stairs, kind="meeting_room")

    found = first_free_slots(duration_minutes=60, needs=["step_free_entrance"])
    assert [s.space for s in found] == [accessible_room]
    assert len(first_free_slots(duration_minutes=60)) == 3  # room has no facts at all


def test_first_free_slots_in_one_office(frozen, office, room):
    elsewhere = OfficeFactory()
    WeeklyHoursFactory(office=elsewhere, weekday=2, opens=time(8), closes=time(20))
    SpaceFactory(office=elsewhere)
    found = first_free_slots(duration_minutes=60, office=office)
    assert [s.space for s in found] == [room]


# -- query counts -----------------------------------------------------------------------


def _spaces_in_offices(count: int) -> list[Any]:
    spaces: list[Any] = []
    for n in range(count):
        office: Any = OfficeFactory()
        for weekday in range(5):
            WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
        spaces.append(SpaceFactory(office=office, kind="meeting_room"))
        spaces.append(SpaceFactory(office=office, kind="desk", capacity=1))
        BookingRule.objects.create(office=office, buffer_minutes=n % 2 * 15)
    return spaces


def _week_context(space_ids: list[int], member: Any, start: date) -> CaptureQueriesContext:
    with CaptureQueriesContext(connection) as context:
        spaces = list(with_hours(Space.objects.filter(pk__in=space_ids)))
        weeks = space_weeks(spaces, start=start, member=member)
        assert len(weeks) == len(space_ids)
    return context


#: Queries of the house rules' check (``places.restrictions``), asked once per office:
#: the member's sanctions in force and the network's rules they must accept.
RESTRICTION_QUERIES_PER_OFFICE = 2


def _split(context: CaptureQueriesContext) -> tuple[int, int]:
    """(bookings' own queries, the restriction check's queries) of a captured run."""
    conduct = sum('"conduct_' in query["sql"] for query in context.captured_queries)
    return len(context) - conduct, conduct


def test_space_weeks_query_count_does_not_grow_with_spaces(
    frozen, django_assert_max_num_queries, member, other_member
):
    spaces = _spaces_in_offices(4)
    for space in spaces:
        if space.kind == "desk":
            book(space, other_member, at(1, 10), at(1, 11))
    book(spaces[0], member, at(1, 14), at(1, 15))
    one, _ = _split(_week_context([spaces[0].pk], member, MONDAY))
    assert one <= 7
    with CaptureQueriesContext(connection) as context:
        spaces_qs = with_hours(Space.objects.filter(pk__in=[s.pk for s in spaces]))
        weeks = space_weeks(list(spaces_qs), start=MONDAY, member=member, days=14)
    own, restriction = _split(context)
    # Bookings' own queries do not grow; the restriction check is asked once per office.
    assert own <= one
    assert restriction <= 4 * RESTRICTION_QUERIES_PER_OFFICE
    assert len(weeks) == 8
    assert slot_at(weeks[spaces[0].pk], at(1, 14)).state == MINE
    assert slot_at(weeks[spaces[1].pk], at(1, 10)).state == TAKEN


def test_first_free_slots_query_count_does_not_grow_with_spaces(
    frozen, django_assert_max_num_queries, member
):
    spaces = _spaces_in_offices(1)
    with CaptureQueriesContext(connection) as context:
        first_free_slots(duration_minutes=60, member=member)
    one, _restriction = _split(context)
    _spaces_in_offices(5)
    with CaptureQueriesContext(connection) as context:
        found = first_free_slots(duration_minutes=60, member=member, limit=20)
    own, restriction = _split(context)
    # Bookings' own queries do not grow; the restriction check is asked once per office.
    assert own <= one
    assert restriction <= 6 * RESTRICTION_QUERIES_PER_OFFICE
    assert len(found) == 12
    assert spaces[0] in {s.space for s in found}


def test_bookable_spaces_leave_out_closed_offices_and_unbookable_spaces(office, room, desk):
    SpaceFactory(office=office, is_bookable=False)
    paused = OfficeFactory(status=OfficeStatus.PAUSED)
    SpaceFactory(office=paused)
    assert set(bookable_spaces()) == {room, desk}
    assert set(bookable_spaces(office)) == {room, desk}


def test_a_member_booking_is_mine_only_for_that_member(frozen, room, member):
    book(room, member, at(1, 10), at(1, 11))
    stranger = UserFactory()
    assert slot_at(space_week(room, start=MONDAY, member=stranger), at(1, 10)).state == TAKEN
    assert slot_at(space_week(room, start=MONDAY, member=member), at(1, 10)).state == MINE
