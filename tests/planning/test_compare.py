"""Several runs side by side: totals, districts and groups line up across runs."""

from __future__ import annotations

import pytest

from publicoffice.planning.built import BuiltProblem
from publicoffice.planning.models import Candidate, Run, RunStatus
from publicoffice.planning.selectors.results import compare, result_of
from publicoffice.planning.services.results import record_answer
from tests.planning.conftest import World
from tests.planning.test_results import answer, record_example


@pytest.fixture
def recorded(world: World) -> tuple[Run, list[Candidate], BuiltProblem]:
    return record_example(world)


def second_run(run: Run) -> Run:
    other = Run.objects.create(scenario=run.scenario, status=RunStatus.DONE)
    return other


def test_compare_lines_up_totals_and_districts(recorded, world):
    run, _sites, built = recorded
    other = second_run(run)
    record_answer(other, built, answer((1,)))
    found = compare([run, other])
    assert [r["reached"]["after"] for r in found["results"]] == [1100, 800]
    ronna = next(row for row in found["districts"] if row["key"] == str(world.ronna.pk))
    assert [cell["after"] for cell in ronna["cells"]] == [700, 400]
    assert [len(r["new_sites"]) for r in found["results"]] == [2, 1]
    groups = found["groups"][0]["cells"]
    assert [cell["after"] for cell in groups] == [110, 80]


def test_compare_shows_at_most_four(recorded):
    run, _sites, _built = recorded
    assert len(compare([run] * 6)["results"]) == 4


def test_result_of_an_unfinished_run_is_empty(recorded):
    run, _sites, _built = recorded
    waiting = Run.objects.create(scenario=run.scenario)
    result = result_of(waiting)
    assert result["done"] is False
    assert result["sites"] == [] and result["gains"] == []
