"""Writes to waitlists: join, accept an offer, withdraw, expire offers.

A member may wait only for a slot that is taken. When time frees up the
first in line whose wanted slot is now wholly free is offered it
(:mod:`publicoffice.bookings.offers`), and the offer holds the slot for them
for a while. Accepting an offer makes an ordinary booking through
:func:`publicoffice.bookings.services.booking_create`, with every rule
checked again: the waitlist builds on the booking services, never the
reverse.

Every write runs under the space's lock, like the booking services, so an
offer, an acceptance and an expiry of the same slot queue behind each other.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member
from publicoffice.bookings import checks
from publicoffice.bookings.attempts import (
    build_attempt,
    lock_space,
    office_with_hours,
    validate_inputs,
)
from publicoffice.bookings.models import Booking, WaitlistEntry, WaitlistStatus
from publicoffice.bookings.offers import offer_freed_time
from publicoffice.bookings.rules import rules_for
from publicoffice.bookings.services import booking_create
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now
from publicoffice.places.facts import Family, fact_changed
from publicoffice.places.models import Space

#: Refusals that mean "taken": only these may be waited out.
TAKEN_CODES = frozenset({ErrorCode.SLOT_TAKEN, ErrorCode.SLOT_ON_HOLD})

OPEN_STATUSES = (WaitlistStatus.WAITING, WaitlistStatus.OFFERED)


@transaction.atomic
def waitlist_join(
    *,
    space: Space,
    member: Member,
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
        space=space, member=member, starts_at=starts_at, ends_at=ends_at, status__in=OPEN_STATUSES
    ).first()
    if existing is not None:
        return existing
    _ensure_room_on_waitlists(member, now)
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
    _ensure_not_booked_already(space, member, starts_at, ends_at, now)
    _ensure_only_taken(checks.evaluate(attempt, checks.ALL_CHECKS))
    entry = WaitlistEntry(
        space=space, member=member, starts_at=starts_at, ends_at=ends_at, attendees=attendees
    )
    entry.full_clean(validate_unique=False)
    entry.save()
    # A request still waiting counts as unmet (``bookings.report_selectors``).
    fact_changed(office_id=space.office_id, when=starts_at, family=Family.BOOKINGS)
    return entry


def _ensure_room_on_waitlists(member: Member, now: datetime) -> None:
    waiting = WaitlistEntry.objects.filter(
        member=member, status=WaitlistStatus.WAITING, ends_at__gt=now
    ).count()
    if waiting >= settings.BOOKINGS_MAX_WAITING:
        raise DomainError(
            ErrorCode.WAITLIST_FULL,
            _("You are on the waitlist for too many times. Leave one of them first."),
        )


def _ensure_not_booked_already(
    space: Space, member: Member, starts_at: datetime, ends_at: datetime, now: datetime
) -> None:
    mine = Booking.objects.filter(space=space, member=member).holding(now)
    if mine.overlapping(starts_at, ends_at).exists():
        raise DomainError(
            ErrorCode.ALREADY_BOOKED, _("You have already booked this space at this time.")
        )


def _ensure_only_taken(refusals: list[checks.Refusal]) -> None:
    """Nothing to wait for when the time is free; the other rules still apply."""
    if not refusals:
        raise DomainError(ErrorCode.SLOT_FREE, _("This time is free: book it directly."))
    other = [r for r in refusals if r.code not in TAKEN_CODES]
    if other:
        raise other[0].error(refusals)


def _members_entry(entry: WaitlistEntry, member: Member) -> WaitlistEntry:
    """The entry afresh, if it is the member's; anyone else's is "not found"."""
    entry = WaitlistEntry.objects.select_related("space").get(pk=entry.pk)
    if entry.member_id != getattr(member, "pk", None):
        raise DomainError(ErrorCode.WAITLIST_NOT_FOUND)
    return entry


@transaction.atomic
def waitlist_accept(*, entry: WaitlistEntry, member: Member, at: datetime | None = None) -> Booking:
    """Take the offered slot: a normal booking, with every rule checked again."""
    now = acting_now(at)
    entry = _members_entry(entry, member)
    # Under the space's lock, so a concurrent expiry cannot pass the offer on meanwhile.
    lock_space(entry.space)
    entry.refresh_from_db(fields=["status", "offered_until"])
    if not entry.offer_open(now):
        raise DomainError(
            ErrorCode.OFFER_EXPIRED, _("This offer has run out. The slot went to others.")
        )
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
def waitlist_withdraw(*, entry: WaitlistEntry, member: Member, at: datetime | None = None) -> None:
    """Leave the waitlist; a declined offer passes to the next in line."""
    now = acting_now(at)
    entry = _members_entry(entry, member)
    if entry.status not in OPEN_STATUSES:
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
