"""E-mails about bookings, sent through the task queue (being written)."""

from __future__ import annotations


def notify_later(kind: str, booking_id: int) -> None:
    """Queue the e-mail of ``kind`` about a booking."""


def notify_offer_later(entry_id: int) -> None:
    """Queue the e-mail offering a freed slot to a waitlisted member."""
