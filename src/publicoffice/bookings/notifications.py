"""E-mails about bookings, queued when the services say what happened.

:func:`connect` (called in ``BookingsConfig.ready()``) subscribes to the
happenings the services publish (:mod:`publicoffice.bookings.happenings`);
the handlers run after the commit and only queue tasks
(:mod:`publicoffice.bookings.tasks`). The worker then writes the e-mails
(:mod:`publicoffice.bookings.emails`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from publicoffice.bookings import happenings, tasks
from publicoffice.bookings.emails import KINDS
from publicoffice.bookings.models import Booking, BookingStatus

logger = logging.getLogger(__name__)

#: After these a reminder is queued, when the booking is confirmed.
REMINDED_KINDS = frozenset({"confirmed", "changed", "approved"})


def notify_later(kind: str, booking_id: int) -> None:
    """Queue the e-mail of ``kind`` about a booking, and its reminder.

    Runs after the booking's transaction has committed. A failure to queue is
    logged and swallowed: the booking itself has been made and stays made.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown booking notice {kind!r}")
    try:
        row = (
            Booking.objects.filter(pk=booking_id, member__isnull=False)
            .values("sequence", "starts_at", "status")
            .first()
        )
        if row is None:  # gone, or a visitor without an account
            return
        tasks.send_booking_notice.enqueue(
            booking_id=booking_id, kind=kind, sequence=row["sequence"]
        )
        if kind in REMINDED_KINDS and row["status"] == BookingStatus.CONFIRMED:
            _queue_reminder(booking_id, starts_at=row["starts_at"], sequence=row["sequence"])
    except Exception:
        logger.exception("Could not queue the %s notice for booking %s", kind, booking_id)


def _queue_reminder(booking_id: int, *, starts_at: datetime, sequence: int) -> None:
    run_after = starts_at - timedelta(hours=settings.BOOKINGS_REMINDER_HOURS)
    if run_after <= timezone.now():
        return  # booked at short notice: the confirmation is reminder enough
    reminder = tasks.send_booking_reminder
    if not reminder.get_backend().supports_defer:
        logger.info("Task backend cannot defer; no reminder for booking %s", booking_id)
        return
    reminder.using(run_after=run_after).enqueue(booking_id=booking_id, sequence=sequence)


def notify_offer_later(entry_id: int) -> None:
    """Queue the e-mail offering a freed slot to a waitlisted member."""
    try:
        tasks.send_waitlist_offer.enqueue(entry_id=entry_id)
    except Exception:
        logger.exception("Could not queue the offer for waitlist entry %s", entry_id)


# -- what happened, told as e-mails ------------------------------------------------


def on_booking_created(*, booking_id: int, pending: bool) -> None:
    notify_later("pending" if pending else "confirmed", booking_id)


def on_booking_changed(*, booking_id: int) -> None:
    notify_later("changed", booking_id)


def on_booking_cancelled(*, booking_id: int) -> None:
    notify_later("cancelled", booking_id)


def on_booking_decided(*, booking_id: int, approved: bool) -> None:
    notify_later("approved" if approved else "rejected", booking_id)


def on_waitlist_offer_made(*, entry_id: int) -> None:
    notify_offer_later(entry_id)


def connect() -> None:
    """Listen to the booking services (idempotent)."""
    happenings.booking_created.subscribe(on_booking_created)
    happenings.booking_changed.subscribe(on_booking_changed)
    happenings.booking_cancelled.subscribe(on_booking_cancelled)
    happenings.booking_decided.subscribe(on_booking_decided)
    happenings.waitlist_offer_made.subscribe(on_waitlist_offer_made)
