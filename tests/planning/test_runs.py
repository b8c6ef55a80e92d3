"""Runs: inline when small, queued through the worker when not; progress, cancel, failure."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.planning.models import Run, RunStatus
from publicoffice.planning.services import runs
from publicoffice.planning.solver.types import Answer, Model, StopReason
from tests.planning.conftest import make_candidate, make_source
from tests.planning.scenario_helpers import make_scenario

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def _scenario(world):
    source = make_source(world)
    sites = [make_candidate(world, "Torget", 0, 0), make_candidate(world, "Skolan", 500, 500)]
    return make_scenario(world, source, sites, sites=1)


def _fake(stopped=StopReason.OPTIMAL, *, ask=False):
    def solve(problem, model, limits, *, progress=None, should_stop=None):
        progress(0.5, "search")
        stopping = should_stop() if ask else False
        return Answer(
            model=Model(model),
            sites=(0,),
            objective=500.0,
            bound=520.0 if stopping else 500.0,
            gap=0.04 if stopping else 0.0,
            seconds=0.1,
            method="fake",
            stopped=StopReason.CANCELLED if stopping else stopped,
        )

    return solve


def test_small_run_answers_inline_end_to_end(world, client):
    scenario = _scenario(world)
    run = runs.run_start(scenario=scenario, by=world.officer)
    assert run.status == RunStatus.DONE, run.error_code
    assert run.objective == 500  # the centre site reaches its five cells
    assert run.gap is not None and run.gap <= 1 and run.sites.count() == 1
    client.force_login(world.officer)
    response = client.post(reverse("planning:scenario_run", args=[scenario.pk]))
    assert response.status_code == 302 and "/progress/" not in response["Location"]


@override_settings(TASKS=IMMEDIATE)
def test_large_run_is_queued_and_run_by_the_worker(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(runs, "INLINE_LIMIT", 1)
    monkeypatch.setattr(runs.solver, "solve", _fake())
    scenario = _scenario(world)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = runs.run_start(scenario=scenario, by=world.officer)
    assert run.status == RunStatus.QUEUED and len(callbacks) == 1
    callbacks[0]()
    run.refresh_from_db()
    assert (run.status, run.objective, run.progress) == (RunStatus.DONE, 500, 100)


def test_progress_is_written_and_the_page_follows_it(world, client, monkeypatch):
    scenario = _scenario(world)
    run = Run.objects.create(scenario=scenario)
    runs.progress_writer(run.pk)(0.42, "search")
    run.refresh_from_db()
    assert (run.progress, run.stage) == (42, "search")
    client.force_login(world.officer)
    Run.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    page = client.get(reverse("planning:run_progress", args=[run.pk])).content.decode()
    assert 'data-live="on"' in page and "live-status.js" in page
    assert "http-equiv" not in page and "<progress" in page and 'value="42"' in page
    client.force_login(world.other_officer)
    assert client.get(reverse("planning:run_progress", args=[run.pk])).status_code == 404


def test_cancel_before_start_and_during_a_run(world, client, monkeypatch):
    scenario = _scenario(world)
    queued = Run.objects.create(scenario=scenario)
    client.force_login(world.officer)
    client.post(reverse("planning:run_cancel", args=[queued.pk]))
    queued.refresh_from_db()
    assert queued.status == RunStatus.CANCELLED
    runs.run_execute(queued.pk)  # the worker leaves it
    queued.refresh_from_db()
    assert queued.status == RunStatus.CANCELLED and queued.objective is None
    with pytest.raises(DomainError) as finished:
        runs.run_cancel(run=queued, by=world.officer)
    assert finished.value.code == ErrorCode.PLANNING_RUN_FINISHED
    running = Run.objects.create(scenario=scenario, cancel_requested=True)
    monkeypatch.setattr(runs.solver, "solve", _fake(ask=True))
    runs.run_execute(running.pk)
    running.refresh_from_db()
    assert running.status == RunStatus.CANCELLED and (running.objective, running.bound) == (
        500,
        520,
    )


def test_failure_is_kept_with_its_code(world, client, monkeypatch):
    scenario = _scenario(world)
    scenario.sites = 3
    scenario.save()
    run = runs.run_start(scenario=scenario, by=world.officer)
    assert (run.status, run.error_code) == (RunStatus.FAILED, "planning_too_many_sites")
    client.force_login(world.officer)
    page = client.get(reverse("planning:run_progress", args=[run.pk])).content.decode()
    assert 'role="alert"' in page and 'data-live="done"' in page and "live-status.js" not in page
    with pytest.raises(DomainError):
        runs.run_start(scenario=scenario, by=world.other_officer)
