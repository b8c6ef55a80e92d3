"""Scenarios: the service checks every field; the pages are for the municipality's officers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.models import CandidateKind, Run, Scenario, TravelMatrix
from publicoffice.planning.reach import PRESETS
from publicoffice.planning.services.scenarios import scenario_copy, scenario_delete, scenario_save
from tests.planning.conftest import make_candidate, make_source
from tests.planning.scenario_helpers import make_scenario

pytestmark = pytest.mark.django_db


def _fields(world, source, sites):
    return {
        "municipality": world.municipality,
        "name": "Två kontor till",
        "model": "max_cover",
        "sites": 1,
        "demand": source,
        "reach": "straight",
        "preset": "walk",
        "candidates": sites,
        "fixed": [],
        "gap_target": Decimal("1"),
        "time_limit_s": 30,
    }


def test_save_validates_each_field(world):
    source = make_source(world, groups={"old": [1] * 25})
    site = make_candidate(world, "Torget", 0, 0)
    scenario = scenario_save(by=world.officer, **_fields(world, source, [site]))
    assert scenario.radius_m == PRESETS["walk"].radius_m and scenario.share is None
    other_source = make_source(world, name="Annan")
    foreign_matrix = TravelMatrix.objects.create(source=other_source, name="Fel")
    foreign_site = make_candidate(world, "Fel", 0, 0)
    foreign_site.municipality = world.other_municipality
    foreign_site.save()
    bad = [
        ({"sites": 0}, "sites"),
        ({"sites": None}, "sites"),
        ({"model": "set_cover", "share": "1.5"}, "share"),
        ({"model": "set_cover", "share": "many"}, "share"),
        ({"model": "nearest"}, "model"),
        ({"preset": "", "radius_m": 10}, "radius_m"),
        ({"preset": "swim"}, "preset"),
        ({"reach": "matrix", "matrix": foreign_matrix, "minutes": 10}, "matrix"),
        ({"reach": "matrix", "matrix": None, "minutes": 10}, "matrix"),
        ({"candidates": [foreign_site]}, "candidates"),
        ({"candidates": []}, "candidates"),
        ({"group_weights": {"old": 11}}, "group_weights"),
        ({"group_weights": {"unknown": 2}}, "group_weights"),
        ({"gap_target": "51"}, "gap_target"),
        ({"time_limit_s": 0}, "time_limit_s"),
        ({"time_limit_s": 601}, "time_limit_s"),
        ({"name": " "}, "name"),
    ]
    for change, field in bad:
        with pytest.raises(DomainError) as refused:
            scenario_save(
                scenario=scenario, by=world.officer, **{**_fields(world, source, [site]), **change}
            )
        assert refused.value.code == ErrorCode.PLANNING_SCENARIO_INVALID, change
        assert refused.value.details["field"] == field, change
    matrix = TravelMatrix.objects.create(source=source, name="OSRM")
    changed = scenario_save(
        scenario=scenario,
        by=world.officer,
        **{
            **_fields(world, source, [site]),
            "model": "set_cover",
            "share": "0.8",
            "reach": "matrix",
            "matrix": matrix,
            "minutes": 15,
            "group_weights": {"old": "2"},
        },
    )
    assert (changed.sites, changed.share, changed.radius_m) == (None, Decimal("0.800"), None)
    assert changed.group_weights == {"old": 2.0}


def test_only_the_municipalitys_officers_save(world):
    source = make_source(world)
    site = make_candidate(world, "Torget", 0, 0)
    for user in (world.other_officer, world.stranger):
        with pytest.raises(DomainError) as refused:
            scenario_save(by=user, **_fields(world, source, [site]))
        assert refused.value.code == ErrorCode.NOT_ALLOWED
    assert scenario_save(by=world.admin, **_fields(world, source, [site])).pk


def test_copy_and_delete(world):
    source = make_source(world)
    office = make_candidate(world, "Ronna", 0, 0, kind=CandidateKind.EXISTING)
    site = make_candidate(world, "Torget", 250, 0)
    scenario = make_scenario(world, source, [site], fixed=[office], sites=1)
    copy = scenario_copy(scenario=scenario, by=world.officer)
    assert copy.pk != scenario.pk and copy.name.endswith(scenario.name)
    assert list(copy.fixed.all()) == [office] and list(copy.candidates.all()) == [site]
    with pytest.raises(DomainError):
        scenario_delete(scenario=copy, by=world.other_officer)
    scenario_delete(scenario=copy, by=world.officer)
    assert not Scenario.objects.filter(pk=copy.pk).exists()


def test_pages_are_for_the_municipalitys_officers(client, world):
    source = make_source(world)
    scenario = make_scenario(world, source, [make_candidate(world, "Torget", 0, 0)])
    urls = [
        reverse("planning:scenario", args=[scenario.pk]),
        reverse("planning:scenario_edit", args=[scenario.pk]),
        reverse("planning:scenario_delete", args=[scenario.pk]),
    ]
    client.force_login(world.other_officer)
    assert all(client.get(url).status_code == 404 for url in urls)
    assert client.post(reverse("planning:scenario_run", args=[scenario.pk])).status_code == 404
    client.force_login(world.stranger)
    assert client.get(reverse("planning:scenarios")).status_code == 403
    assert all(client.get(url).status_code == 403 for url in urls)
    client.force_login(world.officer)
    assert all(client.get(url).status_code == 200 for url in urls)
    page = client.get(reverse("planning:scenario", args=[scenario.pk])).content.decode()
    assert "Torget" in page and 'name="csrfmiddlewaretoken"' in page


def test_form_creates_edits_and_shows_errors(client, world):
    source = make_source(world, groups={"old": [1] * 25})
    office = make_candidate(world, "Ronna", 0, 0, kind=CandidateKind.EXISTING)
    site = make_candidate(world, "Torget", 250, 0)
    client.force_login(world.officer)
    url = reverse("planning:scenario_new")
    page = client.get(url).content.decode()
    assert f'name="weight_{source.pk}_0"' in page and 'type="checkbox"' in page
    data = {
        "name": "Med cykel",
        "model": "max_cover",
        "sites": "1",
        "demand": str(source.pk),
        "reach_choice": "cycle",
        "candidates": [str(site.pk)],
        "fixed": [str(office.pk)],
        f"weight_{source.pk}_0": "2",
        "gap_target": "1",
        "time_limit_s": "60",
    }
    response = client.post(url, data)
    scenario = Scenario.objects.get(name="Med cykel")
    assert response.status_code == 302 and scenario.preset == "cycle"
    assert scenario.group_weights == {"old": 2.0} and list(scenario.fixed.all()) == [office]
    refused = client.post(url, {**data, "reach_choice": "custom", "radius_m": ""})
    assert refused.status_code == 400 and "error-summary" in refused.content.decode()
    edit = reverse("planning:scenario_edit", args=[scenario.pk])
    assert client.post(edit, {**data, "sites": "2"}).status_code == 400  # one site only
    assert client.post(edit, {**data, "name": "Ny"}).status_code == 302
    scenario.refresh_from_db()
    assert scenario.name == "Ny"
    copy = client.post(reverse("planning:scenario_copy", args=[scenario.pk]))
    assert copy.status_code == 302 and Scenario.objects.count() == 2
    client.post(reverse("planning:scenario_delete", args=[scenario.pk]))
    assert not Scenario.objects.filter(pk=scenario.pk).exists()


def test_list_queries_do_not_grow_with_scenarios(client, world, django_assert_max_num_queries):
    source = make_source(world)
    site = make_candidate(world, "Torget", 0, 0)
    client.force_login(world.officer)
    for index in range(2):
        scenario = make_scenario(world, source, [site])
        Run.objects.create(scenario=scenario, status="done", objective=100 + index, gap=0.5)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("planning:scenarios"))
    for _ in range(5):
        make_scenario(world, source, [site])
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("planning:scenarios"))
    assert page.status_code == 200 and (
        "0,50 %" in page.content.decode() or "0.50 %" in page.content.decode()
    )
