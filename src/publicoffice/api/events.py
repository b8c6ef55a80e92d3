"""The events API: published events, one event, registering, a member's registrations.

Reads are public: every event is published (members propose events through
the dialogue API, and a host makes a proposal an event there). Writes need a
caller (:mod:`publicoffice.api.auth`) and go through the same services as the
web pages, so the checks and error codes are the same; they count against
``API_WRITE_LIMIT`` like bookings.
"""

from __future__ import annotations

import math
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from publicoffice.api.auth import member_auth
from publicoffice.api.common import (
    MAX_ID,
    READ_ERRORS,
    WRITE_ERRORS,
    activate_language,
    caller,
    count_write,
    page_link,
    require_aware,
    write_limit_doc,
)
from publicoffice.api.event_schemas import (
    EventIn,
    EventOut,
    EventPageOut,
    EventQuery,
    RegistrationOut,
    RegistrationPageOut,
)
from publicoffice.api.schemas import MAX_PAGE_SIZE, PageQuery
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.events import policies, selectors, services
from publicoffice.events.models import Event, Registration
from publicoffice.places.models import Office, Space
from publicoffice.places.selectors import office_public

router = Router(tags=["events"])

# -- helpers --------------------------------------------------------------------


def _event(event: Event, request: HttpRequest) -> dict[str, Any]:
    office = event.office
    town = f"{office.postal_code} {office.city}".strip()
    space = event.space
    return {
        "id": str(event.public_id),
        "url": request.build_absolute_uri(
            reverse("events:detail", kwargs={"public_id": event.public_id})
        ),
        "ics_url": request.build_absolute_uri(
            reverse("events:ics", kwargs={"public_id": event.public_id})
        ),
        "title": str(event.title),
        "description": str(event.description or ""),
        "starts_at": timezone.localtime(event.starts_at),
        "ends_at": timezone.localtime(event.ends_at),
        "office": {"id": office.pk, "slug": office.slug, "name": str(office.name)},
        "room": (
            {"id": space.pk, "name": str(space.name), "capacity": space.capacity}
            if space is not None
            else None
        ),
        "address": ", ".join(part for part in (office.street_address, town) if part),
        "capacity": event.capacity,
        "seats_taken": int(getattr(event, "seats_taken", 0)),
        "seats_left": selectors.seats_left(event),
        "waiting": int(getattr(event, "waiting_count", 0)),
        "languages": [
            {"code": lang.code, "name": str(lang.name), "endonym": lang.endonym}
            for lang in event.languages.all()
        ],
        "audience": event.audience,
        "audience_label": str(event.get_audience_display()),
        "accessibility_notes": str(event.accessibility_notes or ""),
        "status": event.status,
        "status_label": str(event.get_status_display()),
        "status_note": str(event.status_note or ""),
        "sequence": event.sequence,
        "updated_at": timezone.localtime(event.updated_at),
    }


def _registration(
    registration: Registration, request: HttpRequest, event: Event | None = None
) -> dict[str, Any]:
    place = getattr(registration, "place_in_line", None)
    if place is None:
        place = selectors.place_in_line(registration)
    return {
        "id": registration.pk,
        "event": _event(event or selectors.event_with_counts(registration.event), request),
        "status": registration.status,
        "status_label": str(registration.get_status_display()),
        "place_in_line": place,
        "queued_at": timezone.localtime(registration.queued_at),
        "cancelled_at": (
            timezone.localtime(registration.cancelled_at) if registration.cancelled_at else None
        ),
    }


def _page(request: HttpRequest, events: QuerySet[Event], page: int, size: int) -> dict[str, Any]:
    count = Paginator(events, size).count
    pages = max(1, math.ceil(count / size))
    chunk = events[(page - 1) * size : page * size]
    return {
        "count": count,
        "page": page,
        "page_size": size,
        "pages": pages,
        "next": page_link(request, page + 1) if page < pages else None,
        "previous": page_link(request, page - 1) if 1 < page <= pages else None,
        "results": [_event(e, request) for e in chunk],
    }


def _listed(query: EventQuery, office: Office | None) -> QuerySet[Event]:
    require_aware(**{"from": query.from_, "to": query.to})
    start = query.from_ or timezone.now()
    if query.to is not None:
        if query.to <= start:
            raise DomainError(ErrorCode.INVALID_RANGE)
        return selectors.events_between(
            start=start,
            end=query.to,
            office=office,
            audience=query.audience[:20],
            language=query.language[:12],
        )
    return selectors.events_upcoming(
        at=start, office=office, audience=query.audience[:20], language=query.language[:12]
    )


# -- reads (public) ----------------------------------------------------------------


@router.get("/events", response={200: EventPageOut, **READ_ERRORS}, summary="Published events")
def list_events(request: HttpRequest, query: Query[EventQuery]) -> Any:
    """Published events across the network that have not ended, soonest first.

    Cancelled, postponed and moved events stay in the list with their
    ``status``, so nobody travels to an event that no longer takes place.
    """
    activate_language(request, query.lang)
    office = office_public(slug=query.office) if query.office else None
    return _page(request, _listed(query, office), query.page, query.page_size)


@router.get(
    "/offices/{slug}/events",
    response={200: EventPageOut, **READ_ERRORS},
    summary="Published events of an office",
)
def office_events(request: HttpRequest, slug: str, query: Query[EventQuery]) -> Any:
    """The same as ``/events`` for one office."""
    activate_language(request, query.lang)
    office = office_public(slug=slug)
    return _page(request, _listed(query, office), query.page, query.page_size)


@router.get("/events/{public_id}", response={200: EventOut, **READ_ERRORS}, summary="One event")
def get_event(request: HttpRequest, public_id: str, lang: str = "") -> Any:
    """One event (every event is public)."""
    activate_language(request, lang)
    return _event(selectors.event_get(public_id=public_id), request)


# -- writes ------------------------------------------------------------------------


@router.post(
    "/events",
    auth=member_auth,
    response={201: EventOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Create an event",
)
def create_event(request: HttpRequest, payload: EventIn) -> Any:
    """Hosts of the office create a published event (its room is booked at once).

    Anyone else gets ``403 not_allowed``, as on the web: a member who wants an
    event makes a proposal (``kind: activity``) through the dialogue API.
    """
    activate_language(request)
    user = caller(request)
    count_write(user)
    require_aware(starts_at=payload.starts_at, ends_at=payload.ends_at)
    office = office_public(slug=payload.office)
    if not policies.can_run_events(user, office):
        raise DomainError(
            ErrorCode.NOT_ALLOWED, _("Only the office's hosts can create events here.")
        )
    space: Space | None = None
    if payload.room is not None:
        if not 1 <= payload.room <= MAX_ID:
            raise DomainError(ErrorCode.SPACE_NOT_IN_OFFICE)
        space = selectors.event_room_get(office=office, space_id=payload.room)
    fields: dict[str, Any] = {
        "office": office,
        "title": payload.title,
        "starts_at": payload.starts_at,
        "ends_at": payload.ends_at,
        "space": space,
        "capacity": payload.capacity,
        "description": payload.description,
        "languages": payload.languages[:20],
        "audience": payload.audience,
        "accessibility_notes": payload.accessibility_notes,
    }
    event = services.event_create(actor=user, **fields)
    return Status(201, _event(selectors.event_with_counts(event), request))


@router.post(
    "/events/{public_id}/registrations",
    auth=member_auth,
    response={201: RegistrationOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Register me",
)
def register(request: HttpRequest, public_id: str) -> Any:
    """A seat while seats are left, otherwise a place on the waitlist
    (``status: waiting``, ``place_in_line``). Registering twice is
    ``409 already_registered``."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    event = selectors.event_get(public_id=public_id)
    registration = services.registration_create(event=event, member=user)
    return Status(201, _registration(registration, request))


def _cancel(request: HttpRequest, registration: Registration) -> Any:
    cancelled = services.registration_cancel(registration=registration, actor=caller(request))
    return _registration(cancelled, request)


@router.delete(
    "/events/{public_id}/registration",
    auth=member_auth,
    response={200: RegistrationOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Cancel my registration",
)
def unregister(request: HttpRequest, public_id: str) -> Any:
    """Give my seat (or place in line) back; a freed seat goes to the first in line."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    event = selectors.event_get(public_id=public_id)
    registration = selectors.registration_for(event=event, member=user)
    if registration is None:
        raise DomainError(ErrorCode.REGISTRATION_NOT_FOUND)
    return _cancel(request, registration)


@router.delete(
    "/registrations/{registration_id}",
    auth=member_auth,
    response={200: RegistrationOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Cancel a registration",
)
def cancel_registration(request: HttpRequest, registration_id: int) -> Any:
    """The member's own registration, or any at an office the caller runs."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    if not 1 <= registration_id <= MAX_ID:
        raise DomainError(ErrorCode.REGISTRATION_NOT_FOUND)
    registration = selectors.registration_get(registration_id=registration_id)
    return _cancel(request, registration)


# -- a member's registrations --------------------------------------------------------


@router.get(
    "/me/registrations",
    auth=member_auth,
    response={200: RegistrationPageOut, **READ_ERRORS},
    summary="My registrations",
)
def my_registrations(request: HttpRequest, paging: Query[PageQuery], lang: str = "") -> Any:
    """My seats and waitlist places for events that have not ended, soonest first."""
    activate_language(request, lang)
    page, page_size = paging.page, paging.page_size
    if not paging.is_valid():
        raise DomainError(
            ErrorCode.INVALID_PAGE,
            _("Pages start at 1 and hold between 1 and %(max)s items.") % {"max": MAX_PAGE_SIZE},
        )
    mine = selectors.member_registrations(member=caller(request), at=timezone.now())
    count = Paginator(mine, page_size).count
    chunk = list(mine[(page - 1) * page_size : page * page_size])
    events = selectors.events_by_id(r.event_id for r in chunk)
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": max(1, math.ceil(count / page_size)),
        "results": [_registration(r, request, events[r.event_id]) for r in chunk],
    }
