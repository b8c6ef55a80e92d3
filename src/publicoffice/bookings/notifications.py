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
from typing import Any

from django.conf import settings
from django.utils import timezone

from publicoffice.bookings import happenings, tasks
from publicoffice.bookings.emails import KINDS
from publicoffice.bookings.models import Booking, BookingStatus

logger = logging.getLogger(__name__)

#: After these a reminder is queued, when the booking is confirmed.
REMINDED_KINDS = frozenset({"confirmed", "changed", "approved"})


def notify_later(kind: str, booking_id: int, row: dict[str, Any] | None = None) -> None:
    """Queue the e-mail of ``kind`` about a booking, and have it queue the reminder.

    Runs after the booking's transaction has committed. A failure to queue is
    logged and swallowed: the booking itself has been made and stays made.
    ``row`` (``sequence``, ``starts_at``, ``status``) is what the service just
    committed, when it said so; otherwise it is read back (a member's only).
    One task row on the request's path: when a reminder is due, the notice
    carries its time (``remind_at``) and the worker queues it.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown booking notice {kind!r}")
    try:
        if row is None:
            row = (
                dict(
                    Booking.objects.filter(pk=booking_id, member__isnull=False)
                    .values("sequence", "starts_at", "status")
                    .first()
                    or {}
                )
                or None
            )
        if row is None:  # gone, or a visitor without an account
            return
        notice: dict[str, Any] = {"booking_id": booking_id, "kind": kind}
        notice["sequence"] = row["sequence"]
        remind_at = _reminder_time(booking_id, kind, row)
        if remind_at is not None:
            notice["remind_at"] = remind_at.isoformat()
        tasks.send_booking_notice.enqueue(**notice)
    except Exception:
        logger.exception("Could not queue the %s notice for booking %s", kind, booking_id)


def _reminder_time(booking_id: int, kind: str, row: dict[str, Any]) -> datetime | None:
    """When the reminder should go, or ``None`` when there is to be none."""
    if kind not in REMINDED_KINDS or row["status"] != BookingStatus.CONFIRMED:
        return None
    run_after: datetime = row["starts_at"] - timedelta(hours=settings.BOOKINGS_REMINDER_HOURS)
    if run_after <= timezone.now():
        return None  # booked at short notice: the confirmation is reminder enough
    if not tasks.send_booking_reminder.get_backend().supports_defer:
        logger.info("Task backend cannot defer; no reminder for booking %s", booking_id)
        return None
    return run_after


def notify_offer_later(entry_id: int) -> None:
    """Queue the e-mail offering a freed slot to a waitlisted member."""
    try:
        tasks.send_waitlist_offer.enqueue(entry_id=entry_id)
    except Exception:
        logger.exception("Could not queue the offer for waitlist entry %s", entry_id)


# -- what happened, told as e-mails ------------------------------------------------


def on_booking_created(
    *,
    booking_id: int,
    pending: bool,
    member: bool | None = None,
    sequence: int | None = None,
    starts_at: datetime | None = None,
) -> None:
    """A new booking: its values came along, so nothing is read back (a visitor's: no e-mail)."""
    kind = "pending" if pending else "confirmed"
    if member is None or sequence is None or starts_at is None:
        notify_later(kind, booking_id)
    elif member:
        status = BookingStatus.PENDING if pending else BookingStatus.CONFIRMED
        row = {"sequence": sequence, "starts_at": starts_at, "status": status}
        notify_later(kind, booking_id, row)


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
