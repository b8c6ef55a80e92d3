"""The planning API: an officer saves a scenario, runs it and reads the proof and the sites."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from publicoffice.planning.models import CandidateKind, Run, RunStatus
from tests.api.dialogue_factories import session_client, token_client
from tests.planning.conftest import World, make_candidate, make_source

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("immediate_tasks"),
]

API = "/api/v1/planning"


@pytest.fixture
def immediate_tasks():
    backend = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=backend):
        yield


def post(client: Client, url: str, data: Any = None) -> Any:
    body = "" if data is None else json.dumps(data)
    return client.post(url, data=body, content_type="application/json")


def scenario_body(world: World, **changes: Any) -> dict[str, Any]:
    """Two new sites among three, 300 m around each, Ronna's office kept open."""
    source = make_source(world)
    kept = make_candidate(world, "Ronna", 0, 0, kind=CandidateKind.EXISTING, office=world.office)
    pool = [make_candidate(world, name, dx, 0) for name, dx in (("Väst", -500), ("Öst", 500))]
    pool.append(make_candidate(world, "Norr", 0, 500))
    return {
        "name": "Två nya kontor",
        "demand": source.pk,
        "model": "max_cover",
        "sites": 2,
        "radius_m": 300,
        "candidates": [c.pk for c in pool],
        "fixed": [kept.pk],
        **changes,
    }


def test_an_officer_saves_runs_and_reads_a_scenario(world):
    officer = token_client(world.officer)
    saved = post(officer, f"{API}/scenarios", scenario_body(world))
    assert saved.status_code == 201, saved.json()
    scenario = saved.json()
    assert scenario["municipality"]["code"] == "0181"
    assert (scenario["sites"], scenario["radius_m"], len(scenario["candidates"])) == (2, 300, 3)
    assert scenario["runs"] == []

    started = post(officer, f"{API}/scenarios/{scenario['id']}/runs")
    assert started.status_code == 201, started.json()  # small: answered at once
    run = started.json()
    assert run["status"] == RunStatus.DONE
    assert run["objective"] is not None and run["bound"] >= run["objective"] - 1e-6
    assert run["gap"] is not None and run["seconds"] is not None
    assert sum(site["is_new"] for site in run["sites"]) == 2
    assert [s["name"] for s in run["sites"] if not s["is_new"]] == ["Ronna"]

    again = officer.get(f"{API}/runs/{run['id']}").json()
    assert again["id"] == run["id"] and again["summary"] == run["summary"]
    listed = officer.get(f"{API}/scenarios").json()
    assert listed["count"] == 1 and listed["results"][0]["runs"][0]["id"] == run["id"]
    one = officer.get(f"{API}/scenarios/{scenario['id']}").json()
    assert one["runs"][0]["status"] == RunStatus.DONE


def test_the_list_of_scenarios_takes_few_queries(world):
    officer = token_client(world.officer)
    body = scenario_body(world)
    for name in ("A", "B", "C"):
        scenario = post(officer, f"{API}/scenarios", {**body, "name": name}).json()
        post(officer, f"{API}/scenarios/{scenario['id']}/runs")
    with CaptureQueriesContext(connection) as queries:
        listed = officer.get(f"{API}/scenarios").json()
    assert listed["count"] == 3 and all(len(s["runs"]) == 1 for s in listed["results"])
    assert len(queries) <= 10


def test_a_run_as_geojson(world):
    officer = token_client(world.officer)
    scenario = post(officer, f"{API}/scenarios", scenario_body(world)).json()
    run = post(officer, f"{API}/scenarios/{scenario['id']}/runs").json()
    answer = officer.get(f"{API}/runs/{run['id']}.geojson")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/geo+json")
    assert answer.json()["type"] == "FeatureCollection"


def test_a_queued_run_is_cancelled_and_a_finished_one_refuses(world):
    officer = token_client(world.officer)
    scenario = post(officer, f"{API}/scenarios", scenario_body(world)).json()
    done = post(officer, f"{API}/scenarios/{scenario['id']}/runs").json()
    queued = Run.objects.create(scenario_id=scenario["id"], status=RunStatus.QUEUED)

    cancelled = post(officer, f"{API}/runs/{queued.pk}/cancel")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == RunStatus.CANCELLED
    refused = post(officer, f"{API}/runs/{done['id']}/cancel")
    assert (refused.status_code, refused.json()["code"]) == (409, "planning_run_finished")


def test_the_session_works_with_its_csrf_token_only(world):
    body = scenario_body(world)
    with_token = session_client(world.officer)
    assert post(with_token, f"{API}/scenarios", body).status_code == 201
    without = session_client(world.officer, csrf=False)
    assert without.get(f"{API}/scenarios").status_code == 200
    assert post(without, f"{API}/scenarios", body).status_code == 403


def test_sites_are_listed_within_the_municipality(world):
    make_candidate(world, "Ronna", 0, 0, kind=CandidateKind.EXISTING, office=world.office)
    make_candidate(world, "Öst", 500, 0, capacity=300)
    listed = token_client(world.officer).get(f"{API}/candidates").json()
    assert listed["count"] == 2
    by_name = {site["name"]: site for site in listed["results"]}
    assert by_name["Ronna"]["office"] == "ronna"
    assert by_name["Öst"]["capacity"] == 300
    assert token_client(world.other_officer).get(f"{API}/candidates").json()["count"] == 0
    admin = token_client(world.admin)
    assert admin.get(f"{API}/candidates?municipality=0181").json()["count"] == 2
    assert admin.get(f"{API}/candidates?municipality=0127").json()["count"] == 0


def test_sources_are_listed_within_the_municipality(world):
    make_source(world)
    listed = token_client(world.officer).get(f"{API}/sources").json()
    assert listed["count"] == 1
    source = listed["results"][0]
    assert (source["population"], source["cell_count"], source["synthetic"]) == (2500, 25, False)
    assert token_client(world.other_officer).get(f"{API}/sources").json()["count"] == 0
    assert token_client(world.admin).get(f"{API}/sources").json()["count"] == 1
