"""Reads about the service itself: is the database there, is the task queue late?

The health endpoint (``core.health``) and the host's desk read these; neither
touches a model manager itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Count, F, Min, When
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

#: How late the queue may be before the host's desk warns (10 minutes).
HOST_WARNING_SECONDS = 600


@dataclass(frozen=True)
class QueueLag:
    """How long the oldest task that is due but not yet run has waited, and how many wait."""

    oldest_unsent_seconds: int
    waiting: int


def database_ping() -> None:
    """Run the smallest query; raise the database's error if it cannot answer."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def queue_lag() -> QueueLag:
    """Tasks due now that no worker has taken, and the age of the oldest, in one query.

    A task is due from its ``run_after`` (a reminder queued days ahead is not
    late) or, without one, from when it was queued. A task being retried after
    a database error is due again from its retry time.
    """
    due_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),
        default=F("run_after"),
    )
    found = DBTaskResult.objects.ready().aggregate(oldest=Min(due_since), waiting=Count("pk"))
    oldest = found["oldest"]
    age = 0 if oldest is None else max(0, int((timezone.now() - oldest).total_seconds()))
    return QueueLag(oldest_unsent_seconds=age, waiting=found["waiting"])


def late_queue_minutes(*, after_seconds: int = HOST_WARNING_SECONDS) -> int | None:
    """Minutes the oldest unsent task has waited, if longer than ``after_seconds``."""
    age = queue_lag().oldest_unsent_seconds
    return age // 60 if age > after_seconds else None
