"""Offering freed time to the waitlist, under the space's lock.

Every write that gives time back (a cancellation, a change, a refusal, a
no-show, a lapsed or declined offer) calls :func:`offer_freed_time` inside
its own transaction, with the space locked: the first in line whose wanted
slot is now wholly free is offered it, and the offer holds the slot for a
while. The e-mail goes out after the commit (``waitlist_offer_made``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from publicoffice.bookings.checks import MINUTE
from publicoffice.bookings.happenings import waitlist_offer_made
from publicoffice.bookings.models import Booking, WaitlistEntry, WaitlistStatus
from publicoffice.bookings.rules import rules_for
from publicoffice.places.facts import Family, facts_changed
from publicoffice.places.models import Space


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
    offered it by :func:`publicoffice.bookings.waitlist.waitlist_expire_offers`.
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
        waitlist_offer_made.publish(entry_id=int(entry.pk))
    if offered:
        # An offered request is no longer unmet (``bookings.report_selectors``).
        facts_changed(
            office_id=space.office_id,
            when=[entry.starts_at for entry in offered],
            family=Family.BOOKINGS,
        )
    return offered
