"""The worker outlives database errors; /health/ and every connection's settings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import OperationalError, connections
from django.utils import timezone
from django_tasks import task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

from publicoffice.core import health as health_module
from publicoffice.core.selectors import late_queue_minutes, queue_lag
from publicoffice.core.worker import (
    MAX_TASK_ATTEMPTS,
    SurvivingWorker,
    retry_if_transient,
    survive,
)

#: How many times ``flaky_task`` has failed; it fails on the first call only.
CALLS: list[int] = []


@task()
def flaky_task() -> str:
    """Fails like a locked SQLite database on its first run."""
    CALLS.append(1)
    if len(CALLS) == 1:
        raise OperationalError("database is locked")
    return "sent"


def queued(*, waited: timedelta = timedelta(0), run_after=None, **fields) -> DBTaskResult:
    """A task row as django-tasks-db writes it, queued ``waited`` ago."""
    result = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="tests.core.test_worker_and_health.flaky_task",
        backend_name="default",
        run_after=run_after or get_date_max(),
        **fields,
    )
    DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=timezone.now() - waited)
    result.refresh_from_db()
    return result


def worker(**options) -> SurvivingWorker:
    defaults = dict(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    return SurvivingWorker(**{**defaults, **options})


class TestConnections:
    @pytest.mark.django_db
    def test_every_new_connection_waits_for_locks_and_uses_wal(self):
        fresh = connections.create_connection("default")
        try:
            with fresh.cursor() as cursor:
                if fresh.vendor == "sqlite":
                    cursor.execute("PRAGMA journal_mode")
                    assert cursor.fetchone()[0] == "wal"
                    cursor.execute("PRAGMA busy_timeout")
                    assert cursor.fetchone()[0] == 20_000
                    assert fresh.transaction_mode == "IMMEDIATE"
                else:
                    # PostgreSQL waits for row locks by itself; what every
                    # connection gets there is JIT turned off.
                    cursor.execute("SHOW jit")
                    assert cursor.fetchone()[0] == "off"
        finally:
            fresh.close()


@pytest.mark.django_db  # survive() closes broken connections, so it may touch one
class TestSurvival:
    def test_a_step_that_fails_twice_on_the_database_then_succeeds(self):
        failures = [OperationalError("database is locked")] * 2
        runs, pauses = [], []

        def step():
            runs.append(1)
            if failures:
                raise failures.pop()

        assert survive(step, sleep=pauses.append, clock=lambda: 0.0) == 2
        assert len(runs) == 3
        assert pauses == [1.0, 2.0]

    def test_other_errors_still_stop_the_worker(self):
        def step():
            raise ValueError("a bug")

        with pytest.raises(ValueError):
            survive(step, sleep=lambda seconds: None)

    def test_a_stopping_worker_does_not_wait(self):
        pauses: list[float] = []

        def step():
            raise OperationalError("database is locked")

        assert survive(step, sleep=pauses.append, keep_going=lambda: False) == 1
        assert pauses == []

    def test_the_worker_loop_is_run_again_after_a_database_error(self, monkeypatch):
        failures = [OperationalError("database is locked"), OperationalError("gone")]
        runs: list[int] = []

        def loop(self):
            runs.append(1)
            if failures:
                raise failures.pop()

        monkeypatch.setattr(Worker, "run", loop)
        pauses: list[float] = []
        worker(sleep=pauses.append).run()
        assert len(runs) == 3
        assert len(pauses) == 2


# The worker closes connections between tasks, as a request does: no test transaction.
@pytest.mark.django_db(transaction=True)
class TestRetries:
    def test_a_task_failing_on_the_database_is_queued_again(self):
        CALLS.clear()
        result = flaky_task.enqueue()
        worker(sleep=lambda seconds: None).run()
        row = DBTaskResult.objects.get(pk=result.id)
        assert row.status == "READY"
        assert row.run_after > timezone.now() + timedelta(seconds=20)
        assert row.worker_ids == ["test-worker"]
        DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())
        worker(sleep=lambda seconds: None).run()
        row.refresh_from_db()
        assert row.status == "SUCCESSFUL"
        assert row.return_value == "sent"

    def test_retries_are_bounded_and_only_for_database_errors(self):
        path = "django.db.utils.OperationalError"
        worn = queued(status="FAILED", exception_class_path=path)
        worn.worker_ids = ["w"] * MAX_TASK_ATTEMPTS
        assert retry_if_transient(worn) is False
        bug = queued(status="FAILED", exception_class_path="builtins.ValueError")
        bug.worker_ids = ["w"]
        assert retry_if_transient(bug) is False
        assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"FAILED"}


@pytest.mark.django_db
class TestQueueLag:
    def test_counts_due_tasks_from_when_they_were_due(self):
        queued(waited=timedelta(minutes=12))
        queued(waited=timedelta(minutes=3))
        queued(waited=timedelta(days=2), run_after=timezone.now() - timedelta(minutes=1))
        queued(run_after=timezone.now() + timedelta(days=1))  # a reminder, not late
        queued(waited=timedelta(hours=5), status="SUCCESSFUL")
        lag = queue_lag()
        assert lag.waiting == 3
        assert 12 * 60 <= lag.oldest_unsent_seconds < 13 * 60
        assert late_queue_minutes() == 12
        assert late_queue_minutes(after_seconds=13 * 60) is None

    def test_an_empty_queue_is_not_late(self):
        assert queue_lag().oldest_unsent_seconds == 0
        assert late_queue_minutes() is None


@pytest.mark.django_db
class TestHealth:
    def test_all_well(self, client):
        response = client.get("/health/")
        assert response.status_code == 200
        assert response.json() == {
            "status": "ok",
            "database": "ok",
            "cache": "ok",
            "queue": {"oldest_unsent_seconds": 0, "waiting": 0},
        }
        assert "no-cache" in response["Cache-Control"]

    def test_a_late_queue_is_degraded_and_503(self, client, settings):
        settings.HEALTH_MAX_QUEUE_LAG = 600
        queued(waited=timedelta(minutes=5))
        assert client.get("/health/").status_code == 200
        queued(waited=timedelta(minutes=11))
        response = client.get("/health/")
        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "degraded"
        assert body["queue"]["waiting"] == 2
        assert body["queue"]["oldest_unsent_seconds"] >= 660

    def test_a_broken_cache_is_reported(self, client, monkeypatch):
        class BrokenCache:
            def set(self, *args, **kwargs):
                raise ConnectionError("redis is gone")

        monkeypatch.setattr(health_module, "cache", BrokenCache())
        response = client.get("/health/")
        assert response.status_code == 200
        assert response.json()["status"] == "degraded"
        assert response.json()["cache"] == "error"

    def test_a_database_that_does_not_answer_is_down(self, client, monkeypatch):
        def ping():
            raise OperationalError("could not connect to server: secret.host")

        monkeypatch.setattr(health_module, "database_ping", ping)
        response = client.get("/health/")
        assert response.status_code == 503
        assert response.json() == {
            "status": "down",
            "database": "error",
            "cache": "ok",
            "queue": None,
        }
        assert b"secret.host" not in response.content
