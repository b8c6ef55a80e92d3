"""The ordered booking checks: each code on its boundary, their order, properties.

Most tests build :class:`Attempt` objects by hand, with unsaved offices and
spaces and an opening schedule given directly, so they need no database. The
quota tests at the end go through the service, to show desks and rooms are
counted apart.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from publicoffice.accounts.models import NamedPermission
from publicoffice.bookings import checks
from publicoffice.bookings.checks import Attempt, Refusal
from publicoffice.bookings.models import Booking
from publicoffice.bookings.rules import KIND_DEFAULTS, Rules
from publicoffice.bookings.services import booking_check_in, booking_create
from publicoffice.core.errors import DomainError
from publicoffice.places.models import Office, OfficeStatus, Space
from publicoffice.places.opening_hours import Interval, OpeningSchedule
from tests.bookings.conftest import NOW, STOCKHOLM, at
from tests.factories import SpaceFactory

MINUTE = timedelta(minutes=1)
#: Thursday 26 November 2026, the day after NOW.
TOMORROW = NOW.date() + timedelta(days=1)
WEEKDAYS_8_TO_20: dict[int, tuple[Interval, ...]] = {
    d: (Interval(time(8), time(20)),) for d in range(5)
}
ALL_DAY = time(23, 59, 59, 999999)


def make_office(weekly: dict[int, tuple[Interval, ...]] | None = None, **kwargs: Any) -> Office:
    """An unsaved open office whose schedule is given, not loaded."""
    office = Office(pk=1, status=kwargs.pop("status", OfficeStatus.OPEN), **kwargs)
    office._schedule = OpeningSchedule(
        weekly=WEEKDAYS_8_TO_20 if weekly is None else weekly, zone=STOCKHOLM
    )
    return office


def make_space(office: Office | None = None, **kwargs: Any) -> Space:
    kwargs.setdefault("kind", "meeting_room")
    kwargs.setdefault("capacity", 6)
    kwargs.setdefault("is_bookable", True)
    return Space(pk=1, office=office or make_office(), **kwargs)


def other(starts_at: datetime, ends_at: datetime, buffer: int = 0) -> Booking:
    return Booking(starts_at=starts_at, ends_at=ends_at, blocked_until=ends_at + buffer * MINUTE)


def attempt(
    starts_at: datetime,
    ends_at: datetime,
    *,
    rules: Rules | None = None,
    now: datetime = NOW,
    space: Space | None = None,
    **kwargs: Any,
) -> Attempt:
    space = space or make_space()
    return Attempt(
        space=space,
        office=space.office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules or Rules(),
        now=now,
        **kwargs,
    )


def codes(a: Attempt) -> list[str]:
    return [r.code for r in checks.evaluate(a)]


def tomorrow(hour: int, minute: int = 0) -> datetime:
    return at(1, hour, minute)


# -- one check at a time -------------------------------------------------------


def test_a_plain_attempt_passes_every_check():
    assert codes(attempt(tomorrow(10), tomorrow(11), member=object())) == []


class TestFree:
    def test_half_open_neighbours_are_both_free(self):
        taken = [other(tomorrow(10), tomorrow(11))]
        assert checks.check_free(attempt(tomorrow(11), tomorrow(12), others=taken)) is None
        assert checks.check_free(attempt(tomorrow(9), tomorrow(10), others=taken)) is None

    def test_overlap_is_slot_taken(self):
        taken = [other(tomorrow(10), tomorrow(11))]
        refusal = checks.check_free(attempt(tomorrow(10, 30), tomorrow(11, 30), others=taken))
        assert refusal is not None
        assert refusal.code == "slot_taken"
        assert refusal.overridable_by is None

    def test_the_buffer_after_another_booking_keeps_its_end_free(self):
        taken = [other(tomorrow(10), tomorrow(11), buffer=15)]
        refusal = checks.check_free(attempt(tomorrow(11), tomorrow(12), others=taken))
        assert refusal is not None and refusal.code == "slot_taken"
        assert checks.check_free(attempt(tomorrow(11, 15), tomorrow(12), others=taken)) is None

    def test_my_own_buffer_must_not_reach_the_next_booking(self):
        taken = [other(tomorrow(11), tomorrow(12))]
        rules = Rules(buffer_minutes=15)
        refusal = checks.check_free(attempt(tomorrow(10), tomorrow(11), rules=rules, others=taken))
        assert refusal is not None and refusal.code == "slot_taken"
        early = attempt(tomorrow(10), tomorrow(10, 45), rules=rules, others=taken)
        assert checks.check_free(early) is None


class TestPast:
    def test_the_slot_under_way_may_be_booked(self):
        now = tomorrow(10, 10)
        assert checks.check_not_past(attempt(tomorrow(10), tomorrow(10, 30), now=now)) is None
        assert checks.check_not_past(attempt(tomorrow(10), tomorrow(12), now=now)) is None

    def test_a_slot_that_has_run_its_length_is_past(self):
        refusal = checks.check_not_past(attempt(tomorrow(10), tomorrow(12), now=tomorrow(10, 30)))
        assert refusal is not None and refusal.code == "in_past"
        ended = attempt(tomorrow(9, 30), tomorrow(10), now=tomorrow(10))
        assert checks.check_not_past(ended).code == "in_past"  # type: ignore[union-attr]


class TestOnSlot:
    def test_whole_slots_pass(self):
        assert checks.check_on_slot(attempt(tomorrow(10), tomorrow(10, 30))) is None
        hourly = Rules(slot_minutes=60, min_minutes=60)
        assert checks.check_on_slot(attempt(tomorrow(10), tomorrow(12), rules=hourly)) is None

    @pytest.mark.parametrize(
        ("starts_at", "ends_at"),
        [
            (tomorrow(10, 15), tomorrow(11)),
            (tomorrow(10), tomorrow(10, 45)),
            (tomorrow(10).replace(second=1), tomorrow(11)),
            (tomorrow(10), tomorrow(11).replace(microsecond=1)),
        ],
    )
    def test_off_slot_is_refused_but_overridable(self, starts_at, ends_at):
        refusal = checks.check_on_slot(attempt(starts_at, ends_at))
        assert refusal is not None
        assert refusal.code == "not_on_slot"
        assert refusal.overridable_by == NamedPermission.OVERRIDE_BOOKING_RULES

    def test_slots_count_on_the_local_clock(self):
        # 14:30 in India is 10:00 in Stockholm in winter: on an hourly slot.
        india = ZoneInfo("Asia/Kolkata")
        assert checks._on_slot(datetime(2026, 11, 26, 14, 30, tzinfo=india), 60)
        assert not checks._on_slot(datetime(2026, 11, 26, 10, 0, tzinfo=india), 60)


class TestLength:
    def test_boundaries(self):
        rules = Rules(slot_minutes=15, min_minutes=30, max_minutes=120)
        ok_short = attempt(tomorrow(10), tomorrow(10, 30), rules=rules)
        ok_long = attempt(tomorrow(10), tomorrow(12), rules=rules)
        short = attempt(tomorrow(10), tomorrow(10, 15), rules=rules)
        long = attempt(tomorrow(10), tomorrow(12, 15), rules=rules)
        assert checks.check_length(ok_short) is None
        assert checks.check_length(ok_long) is None
        assert checks.check_length(short).code == "booking_too_short"  # type: ignore[union-attr]
        assert checks.check_length(long).code == "booking_too_long"  # type: ignore[union-attr]


class TestNotice:
    def test_a_hall_needs_two_days_notice(self):
        hall = KIND_DEFAULTS["hall"]
        two_days = NOW + timedelta(days=2)
        assert (
            checks.check_notice(attempt(two_days, two_days + 2 * 60 * MINUTE, rules=hall)) is None
        )
        soon = two_days - 60 * MINUTE
        refusal = checks.check_notice(attempt(soon, soon + 60 * MINUTE, rules=hall))
        assert refusal is not None and refusal.code == "too_soon"
        assert "48" in str(refusal)

    def test_no_notice_by_default(self):
        assert checks.check_notice(attempt(NOW, NOW + 30 * MINUTE)) is None


class TestDaysAhead:
    def test_the_last_bookable_day_counts_in_local_days(self):
        rules = Rules()  # 30 days
        last = at(30, 19, 30)
        assert checks.check_days_ahead(attempt(last, last + 30 * MINUTE, rules=rules)) is None
        beyond = at(31, 8)
        refusal = checks.check_days_ahead(attempt(beyond, beyond + 30 * MINUTE, rules=rules))
        assert refusal is not None and refusal.code == "too_far_ahead"
        # 00:30 local on day 31 is still day 30 in UTC (23:30): the local day counts.
        after_midnight = at(31, 0, 30)
        assert after_midnight.astimezone(UTC).date() == last.date()
        refusal = checks.check_days_ahead(
            attempt(after_midnight, after_midnight + 30 * MINUTE, rules=rules)
        )
        assert refusal is not None and refusal.code == "too_far_ahead"


class TestOpeningHours:
    @pytest.mark.parametrize(
        ("starts_at", "ends_at"),
        [(tomorrow(8), tomorrow(9)), (tomorrow(19, 30), tomorrow(20))],
    )
    def test_inside_opening_hours(self, starts_at, ends_at):
        assert checks.check_opening_hours(attempt(starts_at, ends_at)) is None

    @pytest.mark.parametrize(
        ("starts_at", "ends_at"),
        [
            (tomorrow(7, 30), tomorrow(8, 30)),
            (tomorrow(19, 30), tomorrow(20, 30)),
            (at(3, 10), at(3, 11)),  # Saturday
            (tomorrow(19), at(2, 9)),  # over the night
        ],
    )
    def test_outside_opening_hours(self, starts_at, ends_at):
        refusal = checks.check_opening_hours(attempt(starts_at, ends_at))
        assert refusal is not None
        assert refusal.code == "outside_opening_hours"
        assert refusal.overridable_by == NamedPermission.BOOK_OUTSIDE_OPENING_HOURS

    def test_a_lunch_break_splits_the_day(self):
        office = make_office({3: (Interval(time(8), time(12)), Interval(time(13), time(17)))})
        space = make_space(office)
        assert checks.check_opening_hours(attempt(tomorrow(11), tomorrow(12), space=space)) is None
        refusal = checks.check_opening_hours(attempt(tomorrow(11), tomorrow(14), space=space))
        assert refusal is not None and refusal.code == "outside_opening_hours"

    def test_open_until_midnight_takes_the_last_hour_and_the_night(self):
        # "Until midnight" is stored as 23:59:59.999999; it is not a minute short.
        office = make_office({d: (Interval(time(0), ALL_DAY),) for d in range(7)})
        space = make_space(office)
        assert checks.check_opening_hours(attempt(tomorrow(23), at(2, 0), space=space)) is None
        assert checks.check_opening_hours(attempt(tomorrow(23), at(2, 1), space=space)) is None

    def test_midnight_is_a_closing_when_the_next_day_is_closed(self):
        office = make_office({3: (Interval(time(0), ALL_DAY),)})  # Thursday only
        space = make_space(office)
        assert checks.check_opening_hours(attempt(tomorrow(23), at(2, 0), space=space)) is None
        refusal = checks.check_opening_hours(attempt(tomorrow(23), at(2, 1), space=space))
        assert refusal is not None and refusal.code == "outside_opening_hours"

    def test_the_rule_can_allow_any_time(self):
        rules = Rules(within_opening_hours=False)
        assert checks.check_opening_hours(attempt(at(3, 2), at(3, 3), rules=rules)) is None


class TestAttendees:
    @pytest.mark.parametrize(
        ("attendees", "max_attendees", "code"),
        [
            (0, 0, "attendees_invalid"),
            (1, 0, None),
            (6, 0, None),  # the capacity
            (7, 0, "too_many_attendees"),
            (4, 4, None),
            (5, 4, "too_many_attendees"),
            (7, 10, "too_many_attendees"),  # never above the capacity
        ],
    )
    def test_attendees(self, attendees, max_attendees, code):
        a = attempt(
            tomorrow(10),
            tomorrow(11),
            attendees=attendees,
            rules=Rules(max_attendees=max_attendees),
        )
        refusal = checks.check_attendees(a)
        assert (refusal.code if refusal else None) == code


class TestQuotas:
    def test_active_bookings(self):
        coming = [other(at(d, 10), at(d, 11)) for d in (1, 2, 3)]
        ended = [other(at(-1, 10), at(-1, 11))]
        full = attempt(at(4, 10), at(4, 11), member=object(), mine=coming)
        assert checks.check_active_quota(full).code == "quota_active_bookings"  # type: ignore[union-attr]
        room = attempt(at(4, 10), at(4, 11), member=object(), mine=coming[:2] + ended)
        assert checks.check_active_quota(room) is None

    def test_hours_per_day(self):
        mine = [other(tomorrow(8), tomorrow(11)), other(at(2, 8), at(2, 12))]
        assert (
            checks.check_day_quota(attempt(tomorrow(12), tomorrow(13), member=object(), mine=mine))
            is None
        )
        over = attempt(tomorrow(12), tomorrow(13, 30), member=object(), mine=mine)
        assert checks.check_day_quota(over).code == "quota_hours_per_day"  # type: ignore[union-attr]

    def test_hours_per_week(self):
        # Monday 23 to Friday 27 November: 9 hours this week, 4 the week before.
        mine = [
            other(at(-2, 8), at(-2, 12)),
            other(at(-1, 8), at(-1, 11)),
            other(at(2, 8), at(2, 10)),
            other(at(-3, 8), at(-3, 12)),  # Sunday 22nd: last week
        ]
        fits = attempt(tomorrow(10), tomorrow(11), member=object(), mine=mine)
        assert checks.check_week_quota(fits) is None
        over = attempt(tomorrow(10), tomorrow(11, 30), member=object(), mine=mine)
        assert checks.check_week_quota(over).code == "quota_hours_per_week"  # type: ignore[union-attr]

    def test_visitors_booked_by_staff_have_no_quota(self):
        mine = [other(at(d, 8), at(d, 12)) for d in (1, 2, 3, 4)]
        a = attempt(tomorrow(12), tomorrow(16), member=None, mine=mine)
        assert checks.check_active_quota(a) is None
        assert checks.check_day_quota(a) is None
        assert checks.check_week_quota(a) is None
        # The same hours booked for a member break every quota.
        b = attempt(tomorrow(12), tomorrow(16), member=object(), mine=mine)
        assert checks.check_active_quota(b) is not None
        assert checks.check_day_quota(b) is not None
        assert checks.check_week_quota(b) is not None


class TestSpaceAndMember:
    def test_member_refusal_is_passed_on(self):
        refusal = Refusal("not_a_member", "no")
        assert (
            checks.check_member_may_book(
                attempt(tomorrow(10), tomorrow(11), member_refusal=refusal)
            )
            is refusal
        )

    def test_office_not_open(self):
        space = make_space(make_office(status=OfficeStatus.PAUSED))
        refusal = checks.check_space_bookable(attempt(tomorrow(10), tomorrow(11), space=space))
        assert refusal is not None and refusal.code == "office_not_open"

    def test_space_not_bookable(self):
        space = make_space(is_bookable=False)
        refusal = checks.check_space_bookable(attempt(tomorrow(10), tomorrow(11), space=space))
        assert refusal is not None and refusal.code == "space_not_bookable"


# -- the ordered list ----------------------------------------------------------


def test_the_first_refusal_is_the_earliest_check():
    # Off slot, too long, too far ahead, outside hours, too many people, taken.
    start = at(40, 19, 15)
    a = attempt(
        start,
        start + 300 * MINUTE,
        attendees=9,
        others=[other(start, start + 60 * MINUTE)],
        member=object(),
    )
    assert codes(a) == [
        "not_on_slot",
        "booking_too_long",
        "too_far_ahead",
        "outside_opening_hours",
        "too_many_attendees",
        "quota_hours_per_day",
        "slot_taken",
    ]


def test_an_impossible_range_stops_the_checks():
    a = attempt(tomorrow(11), tomorrow(10), attendees=0, member_refusal=Refusal("x", "x"))
    assert codes(a) == ["x", "invalid_range"]
    assert codes(attempt(tomorrow(10), tomorrow(10))) == ["invalid_range"]


@settings(max_examples=150, deadline=None)
@given(
    start=st.integers(min_value=-48, max_value=24 * 40),
    length=st.integers(min_value=1, max_value=24),
    attendees=st.integers(min_value=0, max_value=9),
    taken=st.booleans(),
)
def test_refusals_come_in_the_order_of_the_checks(
    start: int, length: int, attendees: int, taken: bool
) -> None:
    starts_at = NOW + start * 30 * MINUTE
    ends_at = starts_at + length * 30 * MINUTE
    a = attempt(
        starts_at,
        ends_at,
        attendees=attendees,
        member=object(),
        others=[other(starts_at, ends_at)] if taken else [],
    )
    one_by_one = [r.code for r in (check(a) for check in checks.CHECKS) if r is not None]
    assert codes(a) == one_by_one


# -- properties ----------------------------------------------------------------

slots = st.sampled_from([5, 10, 15, 20, 30, 60])


@settings(max_examples=300, deadline=None)
@given(
    slot=slots,
    start_slots=st.integers(min_value=0, max_value=40),
    length_slots=st.integers(min_value=1, max_value=60),
    bounds=st.tuples(st.integers(0, 600), st.integers(0, 600)).map(sorted),
)
def test_length_is_refused_exactly_outside_min_and_max(
    slot: int, start_slots: int, length_slots: int, bounds: list[int]
) -> None:
    low, high = bounds
    rules = Rules(slot_minutes=slot, min_minutes=low, max_minutes=high)
    starts_at = tomorrow(8) + start_slots * slot * MINUTE
    minutes = length_slots * slot
    refusal = checks.check_length(attempt(starts_at, starts_at + minutes * MINUTE, rules=rules))
    if minutes < low:
        assert refusal is not None and refusal.code == "booking_too_short"
    elif minutes > high:
        assert refusal is not None and refusal.code == "booking_too_long"
    else:
        assert refusal is None


ranges = st.tuples(
    st.integers(min_value=0, max_value=24 * 12),  # five-minute steps in the day
    st.integers(min_value=1, max_value=48),
    st.sampled_from([0, 5, 15, 30]),
)


@settings(max_examples=500, deadline=None)
@given(mine=ranges, theirs=ranges)
def test_free_is_refused_exactly_when_held_ranges_overlap(
    mine: tuple[int, int, int], theirs: tuple[int, int, int]
) -> None:
    day = datetime.combine(TOMORROW, time(0), tzinfo=STOCKHOLM)
    step = 5 * MINUTE
    a_start, a_end = day + mine[0] * step, day + (mine[0] + mine[1]) * step
    b_start, b_end = day + theirs[0] * step, day + (theirs[0] + theirs[1]) * step
    a_held = a_end + mine[2] * MINUTE
    b_held = b_end + theirs[2] * MINUTE
    refusal = checks.check_free(
        attempt(
            a_start,
            a_end,
            rules=Rules(buffer_minutes=mine[2]),
            others=[other(b_start, b_end, buffer=theirs[2])],
        )
    )
    overlap = a_start < b_held and b_start < a_held  # half-open [start, held)
    assert (refusal is not None) == overlap
    if refusal is not None:
        assert refusal.code == "slot_taken"


@settings(max_examples=300, deadline=None)
@given(
    slot=slots,
    start_minute=st.integers(min_value=0, max_value=23 * 60),
    length=st.integers(min_value=1, max_value=120),
    second=st.sampled_from([0, 0, 0, 30]),
)
def test_on_slot_exactly_when_both_ends_are_aligned(
    slot: int, start_minute: int, length: int, second: int
) -> None:
    day = datetime.combine(TOMORROW, time(0), tzinfo=STOCKHOLM)
    starts_at = day + start_minute * MINUTE + timedelta(seconds=second)
    ends_at = day + (start_minute + length) * MINUTE
    # Local midnight is on every slot (a day has 1440 minutes), so counting
    # minutes from it is counting on the local clock.
    aligned = second == 0 and start_minute % slot == 0 and (start_minute + length) % slot == 0
    refusal = checks.check_on_slot(
        attempt(starts_at, ends_at, rules=Rules(slot_minutes=slot, min_minutes=slot))
    )
    assert (refusal is None) == aligned


@settings(max_examples=300, deadline=None)
@given(
    hours=st.tuples(st.integers(0, 47), st.integers(1, 48)).map(
        lambda t: (t[0], min(48, t[0] + t[1]))
    ),
    booking=st.tuples(st.integers(0, 47), st.integers(1, 10)),
)
def test_opening_hours_refused_exactly_when_the_range_leaves_them(
    hours: tuple[int, int], booking: tuple[int, int]
) -> None:
    """Thursday only, open ``hours`` half-hours; booking in half-hours on the same Thursday."""

    def clock(half_hours: int) -> time:
        return ALL_DAY if half_hours == 48 else time(half_hours // 2, 30 * (half_hours % 2))

    opens, closes = hours
    space = make_space(make_office({3: (Interval(clock(opens), clock(closes)),)}))
    day = datetime.combine(TOMORROW, time(0), tzinfo=STOCKHOLM)
    start, end = booking[0], min(48, booking[0] + booking[1])
    refusal = checks.check_opening_hours(
        attempt(day + start * 30 * MINUTE, day + end * 30 * MINUTE, space=space)
    )
    assert (refusal is None) == (opens <= start and end <= closes)


# -- quotas through the service, desks and rooms apart ----------------------------


@pytest.fixture
def second_room(office):
    return SpaceFactory(office=office, name="Mötesrum Alm", kind="meeting_room", capacity=4)


def _book(space: Space, member: Any, starts_at: datetime, ends_at: datetime) -> Booking:
    return booking_create(space=space, member=member, starts_at=starts_at, ends_at=ends_at)


def _refused(space: Space, member: Any, starts_at: datetime, ends_at: datetime) -> str:
    with pytest.raises(DomainError) as caught:
        _book(space, member, starts_at, ends_at)
    return caught.value.code


def test_active_quota_counts_rooms_and_desks_apart(frozen, room, second_room, desk, member):
    for day in (1, 2, 5):  # three coming room bookings, the most for rooms
        _book(room, member, at(day, 10), at(day, 11))
    assert _refused(second_room, member, at(6, 10), at(6, 11)) == "quota_active_bookings"
    assert _book(desk, member, at(1, 10), at(1, 11)).pk  # desks have their own count


def test_day_quota_counts_rooms_and_desks_apart(frozen, room, second_room, desk, member):
    _book(room, member, at(1, 8), at(1, 11))
    _book(second_room, member, at(1, 11), at(1, 12))  # 4 hours of rooms
    assert _refused(room, member, at(1, 14), at(1, 14, 30)) == "quota_hours_per_day"
    assert _book(desk, member, at(1, 8), at(1, 16)).pk  # 8 hours of desk on top
    assert _book(room, member, at(2, 14), at(2, 14, 30)).pk  # another day


def test_week_quota_counts_rooms_and_desks_apart(frozen, room, second_room, desk, member):
    # Rooms: 10 hours a week, 4 a day, 3 coming at once.
    today = _book(room, member, at(0, 8), at(0, 12))
    booking_check_in(booking=today, actor=member)  # attended: its hours count
    frozen.move_to(at(0, 12))  # and it is over, so no longer "coming"
    _book(room, member, at(1, 8), at(1, 12))
    _book(second_room, member, at(2, 8), at(2, 10))
    assert _refused(room, member, at(2, 14), at(2, 14, 30)) == "quota_hours_per_week"
    assert _book(desk, member, at(2, 8), at(2, 16)).pk
    assert _book(room, member, at(5, 8), at(5, 9)).pk  # next week
