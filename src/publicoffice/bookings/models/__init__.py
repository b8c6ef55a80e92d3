"""Bookings of desks and rooms, the rules they follow, waitlists and statistics.

A booking *holds* its space for the half-open range ``[starts_at,
blocked_until)`` while it is pending or confirmed and not released by a
missed check-in (see :mod:`.bookings`). Statistics live in
:class:`BookingStatistic`, apart from the person: when a member deletes
their account their bookings go, the figures stay.

Everything is re-exported here, so ``from publicoffice.bookings.models
import X`` works for every model and constant (migration 0001 refers to
``publicoffice.bookings.models.TsTzRange``).
"""

from publicoffice.bookings.models.bookings import (
    CHECKIN_EARLY_MINUTES,
    HOLDING_STATUSES,
    Booking,
    BookingLogEntry,
    BookingQuerySet,
    BookingStatus,
    LogAction,
    TsTzRange,
    holding_at,
)
from publicoffice.bookings.models.feeds import CalendarFeed
from publicoffice.bookings.models.limits import LONGEST_BOOKING, LONGEST_BUFFER, LONGEST_HOLD
from publicoffice.bookings.models.rules import BookingRule
from publicoffice.bookings.models.statistics import BookingStatistic, Outcome
from publicoffice.bookings.models.waitlist import WaitlistEntry, WaitlistQuerySet, WaitlistStatus

__all__ = [
    "CHECKIN_EARLY_MINUTES",
    "HOLDING_STATUSES",
    "LONGEST_BOOKING",
    "LONGEST_BUFFER",
    "LONGEST_HOLD",
    "Booking",
    "BookingLogEntry",
    "BookingQuerySet",
    "BookingRule",
    "BookingStatistic",
    "BookingStatus",
    "CalendarFeed",
    "LogAction",
    "Outcome",
    "TsTzRange",
    "WaitlistEntry",
    "WaitlistQuerySet",
    "WaitlistStatus",
    "holding_at",
]
