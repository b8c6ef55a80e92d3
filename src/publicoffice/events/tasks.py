"""Background tasks of events (django-tasks, run by ``publicoffice db_worker``).

Arguments are plain JSON values: the task loads what it needs when it runs,
so it always works on the current state. The ``queue_*`` functions listen
to :mod:`publicoffice.events.happenings` (subscribed in
:class:`EventsConfig.ready`) and run once the services' transaction has
committed, so a refused write sends nothing. The sweep queues reminders; it
is queued once with ``publicoffice events_sweep --schedule`` and then queues
its own next run.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django_tasks import task

from publicoffice.core.sweeps import queue_next
from publicoffice.events import happenings, notifications, services

logger = logging.getLogger(__name__)

#: How often the sweep looks for events that need reminders.
SWEEP_EVERY = timedelta(minutes=15)


@task()
def send_event_notices(*, event_id: int, kind: str, sequence: int) -> str:
    """E-mail everyone registered or waiting about a change to the event."""
    return notifications.send_event_notices(event_id=event_id, kind=kind, sequence=sequence)


@task()
def send_registration_notice(*, registration_id: int, kind: str) -> str:
    """E-mail a member about their seat, place in line, promotion or reminder."""
    return notifications.send_registration_notice(registration_id=registration_id, kind=kind)


# -- queueing (listeners, called after commit) ---------------------------------------


def queue_event_notices(*, event_id: int, kind: str, sequence: int) -> None:
    """Queue the notice to everyone registered about a change of the event."""
    if kind not in notifications.EVENT_KINDS:
        raise ValueError(f"unknown event notice {kind!r}")
    try:
        send_event_notices.enqueue(event_id=event_id, kind=kind, sequence=sequence)
    except Exception:
        logger.exception("Could not queue the %s notices for event %s", kind, event_id)


def queue_registration_notice(*, registration_id: int, kind: str) -> None:
    if kind not in notifications.REGISTRATION_KINDS:
        raise ValueError(f"unknown registration notice {kind!r}")
    try:
        send_registration_notice.enqueue(registration_id=registration_id, kind=kind)
    except Exception:
        logger.exception("Could not queue the %s notice for registration %s", kind, registration_id)


def listen() -> None:
    """Subscribe the e-mails to what the services publish (from ``ready()``)."""
    happenings.event_changed.subscribe(queue_event_notices)
    happenings.registration_changed.subscribe(queue_registration_notice)


# -- the sweep -------------------------------------------------------------------------


def schedule_sweep(run_after: datetime | None = None) -> datetime | None:
    """Queue the next sweep (see :func:`publicoffice.core.sweeps.queue_next`)."""
    return queue_next(sweep_events, every=SWEEP_EVERY, run_after=run_after)


@task()
def sweep_events(*, reschedule: bool = True) -> dict[str, int]:
    """Queue reminders for seats at events starting within ``EVENTS_REMINDER_HOURS``.

    Every registration is reminded once (``reminded_at``), however often the
    sweep runs; a sweep that was down a while catches up on its next run, as
    long as the event has not started.
    """
    try:
        reminded = services.send_event_reminders()
    finally:
        if reschedule:
            schedule_sweep()
    return {"reminders_queued": reminded}
