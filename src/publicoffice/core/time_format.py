"""Times in words, in the active language, for e-mails, pages and calendars.

Bookings and events both write "torsdag 26 november 2026, 10:00–11:00"; the
wording lives here once so the two cannot drift apart.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import formats
from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import local_zone, skipped_wall_clock, wall_clock_exists


def local(moment: datetime) -> datetime:
    """``moment`` on the network's wall clock."""
    return moment.astimezone(local_zone())


def local_moment(day: date, wall: time) -> datetime:
    """The aware moment a wall-clock time on a day stands for, in the network's zone."""
    return datetime.combine(day, wall, tzinfo=local_zone())


def missing_time_message(day: date, wall: time) -> str | None:
    """Why ``wall`` cannot be booked on ``day``, in words, or ``None`` when it exists.

    "There is no 02:30 on 28 March: the clocks go forward from 02:00 to 03:00."
    """
    jump = skipped_wall_clock(day, wall)
    if jump is None:
        return None
    return _(
        "There is no %(time)s on %(day)s: the clocks go forward from %(from)s to %(to)s. "
        "Choose another time."
    ) % {
        "time": formats.time_format(wall),
        "day": formats.date_format(day, "MONTH_DAY_FORMAT"),
        "from": formats.time_format(jump[0]),
        "to": formats.time_format(jump[1]),
    }


def ensure_wall_clock_exists(*moments: datetime) -> None:
    """Refuse a moment given as a wall-clock time its zone skips (``time_does_not_exist``).

    Services call this for callers that build datetimes with a zone: Python
    would otherwise read a skipped time with the offset before the jump.
    """
    for moment in moments:
        if not wall_clock_exists(moment):
            message = missing_time_message(moment.date(), moment.time())
            raise DomainError(ErrorCode.TIME_DOES_NOT_EXIST, message)


def format_day(moment: datetime) -> str:
    """Weekday and date in the active language: "torsdag 26 november 2026"."""
    wall = local(moment)
    return _("%(weekday)s %(date)s") % {
        "weekday": formats.date_format(wall, "l"),
        "date": formats.date_format(wall, "DATE_FORMAT"),
    }


def format_moment(moment: datetime) -> str:
    """Date and time of day, for "held until" and the like."""
    return _("%(day)s at %(time)s") % {
        "day": format_day(moment),
        "time": formats.time_format(local(moment)),
    }


def format_span(starts_at: datetime, ends_at: datetime) -> str:
    """A stretch of time in local wall-clock time, the day given once if it is one."""
    start, end = local(starts_at), local(ends_at)
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s") % {
            "day": format_day(start),
            "start": formats.time_format(start),
            "end": formats.time_format(end),
        }
    return _("%(start)s – %(end)s") % {"start": format_moment(start), "end": format_moment(end)}


def short_time(moment: datetime) -> str:
    """Day and time for a subject line: "26 november 10:00" (no ambiguous 11/26)."""
    wall = local(moment)
    return f"{formats.date_format(wall, 'MONTH_DAY_FORMAT')} {formats.time_format(wall)}"
