"""The public API, version 1 (django-ninja, OpenAPI 3 at /api/v1/openapi.json).

Errors are always JSON of the form ``{"code": ..., "message": ...}`` where
``code`` is stable and ``message`` translated (language from ``?lang=`` or
the ``Accept-Language`` header). A refusal of the domain is a
:class:`~publicoffice.core.errors.DomainError` with its status from the
registry, turned into JSON by :func:`_domain_error` and nowhere else; the
routers only raise.

An office is named by its slug (``/offices/ronna``), as in the web pages and
in every other operation about offices. The numbered addresses of the first
release (``/offices/12``) answer ``308 Permanent Redirect`` to the slug's
address and are marked deprecated in the OpenAPI document.
"""

from __future__ import annotations

import math
from typing import Any

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from publicoffice.api import serializers
from publicoffice.api.auth import key_checked
from publicoffice.api.bookings import router as bookings_router
from publicoffice.api.common import (
    ANY_ERRORS,
    MAX_ID,
    activate_language,
    not_found,
    page_link,
)
from publicoffice.api.dialogue import router as dialogue_router
from publicoffice.api.events import router as events_router
from publicoffice.api.schemas import (
    MAX_PAGE_SIZE,
    ErrorOut,
    OccupancyOut,
    OfficeDetailOut,
    OfficePageOut,
    PageQuery,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.extensions import card_extras
from publicoffice.places.models import OfficeStatus
from publicoffice.places.network_selectors import (
    BBOX_FORMAT,
    ZOOM_FORMAT,
    map_area,
    office_clusters,
)
from publicoffice.places.presenters import map_collection, office_card
from publicoffice.places.selectors import (
    MAX_QUERY_LENGTH,
    OfficeFilters,
    attach_details,
    office_get_public,
    office_get_with_hours,
    office_search,
    office_slug_by_id,
)
from publicoffice.visits.selectors import occupancy

api = NinjaAPI(
    title="Public Office API",
    version="1",
    description=(
        "Open data about the network of Public Offices: where they are, when "
        "they are open, how accessible they are. Free to use; no key needed "
        "for reading.\n\n"
        "An office is named by its **slug** (`/api/v1/offices/ronna`), the same "
        "name as in the web pages' addresses; that is its one canonical "
        "identifier. The numbered addresses `/api/v1/offices/{office_id}` and "
        "`/api/v1/offices/{office_id}/occupancy` are deprecated: they answer "
        "`308 Permanent Redirect` to the slug's address and will not be in v2."
    ),
    urls_namespace="api-v1",
)
# A request that sends a key must send a good one, on every operation (api.auth).
api.add_decorator(key_checked, mode="view")


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    """The API's one mapping of a refusal: its code, message and details, its status."""
    return api.create_response(request, exc.as_dict(), status=exc.status)


# ninja's own refusals become the registry's codes, answered by the one mapping.


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = {}
    for error in exc.errors:
        location = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        fields[location] = error.get("msg", "")
    return _domain_error(request, DomainError(ErrorCode.INVALID_INPUT, fields=fields))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _domain_error(request, not_found())


@api.exception_handler(AuthenticationError)
def _not_authenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = _domain_error(request, DomainError(ErrorCode.NOT_AUTHENTICATED))
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """A protocol error ninja raises with its own status (not a refusal of the domain)."""
    body = {"code": "http_error", "message": str(exc)}
    return api.create_response(request, body, status=exc.status_code)


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


@api.get(
    "/offices",
    response={200: OfficePageOut, **ANY_ERRORS},
    summary="List offices",
    tags=["offices"],
)
def list_offices(
    request: HttpRequest, filters: Query[OfficeQuery], paging: Query[PageQuery]
) -> Any:
    """Offices of the network with the home page's filters, paginated."""
    activate_language(request, filters.lang)
    page, page_size = paging.page, paging.page_size
    if not paging.is_valid():
        raise DomainError(
            ErrorCode.INVALID_PAGE,
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
        "next": page_link(request, page + 1) if page < pages else None,
        "previous": page_link(request, page - 1) if 1 < page <= pages else None,
        "results": [serializers.office_summary(o, request=request, at=now) for o in chunk],
    }


@api.get(
    "/offices.geojson",
    summary="Offices as GeoJSON",
    tags=["offices"],
    response=ANY_ERRORS,
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
    activate_language(request, filters.lang)
    now = timezone.now()
    offices = office_search(filters=filters.filters(), at=now)
    attach_details(offices)
    collection = {
        "type": "FeatureCollection",
        "features": [serializers.office_feature(o, request=request, at=now) for o in offices],
    }
    return _geojson(request, collection)


def _geojson(request: HttpRequest, collection: dict[str, Any]) -> HttpResponse:
    """GeoJSON with an ETag of its content: a map or a harvester that asks again
    with ``If-None-Match`` gets ``304 Not Modified`` and no body."""
    response = JsonResponse(
        collection, content_type="application/geo+json", json_dumps_params={"ensure_ascii": False}
    )
    patch_vary_headers(response, ["Accept-Language"])
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


class MapQuery(OfficeQuery):
    bbox: str = Field("", description=f"The visible area: {BBOX_FORMAT}. None: the world.")
    zoom: str = Field("", description=f"The map's zoom level, {ZOOM_FORMAT}. None: 5.")


@api.get(
    "/offices.map.geojson",
    url_name="offices_map",
    summary="Offices on a map, clustered",
    tags=["offices"],
    response={400: ErrorOut, **ANY_ERRORS},
    openapi_extra={
        "responses": {
            "200": {
                "description": "RFC 7946 FeatureCollection of clusters and offices",
                "content": {"application/geo+json": {"schema": {"type": "object"}}},
            },
            "304": {"description": "Not modified since the ETag given in If-None-Match"},
        }
    },
)
def offices_map(request: HttpRequest, filters: Query[MapQuery]) -> HttpResponse:
    """The matching offices in ``bbox``, grouped by grid cells of the ``zoom``
    level: a Feature with ``count`` per cell of several offices, a Feature with
    ``name``, ``url``, ``status`` and ``notes`` per lone office. Compact, for the
    home page's map; at most a few hundred features, however large the network."""
    activate_language(request, filters.lang)
    area = map_area(bbox=filters.bbox, zoom=filters.zoom)
    now = timezone.now()
    clusters, offices = office_clusters(filters=filters.filters(), area=area, at=now)
    extras = card_extras(offices, now)
    cards = [office_card(office, at=now, extras=extras[office.pk]) for office in offices]
    return _geojson(request, map_collection(clusters, cards))


# -- one office: the slug is its name; the numbered addresses redirect ------------
# The numbered routes come first: Django tries the routes in order, and the
# slug routes would take a number too.


def _to_slug_address(request: HttpRequest, office_id: int, url_name: str) -> HttpResponse:
    """``308`` to the same operation under the office's slug, query string kept."""
    slug = office_slug_by_id(office_id=office_id) if office_id <= MAX_ID else None
    if slug is None:
        raise not_found()
    location = reverse(f"api-v1:{url_name}", kwargs={"slug": slug})
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(
        f"{location}?{query}" if query else location, preserve_request=True
    )


DEPRECATED_BY_SLUG = (
    "Deprecated: the office's number instead of its slug. Answers `308 Permanent Redirect` "
    "to `%s` with the same query string; an unknown number is `404 not_found`."
)


def _redirect_doc(to: str, followed: str) -> dict[str, Any]:
    """The ``308`` and, for clients that follow redirects, the ``200`` they end with."""
    return {
        "responses": {
            "200": {
                "description": f"The answer of `{to}`, for a client that follows the redirect.",
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{followed}"}}
                },
            },
            "308": {
                "description": f"Permanent redirect to `{to}`.",
                "headers": {
                    "Location": {
                        "description": "The office's address by slug.",
                        "schema": {"type": "string"},
                    }
                },
            },
        }
    }


@api.get(
    "/offices/{int:office_id}",
    response={404: ErrorOut, **ANY_ERRORS},
    summary="One office by number (deprecated)",
    description=DEPRECATED_BY_SLUG % "/api/v1/offices/{slug}",
    tags=["offices"],
    deprecated=True,
    openapi_extra=_redirect_doc("/api/v1/offices/{slug}", "OfficeDetailOut"),
)
def get_office_by_id(request: HttpRequest, office_id: int) -> HttpResponse:
    return _to_slug_address(request, office_id, "office")


@api.get(
    "/offices/{int:office_id}/occupancy",
    response={404: ErrorOut, **ANY_ERRORS},
    summary="How full an office is now, by number (deprecated)",
    description=DEPRECATED_BY_SLUG % "/api/v1/offices/{slug}/occupancy",
    tags=["visits"],
    deprecated=True,
    openapi_extra=_redirect_doc("/api/v1/offices/{slug}/occupancy", "OccupancyOut"),
)
def get_occupancy_by_id(request: HttpRequest, office_id: int) -> HttpResponse:
    return _to_slug_address(request, office_id, "office_occupancy")


@api.get(
    "/offices/{slug}",
    response={200: OfficeDetailOut, 404: ErrorOut, **ANY_ERRORS},
    summary="One office",
    tags=["offices"],
    url_name="office",
)
def get_office(request: HttpRequest, slug: str, lang: str = "") -> Any:
    """An office with opening hours, open now, accessibility and spaces.

    ``slug`` is the office's name in addresses, as in ``/sv/offices/{slug}/``.
    """
    activate_language(request, lang)
    office = office_get_public(slug=slug)
    return serializers.office_detail(
        office, request=request, at=timezone.now(), language=translation.get_language()
    )


@api.get(
    "/offices/{slug}/occupancy",
    response={200: OccupancyOut, 404: ErrorOut, **ANY_ERRORS},
    summary="How full an office is now",
    tags=["visits"],
    url_name="office_occupancy",
)
def get_occupancy(request: HttpRequest, slug: str, lang: str = "") -> Any:
    """People checked in now against capacity: ``quiet``, ``fairly_busy`` or ``full``."""
    activate_language(request, lang)
    office = office_get_with_hours(slug=slug)
    now = timezone.now()
    current = occupancy(office=office, at=now)
    return {
        "office_id": office.pk,
        "slug": office.slug,
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
api.add_router("/", dialogue_router)
api.add_router("/", "publicoffice.api.problems.router")
api.add_router("/", "publicoffice.api.conduct.router")
api.add_router("/", "publicoffice.api.moderation.router")
api.add_router("/", "publicoffice.api.reports.router")
api.add_router("/", "publicoffice.api.commissioning.router")
api.add_router("/", "publicoffice.api.planning.router")
