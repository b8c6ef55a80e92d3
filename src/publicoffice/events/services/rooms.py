"""An event's room, reserved, moved and released through the booking service.

The event never writes a booking itself: :func:`booking_create`,
:func:`booking_change` and :func:`booking_cancel` run every booking rule,
the double-booking guard and their error codes, inside the event's own
transaction, so a refused booking leaves no event behind.

The booking is made *for the event* as an office activity (no member, the
event's title as the visitor's name): it belongs to the office, not to the
host who made it, so it counts against nobody's quota, needs no check-in and
stays when that host's account goes. Staff holding the named permissions for
a rule (opening hours, slot length...) override it, with the event as the
logged reason.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext

from publicoffice.accounts.actors import StaffUser
from publicoffice.bookings.models import Booking
from publicoffice.bookings.services import booking_cancel, booking_change, booking_create
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.events.models import Event

#: Refusals of the booking service that mean "nothing left to release".
_ALREADY_FREE = frozenset(
    {ErrorCode.BOOKING_NOT_ACTIVE, ErrorCode.BOOKING_OVER, ErrorCode.BOOKING_NOT_FOUND}
)

VISITOR_NAME_MAX = 80


def _override_reason(event: Event) -> str:
    return gettext("Event: %(title)s") % {"title": event.title}


def room_reserve(*, event: Event, actor: StaffUser, now: datetime) -> Booking | None:
    """Book the event's room for its time; ``None`` when it has no room."""
    if event.space is None:
        return None
    return booking_create(
        space=event.space,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        visitor_name=str(event.title)[:VISITOR_NAME_MAX],
        attendees=event.capacity or 1,
        purpose=str(event.title),
        actor=actor,
        override_reason=_override_reason(event),
        at=now,
        office_activity=True,
    )


def room_release(*, event: Event, actor: StaffUser, now: datetime) -> None:
    """Give the room back, if the event still holds it."""
    booking = event.booking
    if booking is None:
        return
    if booking.holds_at(now) and booking.ends_at > now:
        try:
            booking_cancel(booking=booking, actor=actor, at=now)
        except DomainError as error:
            if error.code not in _ALREADY_FREE:
                raise
    event.booking = None


def room_move(*, event: Event, actor: StaffUser, now: datetime, old_space_id: int | None) -> None:
    """Follow the event to its new time or room (or away from any room).

    The same room at a new time is a change of the booking, checked against
    the rules copied when it was made; another room is a new booking and the
    old one is released. Either way, a refusal undoes the whole update.
    """
    booking = event.booking
    active = booking is not None and booking.holds_at(now) and booking.ends_at > now
    if booking is not None and active and event.space_id == old_space_id and event.space:
        event.booking = booking_change(
            booking=booking,
            actor=actor,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            attendees=event.capacity or 1,
            purpose=str(event.title),
            override_reason=_override_reason(event),
            at=now,
        )
        return
    room_release(event=event, actor=actor, now=now)
    event.booking = room_reserve(event=event, actor=actor, now=now)
