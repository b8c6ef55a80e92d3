"""The member's bookings, waitlist places and calendar feed in their data export.

Registered with ``accounts.extensions`` so ``accounts`` needs no import of
bookings. The calendar feed's token is a secret that lets anyone read the
calendar; the export says only that a feed exists, so a leaked export file
does not leak the calendar too.
"""

from __future__ import annotations

from typing import Any

from publicoffice.accounts.actors import Member
from publicoffice.accounts.privacy import iso
from publicoffice.bookings.models import CalendarFeed, WaitlistEntry
from publicoffice.bookings.selectors import member_bookings


def _bookings(user: Member) -> list[dict[str, Any]]:
    return [
        {
            "office": str(booking.office.name),
            "space": str(booking.space.name),
            "starts": iso(booking.starts_at),
            "ends": iso(booking.ends_at),
            "attendees": booking.attendees,
            "purpose": booking.purpose,
            "status": booking.status,
            "checked_in": iso(booking.checked_in_at),
            "cancelled": iso(booking.cancelled_at),
            "created": iso(booking.created_at),
        }
        for booking in member_bookings(member=user).iterator()
    ]


def _waitlist(user: Member) -> list[dict[str, Any]]:
    # Every entry, not only the open ones: expired and withdrawn rows are kept too.
    entries = (
        WaitlistEntry.objects.filter(member=user)
        .select_related("space", "space__office")
        .order_by("-starts_at", "pk")
    )
    return [
        {
            "office": str(entry.space.office.name),
            "space": str(entry.space.name),
            "starts": iso(entry.starts_at),
            "ends": iso(entry.ends_at),
            "attendees": entry.attendees,
            "status": entry.status,
            "offered_until": iso(entry.offered_until),
            "created": iso(entry.created_at),
        }
        for entry in entries.iterator()
    ]


def _calendar_feed(user: Member) -> dict[str, Any] | None:
    created = CalendarFeed.objects.filter(member=user).values_list("created_at", flat=True).first()
    return None if created is None else {"exists": True, "created": iso(created)}


def bookings_section(user: Member) -> dict[str, Any]:
    """Bookings (every status), waitlist entries and whether a calendar feed exists."""
    return {
        "bookings": _bookings(user),
        "waitlist": _waitlist(user),
        "calendar_feed": _calendar_feed(user),
    }
