"""Running a scenario: at once while the page waits when small, else by the task worker.

A run's life: QUEUED → RUNNING → DONE (or CANCELLED, or FAILED). Small
instances (at most :data:`INLINE_LIMIT` cells × candidate sites, a second or
so of work) are answered within the request that asked; larger ones are
queued and the worker (``publicoffice db_worker``) runs them, writing the
progress and the stage to the run as it goes, so the progress page can show
them. A cancel sets ``cancel_requested``; the solver asks now and then and
stops with the best answer it has and its proven bound, which is kept.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import User
from publicoffice.core.errors import ERRORS, DomainError, ErrorCode
from publicoffice.planning import instance, policies, tasks_runs
from publicoffice.planning.models import ImportStatus, Run, RunStatus, Scenario
from publicoffice.planning.services import results
from publicoffice.planning.solver import solve as solver
from publicoffice.planning.solver.types import Answer, Limits, StopReason

logger = logging.getLogger(__name__)

#: Cells × candidate sites up to which a run is answered within the request.
INLINE_LIMIT = 200_000
#: Seconds between two writes of progress, and between two reads of a cancel.
CHECK_EVERY = 0.5
#: The stages this module writes itself (the solver adds its own).
STAGE_BUILD = "build"
STAGE_RECORD = "record"
#: Written to ``Run.error_code`` when something other than a refusal went wrong.
INTERNAL_ERROR = "internal"
FINISHED = (RunStatus.DONE, RunStatus.CANCELLED, RunStatus.FAILED)


def is_small(scenario: Scenario) -> bool:
    """Is the scenario answered while the page waits?"""
    return instance.instance_size(scenario) <= INLINE_LIMIT


def run_start(*, scenario: Scenario, by: AnyUser) -> Run:
    """A new run of the scenario: done at once when small, otherwise queued for the worker."""
    if not policies.can_plan_in(by, scenario.municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if scenario.demand.status != ImportStatus.READY:
        raise DomainError(ErrorCode.PLANNING_SOURCE_NOT_READY)
    created_by = by if isinstance(by, User) else None
    run = Run.objects.create(scenario=scenario, status=RunStatus.QUEUED, created_by=created_by)
    if is_small(scenario):
        run_execute(run.pk)
        run.refresh_from_db()
        return run
    transaction.on_commit(lambda: tasks_runs.run_scenario.enqueue(run.pk))
    return run


def run_cancel(*, run: Run, by: AnyUser) -> Run:
    """Stop a run: at once when it has not started, at the solver's next check when running."""
    if not policies.can_plan_in(by, run.scenario.municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    now = timezone.now()
    rows = Run.objects.filter(pk=run.pk)
    if rows.filter(status=RunStatus.QUEUED).update(
        status=RunStatus.CANCELLED, cancel_requested=True, finished_at=now, updated_at=now
    ):
        pass
    elif not rows.filter(status=RunStatus.RUNNING).update(cancel_requested=True, updated_at=now):
        raise DomainError(ErrorCode.PLANNING_RUN_FINISHED)
    run.refresh_from_db()
    return run


def _claim(run_id: int) -> bool:
    """QUEUED → RUNNING, once: a run cancelled before it started, or claimed already, is left."""
    now = timezone.now()
    return bool(
        Run.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
            status=RunStatus.RUNNING, started_at=now, stage=STAGE_BUILD, progress=0, updated_at=now
        )
    )


def run_execute(run_id: int) -> None:
    """Build the problem, solve it within the scenario's limits and keep the answer."""
    if not _claim(run_id):
        return
    run = Run.objects.select_related("scenario__demand").get(pk=run_id)
    scenario = run.scenario
    try:
        built = instance.build_problem(scenario)
        limits = Limits(gap=float(scenario.gap_target) / 100, seconds=float(scenario.time_limit_s))
        answer = solver.solve(
            built.problem,
            built.model,
            limits,
            progress=progress_writer(run_id),
            should_stop=cancel_reader(run_id),
        )
        _write_progress(run_id, 100, STAGE_RECORD)
        with transaction.atomic():
            results.record_answer(run, built, answer)
            _finish(run_id, answer)
    except DomainError as error:
        _fail(run_id, str(error.code))
    except Exception:
        logger.exception("Planning run %s failed", run_id)
        _fail(run_id, INTERNAL_ERROR)


def _finish(run_id: int, answer: Answer) -> None:
    cancelled = answer.stopped == StopReason.CANCELLED
    now = timezone.now()
    Run.objects.filter(pk=run_id).update(
        status=RunStatus.CANCELLED if cancelled else RunStatus.DONE,
        progress=100,
        stage=str(answer.stopped),
        objective=answer.objective,
        bound=answer.bound,
        gap=answer.gap * 100,
        seconds=answer.seconds,
        method=answer.method[:120],
        finished_at=now,
        updated_at=now,
    )


def _fail(run_id: int, code: str) -> None:
    now = timezone.now()
    Run.objects.filter(pk=run_id).update(
        status=RunStatus.FAILED, error_code=code[:60], finished_at=now, updated_at=now
    )


def _write_progress(run_id: int, percent: int, stage: str) -> None:
    Run.objects.filter(pk=run_id).update(progress=max(0, min(100, percent)), stage=stage[:60])


def _every(seconds: float) -> Callable[[], bool]:
    """True at the first call, then once ``seconds`` have passed since the last True."""
    last = [-float("inf")]

    def due() -> bool:
        now = time.monotonic()
        if now - last[0] < seconds:
            return False
        last[0] = now
        return True

    return due


def progress_writer(run_id: int) -> Callable[[float, str], None]:
    """The solver's progress callback: one short UPDATE at most every :data:`CHECK_EVERY`."""
    due = _every(CHECK_EVERY)

    def progress(share: float, stage: str) -> None:
        if due():
            _write_progress(run_id, int(share * 100), stage)

    return progress


def cancel_reader(run_id: int) -> Callable[[], bool]:
    """The solver's should_stop: reads ``cancel_requested`` at most every :data:`CHECK_EVERY`."""
    due = _every(CHECK_EVERY)
    asked: dict[str, Any] = {"stop": False}

    def should_stop() -> bool:
        if not asked["stop"] and due():
            flags = Run.objects.filter(pk=run_id).values_list("cancel_requested", flat=True)
            asked["stop"] = bool(flags.first())
        return bool(asked["stop"])

    return should_stop


def error_message(code: str) -> str:
    """Why a run failed, for the officer: the registry's message, or a general one."""
    try:
        return str(ERRORS[ErrorCode(code)].message)
    except (KeyError, ValueError):
        return _("Something went wrong while solving. Try again, or tell the platform's operators.")
