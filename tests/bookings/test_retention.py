"""Old bookings are deleted; their figures stay."""

from __future__ import annotations

from datetime import timedelta

from publicoffice.bookings import services, waitlist
from publicoffice.bookings.models import Booking, BookingStatistic, Outcome, WaitlistEntry
from publicoffice.bookings.retention import bookings_purge
from tests.bookings.conftest import at


def test_old_bookings_go_and_the_figures_stay(frozen, room, member, other_member):
    old = services.booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    waitlist.waitlist_join(space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11))
    recent = services.booking_create(
        space=room, member=member, starts_at=at(2, 10), ends_at=at(2, 11)
    )
    services.booking_check_in(booking=old, actor=member, at=at(1, 10, 5))
    result = bookings_purge(at=at(1, 11) + timedelta(days=30, minutes=1), days=30)
    assert result.bookings == 1 and result.waitlist_entries == 1
    assert list(Booking.objects.all()) == [recent]
    assert not WaitlistEntry.objects.exists()
    figures = BookingStatistic.objects.order_by("starts_on")
    assert [(f.booking_id, f.outcome, f.length_minutes) for f in figures] == [
        (None, Outcome.ATTENDED, 60),
        (recent.pk, Outcome.BOOKED, 60),
    ]


def test_nothing_younger_than_the_retention_is_touched(frozen, room, member, settings):
    settings.BOOKINGS_RETENTION_DAYS = 365
    services.booking_create(space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11))
    assert bookings_purge(at=at(300, 12)).bookings == 0
    assert Booking.objects.count() == 1
