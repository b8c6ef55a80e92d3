"""The booking services: create, on behalf, overrides, approval, change, cancel, check-in.

Time is frozen on Wednesday 25 November 2026 at 08:00 (see ``conftest``);
``at(1, 10)`` is tomorrow at 10:00.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from publicoffice.bookings.models import (
    Booking,
    BookingLogEntry,
    BookingRule,
    BookingStatistic,
    BookingStatus,
    LogAction,
    Outcome,
)
from publicoffice.bookings.rules import rules_for
from publicoffice.bookings.services import (
    booking_cancel,
    booking_change,
    booking_check_in,
    booking_create,
    booking_decide,
    release_no_shows,
)
from publicoffice.core.errors import DomainError
from publicoffice.visits.models import Source
from publicoffice.visits.services import visit_check_in
from tests.bookings.conftest import at
from tests.factories import SpaceFactory

MINUTE = timedelta(minutes=1)


def book(space: Any, member: Any, starts_at: datetime, ends_at: datetime, **kwargs: Any) -> Booking:
    return booking_create(
        space=space, member=member, starts_at=starts_at, ends_at=ends_at, **kwargs
    )


def refused(call: Any, **kwargs: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(**kwargs)
    return caught.value


def counts() -> tuple[int, int, int]:
    return (
        Booking.objects.count(),
        BookingLogEntry.objects.count(),
        BookingStatistic.objects.count(),
    )


@pytest.fixture
def second_room(office):
    return SpaceFactory(office=office, name="Mötesrum Alm", kind="meeting_room", capacity=4)


# -- create ----------------------------------------------------------------------


def test_member_books_a_room(frozen, room, member):
    booking = book(room, member, at(1, 10), at(1, 11), attendees=3, purpose="Läxhjälp")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert (booking.space, booking.office, booking.member) == (room, room.office, member)
    assert booking.booked_by == member
    assert booking.starts_at == at(1, 10)
    assert booking.blocked_until == at(1, 11)  # no buffer for meeting rooms
    assert booking.checkin_deadline == at(1, 10, 15)
    assert booking.rules == rules_for(room).as_dict()
    assert booking.minutes == 60
    assert list(booking.log.values_list("action", flat=True)) == [LogAction.CREATED]


def test_statistic_row_has_the_figures_and_outlives_the_member(frozen, room, member):
    booking = book(room, member, at(1, 10), at(1, 11, 30), attendees=2)
    stat = BookingStatistic.objects.get(booking=booking)
    assert stat.office == room.office
    assert stat.space_kind == "meeting_room"
    assert stat.starts_on == at(1, 10).date()
    assert stat.length_minutes == 90
    assert stat.lead_minutes == 26 * 60  # booked Wednesday 08:00 for Thursday 10:00
    assert stat.attendees == 2
    assert stat.on_behalf is False
    assert stat.outcome == Outcome.BOOKED

    member.delete()
    assert not Booking.objects.filter(pk=booking.pk).exists()
    stat.refresh_from_db()
    assert stat.booking is None
    assert (stat.length_minutes, stat.outcome) == (90, Outcome.BOOKED)


def test_host_books_on_behalf_of_a_member_and_of_a_visitor(frozen, room, member, host):
    for_member = book(room, member, at(1, 10), at(1, 11), actor=host)
    assert for_member.member == member
    assert for_member.booked_by == host
    assert BookingStatistic.objects.get(booking=for_member).on_behalf is True

    for_visitor = book(room, None, at(1, 12), at(1, 13), actor=host, visitor_name="  Sara  ")
    assert for_visitor.member is None
    assert for_visitor.visitor_name == "Sara"
    assert for_visitor.who == "Sara"
    assert BookingStatistic.objects.get(booking=for_visitor).on_behalf is True


def test_a_visitor_needs_a_name(frozen, room, host):
    error = refused(
        booking_create,
        space=room,
        member=None,
        actor=host,
        visitor_name="   ",
        starts_at=at(1, 10),
        ends_at=at(1, 11),
    )
    assert error.code == "text_missing"
    assert error.details["field"] == "visitor_name"
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize("who", ["plain_host", "other_member"])
def test_booking_for_someone_else_needs_the_permission(frozen, room, member, who, request):
    actor = request.getfixturevalue(who)
    for target in (member, None):
        error = refused(
            booking_create,
            space=room,
            member=target,
            actor=actor,
            visitor_name="Sara",
            starts_at=at(1, 10),
            ends_at=at(1, 11),
        )
        assert error.code == "not_allowed_on_behalf"
        assert error.status == 403
    assert counts() == (0, 0, 0)


def test_an_office_activity_is_booked_by_any_host_and_needs_no_check_in(frozen, room, plain_host):
    booking = booking_create(
        space=room,
        actor=plain_host,
        visitor_name="Språkcafé",
        starts_at=at(1, 10),
        ends_at=at(1, 11),
        office_activity=True,
    )
    assert booking.member is None
    assert booking.checkin_deadline is None
    assert booking.rules["checkin_window_minutes"] == 0
    moved = booking_change(
        booking=booking, actor=plain_host, starts_at=at(1, 12), ends_at=at(1, 13)
    )
    assert moved.checkin_deadline is None
    # Long after its start, nobody having checked in, it still holds the room.
    assert moved.holds_at(at(1, 12, 45))


@pytest.mark.parametrize("who", ["member", "other_member"])
def test_only_staff_book_an_office_activity(frozen, room, member, who, request):
    actor = request.getfixturevalue(who)
    for target in (None, actor):
        error = refused(
            booking_create,
            space=room,
            member=target,
            actor=actor,
            visitor_name="Språkcafé",
            starts_at=at(1, 10),
            ends_at=at(1, 11),
            office_activity=True,
        )
        assert error.code == "not_allowed_office_activity"
        assert error.status == 403
    assert counts() == (0, 0, 0)


def test_an_inactive_account_may_not_book(frozen, room, member):
    member.is_active = False
    member.save()
    error = refused(book, space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    assert error.code == "not_a_member"
    assert error.status == 403
    assert counts() == (0, 0, 0)


def test_the_first_refusal_is_raised_with_all_codes(frozen, room, member):
    error = refused(
        book, space=room, member=member, starts_at=at(3, 7, 15), ends_at=at(3, 13), attendees=9
    )
    assert error.code == "not_on_slot"
    assert error.details["refusals"] == [
        "not_on_slot",
        "booking_too_long",
        "outside_opening_hours",
        "too_many_attendees",
        "quota_hours_per_day",
    ]
    assert error.status == 400


def test_a_taken_slot_is_a_conflict(frozen, room, member, other_member):
    book(room, member, at(1, 10), at(1, 11))
    before = counts()
    error = refused(
        book, space=room, member=other_member, starts_at=at(1, 10, 30), ends_at=at(1, 12)
    )
    assert (error.code, error.status) == ("slot_taken", 409)
    assert counts() == before
    assert book(room, other_member, at(1, 11), at(1, 12)).pk  # half-open: 11:00 is free


def test_the_buffer_of_the_rules_is_kept_free(frozen, room, member, other_member):
    BookingRule.objects.create(space=room, buffer_minutes=15)
    first = book(room, member, at(1, 10), at(1, 11))
    assert first.blocked_until == at(1, 11, 15)
    error = refused(book, space=room, member=other_member, starts_at=at(1, 11), ends_at=at(1, 12))
    assert error.code == "slot_taken"
    # 11:15 is past the buffer: the next whole slot, 11:30, is free.
    assert book(room, other_member, at(1, 11, 30), at(1, 12)).pk


# -- overrides --------------------------------------------------------------------


def test_host_overrides_a_rule_with_a_reason_and_it_is_logged(frozen, room, member, host):
    booking = book(
        room,
        member,
        at(1, 19),
        at(1, 21),
        actor=host,
        override_reason="Föreningsmöte, nyckel lånad",
    )
    overrides = BookingLogEntry.objects.filter(booking=booking, action=LogAction.OVERRIDE)
    assert [(o.rule_code, o.reason, o.actor) for o in overrides] == [
        ("outside_opening_hours", "Föreningsmöte, nyckel lånad", host)
    ]


def test_overriding_several_rules_logs_each(frozen, room, member, host):
    booking = book(room, member, at(1, 8), at(1, 13), actor=host, override_reason="Heldag")
    codes = set(
        BookingLogEntry.objects.filter(booking=booking, action=LogAction.OVERRIDE).values_list(
            "rule_code", flat=True
        )
    )
    assert codes == {"booking_too_long", "quota_hours_per_day"}


def test_no_override_without_a_reason(frozen, room, member, host):
    error = refused(
        book, space=room, member=member, starts_at=at(1, 19), ends_at=at(1, 21), actor=host
    )
    assert error.code == "outside_opening_hours"
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize("who", ["plain_host", "member"])
def test_no_override_without_the_permission(frozen, room, who, request):
    person = request.getfixturevalue(who)
    error = refused(
        book,
        space=room,
        member=person,
        starts_at=at(1, 19),
        ends_at=at(1, 21),
        override_reason="Jag vill",
    )
    assert error.code == "outside_opening_hours"
    assert counts() == (0, 0, 0)


def test_a_taken_slot_cannot_be_overridden(frozen, room, member, other_member, host):
    book(room, other_member, at(1, 10), at(1, 11))
    before = counts()
    error = refused(
        book,
        space=room,
        member=member,
        starts_at=at(1, 10),
        ends_at=at(1, 11),
        actor=host,
        override_reason="Viktigt",
    )
    assert error.code == "slot_taken"
    assert counts() == before
    assert not BookingLogEntry.objects.filter(action=LogAction.OVERRIDE).exists()


# -- rules copied onto the booking ---------------------------------------------------


def test_rules_are_copied_and_a_change_uses_the_copy(frozen, room, member, other_member):
    booking = book(room, member, at(1, 10), at(1, 12))
    BookingRule.objects.create(space=room, max_minutes=60, buffer_minutes=30)
    booking.refresh_from_db()
    assert booking.rules["max_minutes"] == 240
    assert booking.rules["buffer_minutes"] == 0

    changed = booking_change(booking=booking, actor=member, starts_at=at(1, 10), ends_at=at(1, 13))
    assert changed.ends_at == at(1, 13)
    assert changed.blocked_until == at(1, 13)  # the copied buffer
    assert changed.sequence == 1
    assert changed.rules["max_minutes"] == 240

    # A new booking follows the new rules.
    error = refused(book, space=room, member=other_member, starts_at=at(2, 10), ends_at=at(2, 12))
    assert error.code == "booking_too_long"


# -- approval -------------------------------------------------------------------------


def test_a_hall_booked_by_a_member_waits_for_approval(frozen, hall, member, host):
    booking = book(hall, member, at(2, 10), at(2, 12))
    assert booking.status == BookingStatus.PENDING
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.PENDING
    staff_booking = book(hall, host, at(2, 14), at(2, 16))
    assert staff_booking.status == BookingStatus.CONFIRMED


def test_a_hall_needs_two_days_notice(frozen, hall, member):
    error = refused(book, space=hall, member=member, starts_at=at(1, 10), ends_at=at(1, 12))
    assert error.code == "too_soon"
    assert book(hall, member, at(2, 8), at(2, 10)).status == BookingStatus.PENDING


def test_staff_approve(frozen, hall, member, host):
    booking = book(hall, member, at(2, 10), at(2, 12))
    approved = booking_decide(booking=booking, actor=host, approve=True)
    assert approved.status == BookingStatus.CONFIRMED
    assert approved.sequence == 1
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.BOOKED
    assert booking.log.filter(action=LogAction.APPROVED, actor=host).exists()
    error = refused(booking_decide, booking=booking, actor=host, approve=True)
    assert error.code == "not_pending"


def test_staff_reject_with_a_reason_and_the_time_is_free_again(
    frozen, hall, member, other_member, host
):
    booking = book(hall, member, at(2, 10), at(2, 12))
    error = refused(booking_decide, booking=booking, actor=host, approve=False, reason="  ")
    assert error.code == "text_missing"
    assert error.details["field"] == "reason"
    rejected = booking_decide(booking=booking, actor=host, approve=False, reason="Stängt för möte")
    assert rejected.status == BookingStatus.REJECTED
    assert rejected.cancelled_at is not None
    assert booking.log.get(action=LogAction.REJECTED).reason == "Stängt för möte"
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.REJECTED
    assert book(hall, other_member, at(2, 10), at(2, 12)).pk


@pytest.mark.parametrize("who", ["member", "other_member"])
def test_only_staff_decide(frozen, hall, member, other_member, who, request):
    booking = book(hall, member, at(2, 10), at(2, 12))
    error = refused(
        booking_decide, booking=booking, actor=request.getfixturevalue(who), approve=True
    )
    assert (error.code, error.status) == ("booking_not_found", 404)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING
    assert not booking.log.filter(action=LogAction.APPROVED).exists()


# -- change and cancel ----------------------------------------------------------------


def test_member_moves_their_booking(frozen, room, member):
    booking = book(room, member, at(1, 10), at(1, 11))
    # Moving onto its own old time is no clash.
    moved = booking_change(
        booking=booking, actor=member, starts_at=at(1, 10, 30), ends_at=at(1, 11, 30), attendees=4
    )
    moved.refresh_from_db()
    assert (moved.starts_at, moved.ends_at, moved.attendees) == (at(1, 10, 30), at(1, 11, 30), 4)
    assert moved.checkin_deadline == at(1, 10, 45)
    assert BookingStatistic.objects.get(booking=booking).length_minutes == 60
    assert booking.log.filter(action=LogAction.CHANGED).count() == 1


def test_change_is_checked_like_a_new_booking(frozen, room, member, other_member):
    booking = book(room, member, at(1, 10), at(1, 11))
    book(room, other_member, at(1, 12), at(1, 13))
    before = Booking.objects.get(pk=booking.pk)
    error = refused(
        booking_change, booking=booking, actor=member, starts_at=at(1, 11), ends_at=at(1, 12, 30)
    )
    assert error.code == "slot_taken"
    after = Booking.objects.get(pk=booking.pk)
    assert (after.starts_at, after.ends_at, after.sequence) == (
        before.starts_at,
        before.ends_at,
        before.sequence,
    )


def test_nobody_else_may_change_or_cancel_a_booking(frozen, room, member, other_member):
    booking = book(room, member, at(1, 10), at(1, 11))
    error = refused(
        booking_change,
        booking=booking,
        actor=other_member,
        starts_at=at(1, 12),
        ends_at=at(1, 13),
    )
    assert (error.code, error.status) == ("booking_not_found", 404)
    error = refused(booking_cancel, booking=booking, actor=other_member)
    assert (error.code, error.status) == ("booking_not_found", 404)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.starts_at == at(1, 10)


def test_staff_of_the_office_may_change(frozen, room, member, plain_host):
    booking = book(room, member, at(1, 10), at(1, 11))
    moved = booking_change(
        booking=booking, actor=plain_host, starts_at=at(1, 14), ends_at=at(1, 15)
    )
    assert moved.starts_at == at(1, 14)


def test_cancel_frees_the_time(frozen, room, member, other_member):
    booking = book(room, member, at(1, 10), at(1, 11))
    cancelled = booking_cancel(booking=booking, actor=member)
    assert cancelled.status == BookingStatus.CANCELLED
    assert cancelled.cancelled_at == at(0, 8)
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.CANCELLED
    assert booking.log.filter(action=LogAction.CANCELLED, actor=member).exists()
    assert book(room, other_member, at(1, 10), at(1, 11)).pk
    error = refused(booking_cancel, booking=booking, actor=member)
    assert error.code == "booking_not_active"


def test_a_missed_check_in_cannot_be_cancelled_away(frozen, room, member):
    """Cancelling after the deadline would hide the no-show from the figures."""
    booking = book(room, member, at(0, 10), at(0, 11))
    frozen.move_to(at(0, 10, 20))
    assert refused(booking_cancel, booking=booking, actor=member).code == "booking_not_active"
    assert release_no_shows() == 1
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.NO_SHOW


def test_a_member_change_to_an_approved_hall_booking_is_approved_anew(frozen, hall, member, host):
    booking = book(hall, member, at(2, 10), at(2, 12))
    booking_decide(booking=booking, actor=host, approve=True)
    changed = booking_change(booking=booking, actor=member, starts_at=at(2, 10), ends_at=at(2, 16))
    assert changed.status == BookingStatus.PENDING
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.PENDING
    booking_decide(booking=booking, actor=host, approve=True)
    by_staff = booking_change(booking=booking, actor=host, starts_at=at(2, 9), ends_at=at(2, 16))
    assert by_staff.status == BookingStatus.CONFIRMED
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.BOOKED


def test_a_change_keeps_the_attended_outcome(frozen, room, member):
    booking = book(room, member, at(0, 8), at(0, 9))
    booking_check_in(booking=booking, actor=member)
    booking_change(booking=booking, actor=member, starts_at=at(0, 8), ends_at=at(0, 10))
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.ATTENDED


def test_moving_the_start_asks_for_a_new_check_in(frozen, room, member):
    booking = book(room, member, at(0, 8), at(0, 9))
    booking_check_in(booking=booking, actor=member)
    moved = booking_change(booking=booking, actor=member, starts_at=at(0, 14), ends_at=at(0, 15))
    assert moved.checked_in_at is None
    assert moved.checkin_deadline == at(0, 14, 15)
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.BOOKED


def test_a_booking_that_is_over_cannot_be_cancelled(frozen, room, member):
    booking = book(room, member, at(0, 8), at(0, 9))
    booking_check_in(booking=booking, actor=member)
    frozen.move_to(at(0, 9))
    assert refused(booking_cancel, booking=booking, actor=member).code == "booking_over"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


# -- check-in and no-shows --------------------------------------------------------------


def test_check_in_window(frozen, room, member):
    booking = book(room, member, at(0, 10), at(0, 11))
    frozen.move_to(at(0, 9, 44))
    assert refused(booking_check_in, booking=booking, actor=member).code == "checkin_not_open"
    frozen.move_to(at(0, 9, 45))
    checked = booking_check_in(booking=booking, actor=member)
    assert checked.checked_in_at == at(0, 9, 45)
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.ATTENDED
    assert booking.log.filter(action=LogAction.CHECKED_IN).count() == 1
    # Checking in twice is harmless.
    assert booking_check_in(booking=booking, actor=member).checked_in_at == at(0, 9, 45)
    assert booking.log.filter(action=LogAction.CHECKED_IN).count() == 1


def test_check_in_closes_at_the_deadline(frozen, room, member):
    booking = book(room, member, at(0, 10), at(0, 11))
    frozen.move_to(at(0, 10, 15) - timedelta(microseconds=1))
    assert booking_check_in(booking=booking, actor=member).checked_in_at is not None

    late = book(room, member, at(0, 12), at(0, 13))
    frozen.move_to(at(0, 12, 15))
    assert refused(booking_check_in, booking=late, actor=member).code == "checkin_missed"


def test_nobody_else_checks_in_for_a_member(frozen, room, member, other_member):
    booking = book(room, member, at(0, 8), at(0, 9))
    error = refused(booking_check_in, booking=booking, actor=other_member)
    assert (error.code, error.status) == ("booking_not_found", 404)
    booking.refresh_from_db()
    assert booking.checked_in_at is None
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.BOOKED


def test_a_missed_check_in_frees_the_slot_at_once_without_any_job(
    frozen, room, member, other_member
):
    booking = book(room, member, at(0, 10), at(0, 11))
    frozen.move_to(at(0, 10, 14))
    error = refused(book, space=room, member=other_member, starts_at=at(0, 10), ends_at=at(0, 11))
    assert error.code == "slot_taken"

    frozen.move_to(at(0, 10, 15))  # the deadline: released by the clock
    taken_over = book(room, other_member, at(0, 10), at(0, 11))
    assert taken_over.status == BookingStatus.CONFIRMED

    booking.refresh_from_db()
    assert booking.status == BookingStatus.NO_SHOW
    assert BookingStatistic.objects.get(booking=booking).outcome == Outcome.NO_SHOW
    assert booking.log.filter(action=LogAction.NO_SHOW).count() == 1
    # Too late for the first member now, and they are told so.
    assert refused(booking_check_in, booking=booking, actor=member).code == "checkin_missed"


def test_release_no_shows_marks_them(frozen, room, second_room, desk, member, other_member):
    missed_room = book(room, member, at(0, 8), at(0, 9))
    missed_desk = book(desk, other_member, at(0, 8), at(0, 10))
    attended = book(second_room, other_member, at(0, 8), at(0, 9))
    booking_check_in(booking=attended, actor=other_member)
    BookingRule.objects.create(space=second_room, checkin_window_minutes=0)
    no_check_in_needed = book(second_room, member, at(0, 9), at(0, 10))
    assert no_check_in_needed.checkin_deadline is None
    later = book(room, other_member, at(0, 10), at(0, 11))

    frozen.move_to(at(0, 9, 59))  # the desk's window is 30 minutes, the room's 15
    assert release_no_shows() == 2
    for booking, status in [
        (missed_room, BookingStatus.NO_SHOW),
        (missed_desk, BookingStatus.NO_SHOW),
        (attended, BookingStatus.CONFIRMED),
        (no_check_in_needed, BookingStatus.CONFIRMED),
        (later, BookingStatus.CONFIRMED),
    ]:
        booking.refresh_from_db()
        assert booking.status == status, booking
    outcomes = dict(BookingStatistic.objects.values_list("booking_id", "outcome"))
    assert outcomes[missed_room.pk] == outcomes[missed_desk.pk] == Outcome.NO_SHOW
    assert outcomes[attended.pk] == Outcome.ATTENDED
    assert release_no_shows() == 0


def test_member_check_in_at_the_office_checks_in_the_due_booking(
    frozen, office, room, desk, member, other_member, django_capture_on_commit_callbacks
):
    due = book(room, member, at(0, 8, 30), at(0, 9, 30))
    later = book(desk, member, at(0, 11), at(0, 12))
    someone_elses = book(desk, other_member, at(0, 8, 30), at(0, 9))
    frozen.move_to(at(0, 8, 20))
    with django_capture_on_commit_callbacks(execute=True):
        visit_check_in(office=office, source=Source.MEMBER, member=member)
    due.refresh_from_db()
    later.refresh_from_db()
    someone_elses.refresh_from_db()
    assert due.checked_in_at == at(0, 8, 20)
    assert BookingStatistic.objects.get(booking=due).outcome == Outcome.ATTENDED
    assert later.checked_in_at is None
    assert someone_elses.checked_in_at is None


# -- bad input ----------------------------------------------------------------------------


def test_naive_datetimes_are_a_bug(frozen, room, member):
    naive = datetime(2026, 11, 26, 10, 0)
    with pytest.raises(ValueError, match="naive"):
        book(room, member, naive, naive + timedelta(hours=1))
    with pytest.raises(ValueError, match="naive"):
        book(room, member, at(1, 10), naive + timedelta(hours=1))
    assert counts() == (0, 0, 0)


def test_no_booking_lasts_longer_than_two_weeks_even_for_staff(frozen, room, host):
    with pytest.raises(DomainError) as refused:
        booking_create(
            space=room,
            member=None,
            visitor_name="Kursen",
            actor=host,
            override_reason="Lång kurs",
            starts_at=at(1, 10),
            ends_at=at(15, 10) + timedelta(minutes=30),
        )
    assert refused.value.code == "booking_too_long"
    assert counts() == (0, 0, 0)


def test_purpose_length(frozen, room, member):
    error = refused(
        book, space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11), purpose="x" * 201
    )
    assert error.code == "text_too_long"
    assert error.details == {"field": "purpose", "limit": 200}
    assert counts() == (0, 0, 0)
    assert len(book(room, member, at(1, 10), at(1, 11), purpose="x" * 200).purpose) == 200


@pytest.mark.parametrize(
    "purpose",
    [
        '<script>alert("x")</script> & <b>möte</b>',
        "اجتماع جمعية الحي",
        "Fika 🎉☕ för alla 👩🏽‍💻",
    ],
)
def test_purpose_is_stored_as_plain_text(frozen, room, member, purpose):
    booking = book(room, member, at(1, 10), at(1, 11), purpose=purpose)
    booking.refresh_from_db()
    assert booking.purpose == purpose


def test_control_characters_are_dropped_before_the_database(frozen, room, member):
    # PostgreSQL refuses NUL in text; a bell or a line break is never meant.
    booking = book(room, member, at(1, 10), at(1, 11), purpose="Möte\x00 om\x07\n läxor\t")
    booking.refresh_from_db()
    assert booking.purpose == "Möte om läxor"


def test_other_datetimes_zones_are_the_same_instants(frozen, room, member, other_member):
    book(room, member, at(1, 10), at(1, 11))
    utc_start = at(1, 10, 30).astimezone(UTC)
    error = refused(
        book,
        space=room,
        member=other_member,
        starts_at=utc_start,
        ends_at=utc_start + timedelta(hours=1),
    )
    assert error.code == "slot_taken"


def test_nothing_is_saved_after_a_refusal(frozen, room, member, other_member):
    book(room, member, at(1, 10), at(1, 11))
    before = counts()
    for kwargs in (
        dict(starts_at=at(1, 10), ends_at=at(1, 11)),
        dict(starts_at=at(1, 12), ends_at=at(1, 11)),
        dict(starts_at=at(1, 12), ends_at=at(1, 13), attendees=0),
        dict(starts_at=at(-1, 12), ends_at=at(-1, 13)),
    ):
        with pytest.raises(DomainError):
            book(room, other_member, **kwargs)
    assert counts() == before
