"""Fixtures of planning: one municipality's officer, its districts, a small grid and sites.

Södertälje (its officer, two districts, an open office in Ronna) and
Botkyrka (an officer who must be refused in Södertälje); a platform admin
who plans everywhere and a stranger who plans nowhere. The grid is a few
hundred metres wide around Ronna, in SWEREF 99 TM metres, so that distances
are easy to reason about in a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.places.models import District, Municipality, Office
from publicoffice.planning.geo import latlon_to_sweref
from publicoffice.planning.models import (
    Candidate,
    CandidateKind,
    DemandCell,
    DemandKind,
    DemandSource,
    ImportStatus,
)
from tests.factories import DistrictFactory, MunicipalityFactory, OfficeFactory, UserFactory

#: Ronna's office, the centre of the small grid.
RONNA = (Decimal("59.200300"), Decimal("17.604500"))


def user_with(role: str, **scope: object) -> User:
    user = UserFactory()
    RoleAssignment.objects.create(user=user, role=role, **scope)
    return user


@dataclass
class World:
    municipality: Municipality
    other_municipality: Municipality
    ronna: District
    hovsjo: District
    office: Office
    officer: User
    other_officer: User
    admin: User
    stranger: User


@pytest.fixture
def world(db) -> World:
    sodertalje = MunicipalityFactory(name="Södertälje", code="0181")
    botkyrka = MunicipalityFactory(name="Botkyrka", code="0127")
    ronna = DistrictFactory(municipality=sodertalje, name="Ronna")
    hovsjo = DistrictFactory(municipality=sodertalje, name="Hovsjö")
    office = OfficeFactory(
        municipality=sodertalje,
        district=ronna,
        slug="ronna",
        status="open",
        latitude=RONNA[0],
        longitude=RONNA[1],
    )
    return World(
        municipality=sodertalje,
        other_municipality=botkyrka,
        ronna=ronna,
        hovsjo=hovsjo,
        office=office,
        officer=user_with(Role.MUNICIPAL_OFFICER, municipality=sodertalje),
        other_officer=user_with(Role.MUNICIPAL_OFFICER, municipality=botkyrka),
        admin=user_with(Role.PLATFORM_ADMIN),
        stranger=UserFactory(),
    )


def centre() -> tuple[int, int]:
    """Ronna's office in SWEREF 99 TM metres."""
    return latlon_to_sweref(*RONNA)


def make_source(
    world: World,
    cells: list[tuple[int, int, int]] | None = None,
    *,
    groups: dict[str, list[int]] | None = None,
    name: str = "Rutnät 250 m",
) -> DemandSource:
    """A ready source; ``cells`` are (dx, dy, population) in metres from Ronna's office.

    By default a 5 × 5 grid of 250 m cells, 100 residents each, its west
    half in Ronna and its east half in Hovsjö. ``groups`` gives each group's
    count per cell, in the order of ``cells``.
    """
    x0, y0 = centre()
    if cells is None:
        cells = [(dx * 250, dy * 250, 100) for dx in range(-2, 3) for dy in range(-2, 3)]
    keys = list(groups or {})
    source = DemandSource.objects.create(
        municipality=world.municipality,
        name=name,
        kind=DemandKind.CSV,
        cell_size_m=250,
        groups=[{"key": key, "label": key} for key in keys],
        status=ImportStatus.READY,
        progress=100,
        cell_count=len(cells),
        population=sum(pop for _dx, _dy, pop in cells),
    )
    DemandCell.objects.bulk_create(
        DemandCell(
            source=source,
            ref=f"c{index}",
            x=x0 + dx,
            y=y0 + dy,
            population=pop,
            groups={key: (groups or {})[key][index] for key in keys},
            district=world.ronna if dx <= 0 else world.hovsjo,
        )
        for index, (dx, dy, pop) in enumerate(cells)
    )
    return source


def make_candidate(
    world: World,
    name: str,
    dx: int,
    dy: int,
    *,
    kind: str = CandidateKind.PROPOSED,
    capacity: int | None = None,
    office: Office | None = None,
) -> Candidate:
    """A candidate site ``dx``, ``dy`` metres from Ronna's office."""
    x0, y0 = centre()
    return Candidate.objects.create(
        municipality=world.municipality,
        kind=kind,
        office=office,
        name=name,
        address=f"{name}gatan 1",
        latitude=RONNA[0],  # approximate: the solver reads x and y
        longitude=RONNA[1],
        x=x0 + dx,
        y=y0 + dy,
        capacity=capacity,
    )
