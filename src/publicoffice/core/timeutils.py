"""Time helpers. Naive datetimes are a bug: everything here is aware."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def local_zone() -> tzinfo:
    """The zone the network lives in (``Europe/Stockholm`` by default)."""
    return ZoneInfo(settings.TIME_ZONE)


def ensure_aware(value: datetime) -> datetime:
    """Refuse naive datetimes loudly instead of guessing their zone."""
    if timezone.is_naive(value):
        raise ValueError("naive datetime given where an aware one is required")
    return value


def to_utc(moment: datetime) -> datetime:
    """``moment`` in UTC, so arithmetic and comparisons are in real time."""
    return ensure_aware(moment).astimezone(UTC)


def acting_now(at: datetime | None = None) -> datetime:
    """The moment a service acts at, in UTC: ``at`` when a caller fixes it, else now."""
    return to_utc(at) if at is not None else timezone.now()
