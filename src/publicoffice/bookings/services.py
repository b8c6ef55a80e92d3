"""Writes to bookings: create, change, cancel, approve, check in, release no-shows.

Every write that can take a slot runs in one transaction that first locks the
space's row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's write lock is
taken when the transaction begins, see ``transaction_mode`` in settings).
Under that lock it records no-shows the clock has already released, loads
what the checks need, runs them, and inserts. On PostgreSQL the exclusion
constraint ``booking_no_overlap`` is the last line: if anything slipped past
the lock the database refuses and the member gets the same ``slot_taken``.

Time a booking gives back is offered to the waitlist
(:mod:`publicoffice.bookings.waitlist`); what both share lives in
:mod:`publicoffice.bookings.booking_internals`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings import policies
from publicoffice.bookings.booking_internals import (
    acting_now,
    after_commit,
    build_attempt,
    clean_text,
    judge,
    lock_space,
    log,
    office_with_hours,
    save_guarded,
    validate_inputs,
)
from publicoffice.bookings.checks import MINUTE, to_utc
from publicoffice.bookings.models import (
    LONGEST_HOLD,
    Booking,
    BookingLogEntry,
    BookingStatistic,
    BookingStatus,
    LogAction,
    Outcome,
    WaitlistEntry,
)
from publicoffice.bookings.rules import Rules, rules_for
from publicoffice.bookings.waitlist import offer_freed_time
from publicoffice.core.errors import DomainError
from publicoffice.places.models import Office, Space


def _notify(kind: str, booking: Booking) -> None:
    from publicoffice.bookings.notifications import notify_later

    booking_id = booking.pk
    after_commit(lambda: notify_later(kind, booking_id))


# -- bookings ---------------------------------------------------------------


def _release_missed(space: Space, now: datetime) -> list[Booking]:
    """Record the no-shows the clock has released on this space (under its lock)."""
    # Older unmarked ones cannot overlap anything bookable now; the sweep marks them.
    missed = list(
        Booking.objects.filter(space=space, starts_at__gt=now - LONGEST_HOLD).missed_check_in(now)
    )
    for booking in missed:
        booking.status = BookingStatus.NO_SHOW
        booking.save(update_fields=["status", "updated_at"])
        BookingLogEntry.objects.create(booking=booking, action=LogAction.NO_SHOW)
        BookingStatistic.objects.filter(booking=booking).update(outcome=Outcome.NO_SHOW)
        offer_freed_time(space=space, starts_at=booking.starts_at, ends_at=booking.ends_at, at=now)
    return missed


@transaction.atomic
def booking_create(
    *,
    space: Space,
    starts_at: datetime,
    ends_at: datetime,
    member: Any = None,
    visitor_name: str = "",
    attendees: int = 1,
    purpose: str = "",
    actor: Any = None,
    override_reason: str = "",
    at: datetime | None = None,
    waitlist_entry: WaitlistEntry | None = None,
    office_activity: bool = False,
) -> Booking:
    """Book ``space`` for a member, or for a visitor by staff. One transaction.

    ``actor`` is who is booking (the member themself unless staff book on
    someone's behalf). Staff holding the named permission may override a
    rule by giving ``override_reason``; each override is logged.

    ``office_activity`` is the office's own use of a room (an event): any
    staff member who runs the office's bookings may make it, with no member,
    and it needs no check-in, because the hosts answer for it and releasing
    the room mid-event would let someone else book it. The copied rules say
    so, so a later change keeps it that way.
    """
    now = acting_now(at)
    actor = actor if actor is not None else member
    visitor_name = clean_text(visitor_name, 81)
    purpose = clean_text(purpose, 201)
    starts_at, ends_at = validate_inputs(
        starts_at=starts_at,
        ends_at=ends_at,
        attendees=attendees,
        purpose=purpose,
        visitor_name=visitor_name,
    )
    space = lock_space(space)
    office = office_with_hours(space.office)
    on_behalf = member is None or (actor is not None and actor.pk != member.pk)
    if office_activity:
        _ensure_office_activity(actor, office, member)
    elif on_behalf and not policies.can_book_on_behalf(actor, office):
        raise DomainError(
            "not_allowed_on_behalf",
            _("Only staff with permission may book for someone else."),
            status=403,
        )
    if member is None and not visitor_name:
        raise DomainError("visitor_name_missing", _("Give the visitor's name."))
    _release_missed(space, now)
    rules = rules_for(space)
    if office_activity:
        rules = replace(rules, checkin_window_minutes=0)
    attempt = build_attempt(
        space=space,
        office=office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules,
        now=now,
        member=member,
        attendees=attendees,
    )
    if waitlist_entry is not None:
        attempt.extra["holds"] = [h for h in attempt.extra["holds"] if h.pk != waitlist_entry.pk]
    overridden = judge(attempt, actor=actor, override_reason=override_reason)
    staff = policies.can_run_bookings(actor, office)
    status = (
        BookingStatus.PENDING if rules.needs_approval and not staff else BookingStatus.CONFIRMED
    )
    window = rules.checkin_window_minutes
    booking = Booking(
        space=space,
        office=office,
        member=member,
        visitor_name="" if member is not None else visitor_name,
        booked_by=actor if getattr(actor, "is_authenticated", False) else None,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_until=attempt.blocked_until,
        attendees=attendees,
        purpose=purpose,
        status=status,
        checkin_deadline=starts_at + window * MINUTE if window else None,
        rules=rules.as_dict(),
    )
    save_guarded(booking)
    log(booking, LogAction.CREATED, actor)
    for refusal in overridden:
        log(booking, LogAction.OVERRIDE, actor, override_reason, refusal.code)
    BookingStatistic.objects.create(
        booking=booking,
        office=office,
        space_kind=space.kind,
        starts_on=timezone.localdate(starts_at),
        length_minutes=booking.minutes,
        lead_minutes=max(0, int((starts_at - now) / MINUTE)),
        attendees=attendees,
        on_behalf=on_behalf,
        outcome=Outcome.PENDING if status == BookingStatus.PENDING else Outcome.BOOKED,
    )
    _notify("pending" if status == BookingStatus.PENDING else "confirmed", booking)
    return booking


def _ensure_office_activity(actor: Any, office: Office, member: Any) -> None:
    if member is not None or not policies.can_run_bookings(actor, office):
        raise DomainError(
            "not_allowed_office_activity",
            _("Only the office's staff may reserve a room for the office's own activities."),
            status=403,
        )


def _locked_booking(booking: Booking) -> tuple[Booking, Space]:
    space = lock_space(booking.space)
    fresh = Booking.objects.select_related("space", "office", "member").get(pk=booking.pk)
    return fresh, space


def _ensure_may_change(actor: Any, booking: Booking) -> None:
    if not policies.can_change_booking(actor, booking):
        raise DomainError("booking_not_found", _("There is no such booking."), status=404)


@transaction.atomic
def booking_change(
    *,
    booking: Booking,
    actor: Any,
    starts_at: datetime,
    ends_at: datetime,
    attendees: int | None = None,
    purpose: str | None = None,
    override_reason: str = "",
    at: datetime | None = None,
) -> Booking:
    """Move a booking or change its size, under the rules copied when it was made."""
    now = acting_now(at)
    _ensure_may_change(actor, booking)
    booking, space = _locked_booking(booking)
    if not booking.holds_at(now) or booking.ends_at <= now:
        raise DomainError("booking_not_active", _("This booking can no longer be changed."))
    attendees = booking.attendees if attendees is None else attendees
    purpose = booking.purpose if purpose is None else clean_text(purpose, 201)
    starts_at, ends_at = validate_inputs(
        starts_at=starts_at,
        ends_at=ends_at,
        attendees=attendees,
        purpose=purpose,
        visitor_name=booking.visitor_name,
    )
    _release_missed(space, now)
    office = office_with_hours(space.office)
    rules = Rules.from_dict(booking.rules)
    attempt = build_attempt(
        space=space,
        office=office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules,
        now=now,
        member=booking.member,
        attendees=attendees,
        exclude=booking.pk,
    )
    overridden = judge(attempt, actor=actor, override_reason=override_reason)
    # What staff approved was the old time and size: a member's change is approved anew.
    if rules.needs_approval and not policies.can_run_bookings(actor, office):
        booking.status = BookingStatus.PENDING
    old_start, old_end = booking.starts_at, booking.ends_at
    if starts_at != old_start:
        # A check-in was for the old start; the new one needs its own.
        booking.checked_in_at = None
    booking.starts_at, booking.ends_at = starts_at, ends_at
    booking.blocked_until = attempt.blocked_until
    booking.attendees, booking.purpose = attendees, purpose
    window = rules.checkin_window_minutes
    booking.checkin_deadline = starts_at + window * MINUTE if window else None
    booking.sequence += 1
    save_guarded(booking)
    log(booking, LogAction.CHANGED, actor)
    for refusal in overridden:
        log(booking, LogAction.OVERRIDE, actor, override_reason, refusal.code)
    figures: dict[str, Any] = {
        "starts_on": timezone.localdate(starts_at),
        "length_minutes": booking.minutes,
        "attendees": attendees,
    }
    if booking.status == BookingStatus.PENDING:
        figures["outcome"] = Outcome.PENDING
    elif booking.checked_in_at is None:
        figures["outcome"] = Outcome.BOOKED
    BookingStatistic.objects.filter(booking=booking).update(**figures)
    _notify("changed", booking)
    offer_freed_time(space=space, starts_at=old_start, ends_at=old_end, at=now)
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, actor: Any, at: datetime | None = None) -> Booking:
    """Give the slot back; the first on its waitlist is offered it."""
    now = acting_now(at)
    _ensure_may_change(actor, booking)
    booking, space = _locked_booking(booking)
    # A missed check-in already released the booking: it stays a no-show in the figures.
    if not booking.holds_at(now):
        raise DomainError("booking_not_active", _("This booking is already cancelled or over."))
    if booking.ends_at <= now:
        raise DomainError("booking_over", _("This booking is over and cannot be cancelled."))
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.sequence += 1
    booking.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
    log(booking, LogAction.CANCELLED, actor)
    BookingStatistic.objects.filter(booking=booking).update(outcome=Outcome.CANCELLED)
    _notify("cancelled", booking)
    offer_freed_time(space=space, starts_at=booking.starts_at, ends_at=booking.ends_at, at=now)
    return booking


@transaction.atomic
def booking_decide(
    *, booking: Booking, actor: Any, approve: bool, reason: str = "", at: datetime | None = None
) -> Booking:
    """Staff approve a pending booking, or turn it down with a reason."""
    now = acting_now(at)
    if not policies.can_run_bookings(actor, booking.office):
        raise DomainError("booking_not_found", _("There is no such booking."), status=404)
    booking, space = _locked_booking(booking)
    if booking.status != BookingStatus.PENDING:
        raise DomainError("not_pending", _("This booking is not waiting for approval."))
    reason = clean_text(reason, 300)
    if approve:
        booking.status = BookingStatus.CONFIRMED
        outcome, action = Outcome.BOOKED, LogAction.APPROVED
    else:
        if not reason:
            raise DomainError("reason_missing", _("Say why, so the member understands."))
        booking.status = BookingStatus.REJECTED
        booking.cancelled_at = now
        outcome, action = Outcome.REJECTED, LogAction.REJECTED
    booking.sequence += 1
    booking.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
    log(booking, action, actor, reason)
    BookingStatistic.objects.filter(booking=booking).update(outcome=outcome)
    _notify("approved" if approve else "rejected", booking)
    if not approve:
        offer_freed_time(space=space, starts_at=booking.starts_at, ends_at=booking.ends_at, at=now)
    return booking


@transaction.atomic
def booking_check_in(*, booking: Booking, actor: Any, at: datetime | None = None) -> Booking:
    """Confirm the member is here, within the check-in window."""
    now = acting_now(at)
    _ensure_may_change(actor, booking)
    booking, _space = _locked_booking(booking)
    if booking.checked_in_at is not None:
        return booking
    if not booking.can_check_in(now):
        # Marked a no-show already (someone took the slot), or only by the clock.
        if booking.status == BookingStatus.NO_SHOW or booking.missed_check_in(now):
            raise DomainError(
                "checkin_missed",
                _("The check-in time has passed and the booking was released."),
            )
        raise DomainError(
            "checkin_not_open", _("You can check in from 15 minutes before the start.")
        )
    booking.checked_in_at = now
    booking.save(update_fields=["checked_in_at", "updated_at"])
    log(booking, LogAction.CHECKED_IN, actor)
    BookingStatistic.objects.filter(booking=booking).update(outcome=Outcome.ATTENDED)
    return booking


def check_in_arriving_member(*, member: Any, office: Office, at: datetime) -> list[Booking]:
    """A member checked in at the office: check in their bookings that are due."""
    at = to_utc(at)
    due = Booking.objects.filter(
        member=member, office=office, status=BookingStatus.CONFIRMED, checked_in_at__isnull=True
    ).filter(
        starts_at__lte=at + timedelta(minutes=15),
        ends_at__gt=at,
    )
    done = []
    for booking in due:
        if booking.can_check_in(at):
            done.append(booking_check_in(booking=booking, actor=member, at=at))
    return done


def release_no_shows(*, at: datetime | None = None) -> int:
    """Record every no-show the clock has released and offer the time on.

    Availability never waits for this: a missed check-in frees the slot at
    once. This keeps the statistics, log and waitlist offers current.
    """
    now = acting_now(at)
    released = 0
    space_ids = set(
        Booking.objects.missed_check_in(now).values_list("space_id", flat=True).distinct()
    )
    for space_id in space_ids:
        with transaction.atomic():
            space = lock_space(Space(pk=space_id))
            released += len(_release_missed(space, now))
    return released


# -- calendar feed ------------------------------------------------------------


def calendar_feed_renew(*, member: Any) -> str:
    """A new secret address for the member's calendar; the old one stops working."""
    import secrets

    from publicoffice.bookings.models import CalendarFeed

    token = secrets.token_urlsafe(24)
    CalendarFeed.objects.update_or_create(member=member, defaults={"token": token})
    return token
