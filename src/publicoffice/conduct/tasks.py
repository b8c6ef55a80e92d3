"""The conduct sweep: erase what the retention period no longer allows, and remind of reviews.

``publicoffice conduct_sweep --schedule`` queues it once; it then queues
its own next run every hour. Each run erases the details of incidents and
decisions past ``CONDUCT_RETENTION_DAYS`` (:mod:`.services.retention`) and
tells the office's address when an indefinite ban's review date has come.
The e-mails themselves are in :mod:`.notifications`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django_tasks import task

from publicoffice.conduct import notifications
from publicoffice.conduct.services import retention
from publicoffice.core.sweeps import queue_next

#: Review dates are days; erasing within the hour is soon enough.
SWEEP_EVERY = timedelta(hours=1)


def schedule_sweep(run_after: datetime | None = None) -> datetime | None:
    """Queue the next sweep (see :func:`publicoffice.core.sweeps.queue_next`)."""
    return queue_next(conduct_sweep, every=SWEEP_EVERY, run_after=run_after)


@task()
def conduct_sweep(*, reschedule: bool = True) -> dict[str, int]:
    """Erase old incidents' and decisions' details; tell offices of bans due for review."""
    try:
        incidents = retention.erase_old_incidents()
        sanctions = retention.erase_old_sanctions()
        reviews = retention.bans_due_for_review()
        for sanction_id in reviews:
            notifications.queue("review", sanction_id)
    finally:
        if reschedule:
            schedule_sweep()
    return {
        "incidents_erased": incidents,
        "decisions_erased": sanctions,
        "reviews_due": len(reviews),
    }
