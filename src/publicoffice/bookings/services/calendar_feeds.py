"""The secret address of a member's calendar feed."""

from __future__ import annotations

import secrets

from publicoffice.accounts.actors import Member
from publicoffice.bookings.models import CalendarFeed


def calendar_feed_renew(*, member: Member) -> str:
    """A new secret address for the member's calendar; the old one stops working."""
    token = secrets.token_urlsafe(24)
    CalendarFeed.objects.update_or_create(member=member, defaults={"token": token})
    return token
