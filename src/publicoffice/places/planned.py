"""Offices made from a plan: a commission's planned offices become real, but not yet open.

Commissioning approves an application with offices it only plans; each is
entered here as an office with the status *planned*, so it has a page, an
address and figures from the day it opens, and the operator fills in the
rest (hours, spaces, accessibility) as for any other office.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.text import slugify

from publicoffice.places.models import District, Municipality, Office, OfficeStatus, Operator

SLUG_MAX = 80


def _unique_slug(name: str) -> str:
    """The name as an address name, with a number added until no office has it."""
    base = slugify(name)[: SLUG_MAX - 4].strip("-") or "office"
    if base.isdigit():
        base = f"office-{base}"[: SLUG_MAX - 4]
    slug, n = base, 1
    while Office.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def create_planned_office(
    *,
    name: str,
    operator: Operator,
    municipality: Municipality,
    district: District | None,
    street_address: str,
    postal_code: str,
    city: str,
    latitude: Decimal,
    longitude: Decimal,
    capacity: int,
) -> Office:
    """A new office with the status *planned*, its slug made unique from its name."""
    return Office.objects.create(
        slug=_unique_slug(name),
        name=name,
        name_sv=name,
        status=OfficeStatus.PLANNED,
        operator=operator,
        municipality=municipality,
        district=district,
        street_address=street_address,
        postal_code=postal_code,
        city=city,
        latitude=latitude,
        longitude=longitude,
        capacity=max(1, capacity),
    )
