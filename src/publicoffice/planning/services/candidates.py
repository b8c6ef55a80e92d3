"""Candidate sites: existing offices, addresses an officer types, imported premises.

Every function checks the officer's right itself (``policies``). Coordinates
come as WGS 84 latitude and longitude (there is no geocoder offline, so an
officer reads them off a map) and are stored in SWEREF 99 TM metres too, the
system the solver measures in. An existing office's site follows the office:
``candidates_from_offices`` writes it again whenever asked, so it cannot be
edited (beyond its capacity) or deleted here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import numpy as np
from django.db import transaction
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import User
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_line, one_line, within_limit
from publicoffice.places.models import Municipality, Office, OfficeStatus
from publicoffice.planning import geo, policies
from publicoffice.planning.models import Candidate, CandidateKind
from publicoffice.planning.services import csvfile

MAX_NAME = 200
MAX_ADDRESS = 200
MAX_REF = 60
MAX_CAPACITY = 10_000_000
#: A premises list is small: a few thousand rows at most.
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 20_000
SIX_PLACES = Decimal("0.000001")


def _may_plan_in(by: AnyUser, municipality_id: int | None) -> None:
    if not policies.can_plan_in(by, municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)


def _coordinate(value: Any, field: str) -> Decimal:
    """A latitude or longitude as six decimals, or a refusal at the field."""
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or isinstance(value, bool):
        raise DomainError(
            ErrorCode.PLANNING_BAD_VALUE, _("Give a number, such as 59.2003."), field=field
        )
    return number.quantize(SIX_PLACES)


def _located(latitude: Any, longitude: Any) -> tuple[Decimal, Decimal, int, int]:
    lat, lon = _coordinate(latitude, "latitude"), _coordinate(longitude, "longitude")
    x, y = geo.latlon_to_sweref(lat, lon)
    return lat, lon, x, y


def _capacity(value: Any, field: str = "capacity") -> int | None:
    """Residents a site can serve, or None for no limit; a whole number from 1."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).strip()) if not isinstance(value, (bool, float)) else None
    except ValueError:
        number = None
    if number is None or not 1 <= number <= MAX_CAPACITY:
        raise DomainError(
            ErrorCode.PLANNING_BAD_VALUE,
            _("The capacity is a whole number from 1 to %(max)s, or empty for no limit.")
            % {"max": MAX_CAPACITY},
            field=field,
        )
    return number


def _name(value: Any) -> str:
    return clean_line(value, field="name", limit=MAX_NAME, missing=_("Give the site a name."))


def _address(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DomainError(
            ErrorCode.TEXT_INVALID, _("This text could not be read."), field="address"
        )
    return within_limit(one_line(value), field="address", limit=MAX_ADDRESS)


def _office_address(office: Office) -> str:
    return one_line(", ".join(part for part in (office.street_address, office.city) if part))[
        :MAX_ADDRESS
    ]


@transaction.atomic
def candidates_from_offices(municipality: Municipality, by: AnyUser) -> list[Candidate]:
    """The municipality's open and planned offices as sites, written again from the offices.

    Idempotent: one site per office, its name, address and position taken
    from the office each time; a capacity the officer set is kept (an
    office's own capacity counts visitors at once, not residents served).
    Closed offices' sites stay, so that saved runs keep their answers.
    """
    _may_plan_in(by, municipality.pk)
    offices = Office.objects.filter(
        municipality=municipality, status__in=(OfficeStatus.OPEN, OfficeStatus.PLANNED)
    ).order_by("name")
    sites = []
    for office in offices:
        lat, lon, x, y = _located(office.latitude, office.longitude)
        fields = {
            "municipality": municipality,
            "kind": CandidateKind.EXISTING,
            "name": one_line(office.name)[:MAX_NAME],
            "address": _office_address(office),
            "latitude": lat,
            "longitude": lon,
            "x": x,
            "y": y,
        }
        site, _created = Candidate.objects.update_or_create(
            office=office,
            defaults=fields,
            create_defaults={**fields, "created_by": _user_or_none(by)},
        )
        sites.append(site)
    return sites


def _user_or_none(by: AnyUser) -> User | None:
    return by if isinstance(by, User) else None


def candidate_propose(
    *,
    municipality: Municipality,
    name: Any,
    address: Any,
    latitude: Any,
    longitude: Any,
    capacity: Any = None,
    by: AnyUser,
) -> Candidate:
    """An address the officer typed, with the coordinates read off a map (in Sweden)."""
    _may_plan_in(by, municipality.pk)
    clean_name, clean_address = _name(name), _address(address)
    lat, lon, x, y = _located(latitude, longitude)
    return Candidate.objects.create(
        municipality=municipality,
        kind=CandidateKind.PROPOSED,
        name=clean_name,
        address=clean_address,
        latitude=lat,
        longitude=lon,
        x=x,
        y=y,
        capacity=_capacity(capacity),
        created_by=_user_or_none(by),
    )


def candidate_update(
    candidate: Candidate, *, name: Any, address: Any, capacity: Any, by: AnyUser
) -> Candidate:
    """Rename, re-address or set the capacity; an existing office's site takes only a capacity."""
    _may_plan_in(by, candidate.municipality_id)
    fields = ["capacity", "updated_at"]
    candidate.capacity = _capacity(capacity)
    if candidate.kind != CandidateKind.EXISTING:
        candidate.name, candidate.address = _name(name), _address(address)
        fields += ["name", "address"]
    candidate.save(update_fields=fields)
    return candidate


def candidate_delete(candidate: Candidate, by: AnyUser) -> None:
    """Remove a proposed or imported site no scenario or run uses."""
    _may_plan_in(by, candidate.municipality_id)
    if candidate.kind == CandidateKind.EXISTING:
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            _("An existing office's site follows the office and cannot be removed here."),
        )
    if candidate.scenarios.exists() or candidate.fixed_in.exists() or candidate.run_sites.exists():
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            _("Scenarios use this site. Remove it from them first; their runs keep their answers."),
        )
    candidate.delete()


@dataclass(frozen=True)
class _Row:
    ref: str
    name: str
    address: str
    latitude: Decimal
    longitude: Decimal
    x: int
    y: int
    capacity: int | None


def _at_row(row: int, error: DomainError) -> DomainError:
    """The same refusal, its message prefixed by the row number."""
    message = _("Row %(row)s: %(message)s") % {"row": row, "message": error.message}
    return DomainError(error.code, message, row=row, **error.details)


def _position(table: csvfile.Table, number: int, row: dict[str, str]) -> tuple[Any, ...]:
    """Latitude, longitude, x and y of a row, from WGS 84 or SWEREF 99 TM columns."""
    lat_col = next((c for c in ("latitude", "lat") if c in row), None)
    lon_col = next((c for c in ("longitude", "lon", "lng") if c in row), None)
    if lat_col and lon_col:
        return _located(row[lat_col], row[lon_col])
    x = round(csvfile.number(table, number, "x", row.get("x", "")))
    y = round(csvfile.number(table, number, "y", row.get("y", "")))
    min_x, min_y, max_x, max_y = geo.SWEDEN_BOUNDS
    if not (min_x <= x <= max_x and min_y <= y <= max_y):
        raise DomainError(ErrorCode.PLANNING_OUTSIDE_SWEDEN, field="x")
    lats, lons = geo.sweref_to_latlon(np.array([x]), np.array([y]))
    lat = Decimal(str(float(lats[0]))).quantize(SIX_PLACES)
    lon = Decimal(str(float(lons[0]))).quantize(SIX_PLACES)
    return lat, lon, x, y


def _parse_row(table: csvfile.Table, number: int, row: dict[str, str]) -> _Row:
    ref_col = next((c for c in ("id", "site_id", "ref") if c in row), None)
    ref = within_limit(one_line(row[ref_col]) if ref_col else "", field="id", limit=MAX_REF)
    lat, lon, x, y = _position(table, number, row)
    return _Row(
        ref=ref,
        name=_name(row.get("name", "")),
        address=_address(row.get("address", "")),
        latitude=lat,
        longitude=lon,
        x=x,
        y=y,
        capacity=_capacity(row.get("capacity")),
    )


def _parse(path: str | Path) -> list[_Row]:
    table = csvfile.read_table(path, max_bytes=MAX_IMPORT_BYTES)
    if len(table.rows) > MAX_IMPORT_ROWS:
        raise DomainError(ErrorCode.PLANNING_FILE_TOO_LARGE)
    csvfile.require_columns(table, ("name",))
    if not {"latitude", "lat"} & set(table.columns) or not {"longitude", "lon", "lng"} & set(
        table.columns
    ):
        csvfile.require_columns(table, ("latitude", "x"), ("longitude", "y"))
    parsed: list[_Row] = []
    seen: dict[str, int] = {}
    for number, row in table.rows:
        try:
            item = _parse_row(table, number, row)
        except DomainError as error:
            if "row" in error.details:
                raise
            raise _at_row(number, error) from error
        if item.ref and item.ref in seen:
            raise DomainError(
                ErrorCode.PLANNING_DUPLICATE_CELL,
                _("Row %(row)s: the id “%(id)s” is already on row %(first)s.")
                % {"row": number, "id": item.ref, "first": seen[item.ref]},
                row=number,
            )
        seen[item.ref] = number
        parsed.append(item)
    return parsed


def candidates_import(
    *, municipality: Municipality, batch: Any, path: str | Path, by: AnyUser
) -> list[Candidate]:
    """A list of premises as sites: all rows or none.

    Columns: ``name``, ``address`` (optional), ``latitude`` and ``longitude``
    (or ``x`` and ``y`` in SWEREF 99 TM), optional ``id`` and ``capacity``.
    A row whose ``id`` names an imported site of the municipality updates
    it, so sending the same list again changes nothing; other rows are new.
    """
    _may_plan_in(by, municipality.pk)
    clean_batch = clean_line(
        batch, field="batch", limit=MAX_NAME, missing=_("Name the list, such as “Premises 2026”.")
    )
    rows = _parse(path)
    refs = [row.ref for row in rows if row.ref]
    existing = Candidate.objects.filter(municipality=municipality, ref__in=refs)
    clashing = [c.ref for c in existing if c.kind != CandidateKind.IMPORTED]
    if clashing:
        raise DomainError(
            ErrorCode.PLANNING_DUPLICATE_CELL,
            _("These ids belong to other sites already: %(ids)s.")
            % {"ids": ", ".join(clashing[:5])},
        )
    return _write(municipality, clean_batch, rows, {c.ref: c for c in existing}, by)


@transaction.atomic
def _write(
    municipality: Municipality,
    batch: str,
    rows: list[_Row],
    known: dict[str, Candidate],
    by: AnyUser,
) -> list[Candidate]:
    fresh, updated = [], []
    for row in rows:
        site = known.get(row.ref) if row.ref else None
        if site is None:
            site = Candidate(
                municipality=municipality, kind=CandidateKind.IMPORTED, created_by=_user_or_none(by)
            )
            fresh.append(site)
        else:
            updated.append(site)
        for field in ("ref", "name", "address", "latitude", "longitude", "x", "y", "capacity"):
            setattr(site, field, getattr(row, field))
        site.batch = batch
    Candidate.objects.bulk_create(fresh)
    fields = ["batch", "name", "address", "latitude", "longitude", "x", "y", "capacity"]
    Candidate.objects.bulk_update(updated, fields)
    return fresh + updated
