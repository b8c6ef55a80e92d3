"""What the reports read from places: which offices make up a scope.

An office belongs to one operator and one municipality; the figures of an
operator or a municipality are the sums of its offices' figures. Offices
closed down for good still count for the days they were open.
"""

from __future__ import annotations

from typing import NamedTuple

from publicoffice.places.models import AccessibilityFacts, Municipality, Office, Operator


class OfficePlace(NamedTuple):
    """An office with what the reports need to place it: no text beyond its name."""

    id: int
    slug: str
    name: str
    operator_id: int
    municipality_id: int
    capacity: int
    latitude: float
    longitude: float
    status: str


def office_places(*, office_ids: set[int] | None = None) -> list[OfficePlace]:
    """Every office (or those named), ordered by name, in one query."""
    offices = Office.objects.order_by("name", "pk")
    if office_ids is not None:
        offices = offices.filter(pk__in=office_ids)
    rows = offices.values_list(
        "pk",
        "slug",
        "name",
        "operator_id",
        "municipality_id",
        "capacity",
        "latitude",
        "longitude",
        "status",
    )
    return [
        OfficePlace(pk, slug, name, op, muni, capacity, float(lat), float(lon), status)
        for pk, slug, name, op, muni, capacity, lat, lon, status in rows
    ]


def office_by_slug(*, slug: str) -> OfficePlace | None:
    row = Office.objects.filter(slug=slug).values_list("pk", flat=True).first()
    return None if row is None else office_places(office_ids={row})[0]


def operator_name(*, operator_id: int) -> str | None:
    return Operator.objects.filter(pk=operator_id).values_list("name", flat=True).first()


def municipality_by_code(*, code: str) -> tuple[int, str] | None:
    """The id and name of the municipality with this four-digit code."""
    row = Municipality.objects.filter(code=code).values_list("pk", "name").first()
    return None if row is None else (row[0], row[1])


def municipality_names(*, ids: set[int] | None = None) -> dict[int, tuple[str, str]]:
    """Municipality id → (code, name)."""
    rows = Municipality.objects.all()
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return {pk: (code, name) for pk, code, name in rows.values_list("pk", "code", "name")}


def operator_names(*, ids: set[int] | None = None) -> dict[int, str]:
    rows = Operator.objects.all()
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return dict(rows.values_list("pk", "name"))


#: The accessibility facts an office is asked for: yes/no facts and texts.
ACCESSIBILITY_FACTS = (
    "step_free_entrance",
    "wheelchair",
    "accessible_toilet",
    "hearing_loop",
    "moving_text",
    "seeing_text",
    "hearing_text",
    "substances_text",
    "information_text",
)


def accessibility_answered(*, office_ids: set[int]) -> tuple[int, int]:
    """(facts asked for, facts answered) over the offices, as they stand now."""
    rows = AccessibilityFacts.objects.filter(office_id__in=office_ids).values_list(
        *ACCESSIBILITY_FACTS
    )
    answered = sum(1 for row in rows for value in row if value not in (None, ""))
    return len(office_ids) * len(ACCESSIBILITY_FACTS), answered
