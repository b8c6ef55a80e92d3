"""Typed shapes of the API's answers (they generate the OpenAPI document)."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

#: The largest page size any list of the API allows; the largest page number.
MAX_PAGE_SIZE = 100
MAX_PAGE = 2**31 - 1


class PageQuery(Schema):
    """``page`` and ``page_size`` of a list, with their limits in the OpenAPI document.

    The limits are declared for clients (and schemathesis), not enforced by
    validation here: the endpoints check them themselves and answer
    ``invalid_page``, the code these lists have always given.
    """

    page: int = Field(1, json_schema_extra={"minimum": 1, "maximum": MAX_PAGE})
    page_size: int = Field(20, json_schema_extra={"minimum": 1, "maximum": MAX_PAGE_SIZE})

    def is_valid(self) -> bool:
        return 1 <= self.page <= MAX_PAGE and 1 <= self.page_size <= MAX_PAGE_SIZE


class ErrorOut(Schema):
    code: str
    message: str
    details: dict[str, object] | None = None


class NamedCode(Schema):
    code: str
    name: str


class MunicipalityOut(Schema):
    code: str
    name: str


class OperatorOut(Schema):
    id: int
    name: str
    kind: str


class IntervalOut(Schema):
    opens: str
    closes: str


class DayOut(Schema):
    date: date
    closed: bool
    intervals: list[IntervalOut]
    source: str
    note: str


class OpeningHoursOut(Schema):
    open_now: bool
    next_change: datetime | None
    osm: str
    week: list[DayOut]
    exceptions: list[DayOut]
    specification: list[dict[str, object]]


class AccessibilityCategoryOut(Schema):
    key: str
    label: str
    status: str
    text: str


class AccessibilityOut(Schema):
    categories: list[AccessibilityCategoryOut]
    step_free_entrance: bool | None
    wheelchair: str | None
    accessible_toilet: bool | None
    hearing_loop: bool | None


class SpaceOut(Schema):
    id: int
    name: str
    kind: str
    capacity: int
    bookable: bool


class OfficeSummaryOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    status: str
    url: str
    municipality: MunicipalityOut
    district: str | None
    street_address: str
    postal_code: str
    city: str
    latitude: float
    longitude: float
    capacity: int
    open_now: bool
    next_change: datetime | None
    step_free_entrance: bool | None
    hearing_loop: bool | None
    amenities: list[NamedCode]
    staff_languages: list[NamedCode]


class OfficeDetailOut(OfficeSummaryOut):
    description: str
    operator: OperatorOut
    email: str
    phone: str
    opening_hours: OpeningHoursOut
    accessibility: AccessibilityOut | None
    spaces: list[SpaceOut]


class OfficePageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[OfficeSummaryOut]


class OccupancyOut(Schema):
    office_id: int
    slug: str
    current: int
    capacity: int
    level: str
    label: str
    percent: int
    open_now: bool
    as_of: datetime
