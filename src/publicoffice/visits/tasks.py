"""Background tasks of visits (django-tasks, run by ``publicoffice db_worker``)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import task

from publicoffice.core.timeutils import acting_now, local_zone
from publicoffice.visits.retention import visits_roll_up

#: Local time of the nightly roll-up, when offices are closed.
NIGHTLY_AT = time(3, 15)


def next_night(now: datetime | None = None) -> datetime:
    """The next :data:`NIGHTLY_AT` after ``now``, in local time."""
    local = timezone.localtime(acting_now(now))
    run = datetime.combine(local.date(), NIGHTLY_AT, tzinfo=local_zone())
    return run if run > local else run + timedelta(days=1)


@task()
def roll_up_visits_nightly(*, reschedule: bool = True) -> dict[str, int]:
    """Roll up old raw visits, then queue the next night's run.

    Queue the first run once with ``publicoffice rollup_visits --schedule``;
    after that the task keeps itself scheduled. The command also works alone
    from cron, and the figures do not depend on either having run.
    """
    result = visits_roll_up()
    if reschedule:
        roll_up_visits_nightly.using(run_after=next_night()).enqueue(reschedule=True)
    return {"visits_deleted": result.visits_deleted, "aggregate_rows": result.aggregate_rows}
