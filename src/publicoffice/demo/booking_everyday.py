"""The demo's everyday bookings: the crowd and hosts' visitors, spread over the spaces.

For every bookable space and every day from two weeks back to two weeks
ahead, a dice roll decides whether someone booked it; a free slot inside the
opening hours and a length the rules allow are picked, and a member of the
crowd whose quotas still have room (:class:`Ledger`), or, at offices whose
host may book on behalf, a visitor. Then what became of it: approved or
turned down (halls), cancelled, attended (checked in), or a no-show.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from publicoffice.accounts.models import User
from publicoffice.bookings import policies
from publicoffice.bookings.rules import Rules, quota_group
from publicoffice.core.timeutils import local_zone
from publicoffice.demo.booking_calendar import MINUTE, Calendar, Plan, open_periods, wall
from publicoffice.places.models import Space, SpaceKind

#: First names of visitors without an account, booked for by hosts.
VISITORS = ("Maryam", "Abdi", "Hawa", "Tesfaye", "Nour", "Reza", "Lina", "Mustafa")
PURPOSES = {
    "desk": ("", "", "Jobbsökning", "Bokföring för föreningen", "Pluggar inför tentan"),
    "room": ("", "Styrelsemöte", "Kundmöte", "Läxhjälp", "Intervju", "Projektgrupp"),
    SpaceKind.HALL: ("Föreningens årsmöte", "Kulturkväll", "Informationsmöte om bostäder"),
}
#: Chance that a space has a booking on a day it is open.
DENSITY = {"desk": 0.2, "room": 0.18, SpaceKind.HALL: 0.3}
#: Lengths (minutes) to choose from, before the space's rules narrow them.
LENGTHS = {"desk": (120, 180, 240, 480), "room": (60, 90, 120, 180), SpaceKind.HALL: (120, 180)}
CANCEL_SHARE = 0.12
NO_SHOW_SHARE = 0.15
REJECT_SHARE = 0.2
VISITOR_SHARE = 0.2
REJECT_REASON = "Salen behövs för ett eget evenemang den dagen."


def booked_at(
    rng: random.Random, starts_at: datetime, rules: Rules, now: datetime
) -> datetime | None:
    """When a booking for ``starts_at`` was made: within the rules, never after ``now``."""
    notice = max(rules.min_notice_minutes, 30)
    latest = min(starts_at - notice * MINUTE, now - MINUTE)
    first_day = starts_at.astimezone(local_zone()).date() - timedelta(days=rules.max_days_ahead)
    earliest = wall(first_day + timedelta(days=1), 0)
    if latest <= earliest:
        return None
    lead = rng.choice((0.02, 0.05, 0.1, 0.2, 0.35, 0.6))  # most book shortly before
    at = latest - (latest - earliest) * lead
    return at.replace(second=0, microsecond=0)


@dataclass(frozen=True)
class _Held:
    booked_at: datetime
    starts_at: datetime
    ends_at: datetime
    rules: Rules

    @property
    def minutes(self) -> float:
        return (self.ends_at - self.starts_at) / MINUTE

    @property
    def day(self) -> date:
        return timezone.localdate(self.starts_at)


class Ledger:
    """The crowd's planned bookings, so that no quota refuses one of them.

    Counts every planned booking as kept (nobody cancels or misses one), which
    is stricter than the service: what fits here, the service accepts.
    """

    def __init__(self) -> None:
        self.held: dict[tuple[int, str], list[_Held]] = defaultdict(list)

    def take(self, member: User, space: Space, new: _Held) -> bool:
        """Record ``new`` for ``member`` if every quota still allows it."""
        held = self.held[member.pk, quota_group(space.kind)]
        everyone = [*held, new]
        same_day = [h for h in everyone if h.day == new.day]
        if sum(h.minutes for h in same_day) > min(h.rules.max_hours_per_day for h in same_day) * 60:
            return False
        week = new.day.isocalendar()[:2]
        same_week = [h for h in everyone if h.day.isocalendar()[:2] == week]
        week_limit = min(h.rules.max_hours_per_week for h in same_week)
        if sum(h.minutes for h in same_week) > week_limit * 60:
            return False
        # At each moment a booking is made, its member's coming bookings stay under the limit.
        for made in everyone:
            if made is not new and not new.booked_at <= made.booked_at < new.ends_at:
                continue
            coming = sum(
                1
                for other in everyone
                if other is not made and other.booked_at <= made.booked_at < other.ends_at
            )
            if coming >= made.rules.max_active_bookings:
                return False
        held.append(new)
        return True


class Everyday:
    """Bookings by the crowd and by hosts for visitors, spread over the open spaces."""

    def __init__(
        self,
        calendar: Calendar,
        rng: random.Random,
        crowd: list[User],
        staff: dict[int, list[User]],
        approvers: dict[int, list[User]],
        rules: dict[int, Rules],
    ) -> None:
        self.calendar = calendar
        self.rng = rng
        self.crowd = crowd
        self.staff = staff
        self.approvers = approvers
        self.rules = rules
        self.ledger = Ledger()

    @staticmethod
    def group(space: Space) -> str:
        return SpaceKind.HALL if space.kind == SpaceKind.HALL else quota_group(space.kind)

    def slot(self, space: Space, day: date) -> tuple[datetime, datetime] | None:
        """A free range on the slot grid, inside the opening hours, of an allowed length."""
        rules = self.rules[space.pk]
        step = rules.slot_minutes
        lengths = [
            n
            for n in LENGTHS[self.group(space)]
            if rules.min_minutes <= n <= rules.max_minutes and n % step == 0
        ]
        options = []
        for opens, closes in open_periods(space.office, day):
            first = opens + (-(opens.hour * 60 + opens.minute) % step) * MINUTE
            for length in lengths:
                start = first
                while start + length * MINUTE <= closes:
                    end = start + length * MINUTE
                    if self.calendar.is_free(space, start, end + rules.buffer_minutes * MINUTE):
                        options.append((start, end))
                    start += step * MINUTE
        return self.rng.choice(options) if options else None

    def day(self, space: Space, day: date) -> None:
        rng = self.rng
        if rng.random() >= DENSITY[self.group(space)]:
            return
        found = self.slot(space, day)
        rules = self.rules[space.pk]
        made = booked_at(rng, found[0], rules, self.calendar.now) if found else None
        if found is None or made is None:
            return
        starts_at, ends_at = found
        limit = rules.attendee_limit(space.capacity)
        plan = Plan(
            space=space,
            starts_at=starts_at,
            ends_at=ends_at,
            booked_at=made,
            members=[],
            attendees=1 if limit == 1 else rng.randint(max(1, limit // 4), max(1, limit * 3 // 4)),
            purpose=rng.choice(PURPOSES[self.group(space)]),
        )
        staff = self.staff.get(space.office_id, [])
        hosts = [u for u in staff if policies.can_book_on_behalf(u, space.office)]
        visitor = hosts and space.kind != SpaceKind.HALL and rng.random() < VISITOR_SHARE
        if not visitor:
            held = _Held(made, starts_at, ends_at, rules)
            shuffled = rng.sample(self.crowd, len(self.crowd))
            member = next((m for m in shuffled if self.ledger.take(m, space, held)), None)
            if member is not None:
                plan.members = [member]
        if not plan.members:
            if not hosts or space.kind == SpaceKind.HALL:
                return
            plan.members, plan.actor = [None], hosts[0]
            plan.visitor_name = rng.choice(VISITORS)
        self.calendar.book(plan, rules)
        self.outcome(plan, rules, self.approvers.get(space.office_id, []))

    def outcome(self, plan: Plan, rules: Rules, approvers: list[User]) -> None:
        rng, calendar = self.rng, self.calendar
        if rules.needs_approval and plan.actor is None:
            decided = plan.booked_at + timedelta(hours=rng.randint(2, 30))
            if not approvers or decided >= plan.starts_at:
                return
            approver = approvers[0]
            if rng.random() < REJECT_SHARE:
                calendar.decide(plan, decided, approver, approve=False, reason=REJECT_REASON)
                return
            calendar.decide(plan, decided, approver, approve=True)
        chance = rng.random()
        if plan.actor is None and chance < CANCEL_SHARE:
            calendar.cancel(plan, plan.booked_at + (plan.starts_at - plan.booked_at) * 0.7)
        elif plan.actor is not None or chance >= CANCEL_SHARE + NO_SHOW_SHARE:
            window = rules.checkin_window_minutes or 30
            calendar.check_in(plan, rng.randint(-10, min(15, window - 1)))
        # Otherwise nobody comes: a no-show once the check-in window has passed.
