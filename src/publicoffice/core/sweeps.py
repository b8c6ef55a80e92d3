"""The command every periodic sweep shares: run once now, or queue it for the worker.

A sweep is a django-tasks task that does its work and, when asked, queues
its own next run. Its management command is a :class:`SweepCommand` that
names the task, the function that queues it, and how to say what was done;
the arguments, the refusal when the task backend cannot run work later and
the wording are the same for every sweep.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def _already_queued(sweep: Task[..., Any]) -> bool:
    """Is a run of this sweep waiting in the database queue? Then one chain is enough."""
    if not isinstance(sweep.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(task_path=sweep.module_path, status="READY").exists()


def queue_next(
    sweep: Task[..., Any], *, every: timedelta, run_after: datetime | None = None
) -> datetime | None:
    """Queue the sweep's next run; when it runs, or None if nothing was queued.

    Nothing is queued when a run is already waiting (running ``--schedule``
    twice, or two chains, collapse into one) or when the task backend cannot
    run work later (the immediate backend of tests).
    """
    if not sweep.get_backend().supports_defer or _already_queued(sweep):
        return None
    run_after = run_after or timezone.now() + every
    sweep.using(run_after=run_after).enqueue(reschedule=True)
    return run_after


class SweepCommand(BaseCommand, ABC):
    """Subclasses set :attr:`what`, :attr:`already` and :attr:`every`, and say
    :meth:`task`, :meth:`schedule` and :meth:`summary`."""

    #: What the sweep is called in messages ("Sweep", "Events sweep").
    what = "Sweep"
    #: What to say when a run is already waiting.
    already = "A sweep is already queued; nothing added."
    #: How often it runs once scheduled, in words ("every five minutes").
    every = ""

    @abstractmethod
    def task(self) -> Any:
        """The django-tasks task that sweeps (called with ``reschedule``)."""

    @abstractmethod
    def schedule(self, run_after: datetime) -> datetime | None:
        """Queue the first run; when it runs, or None when one already waits."""

    @abstractmethod
    def summary(self, result: dict[str, int]) -> str:
        """What one run did, in a line for the operator."""

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the self-rescheduling sweep for the worker instead of running now.",
        )

    def handle(self, *args: Any, schedule: bool = False, **options: Any) -> None:
        task = self.task()
        if schedule:
            self._schedule(task, self.schedule)
            return
        self.stdout.write(self.summary(task.call(reschedule=False)))

    def _schedule(self, task: Any, queue: Callable[[datetime], datetime | None]) -> None:
        if not task.get_backend().supports_defer:
            raise CommandError("The task backend cannot run work later (TASKS setting).")
        run_after = queue(timezone.now())
        if run_after is None:
            self.stdout.write(self.already)
        else:
            self.stdout.write(
                f"{self.what} queued; first run after {timezone.localtime(run_after):%H:%M}, "
                f"then {self.every}."
            )
