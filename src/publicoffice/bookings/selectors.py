"""Reads of bookings as lists: a member's bookings and waitlist, an office's day.

Each list loads what its page shows in one query (``select_related``), so
list pages cost the same however long they are. The slot grid and the free
times are in :mod:`publicoffice.bookings.availability`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet

from publicoffice.bookings.models import (
    HOLDING_STATUSES,
    Booking,
    BookingStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from publicoffice.core.timeutils import local_zone
from publicoffice.places.models import Office, OfficeStatus, Space

#: How far back a member's calendar feed reaches; older bookings drop out of it.
FEED_DAYS_BACK = 30


def bookable_spaces(office: Office | None = None) -> QuerySet[Space]:
    spaces = Space.objects.filter(is_bookable=True, office__status=OfficeStatus.OPEN)
    if office is not None:
        spaces = spaces.filter(office=office)
    return spaces.select_related("office").order_by("office__name", "kind", "name")


def member_bookings(*, member: Any) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(member=member)
        .select_related("space", "office")
        .order_by("-starts_at")
    )


def member_coming_bookings(*, member: Any, now: datetime) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(member=member, ends_at__gt=now)
        .holding(now)
        .select_related("space", "office")
        .order_by("starts_at")
    )


def member_feed_bookings(*, member: Any, now: datetime) -> QuerySet[Booking]:
    """The member's bookings from 30 days back onward, in every status.

    Cancelled, rejected and released bookings stay in, marked CANCELLED, so
    calendar programs that already have them take them away.
    """
    return (
        Booking.objects.filter(member=member, ends_at__gte=now - timedelta(days=FEED_DAYS_BACK))
        .select_related("space", "office", "member")
        .order_by("starts_at", "pk")
    )


def member_waitlist(*, member: Any, now: datetime) -> QuerySet[WaitlistEntry]:
    return (
        WaitlistEntry.objects.filter(
            member=member,
            status__in=[WaitlistStatus.WAITING, WaitlistStatus.OFFERED],
            ends_at__gt=now,
        )
        .select_related("space", "space__office")
        .order_by("starts_at")
    )


def office_day_schedule(*, office: Office, day: date) -> QuerySet[Booking]:
    """Every booking touching ``day`` at the office, for the host's desk."""
    zone = local_zone()
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return (
        Booking.objects.filter(office=office, starts_at__lt=end, ends_at__gt=start)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("space", "member")
        .order_by("space__name", "starts_at")
    )


def office_pending(*, office: Office) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(office=office, status=BookingStatus.PENDING)
        .select_related("space", "member")
        .order_by("starts_at")
    )


def office_no_shows(*, office: Office, now: datetime, days: int = 7) -> QuerySet[Booking]:
    """Bookings released for a missed check-in in the last ``days`` days (marked or not)."""
    since = now - timedelta(days=days)
    return (
        Booking.objects.filter(office=office, starts_at__gte=since, starts_at__lte=now)
        .filter(
            Q(status=BookingStatus.NO_SHOW)
            | Q(
                status__in=HOLDING_STATUSES,
                checked_in_at__isnull=True,
                checkin_deadline__lte=now,
            )
        )
        .select_related("space", "member")
        .order_by("-starts_at")
    )


def office_waitlists(*, office: Office, now: datetime) -> QuerySet[WaitlistEntry]:
    return (
        WaitlistEntry.objects.filter(
            space__office=office,
            status__in=[WaitlistStatus.WAITING, WaitlistStatus.OFFERED],
            ends_at__gt=now,
        )
        .select_related("space", "member")
        .order_by("starts_at", "created_at")
    )


def offices_with_bookable_spaces(office_ids: Iterable[int]) -> set[int]:
    return set(
        Space.objects.filter(office_id__in=list(office_ids), is_bookable=True)
        .values_list("office_id", flat=True)
        .distinct()
    )
