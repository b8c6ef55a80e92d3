"""Writes to bookings: create, change, cancel, approve, check in, release no-shows.

One module per step of a booking's life; everything is importable from here.
Waitlists are written in :mod:`publicoffice.bookings.waitlist`, which builds
on these; these only offer freed time through
:mod:`publicoffice.bookings.offers`. What the services share (the space
lock, loading an attempt, judging it, the guarded save, the log) is in
:mod:`publicoffice.bookings.attempts`. What happened is published as
:mod:`publicoffice.bookings.happenings`; the e-mails listen to those.
"""

from publicoffice.bookings.services.attendance import (
    booking_check_in,
    check_in_arriving_member,
    release_no_shows,
)
from publicoffice.bookings.services.calendar_feeds import calendar_feed_renew
from publicoffice.bookings.services.changing import booking_cancel, booking_change, booking_decide
from publicoffice.bookings.services.creating import booking_create

__all__ = [
    "booking_cancel",
    "booking_change",
    "booking_check_in",
    "booking_create",
    "booking_decide",
    "calendar_feed_renew",
    "check_in_arriving_member",
    "release_no_shows",
]
