"""The bookings API: availability, the first free slot, and a member's bookings.

Reads of availability are public; a known caller also sees their own
bookings as ``mine`` and is judged by their own quotas. Writes need a caller
(:mod:`publicoffice.api.auth`) and go through the same services as the web
pages, so the checks and the error codes are the same: a refusal is a
:class:`~publicoffice.core.errors.DomainError`, mapped to JSON once in
:mod:`publicoffice.api.api`.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status

from publicoffice.api.auth import member_auth, optional_user
from publicoffice.api.booking_schemas import (
    AvailabilityQuery,
    BookingIn,
    BookingOut,
    BookingPageOut,
    BookingPatch,
    FindQuery,
    OfficeAvailabilityOut,
    SpaceAvailabilityOut,
    SuggestionOut,
)
from publicoffice.api.common import (
    MAX_ID,
    READ_ERRORS,
    WRITE_ERRORS,
    activate_language,
    caller,
    count_write,
    require_aware,
    write_limit_doc,
)
from publicoffice.api.schemas import MAX_PAGE_SIZE, PageQuery
from publicoffice.bookings import availability, finder, selectors, services
from publicoffice.bookings.availability import Week
from publicoffice.bookings.models import Booking
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Office, Space
from publicoffice.places.selectors import office_public

router = Router(tags=["bookings"])

#: Availability may be asked from a month back to a year ahead.
START_DAYS_BACK = 31
START_DAYS_AHEAD = 366

# -- helpers --------------------------------------------------------------------


def _start(query: AvailabilityQuery) -> date:
    today = timezone.localdate()
    start = query.start or today
    if (
        not today - timedelta(days=START_DAYS_BACK)
        <= start
        <= today + timedelta(days=START_DAYS_AHEAD)
    ):
        raise DomainError(ErrorCode.INVALID_START)
    return start


def _office_ref(office: Office) -> dict[str, Any]:
    return {"id": office.pk, "slug": office.slug, "name": str(office.name)}


def _space_ref(space: Space) -> dict[str, Any]:
    return {"id": space.pk, "name": str(space.name), "kind": space.kind, "capacity": space.capacity}


def _week(week: Week) -> dict[str, Any]:
    return {
        "space": _space_ref(week.space),
        "office": _office_ref(week.space.office),
        "slot_minutes": week.rules.slot_minutes,
        "min_minutes": week.rules.min_minutes,
        "max_minutes": week.rules.max_minutes,
        "days": [
            {
                "date": day.date,
                "slots": [
                    {
                        "starts_at": slot.starts_at,
                        "ends_at": slot.ends_at,
                        "state": slot.state,
                        "code": slot.code,
                        "reason": str(slot.reason),
                    }
                    for slot in day.slots
                ],
            }
            for day in week.days
        ],
        "free": [{"starts_at": s, "ends_at": e} for s, e in week.free_ranges()],
    }


def _local(moment: datetime | None) -> datetime | None:
    """Times in the network's zone, with their offset, like the availability slots."""
    return timezone.localtime(moment) if moment is not None else None


def _booking(booking: Booking, request: HttpRequest) -> dict[str, Any]:
    return {
        "id": str(booking.public_id),
        "url": request.build_absolute_uri(
            reverse("bookings:detail", kwargs={"public_id": booking.public_id})
        ),
        "space": _space_ref(booking.space),
        "office": _office_ref(booking.office),
        "starts_at": _local(booking.starts_at),
        "ends_at": _local(booking.ends_at),
        "attendees": booking.attendees,
        "purpose": booking.purpose,
        "status": booking.status,
        "status_label": str(booking.get_status_display()),
        "checkin_deadline": _local(booking.checkin_deadline),
        "checked_in_at": _local(booking.checked_in_at),
        "cancelled_at": _local(booking.cancelled_at),
        "created_at": _local(booking.created_at),
    }


# -- availability (public) -------------------------------------------------------
# Fixed paths come before /bookings/{public_id} so Django's URL map tries them first.


@router.get(
    "/spaces/{space_id}/availability",
    response={200: SpaceAvailabilityOut, **READ_ERRORS},
    summary="Free and taken times of a space",
)
def space_availability(request: HttpRequest, space_id: int, query: Query[AvailabilityQuery]) -> Any:
    """Every slot of the space for ``days`` days from ``start``: its ``state``
    (``free``, ``mine``, ``taken``, ``closed``, ``past``, ``unavailable``) and,
    when it cannot be booked, the booking error ``code`` and ``reason``;
    ``free`` merges consecutive free slots. The same checks as booking itself.
    """
    activate_language(request, query.lang)
    user = optional_user(request)
    start = _start(query)
    if not 1 <= space_id <= MAX_ID:
        raise DomainError(ErrorCode.SPACE_NOT_FOUND)
    space = selectors.bookable_space(space_id=space_id)
    weeks = availability.space_weeks([space], start=start, days=query.days, member=user)
    return _week(weeks[space.pk])


@router.get(
    "/offices/{slug}/availability",
    response={200: OfficeAvailabilityOut, **READ_ERRORS},
    summary="Free and taken times of every bookable space of an office",
)
def office_availability(request: HttpRequest, slug: str, query: Query[AvailabilityQuery]) -> Any:
    """The same as a space's availability, for all bookable spaces of the office at once."""
    activate_language(request, query.lang)
    user = optional_user(request)
    start = _start(query)
    office = office_public(slug=slug)
    spaces = selectors.bookable_spaces_with_hours(office=office)
    weeks = availability.space_weeks(spaces, start=start, days=query.days, member=user)
    return {
        "office": _office_ref(office),
        "start": start,
        "days": query.days,
        "spaces": [_week(weeks[space.pk]) for space in spaces],
    }


@router.get(
    "/bookings/find",
    response={200: list[SuggestionOut], **READ_ERRORS},
    summary="The first free times that fit",
)
def find(request: HttpRequest, query: Query[FindQuery]) -> Any:
    """The earliest time in each fitting space that takes the whole stay, soonest first.

    ``needs`` may be given more than once.
    """
    activate_language(request, query.lang)
    user = optional_user(request)
    office = office_public(slug=query.office) if query.office else None
    found = finder.first_free_slots(
        duration_minutes=query.duration,
        attendees=query.attendees,
        office=office,
        kind=query.kind[:32],
        needs=query.needs[:10],
        member=user,
    )
    return [
        {
            "space": _space_ref(s.space),
            "office": _office_ref(s.space.office),
            "starts_at": s.starts_at,
            "ends_at": s.ends_at,
        }
        for s in found
    ]


# -- a member's bookings -----------------------------------------------------------


@router.get(
    "/me/bookings",
    auth=member_auth,
    response={200: BookingPageOut, **READ_ERRORS},
    summary="My bookings",
)
def my_bookings(request: HttpRequest, paging: Query[PageQuery], lang: str = "") -> Any:
    """The caller's bookings of every status: coming ones first (soonest first),
    then the others, cancelled ones included (latest first): the order of the web page."""
    activate_language(request, lang)
    page, page_size = paging.page, paging.page_size
    if not paging.is_valid():
        raise DomainError(
            ErrorCode.INVALID_PAGE,
            _("Pages start at 1 and hold between 1 and %(max)s bookings.") % {"max": MAX_PAGE_SIZE},
        )
    count, chunk = selectors.my_bookings_page(
        member=caller(request), now=timezone.now(), page=page, page_size=page_size
    )
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": max(1, math.ceil(count / page_size)),
        "results": [_booking(b, request) for b in chunk],
    }


@router.post(
    "/bookings",
    auth=member_auth,
    response={201: BookingOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Book a space",
)
def create_booking(request: HttpRequest, payload: BookingIn) -> Any:
    """Book a space for the caller. Times are ISO 8601 with an offset (naive
    times are refused with ``naive_datetime``); the range is half-open, so a
    booking ending at 11:00 leaves 11:00 free. Refusals carry the same codes
    as the web pages, e.g. ``slot_taken`` (409), ``booking_too_long``, ``not_on_slot``.
    """
    activate_language(request)
    user = caller(request)
    count_write(user)
    require_aware(starts_at=payload.starts_at, ends_at=payload.ends_at)
    if not 1 <= payload.space <= MAX_ID:
        raise DomainError(ErrorCode.SPACE_NOT_FOUND)
    space = selectors.space_to_book(space_id=payload.space)
    booking = services.booking_create(
        space=space,
        member=user,
        actor=user,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        attendees=payload.attendees,
        purpose=payload.purpose,
    )
    return Status(201, _booking(booking, request))


@router.get(
    "/bookings/{public_id}",
    auth=member_auth,
    response={200: BookingOut, **READ_ERRORS},
    summary="One booking",
)
def get_booking(request: HttpRequest, public_id: str, lang: str = "") -> Any:
    """A booking of the caller's, or of an office the caller runs; otherwise 404."""
    activate_language(request, lang)
    return _booking(
        selectors.booking_visible_to(user=caller(request), public_id=public_id), request
    )


@router.patch(
    "/bookings/{public_id}",
    auth=member_auth,
    response={200: BookingOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Change a booking",
)
def change_booking(request: HttpRequest, public_id: str, payload: BookingPatch) -> Any:
    """Move a booking or change its size or purpose; fields left out stay as they are.

    The rules in force when it was booked apply, with the same checks as booking.
    """
    activate_language(request)
    user = caller(request)
    count_write(user)
    booking = selectors.booking_visible_to(user=user, public_id=public_id)
    given = payload.model_dump(exclude_unset=True)
    if not any(value is not None for value in given.values()):
        raise DomainError(ErrorCode.NOTHING_TO_CHANGE)
    require_aware(starts_at=payload.starts_at, ends_at=payload.ends_at)
    booking = services.booking_change(
        booking=booking,
        actor=user,
        starts_at=payload.starts_at or booking.starts_at,
        ends_at=payload.ends_at or booking.ends_at,
        attendees=payload.attendees,
        purpose=payload.purpose,
    )
    return _booking(booking, request)


@router.post(
    "/bookings/{public_id}/cancel",
    auth=member_auth,
    response={200: BookingOut, **WRITE_ERRORS},
    openapi_extra=write_limit_doc(),
    summary="Cancel a booking",
)
def cancel_booking(request: HttpRequest, public_id: str) -> Any:
    """Give the time back; the first on the space's waitlist is offered it."""
    activate_language(request)
    user = caller(request)
    count_write(user)
    booking = selectors.booking_visible_to(user=user, public_id=public_id)
    booking = services.booking_cancel(booking=booking, actor=user)
    return _booking(booking, request)
