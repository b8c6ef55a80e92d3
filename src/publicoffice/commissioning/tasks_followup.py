"""The commissioning sweep: close calls past their deadline, remind of reports.

``publicoffice commissioning_sweep --schedule`` queues it once; it then
queues its own next run an hour later. Each run closes the open calls whose
deadline has passed (their followers are told; nothing waits for this, as
the deadline itself refuses late applications), and sends the reminders due
today (:func:`~publicoffice.commissioning.services.followup.remind`): a week
before a report is due, the day after it fell due, and when it becomes very
late. ``Report.reminded_on`` keeps a run from sending anything twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django_tasks import task

from publicoffice.commissioning.services import followup
from publicoffice.commissioning.services.calls import close_calls_past_deadline
from publicoffice.core.sweeps import queue_next

#: Calls close within the hour of their deadline; reminders go once a day.
SWEEP_EVERY = timedelta(hours=1)


def schedule_sweep(run_after: datetime | None = None) -> datetime | None:
    """Queue the next sweep (see :func:`publicoffice.core.sweeps.queue_next`)."""
    return queue_next(commissioning_sweep, every=SWEEP_EVERY, run_after=run_after)


@task()
def commissioning_sweep(*, reschedule: bool = True) -> dict[str, int]:
    """Close the calls past their deadline; send today's reminders of reports."""
    try:
        sent = {"calls_closed": close_calls_past_deadline(), **followup.remind()}
    finally:
        if reschedule:
            schedule_sweep()
    return sent
