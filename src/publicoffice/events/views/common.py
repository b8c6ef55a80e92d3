"""Helpers shared by the event pages: looking things up, cards, refusals as form errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from publicoffice.core.errors import DomainError
from publicoffice.events.models import Event, EventStatus
from publicoffice.events.selectors import seats_left
from publicoffice.places.models import Office

#: Events per page in the lists.
PAGE_SIZE = 20

#: Which form field a service's refusal is about, by its code. Anything not
#: listed is about the event as a whole (the time, the office's rules) and is
#: shown above the form. Booking refusals keep their own codes (see
#: ``bookings/checks.py``), so a taken room reads as a problem with the room.
FIELD_OF_CODE = {
    # The event services (events/services/_common.py and events.py).
    "title_invalid": "title",
    "title_missing": "title",
    "title_too_long": "title",
    "description_too_long": "description",
    "accessibility_notes_too_long": "accessibility_notes",
    "status_note_too_long": "note",
    "audience_invalid": "audience",
    "language_unknown": "languages",
    "time_invalid": "day",
    "ends_before_start": "end",
    "event_too_long": "end_day",
    "event_in_past": "day",
    "space_not_in_office": "space",
    "not_allowed_office_activity": "space",
    "capacity_invalid": "capacity",
    "capacity_over_room": "capacity",
    "capacity_below_registered": "capacity",
    "status_invalid": "status",
    "note_missing": "note",
    "reason_missing": "reason",
    # Refusals of the booking service when the room is reserved (bookings/checks.py).
    "slot_taken": "space",
    "space_not_bookable": "space",
    "too_many_attendees": "capacity",
    "attendees_invalid": "capacity",
    "in_past": "day",
    "too_soon": "day",
    "too_far_ahead": "day",
    "invalid_range": "end",
}


def public_office(slug: str) -> Office:
    """An office visitors may see (not closed down for good); 404 otherwise."""
    office = Office.objects.public().filter(slug=slug).first()
    if office is None:
        raise Http404
    return office


def forbidden(request: HttpRequest, message: Any) -> HttpResponse:
    """A translated "not yours to do" page instead of Django's bare 403."""
    return render(request, "events/forbidden.html", {"message": message}, status=403)


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal at the field it concerns, or above the form.

    The code table comes first; a ``details["field"]`` from the service
    covers codes the table does not know. Anything else goes above the form.
    """
    candidates = (FIELD_OF_CODE.get(error.code), error.details.get("field"))
    field = next((name for name in candidates if name in form.fields), None)
    form.add_error(field, forms.ValidationError(str(error.message), code=error.code))


@dataclass(frozen=True)
class EventCard:
    """What a list shows of one event: the event and its seats in words."""

    event: Event
    seats_left: int | None
    is_off: bool

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0

    @property
    def waiting(self) -> int:
        return int(getattr(self.event, "waiting_count", 0) or 0)


def event_card(event: Event) -> EventCard:
    """Cancelled and postponed events are "off": no seats are offered for them."""
    return EventCard(
        event=event,
        seats_left=seats_left(event),
        is_off=event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED),
    )


def event_cards(events: Any) -> list[EventCard]:
    return [event_card(event) for event in events]
