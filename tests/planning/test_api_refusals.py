"""The planning API refuses: nobody without a login, strangers, other municipalities, bad input."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from publicoffice.planning.models import Run, RunStatus, Scenario
from tests.api.dialogue_factories import token_client
from tests.planning.conftest import World, make_candidate, make_source
from tests.planning.test_api import API, immediate_tasks, post, scenario_body

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]
__all__ = ["immediate_tasks"]


def refusal(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["code"]


def saved_scenario(world: World) -> tuple[Scenario, Run]:
    """A scenario of Södertälje with one queued run, written without the API."""
    scenario = Scenario.objects.create(
        municipality=world.municipality,
        name="Ronna",
        demand=make_source(world),
        sites=1,
        radius_m=300,
    )
    scenario.candidates.set([make_candidate(world, "Öst", 500, 0)])
    return scenario, Run.objects.create(scenario=scenario, status=RunStatus.QUEUED)


def addresses(scenario: Scenario, run: Run) -> list[tuple[str, str]]:
    return [
        ("get", f"{API}/sources"),
        ("get", f"{API}/candidates"),
        ("get", f"{API}/scenarios"),
        ("get", f"{API}/scenarios/{scenario.pk}"),
        ("post", f"{API}/scenarios/{scenario.pk}/runs"),
        ("get", f"{API}/runs/{run.pk}"),
        ("post", f"{API}/runs/{run.pk}/cancel"),
        ("get", f"{API}/runs/{run.pk}.geojson"),
    ]


def ask(client: Client, method: str, url: str) -> Any:
    return post(client, url) if method == "post" else client.get(url)


def test_nobody_without_a_login_and_no_stranger(world):
    scenario, run = saved_scenario(world)
    stranger = token_client(world.stranger)
    for method, url in [*addresses(scenario, run), ("post", f"{API}/scenarios")]:
        assert refusal(ask(Client(), method, url)) == (401, "not_authenticated"), url
    for method, url in addresses(scenario, run):
        assert refusal(ask(stranger, method, url)) == (403, "not_allowed"), url
    answer = post(stranger, f"{API}/scenarios", {"name": "x", "demand": 1, "candidates": [1]})
    assert refusal(answer) == (403, "not_allowed")
    wrong_key = Client(headers={"authorization": "Bearer po_not-a-key"})
    assert refusal(wrong_key.get(f"{API}/scenarios")) == (401, "not_authenticated")


def test_another_municipality_is_as_if_nothing_were_there(world):
    scenario, run = saved_scenario(world)
    other = token_client(world.other_officer)
    for method, url in addresses(scenario, run)[3:]:
        assert refusal(ask(other, method, url)) == (404, "planning_not_found"), url
    assert other.get(f"{API}/scenarios").json()["count"] == 0
    assert refusal(other.get(f"{API}/candidates?municipality=0181")) == (404, "planning_not_found")
    assert Run.objects.get(pk=run.pk).status == RunStatus.QUEUED
    admin = token_client(world.admin)
    assert admin.get(f"{API}/scenarios/{scenario.pk}").status_code == 200
    assert admin.get(f"{API}/runs/{run.pk}").json()["status"] == RunStatus.QUEUED


def test_another_municipalitys_source_or_sites_cannot_be_used(world):
    body = scenario_body(world)
    other = token_client(world.other_officer)
    assert refusal(post(other, f"{API}/scenarios", body)) == (404, "planning_not_found")
    mine = make_source(world, name="Botkyrkas")
    mine.municipality = world.other_municipality
    mine.save()
    answer = post(other, f"{API}/scenarios", {**body, "demand": mine.pk})
    assert refusal(answer) == (400, "planning_scenario_invalid")
    assert not Scenario.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"sites": "two"},
        {"demand": "1; DROP TABLE"},
        {"candidates": "all"},
        {"candidates": [1.5]},
        {"candidates": [2**40]},
        {"demand": 2**63},
        {"name": ""},
        {"name": "x" * 201},
        {"name": "nul\x00"},
        {"description": "x" * 4001},
        {"candidates": list(range(1, 5002))},
        {"group_weights": {f"g{i}": 1 for i in range(51)}},
        {"radius_m": 10**12},
        {"use_capacities": "perhaps"},
    ],
)
def test_wrong_types_and_huge_values_are_bad_input(world, changes):
    answer = post(token_client(world.officer), f"{API}/scenarios", scenario_body(world, **changes))
    assert refusal(answer) == (422, "invalid_input")
    assert not Scenario.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"model": "<script>alert(1)</script>"},
        {"sites": 0},
        {"radius_m": 1},
        {"gap_target": 99},
        {"time_limit_s": 0},
        {"group_weights": {"no_such_group": 2}},
        {"preset": "rocket"},
        {"reach": "matrix"},
    ],
)
def test_values_the_form_would_refuse_are_refused_the_same_way(world, changes):
    answer = post(token_client(world.officer), f"{API}/scenarios", scenario_body(world, **changes))
    assert refusal(answer) == (400, "planning_scenario_invalid")
    assert answer.json()["details"]["field"]
    assert not Scenario.objects.exists()


def test_html_in_a_name_is_kept_as_text(world):
    name = '<img src=x onerror="alert(1)">'
    answer = post(token_client(world.officer), f"{API}/scenarios", scenario_body(world, name=name))
    assert answer.status_code == 201
    assert answer["Content-Type"] == "application/json; charset=utf-8"
    assert answer.json()["name"] == name


def test_ids_nobody_could_have_are_not_found(world):
    officer = token_client(world.officer)
    for url in (f"{API}/scenarios/{2**40}", f"{API}/runs/{2**40}", f"{API}/runs/99999"):
        assert refusal(officer.get(url)) == (404, "planning_not_found"), url
    assert officer.get(f"{API}/candidates?municipality=%00").status_code == 404
