"""Writes to bookings: create, change, cancel, approve, check in, waitlists.

Every write that can take a slot runs in one transaction that first locks the
space's row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's write lock is
taken when the transaction begins, see ``transaction_mode`` in settings).
Under that lock it records no-shows the clock has already released, loads
what the checks need, runs them, and inserts. On PostgreSQL the exclusion
constraint ``booking_no_overlap`` is the last line: if anything slipped past
the lock the database refuses and the member gets the same ``slot_taken``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings import checks, policies
from publicoffice.bookings.checks import MINUTE, Attempt, Refusal, to_utc
from publicoffice.bookings.models import (
    LONGEST_BOOKING,
    LONGEST_HOLD,
    Booking,
    BookingLogEntry,
    BookingStatistic,
    BookingStatus,
    LogAction,
    Outcome,
    WaitlistEntry,
    WaitlistStatus,
)
from publicoffice.bookings.rules import Rules, kinds_in_group, quota_group, rules_for
from publicoffice.core.errors import DomainError
from publicoffice.places.models import Office, Space

#: Relations the service has just loaded itself; ``full_clean`` need not look them up again.
CHECKED_RELATIONS = ["space", "office", "member", "booked_by"]

#: HTTP status per refusal code; anything else is a plain 400.
STATUS_OF = {"slot_taken": 409, "slot_on_hold": 409, "not_a_member": 403}


def refusal_error(refusal: Refusal, refusals: list[Refusal] | None = None) -> DomainError:
    codes = [r.code for r in (refusals or [refusal])]
    return DomainError(
        refusal.code, refusal.message, status=STATUS_OF.get(refusal.code, 400), refusals=codes
    )


def _now(at: datetime | None) -> datetime:
    """The moment a service acts at, in UTC (see :func:`checks.to_utc`)."""
    return to_utc(at) if at is not None else timezone.now()


def _after_commit(action: Callable[[], Any]) -> None:
    transaction.on_commit(action)


def _notify(kind: str, booking: Booking) -> None:
    from publicoffice.bookings.notifications import notify_later

    booking_id = booking.pk
    _after_commit(lambda: notify_later(kind, booking_id))


# -- loading what the checks need -------------------------------------------


def _lock_space(space: Space) -> Space:
    """Lock the space row first; everything about its slots queues behind it."""
    locked = Space.objects.select_for_update(of=("self",)).select_related("office").get(pk=space.pk)
    return locked


def _office_with_hours(office: Office) -> Office:
    """The (already fetched) office with its opening hours loaded."""
    prefetch_related_objects([office], "weekly_hours", "hours_exceptions")
    return office


def _week_bounds(moment: datetime) -> tuple[datetime, datetime]:
    local = timezone.localtime(moment)
    monday = local.date() - timedelta(days=local.weekday())
    start = timezone.make_aware(datetime.combine(monday, datetime.min.time()))
    return start, timezone.make_aware(
        datetime.combine(monday + timedelta(days=7), datetime.min.time())
    )


def member_bookings_for_quota(
    member: Any, *, group: str, now: datetime, around: datetime, exclude: int | None = None
) -> list[Booking]:
    """The member's bookings that count against a quota: coming ones, and this week's."""
    if member is None:
        return []
    week_start, week_end = _week_bounds(around)
    mine = (
        Booking.objects.filter(member=member, space__kind__in=kinds_in_group(group))
        .holding(now)
        .filter(Q(ends_at__gt=now) | Q(starts_at__gte=week_start, starts_at__lt=week_end))
    )
    if exclude is not None:
        mine = mine.exclude(pk=exclude)
    return list(mine.only("starts_at", "ends_at", "blocked_until"))


def _open_offers_near(
    space: Space, starts_at: datetime, ends_at: datetime, now: datetime, member: Any
) -> list[WaitlistEntry]:
    offers = (
        WaitlistEntry.objects.filter(space=space).open_offers(now).overlapping(starts_at, ends_at)
    )
    if member is not None:
        offers = offers.exclude(member=member)
    return list(offers)


def build_attempt(
    *,
    space: Space,
    office: Office,
    starts_at: datetime,
    ends_at: datetime,
    rules: Rules,
    now: datetime,
    member: Any = None,
    attendees: int = 1,
    exclude: int | None = None,
) -> Attempt:
    """An attempt with everything its checks need, in a handful of queries."""
    blocked_until = ends_at + rules.buffer_minutes * MINUTE
    others = Booking.objects.filter(space=space).holding(now).overlapping(starts_at, blocked_until)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    attempt = Attempt(
        space=space,
        office=office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules,
        now=now,
        attendees=attendees,
        member=member,
        others=list(others.only("starts_at", "ends_at", "blocked_until")),
        mine=member_bookings_for_quota(
            member, group=quota_group(space.kind), now=now, around=starts_at, exclude=exclude
        ),
        member_refusal=policies.may_book(member, office=office),
    )
    attempt.extra["holds"] = _open_offers_near(space, starts_at, ends_at, now, member)
    return attempt


def check_not_on_hold(attempt: Attempt) -> Refusal | None:
    """A freed slot offered to the first on the waitlist is theirs until the hold ends."""
    holds = attempt.extra.get("holds") or []
    if holds:
        until = timezone.localtime(min(h.offered_until for h in holds))
        return Refusal(
            "slot_on_hold",
            _("This time is offered to the next person on the waitlist until %(time)s.")
            % {"time": until.strftime("%H:%M")},
        )
    return None


ALL_CHECKS = (*checks.CHECKS, check_not_on_hold)


def _judge(attempt: Attempt, *, actor: Any, override_reason: str) -> list[Refusal]:
    """Run the checks; return the refusals staff overrode, or raise the first other."""
    refusals = checks.evaluate(attempt, ALL_CHECKS)
    overridden: list[Refusal] = []
    blocking: list[Refusal] = []
    for refusal in refusals:
        may_override = (
            refusal.overridable_by is not None
            and override_reason.strip() != ""
            and policies.can_override(actor, refusal.overridable_by, attempt.office)
        )
        (overridden if may_override else blocking).append(refusal)
    if blocking:
        raise refusal_error(blocking[0], refusals)
    return overridden


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


def _log(booking: Booking, action: str, actor: Any, reason: str = "", rule_code: str = "") -> None:
    BookingLogEntry.objects.create(
        booking=booking,
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason[:300],
        rule_code=rule_code,
    )


def _clean_text(value: str, limit: int) -> str:
    """One line of text: no control characters (PostgreSQL refuses NUL), single spaces."""
    printable = "".join(" " if unicodedata.category(char) == "Cc" else char for char in value)
    return " ".join(printable.split())[:limit]


def _validate_inputs(
    *, starts_at: datetime, ends_at: datetime, attendees: int, purpose: str, visitor_name: str
) -> tuple[datetime, datetime]:
    """Refuse bad input; return the range in UTC, so all arithmetic is real time."""
    starts_at, ends_at = to_utc(starts_at), to_utc(ends_at)
    if len(purpose) > 200:
        raise DomainError("purpose_too_long", _("Keep the purpose under 200 characters."))
    if len(visitor_name) > 80:
        raise DomainError("visitor_name_too_long", _("Keep the name under 80 characters."))
    if not isinstance(attendees, int) or attendees > 10_000:
        raise DomainError("attendees_invalid", _("Give the number of people as a whole number."))
    if ends_at - starts_at > LONGEST_BOOKING:
        raise DomainError("booking_too_long", _("No booking can last longer than 14 days."))
    return starts_at, ends_at


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
) -> Booking:
    """Book ``space`` for a member, or for a visitor by staff. One transaction.

    ``actor`` is who is booking (the member themself unless staff book on
    someone's behalf). Staff holding the named permission may override a
    rule by giving ``override_reason``; each override is logged.
    """
    now = _now(at)
    actor = actor if actor is not None else member
    visitor_name = _clean_text(visitor_name, 81)
    purpose = _clean_text(purpose, 201)
    starts_at, ends_at = _validate_inputs(
        starts_at=starts_at,
        ends_at=ends_at,
        attendees=attendees,
        purpose=purpose,
        visitor_name=visitor_name,
    )
    space = _lock_space(space)
    office = _office_with_hours(space.office)
    on_behalf = member is None or (actor is not None and actor.pk != member.pk)
    if on_behalf and not policies.can_book_on_behalf(actor, office):
        raise DomainError(
            "not_allowed_on_behalf",
            _("Only staff with permission may book for someone else."),
            status=403,
        )
    if member is None and not visitor_name:
        raise DomainError("visitor_name_missing", _("Give the visitor's name."))
    _release_missed(space, now)
    rules = rules_for(space)
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
    overridden = _judge(attempt, actor=actor, override_reason=override_reason)
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
    _save_guarded(booking)
    _log(booking, LogAction.CREATED, actor)
    for refusal in overridden:
        _log(booking, LogAction.OVERRIDE, actor, override_reason, refusal.code)
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


def _save_guarded(booking: Booking) -> None:
    """Save under the database's own guard: on PostgreSQL the exclusion
    constraint refuses an overlap that slipped past the lock, as ``slot_taken``."""
    booking.full_clean(exclude=CHECKED_RELATIONS, validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:
        if "booking_no_overlap" in str(error):
            raise refusal_error(
                Refusal("slot_taken", _("Someone has already booked this time."))
            ) from error
        raise


def _locked_booking(booking: Booking) -> tuple[Booking, Space]:
    space = _lock_space(booking.space)
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
    now = _now(at)
    _ensure_may_change(actor, booking)
    booking, space = _locked_booking(booking)
    if not booking.holds_at(now) or booking.ends_at <= now:
        raise DomainError("booking_not_active", _("This booking can no longer be changed."))
    attendees = booking.attendees if attendees is None else attendees
    purpose = booking.purpose if purpose is None else _clean_text(purpose, 201)
    starts_at, ends_at = _validate_inputs(
        starts_at=starts_at,
        ends_at=ends_at,
        attendees=attendees,
        purpose=purpose,
        visitor_name=booking.visitor_name,
    )
    _release_missed(space, now)
    office = _office_with_hours(space.office)
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
    overridden = _judge(attempt, actor=actor, override_reason=override_reason)
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
    _save_guarded(booking)
    _log(booking, LogAction.CHANGED, actor)
    for refusal in overridden:
        _log(booking, LogAction.OVERRIDE, actor, override_reason, refusal.code)
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
    now = _now(at)
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
    _log(booking, LogAction.CANCELLED, actor)
    BookingStatistic.objects.filter(booking=booking).update(outcome=Outcome.CANCELLED)
    _notify("cancelled", booking)
    offer_freed_time(space=space, starts_at=booking.starts_at, ends_at=booking.ends_at, at=now)
    return booking


@transaction.atomic
def booking_decide(
    *, booking: Booking, actor: Any, approve: bool, reason: str = "", at: datetime | None = None
) -> Booking:
    """Staff approve a pending booking, or turn it down with a reason."""
    now = _now(at)
    if not policies.can_run_bookings(actor, booking.office):
        raise DomainError("booking_not_found", _("There is no such booking."), status=404)
    booking, space = _locked_booking(booking)
    if booking.status != BookingStatus.PENDING:
        raise DomainError("not_pending", _("This booking is not waiting for approval."))
    reason = _clean_text(reason, 300)
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
    _log(booking, action, actor, reason)
    BookingStatistic.objects.filter(booking=booking).update(outcome=outcome)
    _notify("approved" if approve else "rejected", booking)
    if not approve:
        offer_freed_time(space=space, starts_at=booking.starts_at, ends_at=booking.ends_at, at=now)
    return booking


@transaction.atomic
def booking_check_in(*, booking: Booking, actor: Any, at: datetime | None = None) -> Booking:
    """Confirm the member is here, within the check-in window."""
    now = _now(at)
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
    _log(booking, LogAction.CHECKED_IN, actor)
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
    now = _now(at)
    released = 0
    space_ids = set(
        Booking.objects.missed_check_in(now).values_list("space_id", flat=True).distinct()
    )
    for space_id in space_ids:
        with transaction.atomic():
            space = _lock_space(Space(pk=space_id))
            released += len(_release_missed(space, now))
    return released


# -- waitlist -----------------------------------------------------------------


@transaction.atomic
def waitlist_join(
    *,
    space: Space,
    member: Any,
    starts_at: datetime,
    ends_at: datetime,
    attendees: int = 1,
    at: datetime | None = None,
) -> WaitlistEntry:
    """Wait for a taken slot. Only a slot that is taken can be waited for."""
    now = _now(at)
    starts_at, ends_at = _validate_inputs(
        starts_at=starts_at, ends_at=ends_at, attendees=attendees, purpose="", visitor_name=""
    )
    space = _lock_space(space)
    office = _office_with_hours(space.office)
    existing = WaitlistEntry.objects.filter(
        space=space,
        member=member,
        starts_at=starts_at,
        ends_at=ends_at,
        status__in=[WaitlistStatus.WAITING, WaitlistStatus.OFFERED],
    ).first()
    if existing is not None:
        return existing
    waiting = WaitlistEntry.objects.filter(
        member=member, status=WaitlistStatus.WAITING, ends_at__gt=now
    ).count()
    if waiting >= settings.BOOKINGS_MAX_WAITING:
        raise DomainError(
            "waitlist_full",
            _("You are on the waitlist for too many times. Leave one of them first."),
        )
    attempt = build_attempt(
        space=space,
        office=office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules_for(space),
        now=now,
        member=member,
        attendees=attendees,
    )
    if (
        Booking.objects.filter(space=space, member=member)
        .holding(now)
        .overlapping(starts_at, ends_at)
        .exists()
    ):
        raise DomainError("already_booked", _("You have already booked this space at this time."))
    refusals = checks.evaluate(attempt, ALL_CHECKS)
    if not refusals:
        raise DomainError("slot_free", _("This time is free: book it directly."))
    other = [r for r in refusals if r.code not in ("slot_taken", "slot_on_hold")]
    if other:
        raise refusal_error(other[0], refusals)
    entry = WaitlistEntry(
        space=space, member=member, starts_at=starts_at, ends_at=ends_at, attendees=attendees
    )
    entry.full_clean(validate_unique=False)
    entry.save()
    return entry


def _range_free(space: Space, starts_at: datetime, ends_at: datetime, now: datetime) -> bool:
    rules = rules_for(space)
    blocked_until = ends_at + rules.buffer_minutes * MINUTE
    taken = Booking.objects.filter(space=space).holding(now).overlapping(starts_at, blocked_until)
    offered = (
        WaitlistEntry.objects.filter(space=space).open_offers(now).overlapping(starts_at, ends_at)
    )
    return not taken.exists() and not offered.exists()


def offer_freed_time(
    *, space: Space, starts_at: datetime, ends_at: datetime, at: datetime
) -> list[WaitlistEntry]:
    """Offer freed time to the first in line whose wanted slot is now wholly free.

    Called with the space locked. The offer holds the slot for
    ``BOOKINGS_WAITLIST_HOLD_MINUTES`` (never past the slot's end); when it
    lapses the slot is free for anyone at once, and the next in line is
    offered it by :func:`waitlist_expire_offers`.
    """
    hold = timedelta(minutes=settings.BOOKINGS_WAITLIST_HOLD_MINUTES)
    candidates = WaitlistEntry.objects.filter(
        space=space,
        status=WaitlistStatus.WAITING,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
        starts_at__gt=at,
    ).select_related("member")
    offered: list[WaitlistEntry] = []
    for entry in candidates:
        if not _range_free(space, entry.starts_at, entry.ends_at, at):
            continue
        entry.status = WaitlistStatus.OFFERED
        entry.offered_until = min(at + hold, entry.starts_at)
        entry.save(update_fields=["status", "offered_until", "updated_at"])
        offered.append(entry)
        entry_id = int(entry.pk)
        _after_commit(partial(_notify_offer, entry_id))
    return offered


def _notify_offer(entry_id: int) -> None:
    from publicoffice.bookings.notifications import notify_offer_later

    notify_offer_later(entry_id)


@transaction.atomic
def waitlist_accept(*, entry: WaitlistEntry, member: Any, at: datetime | None = None) -> Booking:
    """Take the offered slot: a normal booking, with every rule checked again."""
    now = _now(at)
    entry = WaitlistEntry.objects.select_related("space").get(pk=entry.pk)
    if entry.member_id != getattr(member, "pk", None):
        raise DomainError("waitlist_not_found", _("There is no such waitlist place."), status=404)
    # Under the space's lock, so a concurrent expiry cannot pass the offer on meanwhile.
    _lock_space(entry.space)
    entry.refresh_from_db(fields=["status", "offered_until"])
    if not entry.offer_open(now):
        raise DomainError("offer_expired", _("This offer has run out. The slot went to others."))
    booking = booking_create(
        space=entry.space,
        member=member,
        starts_at=entry.starts_at,
        ends_at=entry.ends_at,
        attendees=entry.attendees,
        at=now,
        waitlist_entry=entry,
    )
    entry.status = WaitlistStatus.BOOKED
    entry.booking = booking
    entry.save(update_fields=["status", "booking", "updated_at"])
    return booking


@transaction.atomic
def waitlist_withdraw(*, entry: WaitlistEntry, member: Any, at: datetime | None = None) -> None:
    """Leave the waitlist; a declined offer passes to the next in line."""
    now = _now(at)
    entry = WaitlistEntry.objects.select_related("space").get(pk=entry.pk)
    if entry.member_id != getattr(member, "pk", None):
        raise DomainError("waitlist_not_found", _("There is no such waitlist place."), status=404)
    if entry.status not in (WaitlistStatus.WAITING, WaitlistStatus.OFFERED):
        return
    was_offered = entry.offer_open(now)
    entry.status = WaitlistStatus.WITHDRAWN
    entry.save(update_fields=["status", "updated_at"])
    if was_offered:
        space = _lock_space(entry.space)
        offer_freed_time(space=space, starts_at=entry.starts_at, ends_at=entry.ends_at, at=now)


def waitlist_expire_offers(*, at: datetime | None = None) -> int:
    """Close lapsed offers and offer the time to the next in line."""
    now = _now(at)
    lapsed = list(
        WaitlistEntry.objects.filter(status=WaitlistStatus.OFFERED, offered_until__lte=now)
    )
    expired = 0
    for entry in lapsed:
        with transaction.atomic():
            space = _lock_space(Space(pk=entry.space_id))
            # Only if still a lapsed offer: it may have been accepted or
            # withdrawn since the list was read.
            if not WaitlistEntry.objects.filter(
                pk=entry.pk, status=WaitlistStatus.OFFERED, offered_until__lte=now
            ).update(status=WaitlistStatus.EXPIRED, updated_at=now):
                continue
            expired += 1
            offer_freed_time(space=space, starts_at=entry.starts_at, ends_at=entry.ends_at, at=now)
    return expired


# -- calendar feed ------------------------------------------------------------


def calendar_feed_renew(*, member: Any) -> str:
    """A new secret address for the member's calendar; the old one stops working."""
    import secrets

    from publicoffice.bookings.models import CalendarFeed

    token = secrets.token_urlsafe(24)
    CalendarFeed.objects.update_or_create(member=member, defaults={"token": token})
    return token
