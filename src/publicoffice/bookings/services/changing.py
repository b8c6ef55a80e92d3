"""Changing a booking once made: move or resize it, cancel it, approve or turn it down.

Each runs in one transaction with the space locked first, like making a
booking (a move first looks, before the lock, whether the new time is
plainly taken); time a booking gives back is offered to the waitlist at once
(:func:`publicoffice.bookings.offers.offer_freed_time`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.bookings import policies
from publicoffice.bookings.attempts import (
    bookings_around,
    build_attempt,
    judge,
    log,
    log_lines,
    office_with_hours,
    refuse_if_taken,
    save_guarded,
    validate_inputs,
)
from publicoffice.bookings.checks import MINUTE, Attempt
from publicoffice.bookings.happenings import booking_cancelled, booking_changed, booking_decided
from publicoffice.bookings.models import (
    Booking,
    BookingStatistic,
    BookingStatus,
    LogAction,
    Outcome,
)
from publicoffice.bookings.offers import offer_freed_time
from publicoffice.bookings.rules import Rules
from publicoffice.bookings.services.attendance import (
    ensure_may_change,
    locked_booking,
    record_missed,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import one_line
from publicoffice.core.timeutils import acting_now
from publicoffice.places.facts import Family, fact_changed, facts_changed
from publicoffice.places.models import Office, Space

#: The longest reason for turning a booking down (the log keeps as much).
REASON_MAX = 300


def booking_change(
    *,
    booking: Booking,
    actor: Member | None,
    starts_at: datetime,
    ends_at: datetime,
    attendees: int | None = None,
    purpose: str | None = None,
    override_reason: str = "",
    at: datetime | None = None,
) -> Booking:
    """Move a booking or change its size, under the rules copied when it was made.

    Before the lock, as when making one, one indexed look refuses a range
    someone else already holds (``slot_taken``; it can only refuse). The
    input is validated first, so a bad one gets the same error as before.
    """
    now = acting_now(at)
    ensure_may_change(actor, booking)
    if booking.holds_at(now) and booking.ends_at > now:  # as loaded; judged again under the lock
        early_start, early_end = validate_inputs(
            starts_at=starts_at,
            ends_at=ends_at,
            attendees=booking.attendees if attendees is None else attendees,
            purpose=booking.purpose if purpose is None else one_line(purpose),
            visitor_name=booking.visitor_name,
        )
        refuse_if_taken(booking.space_id, early_start, early_end, now, exclude=booking.pk)
    return _change_under_lock(
        booking=booking,
        actor=actor,
        starts_at=starts_at,
        ends_at=ends_at,
        attendees=attendees,
        purpose=purpose,
        override_reason=override_reason,
        now=now,
    )


@transaction.atomic
def _change_under_lock(
    *,
    booking: Booking,
    actor: Member | None,
    starts_at: datetime,
    ends_at: datetime,
    attendees: int | None,
    purpose: str | None,
    override_reason: str,
    now: datetime,
) -> Booking:
    """Every check of a change, with the space locked, then the save."""
    booking, space = locked_booking(booking)
    if not booking.holds_at(now) or booking.ends_at <= now:
        raise DomainError(ErrorCode.BOOKING_NOT_ACTIVE, _("This booking can no longer be changed."))
    attendees = booking.attendees if attendees is None else attendees
    purpose = booking.purpose if purpose is None else one_line(purpose)
    starts_at, ends_at = validate_inputs(
        starts_at=starts_at,
        ends_at=ends_at,
        attendees=attendees,
        purpose=purpose,
        visitor_name=booking.visitor_name,
    )
    rules = Rules.from_dict(booking.rules)
    office = office_with_hours(space.office)
    attempt = _change_attempt(booking, space, office, rules, starts_at, ends_at, attendees, now)
    overridden = judge(attempt, actor=actor, override_reason=override_reason)
    # What staff approved was the old time and size: a member's change is approved anew.
    if rules.needs_approval and not policies.can_run_bookings(actor, office):
        booking.status = BookingStatus.PENDING
    old_start, old_end = booking.starts_at, booking.ends_at
    _apply_change(booking, rules, attempt.blocked_until, starts_at, ends_at, attendees, purpose)
    save_guarded(booking)
    lines = [(LogAction.CHANGED, "", "")]
    lines += [(LogAction.OVERRIDE, override_reason, r.code) for r in overridden]
    log_lines(booking, actor, lines)
    _update_figures(booking)
    # A booking moved to another day changes the figures of both days.
    facts_changed(
        office_id=booking.office_id, when=[old_start, booking.starts_at], family=Family.BOOKINGS
    )
    booking_changed.publish(booking_id=booking.pk)
    offer_freed_time(space=space, starts_at=old_start, ends_at=old_end, at=now)
    return booking


def _change_attempt(
    booking: Booking,
    space: Space,
    office: Office,
    rules: Rules,
    starts_at: datetime,
    ends_at: datetime,
    attendees: int,
    now: datetime,
) -> Attempt:
    """The moved booking as an attempt: the space's and the member's bookings in
    one read (:func:`bookings_around`, never counting the booking itself), the
    space's missed check-ins recorded first."""
    around = bookings_around(
        space,
        booking.member,
        starts_at=starts_at,
        blocked_until=ends_at + rules.buffer_minutes * MINUTE,
        now=now,
        exclude=booking.pk,
    )
    record_missed(space, around.missed, now)
    return build_attempt(
        space=space,
        office=office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules,
        now=now,
        member=booking.member,
        attendees=attendees,
        exclude=booking.pk,
        others=around.others,
        mine=around.mine,
    )


def _apply_change(
    booking: Booking,
    rules: Rules,
    blocked_until: datetime,
    starts_at: datetime,
    ends_at: datetime,
    attendees: int,
    purpose: str,
) -> None:
    if starts_at != booking.starts_at:
        # A check-in was for the old start; the new one needs its own.
        booking.checked_in_at = None
    booking.starts_at, booking.ends_at = starts_at, ends_at
    booking.blocked_until = blocked_until
    booking.attendees, booking.purpose = attendees, purpose
    window = rules.checkin_window_minutes
    booking.checkin_deadline = starts_at + window * MINUTE if window else None
    booking.sequence += 1


def _update_figures(booking: Booking) -> None:
    figures: dict[str, Any] = {
        "starts_on": timezone.localdate(booking.starts_at),
        "length_minutes": booking.minutes,
        "attendees": booking.attendees,
    }
    if booking.status == BookingStatus.PENDING:
        figures["outcome"] = Outcome.PENDING
    elif booking.checked_in_at is None:
        figures["outcome"] = Outcome.BOOKED
    BookingStatistic.objects.filter(booking=booking).update(**figures)


@transaction.atomic
def booking_cancel(
    *, booking: Booking, actor: Member | None, at: datetime | None = None
) -> Booking:
    """Give the slot back; the first on its waitlist is offered it."""
    now = acting_now(at)
    ensure_may_change(actor, booking)
    booking, space = locked_booking(booking)
    # A missed check-in already released the booking: it stays a no-show in the figures.
    if not booking.holds_at(now):
        raise DomainError(
            ErrorCode.BOOKING_NOT_ACTIVE, _("This booking is already cancelled or over.")
        )
    if booking.ends_at <= now:
        raise DomainError(
            ErrorCode.BOOKING_OVER, _("This booking is over and cannot be cancelled.")
        )
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.sequence += 1
    booking.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
    log(booking, LogAction.CANCELLED, actor)
    BookingStatistic.objects.filter(booking=booking).update(outcome=Outcome.CANCELLED)
    fact_changed(office_id=booking.office_id, when=booking.starts_at, family=Family.BOOKINGS)
    booking_cancelled.publish(booking_id=booking.pk)
    offer_freed_time(space=space, starts_at=booking.starts_at, ends_at=booking.ends_at, at=now)
    return booking


@transaction.atomic
def booking_decide(
    *,
    booking: Booking,
    actor: StaffUser,
    approve: bool,
    reason: str = "",
    at: datetime | None = None,
) -> Booking:
    """Staff approve a pending booking, or turn it down with a reason."""
    now = acting_now(at)
    if not policies.can_run_bookings(actor, booking.office):
        raise DomainError(ErrorCode.BOOKING_NOT_FOUND)
    booking, space = locked_booking(booking)
    if booking.status != BookingStatus.PENDING:
        raise DomainError(ErrorCode.NOT_PENDING, _("This booking is not waiting for approval."))
    reason = one_line(reason)
    if len(reason) > REASON_MAX:
        raise DomainError(
            ErrorCode.TEXT_TOO_LONG,
            _("Keep the reason under 300 characters."),
            field="reason",
            limit=REASON_MAX,
        )
    if approve:
        booking.status = BookingStatus.CONFIRMED
        outcome, action = Outcome.BOOKED, LogAction.APPROVED
    else:
        if not reason:
            raise DomainError(
                ErrorCode.TEXT_MISSING, _("Say why, so the member understands."), field="reason"
            )
        booking.status = BookingStatus.REJECTED
        booking.cancelled_at = now
        outcome, action = Outcome.REJECTED, LogAction.REJECTED
    booking.sequence += 1
    booking.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
    log(booking, action, actor, reason)
    BookingStatistic.objects.filter(booking=booking).update(outcome=outcome)
    fact_changed(office_id=booking.office_id, when=booking.starts_at, family=Family.BOOKINGS)
    booking_decided.publish(booking_id=booking.pk, approved=approve)
    if not approve:
        offer_freed_time(space=space, starts_at=booking.starts_at, ends_at=booking.ends_at, at=now)
    return booking
