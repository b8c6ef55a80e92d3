"""Facts changed: the one hook that keeps the figures current.

The ``reports`` app keeps figures per office and day (roll-ups) so that a
year's dashboard for a whole municipality never scans raw rows. It sits
above every app that writes the facts, so those apps cannot call it.
Instead, every service that writes a fact (a check-in, a booking's outcome,
a registration, a proposal, a problem's state, an incident, opening hours)
says here *which office's which day* changed, for which *family* of
figures, inside its own transaction. Reports registers a listener that
marks that office's day stale (one insert) and recomputes it from the
facts; if the transaction rolls back, so does the mark.

With nothing registered (reports not installed), telling is free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from django.utils import timezone


class Family(StrEnum):
    """The families of figures; one family is recomputed as a whole for an office's day."""

    VISITS = "visits"
    HOURS = "hours"
    BOOKINGS = "bookings"
    EVENTS = "events"
    COMMUNITY = "community"
    DIALOGUE = "dialogue"
    PROBLEMS = "problems"
    CONDUCT = "conduct"


class DayCount(NamedTuple):
    """A count of one office's facts on one local day, by key: what the apps' report
    selectors answer, and the reports app turns into figures."""

    office_id: int
    day: date
    key: str
    total: int


#: Told ``(office_id, days, family)``; runs inside the writer's transaction.
FactListener = Callable[[int, frozenset[date], Family], None]

_listeners: list[FactListener] = []


def register_fact_listener(listener: FactListener) -> None:
    """Listen to every changed fact from now on (idempotent)."""
    if listener not in _listeners:
        _listeners.append(listener)


def local_day(moment: date | datetime) -> date:
    """The local calendar day a moment belongs to (a date is its own day)."""
    if isinstance(moment, datetime):
        return timezone.localtime(moment).date()
    return moment


def fact_changed(*, office_id: int | None, when: date | datetime, family: Family) -> None:
    """A fact of ``family`` at ``office_id`` on the local day of ``when`` changed."""
    facts_changed(office_id=office_id, when=(when,), family=family)


def facts_changed(
    *, office_id: int | None, when: Iterable[date | datetime], family: Family
) -> None:
    """Several days of one office changed (an outcome moved, a booking was rescheduled).

    ``office_id`` may be ``None`` for a fact that belongs to no office (a
    proposal to a whole operator): nothing is told then.
    """
    if office_id is None or not _listeners:
        return
    days = frozenset(local_day(moment) for moment in when if moment is not None)
    if not days:
        return
    for listener in _listeners:
        listener(office_id, days, family)
