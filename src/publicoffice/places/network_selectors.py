"""Reading the network a page or an area at a time: the home list and its map.

A country's network has thousands of offices; a visitor sees twenty in the
list and a screenful of map. So the list reads one page (one aggregate for
the count, one LIMIT query for the rows) and the map reads the visible area
grouped into grid cells by the database, and neither builds a model
instance, an opening schedule or a template fragment for an office that is
not shown. Only "open now", which depends on holidays and exceptions, is
still decided in Python, on the slimmest rows that can decide it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Avg, CharField, Count, F, FloatField, Max, Min, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Floor, Lower, NullIf
from django.utils import timezone
from django.utils.translation import get_language

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.places.selectors import (
    OfficeFilters,
    attach_schedules,
    office_base_queryset,
    office_filtered,
    schedules_for,
)

#: Offices per page of the home list.
PAGE_SIZE = 20
#: The most grid cells one map answer holds; a wider area gets coarser cells.
MAX_CELLS = 256
#: A cell's side on screen, in pixels of 256-pixel web map tiles.
CELL_PIXELS = 64
MAX_ZOOM = 20
#: From this zoom on (a street), every office is a marker of its own.
SPREAD_ZOOM = 17

Bounds = tuple[float, float, float, float]  # west, south, east, north (degrees)


@dataclass(frozen=True)
class OfficePage:
    """One page of the filtered network, with what the pagination needs."""

    offices: list[Office]
    count: int
    number: int
    size: int
    bounds: Bounds | None  # of every matching office, for the map's first view

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def name_order() -> Any:
    """Sort key of the office name as visitors read it, fallbacks included.

    The same fallback chain as modeltranslation's (``settings``), so that the
    database orders by the name the page shows, not by an empty translation.
    """
    language = get_language() or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = [language, *fallbacks.get(language, fallbacks["default"])]
    chain.append(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    codes = [code for code in dict.fromkeys(chain) if code in LANGUAGE_CODES]
    text = CharField()
    names = [NullIf(F(f"name_{code}"), Value(""), output_field=text) for code in codes]
    return Lower(Coalesce(*names, Value(""), output_field=text), output_field=text)


def _open_rows(queryset: QuerySet[Office], at: datetime) -> list[tuple[int, float, float]]:
    """(id, latitude, longitude) of the offices open at ``at``, in the queryset's order.

    Reads plain rows and the hours of today's neighbourhood, never model
    instances: this is the one part of the list that grows with the network.
    """
    rows = list(queryset.values_list("pk", "status", "latitude", "longitude"))
    since = timezone.localtime(at).date() - timedelta(days=1)
    schedules = schedules_for([row[0] for row in rows if row[1] == OfficeStatus.OPEN], since=since)
    return [
        (pk, float(lat), float(lng))
        for pk, status, lat, lng in rows
        if status == OfficeStatus.OPEN and schedules[pk].is_open(at)
    ]


def _bounds_of(points: list[tuple[int, float, float]]) -> Bounds | None:
    if not points:
        return None
    lats = [p[1] for p in points]
    lngs = [p[2] for p in points]
    return (min(lngs), min(lats), max(lngs), max(lats))


def office_page_search(*, filters: OfficeFilters, at: datetime, page: int) -> OfficePage:
    """The ``page``-th page (from 1; past the end gives the last) of the filtered
    offices by name, with schedules attached; the count and bounds cover all."""
    ordered = office_filtered(filters).annotate(sort_name=name_order()).order_by("sort_name", "pk")
    if filters.open_now:
        open_rows = _open_rows(ordered, at)
        count, bounds = len(open_rows), _bounds_of(open_rows)
    else:
        totals = office_filtered(filters).aggregate(
            count=Count("pk"),
            west=Min("longitude"),
            south=Min("latitude"),
            east=Max("longitude"),
            north=Max("latitude"),
        )
        count = totals["count"]
        bounds = None
        if count:
            bounds = (
                float(totals["west"]),
                float(totals["south"]),
                float(totals["east"]),
                float(totals["north"]),
            )
    pages = max(1, math.ceil(count / PAGE_SIZE))
    number = min(max(1, page), pages)
    start = (number - 1) * PAGE_SIZE
    if filters.open_now:
        ids = [row[0] for row in open_rows[start : start + PAGE_SIZE]]
        by_id = office_base_queryset().in_bulk(ids)
        offices = [by_id[pk] for pk in ids]
    else:
        offices = list(ordered[start : start + PAGE_SIZE])
    attach_schedules(offices, since=timezone.localtime(at).date() - timedelta(days=1))
    return OfficePage(offices, count, number, PAGE_SIZE, bounds)


@dataclass(frozen=True)
class MapArea:
    """The visible part of the map: its bounds in degrees and its zoom level."""

    west: float
    south: float
    east: float
    north: float
    zoom: int

    def cell(self) -> tuple[float, float]:
        """A grid cell's (width, height) in degrees: about ``CELL_PIXELS`` square
        on screen, coarser when the area would hold more than ``MAX_CELLS``."""
        width = 360 / 2**self.zoom * CELL_PIXELS / 256
        # Web maps stretch latitude by 1/cos: a square on screen is shorter in degrees.
        middle = math.radians((self.south + self.north) / 2)
        height = width * max(math.cos(middle), 0.05)
        cells = ((self.east - self.west) / width) * ((self.north - self.south) / height)
        if cells > MAX_CELLS:
            scale = math.sqrt(cells / MAX_CELLS)
            width, height = width * scale, height * scale
        return width, height


#: What the map's ``bbox`` and ``zoom`` must look like (said in refusals).
BBOX_FORMAT = "west,south,east,north in degrees, west <= east, south <= north"
ZOOM_FORMAT = f"a whole number from 0 to {MAX_ZOOM}"


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def map_area(*, bbox: str, zoom: str) -> MapArea:
    """The area a map asks for; refuses with ``bad_value`` naming the field.

    No ``bbox`` is the whole world; no ``zoom`` is a country's view.
    """
    try:
        west, south, east, north = (
            _number(part) for part in (bbox or "-180,-90,180,90").split(",")
        )
    except ValueError:
        raise DomainError(ErrorCode.BAD_VALUE, field="bbox", expected=BBOX_FORMAT) from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise DomainError(ErrorCode.BAD_VALUE, field="bbox", expected=BBOX_FORMAT)
    zoom = zoom or "5"
    if not (zoom.isascii() and zoom.isdigit() and len(zoom) <= 2 and int(zoom) <= MAX_ZOOM):
        raise DomainError(ErrorCode.BAD_VALUE, field="zoom", expected=ZOOM_FORMAT)
    return MapArea(west, south, east, north, int(zoom))


@dataclass(frozen=True)
class Cluster:
    """Offices that share a grid cell: how many, and where their middle is."""

    count: int
    latitude: float
    longitude: float
    south: float
    west: float
    north: float
    east: float


def office_clusters(
    *, filters: OfficeFilters, area: MapArea, at: datetime
) -> tuple[list[Cluster], list[Office]]:
    """The matching offices in ``area``: clusters of two or more, and lone offices
    (with schedules). The database groups; at most ``MAX_CELLS`` rows come back."""
    inside = office_filtered(filters).filter(
        latitude__gte=area.south,
        latitude__lte=area.north,
        longitude__gte=area.west,
        longitude__lte=area.east,
    )
    if filters.open_now:
        inside = inside.filter(pk__in=[row[0] for row in _open_rows(inside, at)])
    if area.zoom >= SPREAD_ZOOM:
        # Street level: offices at one address would never part, so show each.
        ids = list(inside.order_by("pk").values_list("pk", flat=True)[: MAX_CELLS + 1])
        if len(ids) <= MAX_CELLS:
            return [], _lone_offices(ids, at)
    width, height = area.cell()
    cells = (
        inside.order_by()
        .annotate(
            cx=Floor(Cast("longitude", FloatField()) / Value(width, output_field=FloatField())),
            cy=Floor(Cast("latitude", FloatField()) / Value(height, output_field=FloatField())),
        )
        .values("cx", "cy")
        .annotate(
            n=Count("pk"),
            lat=Avg(Cast("latitude", FloatField())),
            lng=Avg(Cast("longitude", FloatField())),
            south=Min("latitude"),
            west=Min("longitude"),
            north=Max("latitude"),
            east=Max("longitude"),
            one=Min("pk"),
        )
    )
    clusters, lone = [], []
    for cell in cells:
        if cell["n"] == 1:
            lone.append(cell["one"])
            continue
        clusters.append(
            Cluster(
                cell["n"],
                *(float(cell[k]) for k in ("lat", "lng", "south", "west", "north", "east")),
            )
        )
    return clusters, _lone_offices(lone, at)


def _lone_offices(ids: list[int], at: datetime) -> list[Office]:
    offices = list(office_base_queryset().filter(pk__in=ids).order_by("pk"))
    attach_schedules(offices, since=timezone.localtime(at).date() - timedelta(days=1))
    return offices
