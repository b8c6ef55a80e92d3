"""Writes to waitlists: join, offer freed time, accept, withdraw, expire offers.

A member may wait only for a slot that is taken. When time frees up (a
cancellation, a change, a refusal, a no-show, a lapsed or declined offer)
the first in line whose wanted slot is now wholly free is offered it, and the
offer holds the slot for them for a while. Accepting an offer makes an
ordinary booking through :func:`publicoffice.bookings.services.booking_create`,
with every rule checked again.

Every write runs under the space's lock, like the booking services, so an
offer, an acceptance and an expiry of the same slot queue behind each other.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings import checks
from publicoffice.bookings.booking_internals import (
    ALL_CHECKS,
    acting_now,
    after_commit,
    build_attempt,
    lock_space,
    office_with_hours,
    refusal_error,
    validate_inputs,
)
from publicoffice.bookings.checks import MINUTE
from publicoffice.bookings.models import Booking, WaitlistEntry, WaitlistStatus
from publicoffice.bookings.rules import rules_for
from publicoffice.core.errors import DomainError
from publicoffice.places.models import Space


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
    now = acting_now(at)
    starts_at, ends_at = validate_inputs(
        starts_at=starts_at, ends_at=ends_at, attendees=attendees, purpose="", visitor_name=""
    )
    space = lock_space(space)
    office = office_with_hours(space.office)
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
        after_commit(partial(_notify_offer, entry_id))
    return offered


def _notify_offer(entry_id: int) -> None:
    from publicoffice.bookings.notifications import notify_offer_later

    notify_offer_later(entry_id)


@transaction.atomic
def waitlist_accept(*, entry: WaitlistEntry, member: Any, at: datetime | None = None) -> Booking:
    """Take the offered slot: a normal booking, with every rule checked again."""
    # Imported here because the booking services offer freed time through this
    # module: the waitlist builds on bookings, and bookings only call back in.
    from publicoffice.bookings.services import booking_create

    now = acting_now(at)
    entry = WaitlistEntry.objects.select_related("space").get(pk=entry.pk)
    if entry.member_id != getattr(member, "pk", None):
        raise DomainError("waitlist_not_found", _("There is no such waitlist place."), status=404)
    # Under the space's lock, so a concurrent expiry cannot pass the offer on meanwhile.
    lock_space(entry.space)
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
    now = acting_now(at)
    entry = WaitlistEntry.objects.select_related("space").get(pk=entry.pk)
    if entry.member_id != getattr(member, "pk", None):
        raise DomainError("waitlist_not_found", _("There is no such waitlist place."), status=404)
    if entry.status not in (WaitlistStatus.WAITING, WaitlistStatus.OFFERED):
        return
    was_offered = entry.offer_open(now)
    entry.status = WaitlistStatus.WITHDRAWN
    entry.save(update_fields=["status", "updated_at"])
    if was_offered:
        space = lock_space(entry.space)
        offer_freed_time(space=space, starts_at=entry.starts_at, ends_at=entry.ends_at, at=now)


def waitlist_expire_offers(*, at: datetime | None = None) -> int:
    """Close lapsed offers and offer the time to the next in line."""
    now = acting_now(at)
    lapsed = list(
        WaitlistEntry.objects.filter(status=WaitlistStatus.OFFERED, offered_until__lte=now)
    )
    expired = 0
    for entry in lapsed:
        with transaction.atomic():
            space = lock_space(Space(pk=entry.space_id))
            # Only if still a lapsed offer: it may have been accepted or
            # withdrawn since the list was read.
            if not WaitlistEntry.objects.filter(
                pk=entry.pk, status=WaitlistStatus.OFFERED, offered_until__lte=now
            ).update(status=WaitlistStatus.EXPIRED, updated_at=now):
                continue
            expired += 1
            offer_freed_time(space=space, starts_at=entry.starts_at, ends_at=entry.ends_at, at=now)
    return expired
