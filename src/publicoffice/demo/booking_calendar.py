"""The demo's booking calendar: plans, and the events that carry them out in time order.

A :class:`Plan` is one booking to make; the :class:`Calendar` holds what is
to happen to it (made, approved, checked in, cancelled) as events at the
moment each happened, and runs them in time order through the booking
services with ``at=`` set, so quotas, no-shows and waitlist offers see the
calendar as it was then. Events after ``now`` have not happened and are
dropped.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Max

from publicoffice.accounts.models import User
from publicoffice.bookings import services
from publicoffice.bookings.models import Booking, BookingLogEntry, BookingStatus
from publicoffice.bookings.rules import Rules
from publicoffice.core.errors import DomainError
from publicoffice.core.timeutils import local_zone
from publicoffice.places.models import Office, Space

MINUTE = timedelta(minutes=1)


@dataclass
class Plan:
    """One booking to make, and what becomes of it."""

    space: Space
    starts_at: datetime
    ends_at: datetime
    booked_at: datetime
    #: Members to try in turn (a quota may refuse the first); ``[None]`` for a visitor.
    members: list[User | None]
    actor: User | None = None
    visitor_name: str = ""
    attendees: int = 1
    purpose: str = ""
    override_reason: str = ""
    booking: Booking | None = None


Action = Callable[[datetime], Any]


@dataclass
class Calendar:
    """The events to run, in time order, and what came of them."""

    now: datetime
    events: list[tuple[datetime, int, Action]] = field(default_factory=list)
    #: Space id -> (start, held until) of everything planned, so plans never overlap.
    taken: dict[int, list[tuple[datetime, datetime]]] = field(default_factory=dict)
    refused: Counter[str] = field(default_factory=Counter)
    _order: Iterator[int] = field(default_factory=itertools.count)

    def on(self, at: datetime, action: Action) -> None:
        """Run ``action(at)`` at ``at``; anything after ``now`` has not happened yet."""
        if at <= self.now:
            self.events.append((at, next(self._order), action))

    def is_free(self, space: Space, starts_at: datetime, held_until: datetime) -> bool:
        return all(
            held_until <= start or until <= starts_at
            for start, until in self.taken.get(space.pk, [])
        )

    def reserve(self, space: Space, starts_at: datetime, held_until: datetime) -> None:
        self.taken.setdefault(space.pk, []).append((starts_at, held_until))

    def book(self, plan: Plan, rules: Rules) -> Plan:
        self.reserve(plan.space, plan.starts_at, plan.ends_at + rules.buffer_minutes * MINUTE)
        self.on(plan.booked_at, lambda at: _create(plan, at))
        return plan

    def check_in(self, plan: Plan, delay_minutes: int) -> None:
        at = plan.starts_at + delay_minutes * MINUTE

        def act(when: datetime) -> None:
            booking = plan.booking
            if booking is not None:
                actor = booking.member or booking.booked_by
                services.booking_check_in(booking=booking, actor=actor, at=when)

        self.on(at, act)

    def cancel(self, plan: Plan, at: datetime) -> None:
        def act(when: datetime) -> None:
            if plan.booking is not None:
                actor = plan.booking.member or plan.booking.booked_by
                services.booking_cancel(booking=plan.booking, actor=actor, at=when)

        self.on(at, act)

    def decide(
        self, plan: Plan, at: datetime, staff: User, *, approve: bool, reason: str = ""
    ) -> None:
        def act(when: datetime) -> None:
            if plan.booking is not None and plan.booking.status == BookingStatus.PENDING:
                plan.booking = services.booking_decide(
                    booking=plan.booking, actor=staff, approve=approve, reason=reason, at=when
                )

        self.on(at, act)

    def run(self) -> None:
        """Every event in time order; a refusal is counted and the story goes on."""
        last_log = BookingLogEntry.objects.aggregate(last=Max("pk"))["last"] or 0
        for at, _order, action in sorted(self.events, key=lambda e: (e[0], e[1])):
            try:
                action(at)
            except DomainError as error:
                self.refused[error.code] += 1
            # The log says when things happened, not when the demo was loaded.
            new = list(BookingLogEntry.objects.filter(pk__gt=last_log).values_list("pk", flat=True))
            if new:
                BookingLogEntry.objects.filter(pk__in=new).update(at=at)
                last_log = max(new)


def _create(plan: Plan, at: datetime) -> None:
    for index, member in enumerate(plan.members):
        try:
            booking = services.booking_create(
                space=plan.space,
                starts_at=plan.starts_at,
                ends_at=plan.ends_at,
                member=member,
                visitor_name=plan.visitor_name,
                attendees=plan.attendees,
                purpose=plan.purpose,
                actor=plan.actor or member,
                override_reason=plan.override_reason,
                at=at,
            )
        except DomainError as error:
            if error.code.startswith("quota_") and index + 1 < len(plan.members):
                continue  # this member has booked enough; someone else takes it
            raise
        Booking.objects.filter(pk=booking.pk).update(created_at=at, updated_at=at)
        plan.booking = booking
        return


def wall(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=local_zone())


def open_periods(office: Office, day: date) -> list[tuple[datetime, datetime]]:
    zone = local_zone()
    return [
        (
            datetime.combine(day, interval.opens, tzinfo=zone),
            datetime.combine(day, interval.closes, tzinfo=zone),
        )
        for interval in office.schedule().intervals_on(day)
    ]


def is_open(office: Office, starts_at: datetime, ends_at: datetime) -> bool:
    return any(
        opens <= starts_at and ends_at <= closes
        for opens, closes in open_periods(office, starts_at.astimezone(local_zone()).date())
    )
