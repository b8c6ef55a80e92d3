"""Helpers shared by the event pages: who is acting, cards, refusals as form errors."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import ErrorPage, add_domain_error
from publicoffice.events.models import Event, EventStatus
from publicoffice.events.selectors import seats_left

#: Events per page in the lists.
PAGE_SIZE = 20

E = ErrorCode

#: Which form field a service's refusal is about, by its code. Texts carry
#: their field in ``details`` instead (``text_missing``, ``text_too_long``...).
#: Anything else is about the event as a whole (the time, the office's rules)
#: and is shown above the form. Booking refusals keep their own codes (see
#: ``bookings/checks.py``), so a taken room reads as a problem with the room.
FIELD_OF_CODE: dict[str, str] = {
    # The event services (events/services/_common.py and events.py).
    E.AUDIENCE_INVALID: "audience",
    E.LANGUAGE_UNKNOWN: "languages",
    E.TIME_INVALID: "day",
    E.EVENT_TOO_LONG: "end_day",
    E.SPACE_NOT_IN_OFFICE: "space",
    E.NOT_ALLOWED_OFFICE_ACTIVITY: "space",
    E.CAPACITY_INVALID: "capacity",
    E.CAPACITY_OVER_ROOM: "capacity",
    E.CAPACITY_BELOW_REGISTERED: "capacity",
    E.STATUS_INVALID: "status",
    # Refusals of the booking service when the room is reserved (bookings/checks.py).
    E.SLOT_TAKEN: "space",
    E.SPACE_NOT_BOOKABLE: "space",
    E.TOO_MANY_ATTENDEES: "capacity",
    E.ATTENDEES_INVALID: "capacity",
    # Both: a time already past, the end before the start.
    E.IN_PAST: "day",
    E.TOO_SOON: "day",
    E.TOO_FAR_AHEAD: "day",
    E.INVALID_RANGE: "end",
}


def acting_member(request: HttpRequest) -> Member:
    """The logged-in user of a page that needs one (behind ``login_required``)."""
    user = request.user
    if isinstance(user, AnonymousUser):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, gettext("Log in to do this."))
    return user


def form_refused(template: str) -> ErrorPage:
    """Show the form in ``context`` again, the refusal at the field it concerns.

    For :func:`~publicoffice.core.web_errors.on_domain_error` on a view's
    saving step, called as ``save(request, context)``; the page answers
    with the registry's status for the refusal.
    """

    def page(request: HttpRequest, error: DomainError, context: dict[str, Any]) -> HttpResponse:
        add_domain_error(context["form"], error, field_of_code=FIELD_OF_CODE)
        return render(request, template, context, status=error.status)

    return page


@dataclass(frozen=True)
class EventCard:
    """What a list shows of one event: the event and its seats in words."""

    event: Event
    seats_left: int | None
    is_off: bool
    #: Over by the time the page is shown: the week page keeps Monday's
    #: events on Friday, and must not offer their seats as if still to come.
    has_ended: bool = False

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0

    @property
    def waiting(self) -> int:
        return int(getattr(self.event, "waiting_count", 0) or 0)


def event_card(event: Event, *, now: datetime | None = None) -> EventCard:
    """Cancelled and postponed events are "off": no seats are offered for them.

    Given ``now``, an event that has ended by then says so instead of its seats.
    """
    return EventCard(
        event=event,
        seats_left=seats_left(event),
        is_off=event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED),
        has_ended=now is not None and event.ends_at <= now,
    )


def attendance_open(event: Event, now: datetime) -> bool:
    """Whether the page offers to record attendance: the event has begun at its time.

    The service decides for itself; this only keeps a form from being shown
    that it would refuse.
    """
    off = event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED)
    return not off and event.starts_at <= now


def event_cards(events: Iterable[Event]) -> list[EventCard]:
    return [event_card(event) for event in events]
