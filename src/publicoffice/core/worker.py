"""A task worker that outlives database errors (``publicoffice worker``).

django-tasks-db's worker (``db_worker``) stops on a database error raised
outside a task: starting the transaction that claims the next task
(``BEGIN EXCLUSIVE`` on SQLite) or recording a result after its three quick
retries. Under bursts of writes on SQLite that was "database is locked",
and booking confirmations and waitlist offers then waited unsent until
someone restarted the process. Here the worker's loop is run again after
such an error, with a growing pause; and a task that itself failed on a
database error is queued again, a bounded number of times, instead of
staying FAILED (a sweep that failed so would also stop rescheduling itself).

Other errors still stop the worker: they are bugs, and a supervisor that
restarts a crashing process makes them visible. A stuck queue shows on
``/health/`` and on the host's desk (``core.selectors.queue_lag``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta

from django.db import InterfaceError, OperationalError, close_old_connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("publicoffice.worker")

#: The errors after which the database is worth asking again.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)
#: How django-tasks-db records them on a failed task (``exception_class_path``).
TRANSIENT_ERROR_PATHS = frozenset(
    f"{error.__module__}.{error.__qualname__}" for error in TRANSIENT_ERRORS
)
#: Runs of one task in all, the first included, before a database error is final.
MAX_TASK_ATTEMPTS = 5
#: The first pause, in seconds, before a task's next attempt; it doubles each time.
TASK_RETRY_SECONDS = 30
#: The worker's pauses after a database error: the first, and the longest.
FIRST_PAUSE = 1.0
LONGEST_PAUSE = 60.0


def pause_after(failures: int) -> float:
    """Seconds to wait after ``failures`` database errors in a row: 1, 2, 4... up to 60."""
    return float(min(LONGEST_PAUSE, FIRST_PAUSE * 2 ** (failures - 1)))


def survive(
    run: Callable[[], None],
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    keep_going: Callable[[], bool] = lambda: True,
) -> int:
    """Call ``run`` until it returns, again after each database error; return the errors.

    After an error the connections that broke are closed (Django reconnects
    on the next query) and the pause grows while errors come in a row; a run
    that lasted longer than the longest pause starts the count again.
    ``keep_going`` false (the worker was asked to stop) ends the loop.
    """
    errors = 0
    in_a_row = 0
    while True:
        started = clock()
        try:
            run()
            return errors
        except TRANSIENT_ERRORS:
            errors += 1
            in_a_row = 1 if clock() - started > LONGEST_PAUSE else in_a_row + 1
            pause = pause_after(in_a_row)
            logger.exception("Database error in the task worker; going on in %.0f s", pause)
            close_old_connections()
            if not keep_going():
                return errors
            sleep(pause)


def retry_if_transient(result: DBTaskResult) -> bool:
    """Queue a task that failed on a database error again; whether it was queued.

    Each claim adds the worker's id to ``worker_ids``, so its length counts
    the attempts. The retry waits 30 s, 60 s, 120 s, 240 s. A task that
    failed after its e-mail left (the database broke while recording it)
    sends that e-mail again: a duplicate is better than a lost confirmation.
    """
    if result.status != "FAILED" or result.exception_class_path not in TRANSIENT_ERROR_PATHS:
        return False
    attempts = len(result.worker_ids)
    if attempts >= MAX_TASK_ATTEMPTS:
        logger.error(
            "Task %s failed on a database error %d times; left failed", result.id, attempts
        )
        return False
    result.status = "READY"
    result.run_after = timezone.now() + timedelta(seconds=TASK_RETRY_SECONDS * 2 ** (attempts - 1))
    result.started_at = None
    result.finished_at = None
    result.save(update_fields=["status", "run_after", "started_at", "finished_at"])
    logger.warning(
        "Task %s failed on a database error; retrying at %s", result.id, result.run_after
    )
    return True


class SurvivingWorker(Worker):
    """django-tasks-db's worker, run again after database errors and retrying their tasks."""

    def __init__(self, *, sleep: Callable[[float], None] = time.sleep, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self._sleep = sleep

    def run(self) -> None:
        survive(super().run, sleep=self._sleep, keep_going=lambda: self.running)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        retry_if_transient(db_task_result)
