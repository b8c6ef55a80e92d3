"""Who came: checking in, and recording the no-shows the clock has released.

A booking not checked in by its deadline stops holding its space at that
instant (``Booking.objects.holding``); the first write on its space, or the
sweep, records it as a no-show here and offers the time on.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member
from publicoffice.bookings import policies
from publicoffice.bookings.attempts import lock_space, log
from publicoffice.bookings.models import (
    LONGEST_HOLD,
    Booking,
    BookingLogEntry,
    BookingStatistic,
    BookingStatus,
    LogAction,
    Outcome,
)
from publicoffice.bookings.offers import offer_freed_time
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now, to_utc
from publicoffice.places.facts import Family, fact_changed, facts_changed
from publicoffice.places.models import Office, Space


def release_missed(space: Space, now: datetime) -> list[Booking]:
    """Record the no-shows the clock has released on this space (under its lock)."""
    # Older unmarked ones cannot overlap anything bookable now; the sweep marks them.
    missed = list(
        Booking.objects.filter(space=space, starts_at__gt=now - LONGEST_HOLD).missed_check_in(now)
    )
    return record_missed(space, missed, now)


def record_missed(space: Space, missed: list[Booking], now: datetime) -> list[Booking]:
    """Record these no-shows of the space, already read under its lock
    (:func:`~publicoffice.bookings.attempts.bookings_around` reads them with the rest)."""
    for booking in missed:
        booking.status = BookingStatus.NO_SHOW
        booking.save(update_fields=["status", "updated_at"])
        BookingLogEntry.objects.create(booking=booking, action=LogAction.NO_SHOW)
        BookingStatistic.objects.filter(booking=booking).update(outcome=Outcome.NO_SHOW)
        offer_freed_time(space=space, starts_at=booking.starts_at, ends_at=booking.ends_at, at=now)
    if missed:
        facts_changed(
            office_id=missed[0].office_id,
            when=[booking.starts_at for booking in missed],
            family=Family.BOOKINGS,
        )
    return missed


def release_no_shows(*, at: datetime | None = None) -> int:
    """Record every no-show the clock has released and offer the time on.

    Availability never waits for this: a missed check-in frees the slot at
    once. This keeps the statistics, log and waitlist offers current.
    """
    now = acting_now(at)
    released = 0
    space_ids = set(
        Booking.objects.missed_check_in(now).values_list("space_id", flat=True).distinct()
    )
    for space_id in space_ids:
        with transaction.atomic():
            space = lock_space(Space(pk=space_id))
            released += len(release_missed(space, now))
    return released


def locked_booking(booking: Booking) -> tuple[Booking, Space]:
    """The booking afresh, with its space locked first."""
    space = lock_space(booking.space)
    fresh = Booking.objects.select_related("space", "office", "member").get(pk=booking.pk)
    return fresh, space


def ensure_may_change(actor: Member | None, booking: Booking) -> None:
    """Someone else's booking is "not found": never say whether it exists."""
    if not policies.can_change_booking(actor, booking):
        raise DomainError(ErrorCode.BOOKING_NOT_FOUND)


@transaction.atomic
def booking_check_in(
    *, booking: Booking, actor: Member | None, at: datetime | None = None
) -> Booking:
    """Confirm the member is here, within the check-in window."""
    now = acting_now(at)
    ensure_may_change(actor, booking)
    booking, _space = locked_booking(booking)
    if booking.checked_in_at is not None:
        return booking
    if not booking.can_check_in(now):
        # Marked a no-show already (someone took the slot), or only by the clock.
        if booking.status == BookingStatus.NO_SHOW or booking.missed_check_in(now):
            raise DomainError(
                ErrorCode.CHECKIN_MISSED,
                _("The check-in time has passed and the booking was released."),
            )
        raise DomainError(
            ErrorCode.CHECKIN_NOT_OPEN, _("You can check in from 15 minutes before the start.")
        )
    booking.checked_in_at = now
    booking.save(update_fields=["checked_in_at", "updated_at"])
    log(booking, LogAction.CHECKED_IN, actor)
    BookingStatistic.objects.filter(booking=booking).update(outcome=Outcome.ATTENDED)
    fact_changed(office_id=booking.office_id, when=booking.starts_at, family=Family.BOOKINGS)
    return booking


def check_in_arriving_member(*, member: Member, office: Office, at: datetime) -> list[Booking]:
    """A member checked in at the office: check in their bookings that are due."""
    at = to_utc(at)
    due = Booking.objects.filter(
        member=member, office=office, status=BookingStatus.CONFIRMED, checked_in_at__isnull=True
    ).filter(
        starts_at__lte=at + timedelta(minutes=15),
        ends_at__gt=at,
    )
    done = []
    for booking in due:
        if booking.can_check_in(at):
            done.append(booking_check_in(booking=booking, actor=member, at=at))
    return done
