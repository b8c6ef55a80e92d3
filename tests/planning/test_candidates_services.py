"""Candidate services: existing offices synced, typed addresses, imported premises, rights."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import OfficeStatus
from publicoffice.planning.models import Candidate, CandidateKind, Scenario
from publicoffice.planning.services import candidates as services
from tests.factories import OfficeFactory
from tests.planning.conftest import RONNA, centre, make_candidate, make_source


def propose(world, **changes):
    fields = {
        "municipality": world.municipality,
        "name": "Hovsjö bibliotek",
        "address": "Hovsjövägen 3",
        "latitude": "59.1900",
        "longitude": "17.5900",
        "capacity": "3000",
        "by": world.officer,
    }
    return services.candidate_propose(**{**fields, **changes})


def write(tmp_path: Path, text: str, name: str = "sites.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_existing_offices_become_sites_once(world):
    OfficeFactory(municipality=world.municipality, slug="hovsjo", status=OfficeStatus.PLANNED)
    OfficeFactory(municipality=world.municipality, slug="gone", status=OfficeStatus.CLOSED)
    OfficeFactory(municipality=world.other_municipality, slug="tumba", status=OfficeStatus.OPEN)
    first = services.candidates_from_offices(world.municipality, world.officer)
    assert len(first) == 2
    assert {site.kind for site in first} == {CandidateKind.EXISTING}
    site = Candidate.objects.get(office=world.office)
    assert (site.x, site.y) == centre()
    site.capacity = 500
    site.save()
    world.office.name = "Ronna kontor"
    world.office.save()
    again = services.candidates_from_offices(world.municipality, world.officer)
    assert Candidate.objects.count() == 2 and len(again) == 2
    site.refresh_from_db()
    assert site.name == "Ronna kontor" and site.capacity == 500


def test_only_planners_of_the_municipality_sync_offices(world):
    for user in (world.other_officer, world.stranger):
        with pytest.raises(DomainError) as caught:
            services.candidates_from_offices(world.municipality, user)
        assert caught.value.code == ErrorCode.NOT_ALLOWED
    assert services.candidates_from_offices(world.municipality, world.admin)


def test_propose_stores_both_coordinate_systems(world):
    site = propose(world, latitude=RONNA[0], longitude=RONNA[1], name="  Ronna  ")
    assert site.kind == CandidateKind.PROPOSED
    assert site.name == "Ronna"
    assert (site.x, site.y) == centre()
    assert site.capacity == 3000
    assert propose(world, latitude="59,2003", capacity="").capacity is None


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"latitude": "48.85", "longitude": "2.35"}, ErrorCode.PLANNING_OUTSIDE_SWEDEN, "latitude"),
        ({"latitude": "abc"}, ErrorCode.PLANNING_BAD_VALUE, "latitude"),
        ({"longitude": "NaN"}, ErrorCode.PLANNING_BAD_VALUE, "longitude"),
        ({"latitude": None}, ErrorCode.PLANNING_BAD_VALUE, "latitude"),
        ({"longitude": "١٧٫٦"}, ErrorCode.PLANNING_BAD_VALUE, "longitude"),
        ({"capacity": "-3"}, ErrorCode.PLANNING_BAD_VALUE, "capacity"),
        ({"capacity": "1e9"}, ErrorCode.PLANNING_BAD_VALUE, "capacity"),
        ({"capacity": 2.5}, ErrorCode.PLANNING_BAD_VALUE, "capacity"),
        ({"name": "   "}, ErrorCode.TEXT_MISSING, "name"),
        ({"name": 12}, ErrorCode.TEXT_INVALID, "name"),
        ({"name": "x" * 201}, ErrorCode.TEXT_TOO_LONG, "name"),
        ({"address": "y" * 201}, ErrorCode.TEXT_TOO_LONG, "address"),
    ],
)
def test_propose_refuses_bad_input_at_its_field(world, changes, code, field):
    with pytest.raises(DomainError) as caught:
        propose(world, **changes)
    assert caught.value.code == code
    assert caught.value.details.get("field") == field
    assert not Candidate.objects.exists()


def test_propose_keeps_any_script_and_strips_control_characters(world):
    site = propose(world, name="مكتب 🏢 <script>x</script>", address="Gata\x00 1\u202e")
    assert site.name == "مكتب 🏢 <script>x</script>"
    assert site.address == "Gata 1"


def test_propose_is_refused_elsewhere(world):
    with pytest.raises(DomainError) as caught:
        propose(world, by=world.other_officer)
    assert caught.value.code == ErrorCode.NOT_ALLOWED


def test_update_renames_and_sets_capacity_but_an_office_site_follows_the_office(world):
    site = propose(world)
    services.candidate_update(site, name="Biblioteket", address="", capacity=None, by=world.officer)
    site.refresh_from_db()
    assert (site.name, site.address, site.capacity) == ("Biblioteket", "", None)
    (office_site,) = services.candidates_from_offices(world.municipality, world.officer)
    services.candidate_update(office_site, name="Nytt", address="X", capacity=40, by=world.officer)
    office_site.refresh_from_db()
    assert office_site.name == world.office.name and office_site.capacity == 40
    with pytest.raises(DomainError):
        services.candidate_update(site, name="x", address="", capacity=1, by=world.other_officer)


def test_delete_refuses_office_sites_and_sites_in_use(world):
    (office_site,) = services.candidates_from_offices(world.municipality, world.officer)
    with pytest.raises(DomainError) as caught:
        services.candidate_delete(office_site, world.officer)
    assert caught.value.code == ErrorCode.NOT_ALLOWED
    used = make_candidate(world, "Använd", 100, 0)
    scenario = Scenario.objects.create(
        municipality=world.municipality, name="S", demand=make_source(world)
    )
    scenario.candidates.add(used)
    with pytest.raises(DomainError):
        services.candidate_delete(used, world.officer)
    free = make_candidate(world, "Fri", 0, 100)
    with pytest.raises(DomainError):
        services.candidate_delete(free, world.stranger)
    services.candidate_delete(free, world.officer)
    assert not Candidate.objects.filter(pk=free.pk).exists()


def test_import_reads_latlon_and_sweref_and_updates_by_id(world, tmp_path):
    x, y = centre()
    text = (
        "id,name,address,latitude,longitude,capacity\n"
        "L1,Ronna bibliotek,Ronnavägen 1,59.2003,17.6045,4000\n"
        "L2,Hovsjö skola,,59.19,17.59,\n"
    )
    sites = services.candidates_import(
        municipality=world.municipality,
        batch="Lokaler",
        path=write(tmp_path, text),
        by=world.officer,
    )
    assert len(sites) == 2
    first = Candidate.objects.get(ref="L1")
    assert (first.kind, first.batch, first.capacity) == (CandidateKind.IMPORTED, "Lokaler", 4000)
    assert (first.x, first.y) == centre()
    again = f"id;name;x;y\nL1;Ronna nya;{x};{y}\n"
    services.candidates_import(
        municipality=world.municipality,
        batch="Lokaler 2",
        path=write(tmp_path, again),
        by=world.officer,
    )
    assert Candidate.objects.count() == 2
    first.refresh_from_db()
    assert first.name == "Ronna nya" and abs(first.latitude - RONNA[0]) < Decimal("0.0001")


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("", ErrorCode.PLANNING_EMPTY_FILE, ""),
        ("name,latitude,longitude\n", ErrorCode.PLANNING_EMPTY_FILE, ""),
        ("name,address\nA,B\n", ErrorCode.PLANNING_MISSING_COLUMNS, "latitude"),
        ("address,lat,lon\nB,59.2,17.6\n", ErrorCode.PLANNING_MISSING_COLUMNS, "name"),
        ("name,lat,lon\nA,59.2,17.6\nB,48.8,2.3\n", ErrorCode.PLANNING_OUTSIDE_SWEDEN, "Row 3"),
        ("name,lat,lon\nA,north,17.6\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
        ("name,lat,lon\n,59.2,17.6\n", ErrorCode.TEXT_MISSING, "Row 2"),
        ("name,lat,lon,capacity\nA,59.2,17.6,-1\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
        ("name,x,y\nA,1,2\n", ErrorCode.PLANNING_OUTSIDE_SWEDEN, "Row 2"),
        ("name,x,y\nA,abc,2\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
        ("id,name,lat,lon\nL,A,59.2,17.6\nL,B,59.2,17.6\n", ErrorCode.PLANNING_DUPLICATE_CELL, "2"),
        ("name,lat,lon\nA,59.2,17.6,extra\n", ErrorCode.PLANNING_BAD_VALUE, "Row 2"),
    ],
)
def test_import_refuses_bad_files_whole(world, tmp_path, text, code, words):
    with translation.override("en"), pytest.raises(DomainError) as caught:
        services.candidates_import(
            municipality=world.municipality, batch="B", path=write(tmp_path, text), by=world.officer
        )
    assert caught.value.code == code
    assert words in str(caught.value.message)
    assert not Candidate.objects.exists()


def test_import_refuses_binary_huge_and_clashing_files(world, tmp_path, monkeypatch):
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01name")
    with pytest.raises(DomainError) as caught:
        services.candidates_import(
            municipality=world.municipality, batch="B", path=binary, by=world.officer
        )
    assert caught.value.code == ErrorCode.PLANNING_FILE_UNREADABLE
    monkeypatch.setattr(services, "MAX_IMPORT_BYTES", 10)
    with pytest.raises(DomainError) as caught:
        services.candidates_import(
            municipality=world.municipality,
            batch="B",
            path=write(tmp_path, "name,lat,lon\nA,59.2,17.6\n"),
            by=world.officer,
        )
    assert caught.value.code == ErrorCode.PLANNING_FILE_TOO_LARGE
    monkeypatch.undo()
    site = propose(world)
    Candidate.objects.filter(pk=site.pk).update(ref="P1")
    with pytest.raises(DomainError) as caught:
        services.candidates_import(
            municipality=world.municipality,
            batch="B",
            path=write(tmp_path, "id,name,lat,lon\nP1,A,59.2,17.6\n"),
            by=world.officer,
        )
    assert caught.value.code == ErrorCode.PLANNING_DUPLICATE_CELL
    with pytest.raises(DomainError):
        services.candidates_import(
            municipality=world.municipality, batch="  ", path=binary, by=world.officer
        )
    with pytest.raises(DomainError) as caught:
        services.candidates_import(
            municipality=world.municipality, batch="B", path=binary, by=world.stranger
        )
    assert caught.value.code == ErrorCode.NOT_ALLOWED
