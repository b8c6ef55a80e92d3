"""Reads of bookings: one selector per screen, shared by the web pages and the API.

Each list loads what its page shows in one query (``select_related``), so
list pages cost the same however long they are. A booking, space or office
the caller may not see is refused like a missing one (a ``DomainError``
with a 404 code), never with a hint that it exists. The slot grid and the
free times are in :mod:`publicoffice.bookings.availability` and
:mod:`publicoffice.bookings.finder`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import BooleanField, Case, F, Q, QuerySet, Value, When

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.accounts.models import User
from publicoffice.bookings import policies
from publicoffice.bookings.models import (
    HOLDING_STATUSES,
    Booking,
    BookingLogEntry,
    BookingStatus,
    CalendarFeed,
    WaitlistEntry,
    WaitlistStatus,
    holding_at,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import local_zone
from publicoffice.places.models import Office, OfficeStatus, Space
from publicoffice.places.selectors import office_get_with_hours

#: How far back a member's calendar feed reaches; older bookings drop out of it.
FEED_DAYS_BACK = 30
#: How far back "My bookings" shows earlier bookings.
EARLIER_DAYS = 90
#: The most rows of each list on a page.
PAGE_ROWS = 100

# -- spaces and offices --------------------------------------------------------------


def bookable_spaces(office: Office | None = None) -> QuerySet[Space]:
    spaces = Space.objects.filter(is_bookable=True, office__status=OfficeStatus.OPEN)
    if office is not None:
        spaces = spaces.filter(office=office)
    return spaces.select_related("office").order_by("office__name", "kind", "name")


def bookable_spaces_with_hours(*, office: Office | None = None) -> list[Space]:
    """The bookable spaces with their offices' opening hours, for the week grids."""
    return list(
        bookable_spaces(office).prefetch_related("office__weekly_hours", "office__hours_exceptions")
    )


def bookable_space(*, space_id: int) -> Space:
    """A bookable space of an open office, with its office's hours (the week, the form)."""
    space = (
        bookable_spaces()
        .filter(pk=space_id)
        .prefetch_related("office__weekly_hours", "office__hours_exceptions")
        .first()
    )
    if space is None:
        raise DomainError(ErrorCode.SPACE_NOT_FOUND)
    return space


def space_to_book(*, space_id: int) -> Space:
    """The space to book by its id, not read yet; whether it exists and can be
    booked is the service's to say.

    ``booking_create`` reads the space (with its office) as it locks it, and
    refuses an unknown one with ``space_not_found``: reading it here as well
    was one round trip more on every booking.
    """
    return Space(pk=space_id)


def office_run_by(*, user: AnyUser, slug: str) -> Office:
    """The office, with its hours, if this user runs its bookings; else "no such office"."""
    office = office_get_with_hours(slug=slug)
    if not policies.can_run_bookings(user, office):
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    return office


def active_member_by_email(*, email: str) -> Member | None:
    """The active account with this e-mail address, for booking on someone's behalf."""
    return User.objects.filter(email__iexact=email, is_active=True).first()


# -- one booking ------------------------------------------------------------------------


def _booking_by_public_id(public_id: uuid.UUID | str) -> Booking | None:
    try:
        key = public_id if isinstance(public_id, uuid.UUID) else uuid.UUID(str(public_id))
    except ValueError:
        return None
    return (
        Booking.objects.select_related("space", "office", "member", "booked_by")
        .filter(public_id=key)
        .first()
    )


def booking_visible_to(*, user: AnyUser, public_id: uuid.UUID | str) -> Booking:
    """The booking if the user may see it (theirs, or their office's); anyone else
    gets the same ``booking_not_found`` as for a missing one."""
    booking = _booking_by_public_id(public_id)
    if booking is None or not policies.can_see_booking(user, booking):
        raise DomainError(ErrorCode.BOOKING_NOT_FOUND)
    return booking


def booking_run_by(*, user: AnyUser, public_id: uuid.UUID | str) -> Booking:
    """A booking of an office the user runs (to approve or turn down)."""
    booking = _booking_by_public_id(public_id)
    if booking is None or not policies.can_run_bookings(user, booking.office):
        raise DomainError(ErrorCode.BOOKING_NOT_FOUND)
    return booking


def booking_log(*, user: AnyUser, booking: Booking) -> list[BookingLogEntry]:
    """What happened to the booking, for the office's staff only."""
    if not policies.can_run_bookings(user, booking.office):
        return []
    return list(booking.log.select_related("actor"))


# -- a member's bookings ------------------------------------------------------------------


def member_bookings(*, member: Member) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(member=member)
        .select_related("space", "office")
        .order_by("-starts_at")
    )


def member_bookings_in_order(*, member: Member, now: datetime) -> QuerySet[Booking]:
    """Every booking of the member: the coming ones first (soonest first), then
    the others (latest first). "Coming" is annotated: holding its space and not over.

    The one order of "My bookings", on the web page and in the API.
    """
    coming = Case(
        When(holding_at(now) & Q(ends_at__gt=now), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    return (
        Booking.objects.filter(member=member)
        .select_related("space", "office")
        .annotate(coming=coming)
        .order_by(
            "-coming",
            Case(When(coming=True, then=F("starts_at"))).asc(nulls_last=True),
            "-starts_at",
            "-pk",
        )
    )


@dataclass
class MyBookings:
    """The member's page: coming bookings, earlier ones, waitlist places and offers."""

    coming: list[Booking]
    past: list[Booking]
    waitlist: list[WaitlistEntry]
    #: Waitlist places whose offer is open now: shown at the top, to book or decline.
    offers: list[WaitlistEntry] = field(default_factory=list)
    feed_token: str = ""


def my_bookings(*, member: Member, now: datetime) -> MyBookings:
    """ "My bookings": coming ones, and the rest of the last 90 days."""
    ordered = member_bookings_in_order(member=member, now=now)
    coming = list(ordered.filter(Q(coming=True))[:PAGE_ROWS])
    since = now - timedelta(days=EARLIER_DAYS)
    past = list(ordered.filter(Q(coming=False), starts_at__gte=since)[:PAGE_ROWS])
    for booking in past:
        booking.released = booking.missed_check_in(now)  # type: ignore[attr-defined]
    waitlist = list(member_waitlist(member=member, now=now))
    return MyBookings(
        coming=coming,
        past=past,
        waitlist=waitlist,
        offers=[entry for entry in waitlist if entry.offer_open(now)],
        feed_token=calendar_feed_token(member=member),
    )


def my_bookings_page(
    *, member: Member, now: datetime, page: int, page_size: int
) -> tuple[int, list[Booking]]:
    """One page of "My bookings" for the API, in the same order: (count, rows)."""
    ordered = member_bookings_in_order(member=member, now=now)
    return ordered.count(), list(ordered[(page - 1) * page_size : page * page_size])


def member_feed_bookings(*, member: Member, now: datetime) -> QuerySet[Booking]:
    """The member's bookings from 30 days back onward, in every status.

    Cancelled, rejected and released bookings stay in, marked CANCELLED, so
    calendar programs that already have them take them away.
    """
    return (
        Booking.objects.filter(member=member, ends_at__gte=now - timedelta(days=FEED_DAYS_BACK))
        .select_related("space", "office", "member")
        .order_by("starts_at", "pk")
    )


def calendar_feed_token(*, member: Member) -> str:
    """The member's secret feed token, or "" when they have none."""
    token = CalendarFeed.objects.filter(member_id=member.pk).values_list("token", flat=True)
    return token.first() or ""


def calendar_feed_member(*, token: str) -> Member:
    """Whose feed this secret token opens; an unknown token is a plain 404."""
    feed = (
        CalendarFeed.objects.select_related("member")
        .filter(token=token, member__is_active=True)
        .first()
        if token
        else None
    )
    if feed is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return feed.member


def member_waitlist(*, member: Member, now: datetime) -> QuerySet[WaitlistEntry]:
    return (
        WaitlistEntry.objects.filter(
            member=member,
            status__in=[WaitlistStatus.WAITING, WaitlistStatus.OFFERED],
            ends_at__gt=now,
        )
        .select_related("space", "space__office")
        .order_by("starts_at")
    )


def member_waitlist_entry(*, member: Member, public_id: uuid.UUID) -> WaitlistEntry:
    """The member's own waitlist place; anyone else's is "not found"."""
    entry = (
        WaitlistEntry.objects.select_related("space")
        .filter(public_id=public_id, member_id=member.pk)
        .first()
    )
    if entry is None:
        raise DomainError(ErrorCode.WAITLIST_NOT_FOUND)
    return entry


# -- an office's bookings (the host's desk) ---------------------------------------------


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


@dataclass
class HostDay:
    """The host's desk for one day: the schedule, and what waits for the staff."""

    schedule: list[Booking]
    pending: list[Booking]
    no_shows: list[Booking]
    waitlists: list[WaitlistEntry]


def host_day(*, office: Office, day: date, now: datetime) -> HostDay:
    """Everything the host's day page shows, each list in one query."""
    schedule = list(office_day_schedule(office=office, day=day))
    for booking in schedule:
        booking.released = booking.missed_check_in(now)  # type: ignore[attr-defined]
    return HostDay(
        schedule=schedule,
        pending=list(office_pending(office=office)[:PAGE_ROWS]),
        no_shows=list(office_no_shows(office=office, now=now)[:PAGE_ROWS]),
        waitlists=list(office_waitlists(office=office, now=now)[:PAGE_ROWS]),
    )
