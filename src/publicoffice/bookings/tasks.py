"""Background tasks of bookings (django-tasks, run by ``publicoffice db_worker``).

Arguments are plain JSON values (ids, a kind, a sequence number): the task
loads what it needs when it runs, so it always works on the current state.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django_tasks import task

from publicoffice.bookings import emails, retention, services, waitlist
from publicoffice.core.sweeps import queue_next

#: How often the sweep records no-shows, passes lapsed offers on and purges old bookings.
SWEEP_EVERY = timedelta(minutes=5)


@task()
def send_booking_notice(
    *, booking_id: int, kind: str, sequence: int, remind_at: str | None = None
) -> str:
    """E-mail the member about their booking (confirmed, changed, cancelled...).

    ``remind_at`` (ISO time): first queue the reminder to run then. The
    request that made the booking writes one task row, not two; the
    reminder checks the booking's sequence and start itself when it runs.
    """
    if remind_at is not None:
        send_booking_reminder.using(run_after=datetime.fromisoformat(remind_at)).enqueue(
            booking_id=booking_id, sequence=sequence
        )
    return emails.send_notice(booking_id=booking_id, kind=kind, sequence=sequence)


@task()
def send_booking_reminder(*, booking_id: int, sequence: int) -> str:
    """E-mail a reminder before the booking; does nothing if it changed since."""
    return emails.send_reminder(booking_id=booking_id, sequence=sequence)


@task()
def send_waitlist_offer(*, entry_id: int) -> str:
    """E-mail a waitlisted member that their slot is free and held for them."""
    return emails.send_offer(entry_id=entry_id)


def schedule_sweep(run_after: datetime | None = None) -> datetime | None:
    """Queue the next sweep (see :func:`publicoffice.core.sweeps.queue_next`)."""
    return queue_next(sweep_bookings, every=SWEEP_EVERY, run_after=run_after)


@task()
def sweep_bookings(*, reschedule: bool = True) -> dict[str, int]:
    """Record released no-shows, expire lapsed offers, purge old bookings; queue the next.

    Availability never waits for this (a missed check-in frees its slot at
    once); the sweep keeps statistics, the log and waitlist offers current,
    and deletes bookings past ``BOOKINGS_RETENTION_DAYS``. Queue the first
    run with ``publicoffice bookings_sweep --schedule``.
    """
    try:
        released = services.release_no_shows()
        expired = waitlist.waitlist_expire_offers()
        purged = retention.bookings_purge()
    finally:
        if reschedule:
            schedule_sweep()
    return {
        "no_shows_released": released,
        "offers_expired": expired,
        "bookings_purged": purged.bookings,
        "waitlist_entries_purged": purged.waitlist_entries,
    }
