"""Result pages and downloads: who may open them, what they say, and how many queries."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from publicoffice.planning.built import BuiltProblem
from publicoffice.planning.models import Candidate, Run, RunStatus
from tests.planning.conftest import World
from tests.planning.test_results import record_example

PAGES = ("planning:run", "planning:run_csv", "planning:run_geojson")


@pytest.fixture
def recorded(world: World) -> tuple[Run, list[Candidate], BuiltProblem]:
    return record_example(world)


@pytest.mark.parametrize("name", PAGES)
def test_who_may_open_a_result(client, world, recorded, name):
    run, _sites, _built = recorded
    url = reverse(name, args=[run.pk])
    assert client.get(url).status_code == 302  # anonymous: log in first
    client.force_login(world.stranger)
    assert client.get(url).status_code == 403
    client.force_login(world.other_officer)
    assert client.get(url).status_code == 404
    for user in (world.officer, world.admin):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_run_page_says_the_proof_and_shows_the_tables(
    client, world, recorded, django_assert_max_num_queries
):
    run, _sites, _built = recorded
    client.force_login(world.officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("planning:run", args=[run.pk]))
    text = response.content.decode()
    assert "1,100" in text or "1\u00a0100" in text or "1 100" in text
    assert "Nordväst" in text and "Hovsjö" in text
    assert 'id="result-map"' in text and "aria-label=" in text
    assert 'id="result-map-data"' in text
    assert "planning/results-map.js" in text
    data = response.context["map_data"]
    assert len(data["sites"]) == 3 and len(data["cells"]) == 6
    assert reverse("planning:run_csv", args=[run.pk]) in text


def test_a_running_run_shows_its_state(client, world, recorded):
    run, _sites, _built = recorded
    running = Run.objects.create(scenario=run.scenario, status=RunStatus.RUNNING, progress=40)
    client.force_login(world.officer)
    response = client.get(reverse("planning:run", args=[running.pk]))
    assert response.status_code == 200
    assert response.context["map_data"] is None
    assert "result-map" not in response.content.decode()


def test_downloads_are_files(client, world, recorded):
    run, _sites, _built = recorded
    client.force_login(world.officer)
    response = client.get(reverse("planning:run_csv", args=[run.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    response = client.get(reverse("planning:run_geojson", args=[run.pk]))
    assert response["Content-Type"] == "application/geo+json"
    assert json.loads(response.content)["type"] == "FeatureCollection"


def test_compare_page(client, world, recorded, django_assert_max_num_queries):
    run, _sites, _built = recorded
    url = reverse("planning:compare")
    client.force_login(world.stranger)
    assert client.get(url).status_code == 403
    client.force_login(world.other_officer)
    response = client.get(url, {"run": [run.pk]})
    assert response.status_code == 200
    assert response.context["comparison"] is None  # not theirs: not compared
    client.force_login(world.officer)
    with django_assert_max_num_queries(12):
        response = client.get(url, {"run": [run.pk, run.pk, "x"]})
    assert [r["run"].pk for r in response.context["comparison"]["results"]] == [run.pk]
    assert f'value="{run.pk}"' in response.content.decode()
    assert client.get(url).context["comparison"] is None
