"""The reports sweep: keep the roll-ups current every minute, publish once a night.

``publicoffice reports_sweep --schedule`` queues it once; it then queues its
own next run every minute. Each run recomputes the office days the services
marked stale (:func:`~publicoffice.reports.rollup.refresh_stale`). Once a
local day, the public figures of this year and last year are worked out
again (:func:`~publicoffice.reports.publication.publish`), so a month that
has just ended appears, and late corrections to earlier months reach the
public tables the next night.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import task

from publicoffice.core.sweeps import queue_next
from publicoffice.core.timeutils import acting_now
from publicoffice.places.facts import Family
from publicoffice.reports.publication import publish, published_on
from publicoffice.reports.rollup import rebuild, refresh_stale

SWEEP_EVERY = timedelta(minutes=1)


def schedule_sweep(run_after: datetime | None = None) -> datetime | None:
    """Queue the next sweep (see :func:`publicoffice.core.sweeps.queue_next`)."""
    return queue_next(reports_sweep, every=SWEEP_EVERY, run_after=run_after)


def publish_if_due(now: datetime | None = None) -> list[int]:
    """Once a day: yesterday's and today's opening hours, then this year and last year.

    Opening hours are figures of every office every day, whether or not
    anything was written, so no service marks a new day: this does, once.
    The years published are returned (none when it ran today already).
    """
    now = acting_now(now)
    today = timezone.localtime(now).date()
    due = [
        year
        for year in (today.year - 1, today.year)
        if (last := published_on(year)) is None or timezone.localtime(last).date() < today
    ]
    if due:
        rebuild(start=today - timedelta(days=1), end=today, families=[Family.HOURS])
    for year in due:
        publish(year, now=now)
    return due


@task()
def reports_sweep(*, reschedule: bool = True) -> dict[str, int]:
    """Recompute stale office days; publish the public figures once a day."""
    try:
        refreshed = refresh_stale()
        published = publish_if_due()
    finally:
        if reschedule:
            schedule_sweep()
    return {
        "marks": refreshed.marks,
        "office_days": refreshed.office_days,
        "years_published": len(published),
    }
