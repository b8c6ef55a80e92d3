"""The public API, version 1 (django-ninja, OpenAPI 3 at /api/v1/openapi.json).

Errors are always JSON of the form ``{"code": ..., "message": ...}`` where
``code`` is stable and ``message`` translated (language from ``?lang=`` or
the ``Accept-Language`` header).
"""

from __future__ import annotations

import math
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from publicoffice.api import serializers
from publicoffice.api.bookings import router as bookings_router
from publicoffice.api.events import router as events_router
from publicoffice.api.schemas import ErrorOut, OccupancyOut, OfficeDetailOut, OfficePageOut
from publicoffice.core.errors import DomainError
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.places.models import OfficeStatus
from publicoffice.places.selectors import (
    MAX_QUERY_LENGTH,
    OfficeFilters,
    attach_details,
    office_get_public_by_id,
    office_search,
)
from publicoffice.visits.selectors import occupancy

api = NinjaAPI(
    title="Public Office API",
    version="1",
    description=(
        "Open data about the network of Public Offices: where they are, when "
        "they are open, how accessible they are. Free to use; no key needed "
        "for reading."
    ),
    urls_namespace="api-v1",
)

MAX_PAGE_SIZE = 100


def _error(request: HttpRequest, status: int, code: str, message: str, **details: Any) -> Any:
    body: dict[str, Any] = {"code": code, "message": message}
    if details:
        body["details"] = details
    return api.create_response(request, body, status=status)


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=exc.status)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = {}
    for error in exc.errors:
        location = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        fields[location] = error.get("msg", "")
    return _error(request, 422, "invalid_input", _("Some values are not valid."), fields=fields)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", _("Nothing was found at this address."))


@api.exception_handler(AuthenticationError)
def _not_authenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _error(
        request,
        401,
        "not_authenticated",
        _("Log in, or send a personal API token as “Authorization: Bearer <key>”."),
    )
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, "http_error", str(exc))


class OfficeQuery(Schema):
    q: str = ""
    municipality: str = ""
    open_now: bool = False
    step_free: bool = False
    hearing_loop: bool = False
    amenity: str = ""
    language: str = ""
    lang: str = ""

    def filters(self) -> OfficeFilters:
        return OfficeFilters(
            q=self.q[:MAX_QUERY_LENGTH],
            municipality=self.municipality,
            open_now=self.open_now,
            step_free=self.step_free,
            hearing_loop=self.hearing_loop,
            amenity=self.amenity,
            language=self.language,
        )


def _activate(lang: str) -> None:
    if lang in LANGUAGE_CODES:
        translation.activate(lang)


def _page_link(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@api.get(
    "/offices",
    response={200: OfficePageOut, 422: ErrorOut},
    summary="List offices",
    tags=["offices"],
)
def list_offices(
    request: HttpRequest, filters: Query[OfficeQuery], page: int = 1, page_size: int = 20
) -> Any:
    """Offices of the network with the home page's filters, paginated."""
    _activate(filters.lang)
    if page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
        return _error(
            request,
            422,
            "invalid_page",
            _("Pages start at 1 and hold between 1 and %(max)s offices.") % {"max": MAX_PAGE_SIZE},
        )
    now = timezone.now()
    offices = office_search(filters=filters.filters(), at=now)
    count = len(offices)
    pages = max(1, math.ceil(count / page_size))
    chunk = offices[(page - 1) * page_size : page * page_size]
    attach_details(chunk)
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": pages,
        "next": _page_link(request, page + 1) if page < pages else None,
        "previous": _page_link(request, page - 1) if 1 < page <= pages else None,
        "results": [serializers.office_summary(o, request=request, at=now) for o in chunk],
    }


@api.get(
    "/offices.geojson",
    summary="Offices as GeoJSON",
    tags=["offices"],
    response={200: dict[str, Any], 422: ErrorOut},
    openapi_extra={
        "responses": {
            "200": {
                "description": "RFC 7946 FeatureCollection",
                "content": {"application/geo+json": {"schema": {"type": "object"}}},
            }
        }
    },
)
def offices_geojson(request: HttpRequest, filters: Query[OfficeQuery]) -> HttpResponse:
    """All matching offices as an RFC 7946 FeatureCollection (``application/geo+json``)."""
    _activate(filters.lang)
    now = timezone.now()
    offices = office_search(filters=filters.filters(), at=now)
    attach_details(offices)
    collection = {
        "type": "FeatureCollection",
        "features": [serializers.office_feature(o, request=request, at=now) for o in offices],
    }
    return JsonResponse(
        collection, content_type="application/geo+json", json_dumps_params={"ensure_ascii": False}
    )


@api.get(
    "/offices/{office_id}",
    response={200: OfficeDetailOut, 404: ErrorOut},
    summary="One office",
    tags=["offices"],
)
def get_office(request: HttpRequest, office_id: int, lang: str = "") -> Any:
    """An office with opening hours, open now, accessibility and spaces."""
    _activate(lang)
    office = office_get_public_by_id(office_id=office_id)
    if office is None:
        raise Http404
    return serializers.office_detail(
        office, request=request, at=timezone.now(), language=translation.get_language()
    )


@api.get(
    "/offices/{office_id}/occupancy",
    response={200: OccupancyOut, 404: ErrorOut},
    summary="How full an office is now",
    tags=["visits"],
)
def get_occupancy(request: HttpRequest, office_id: int, lang: str = "") -> Any:
    """People checked in now against capacity: ``quiet``, ``fairly_busy`` or ``full``."""
    _activate(lang)
    office = office_get_public_by_id(office_id=office_id)
    if office is None:
        raise Http404
    now = timezone.now()
    current = occupancy(office=office, at=now)
    return {
        "office_id": office.pk,
        "current": current.current,
        "capacity": current.capacity,
        "level": current.level,
        "label": current.label,
        "percent": current.percent,
        "open_now": office.status == OfficeStatus.OPEN and office.schedule().is_open(now),
        "as_of": now,
    }


api.add_router("/", bookings_router)
api.add_router("/", events_router)
