"""Making a booking: for a member, for a visitor by staff, or for the office's own use.

First, outside any transaction, one indexed look for a booking already
holding the slot (:func:`~publicoffice.bookings.attempts.refuse_if_taken`):
it can only refuse, so in a pile-up the many who come second are told
``slot_taken`` in milliseconds, without queueing for the lock (on SQLite,
without waiting in ``BEGIN IMMEDIATE``'s busy handler).

The rest runs in one transaction that first locks the space's row
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's write lock is taken when
the transaction begins, see ``transaction_mode`` in settings). Under that
lock it looks at the space's bookings near the range first (who queued
behind the winner leaves at once), records no-shows the clock has already
released, loads what the other checks need, runs every check, and inserts.
On PostgreSQL the exclusion constraint ``booking_no_overlap`` is the last
line: if anything slipped past the lock the database refuses and the member
gets the same ``slot_taken``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.bookings import policies
from publicoffice.bookings.attempts import (
    bookings_around,
    build_attempt,
    judge,
    lock_space,
    log_lines,
    office_with_hours,
    refuse_early_if_taken,
    refuse_if_taken,
    save_guarded,
    validate_inputs,
)
from publicoffice.bookings.checks import MINUTE, Attempt, Refusal
from publicoffice.bookings.happenings import booking_created
from publicoffice.bookings.models import (
    Booking,
    BookingStatistic,
    BookingStatus,
    LogAction,
    Outcome,
    WaitlistEntry,
)
from publicoffice.bookings.rules import Rules, rules_for
from publicoffice.bookings.services.attendance import record_missed
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import one_line
from publicoffice.core.timeutils import acting_now
from publicoffice.places.facts import Family, fact_changed
from publicoffice.places.models import Office, Space


@dataclass(frozen=True)
class Wanted:
    """The booking asked for, its input cleaned, under the rules it will copy."""

    space: Space
    office: Office
    rules: Rules
    member: Member | None
    actor: Member | None
    starts_at: datetime
    ends_at: datetime
    attendees: int
    purpose: str
    visitor_name: str


def booking_create(
    *,
    space: Space,
    starts_at: datetime,
    ends_at: datetime,
    member: Member | None = None,
    visitor_name: str = "",
    attendees: int = 1,
    purpose: str = "",
    actor: Member | None = None,
    override_reason: str = "",
    at: datetime | None = None,
    waitlist_entry: WaitlistEntry | None = None,
    office_activity: bool = False,
) -> Booking:
    """Book ``space`` for a member, or for a visitor by staff. One transaction.

    ``actor`` is who is booking (the member themself unless staff book on
    someone's behalf). Staff holding the named permission may override a
    rule by giving ``override_reason``; each override is logged.

    ``office_activity`` is the office's own use of a room (an event), made by
    its staff with no member. It needs no check-in (the hosts answer for it;
    releasing the room mid-event would let someone else book it), and the
    copied rules say so, so a later change keeps it that way.
    """
    now = acting_now(at)
    actor = actor if actor is not None else member
    visitor_name, purpose = one_line(visitor_name), one_line(purpose)
    starts_at, ends_at = validate_inputs(
        starts_at=starts_at,
        ends_at=ends_at,
        attendees=attendees,
        purpose=purpose,
        visitor_name=visitor_name,
    )
    on_behalf = _ensure_may_book_for(
        actor, member, space, office_activity=office_activity, visitor_name=visitor_name
    )
    refuse_if_taken(space.pk, starts_at, ends_at, now)
    with transaction.atomic():
        space = lock_space(space)
        wanted = Wanted(
            space=space,
            office=space.office,
            rules=_rules_for_booking(space, office_activity=office_activity),
            member=member,
            actor=actor,
            starts_at=starts_at,
            ends_at=ends_at,
            attendees=attendees,
            purpose=purpose,
            visitor_name=visitor_name,
        )
        attempt = _attempt(wanted, now=now, waitlist_entry=waitlist_entry)
        overridden = judge(attempt, actor=actor, override_reason=override_reason)
        booking = _new_booking(wanted, blocked_until=attempt.blocked_until)
        save_guarded(booking)
        _record_new(booking, actor, overridden, override_reason, now=now, on_behalf=on_behalf)
    return booking


def _ensure_may_book_for(
    actor: Member | None,
    member: Member | None,
    space: Space,
    *,
    office_activity: bool,
    visitor_name: str,
) -> bool:
    """Refuse who may not book this way; say whether someone books for another.

    Asked before anything is locked or loaded; the space's office is looked
    at only when someone books for another or for the office.
    """
    on_behalf = member is None or (actor is not None and actor.pk != member.pk)
    if office_activity:
        _ensure_office_activity(actor, space.office, member)
    elif on_behalf and not policies.can_book_on_behalf(actor, space.office):
        raise DomainError(
            ErrorCode.NOT_ALLOWED_ON_BEHALF,
            _("Only staff with permission may book for someone else."),
        )
    if member is None and not visitor_name:
        raise DomainError(
            ErrorCode.TEXT_MISSING, _("Give the visitor's name."), field="visitor_name"
        )
    return on_behalf


def _ensure_office_activity(actor: StaffUser | None, office: Office, member: Member | None) -> None:
    if member is not None or not policies.can_run_bookings(actor, office):
        raise DomainError(
            ErrorCode.NOT_ALLOWED_OFFICE_ACTIVITY,
            _("Only the office's staff may reserve a room for the office's own activities."),
        )


def _attempt(wanted: Wanted, *, now: datetime, waitlist_entry: WaitlistEntry | None) -> Attempt:
    """What the checks need; the offer held for this very member does not stop them.

    Under the lock, one read brings the space's bookings near the range, its
    missed check-ins and the member's bookings for the quota; a taken slot is
    refused from it before the hours, conduct and waitlist are loaded or a
    no-show recorded, so who queued behind the winner of a pile-up leaves at once.
    """
    blocked_until = wanted.ends_at + wanted.rules.buffer_minutes * MINUTE
    around = bookings_around(
        wanted.space,
        wanted.member,
        starts_at=wanted.starts_at,
        blocked_until=blocked_until,
        now=now,
    )
    refuse_early_if_taken(
        Attempt(
            space=wanted.space,
            office=wanted.office,
            starts_at=wanted.starts_at,
            ends_at=wanted.ends_at,
            rules=wanted.rules,
            now=now,
            others=around.others,
        )
    )
    office_with_hours(wanted.office)
    record_missed(wanted.space, around.missed, now)
    attempt = build_attempt(
        space=wanted.space,
        office=wanted.office,
        starts_at=wanted.starts_at,
        ends_at=wanted.ends_at,
        rules=wanted.rules,
        now=now,
        member=wanted.member,
        attendees=wanted.attendees,
        others=around.others,
        mine=around.mine,
    )
    if waitlist_entry is not None:
        attempt.extra["holds"] = [h for h in attempt.extra["holds"] if h.pk != waitlist_entry.pk]
    return attempt


def _rules_for_booking(space: Space, *, office_activity: bool) -> Rules:
    """The rules copied onto the booking; the office's own use needs no check-in."""
    rules = rules_for(space)
    return replace(rules, checkin_window_minutes=0) if office_activity else rules


def _new_booking(wanted: Wanted, *, blocked_until: datetime) -> Booking:
    """The unsaved booking; pending when the rules want staff to approve a member's."""
    rules, member, actor = wanted.rules, wanted.member, wanted.actor
    pending = rules.needs_approval and not policies.can_run_bookings(actor, wanted.office)
    window = rules.checkin_window_minutes
    return Booking(
        space=wanted.space,
        office=wanted.office,
        member=member,
        visitor_name="" if member is not None else wanted.visitor_name,
        booked_by=actor if actor is not None and actor.is_authenticated else None,
        starts_at=wanted.starts_at,
        ends_at=wanted.ends_at,
        blocked_until=blocked_until,
        attendees=wanted.attendees,
        purpose=wanted.purpose,
        status=BookingStatus.PENDING if pending else BookingStatus.CONFIRMED,
        checkin_deadline=wanted.starts_at + window * MINUTE if window else None,
        rules=rules.as_dict(),
    )


def _record_new(
    booking: Booking,
    actor: Member | None,
    overridden: list[Refusal],
    override_reason: str,
    *,
    now: datetime,
    on_behalf: bool,
) -> None:
    """The log lines (made, and each override), the figures without the person, and
    the news for whoever listens (after the commit)."""
    lines = [(LogAction.CREATED, "", "")]
    lines += [(LogAction.OVERRIDE, override_reason, r.code) for r in overridden]
    log_lines(booking, actor, lines)
    pending = booking.status == BookingStatus.PENDING
    BookingStatistic.objects.create(
        booking=booking,
        office=booking.office,
        space_kind=booking.space.kind,
        starts_on=timezone.localdate(booking.starts_at),
        length_minutes=booking.minutes,
        lead_minutes=max(0, int((booking.starts_at - now) / MINUTE)),
        attendees=booking.attendees,
        on_behalf=on_behalf,
        outcome=Outcome.PENDING if pending else Outcome.BOOKED,
    )
    fact_changed(office_id=booking.office_id, when=booking.starts_at, family=Family.BOOKINGS)
    # What the e-mail needs goes along, so queueing it reads nothing back after the commit.
    booking_created.publish(
        booking_id=booking.pk,
        pending=pending,
        member=booking.member_id is not None,
        sequence=booking.sequence,
        starts_at=booking.starts_at,
    )
