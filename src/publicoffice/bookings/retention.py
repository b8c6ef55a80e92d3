"""Old bookings are personal data: delete them after a while, keep the figures.

Each booking's :class:`BookingStatistic` row holds the figures without the
person, so deleting the booking changes no report. Waitlist entries and the
booking log go with their bookings (the log by cascade).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from publicoffice.bookings.models import Booking, WaitlistEntry
from publicoffice.core.timeutils import acting_now


@dataclass(frozen=True)
class Purged:
    bookings: int
    waitlist_entries: int


@transaction.atomic
def bookings_purge(*, at: datetime | None = None, days: int | None = None) -> Purged:
    """Delete bookings and waitlist entries that ended more than ``days`` days ago."""
    now = acting_now(at)
    keep_days = settings.BOOKINGS_RETENTION_DAYS if days is None else days
    cutoff = now - timedelta(days=keep_days)
    waitlist, _detail = WaitlistEntry.objects.filter(ends_at__lt=cutoff).delete()
    # The booking log cascades; statistics rows keep their figures (SET_NULL).
    old = Booking.objects.filter(ends_at__lt=cutoff)
    count = old.count()
    old.delete()
    return Purged(bookings=count, waitlist_entries=waitlist)
