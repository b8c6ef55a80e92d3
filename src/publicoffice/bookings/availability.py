"""Reads of availability: the slot grid of a week, free times, the first free slot.

The week view asks each slot the same ordered checks the booking service
asks (:mod:`publicoffice.bookings.checks`, plus the waitlist hold from
:mod:`publicoffice.bookings.booking_internals`), so a slot shown as bookable
can be booked, and a slot that cannot says why in words. Everything is
loaded in a fixed number of queries, however many spaces and slots are
shown. Plain lists of bookings live in :mod:`publicoffice.bookings.selectors`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from publicoffice.bookings import checks, policies
from publicoffice.bookings.booking_internals import ALL_CHECKS
from publicoffice.bookings.checks import MINUTE, Attempt, Refusal
from publicoffice.bookings.models import Booking, WaitlistEntry
from publicoffice.bookings.rules import Rules, kinds_in_group, quota_group, rules_for_many
from publicoffice.bookings.selectors import bookable_spaces
from publicoffice.core.timeutils import local_zone
from publicoffice.places.models import Office, Space

#: The checks a single slot of the grid is judged by. Length is left out: one
#: slot may be shorter than the shortest booking, yet start a longer one.
#: Opening hours are left out because the grid is cut from the opening
#: intervals: every slot in it is within them (and it was a third of the cost).
SLOT_CHECKS = tuple(
    c for c in ALL_CHECKS if c not in (checks.check_length, checks.check_opening_hours)
)

#: Slot states, for templates and the API.
FREE, MINE, TAKEN, CLOSED, PAST, UNAVAILABLE = (
    "free",
    "mine",
    "taken",
    "closed",
    "past",
    "unavailable",
)

ACCESSIBILITY_NEEDS = ("step_free_entrance", "accessible_toilet", "hearing_loop")


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    state: str
    code: str = ""
    reason: str = ""

    @property
    def bookable(self) -> bool:
        return self.state == FREE


@dataclass
class Day:
    date: date
    slots: list[Slot] = field(default_factory=list)

    @property
    def free_count(self) -> int:
        return sum(1 for slot in self.slots if slot.bookable)


@dataclass
class Week:
    space: Space
    rules: Rules
    start: date
    days: list[Day]

    def free_ranges(self) -> list[tuple[datetime, datetime]]:
        """Consecutive free slots merged into ranges."""
        ranges: list[tuple[datetime, datetime]] = []
        for day in self.days:
            for slot in day.slots:
                if not slot.bookable:
                    continue
                # Compared in UTC: equal wall times an hour apart in the repeated
                # autumn hour compare equal in their own zone.
                if ranges and ranges[-1][1].astimezone(UTC) == slot.starts_at.astimezone(UTC):
                    ranges[-1] = (ranges[-1][0], slot.ends_at)
                else:
                    ranges.append((slot.starts_at, slot.ends_at))
        return ranges


def _wall_moments(day: date, opens: time, closes: time, step: int) -> list[datetime]:
    """Slot starts on a day's wall clock, in real-time order, each ``step`` real minutes long.

    A wall time that does not exist (the skipped spring hour) has no slot; one
    that happens twice (the repeated autumn hour) has two. A slot is kept when
    the wall clock at its real end is not past ``closes``.
    """
    zone = local_zone()
    found: dict[datetime, datetime] = {}
    minute = opens.hour * 60 + opens.minute
    minute += (-minute) % step  # the first whole slot
    end = closes.hour * 60 + closes.minute + (1 if closes.second or closes.microsecond else 0)
    while minute < end:
        naive = datetime.combine(day, time(minute // 60, minute % 60))
        for fold in (0, 1):
            real = naive.replace(tzinfo=zone, fold=fold).astimezone(UTC)
            local = real.astimezone(zone)
            if local.replace(tzinfo=None) != naive:
                continue  # skipped by the clock
            slot_end = (real + step * MINUTE).astimezone(zone)
            end_minute = (slot_end.date() - day).days * 24 * 60 + slot_end.hour * 60
            if end_minute + slot_end.minute <= end:
                found.setdefault(real, local)
        minute += step
    return [found[real] for real in sorted(found)]


def _slot_end(starts_at: datetime, minutes: int) -> datetime:
    """The end of a slot in real time, shown on the local clock."""
    return (starts_at.astimezone(UTC) + minutes * MINUTE).astimezone(local_zone())


def _slot_state(refusals: list[Refusal]) -> tuple[str, str, str]:
    if not refusals:
        return FREE, "", ""
    first = refusals[0]
    codes = {r.code for r in refusals}
    if "in_past" in codes:
        return PAST, "in_past", _("Passed")
    if "outside_opening_hours" in codes:
        return CLOSED, "outside_opening_hours", str(first.message)
    for code in ("slot_taken", "slot_on_hold"):
        if code in codes:
            refusal = next(r for r in refusals if r.code == code)
            return TAKEN, code, str(refusal.message)
    return UNAVAILABLE, first.code, str(first.message)


@dataclass
class _Loaded:
    rules: dict[int, Rules]
    holding: dict[int, list[Booking]]
    mine: dict[str, list[Booking]]
    holds: dict[int, list[WaitlistEntry]]


def _load(
    spaces: Sequence[Space], start: datetime, end: datetime, member: Any, now: datetime
) -> _Loaded:
    ids = [space.pk for space in spaces]
    holding: dict[int, list[Booking]] = defaultdict(list)
    for booking in (
        Booking.objects.filter(space_id__in=ids)
        .holding(now)
        .overlapping(start, end)
        .only("space_id", "member_id", "starts_at", "ends_at", "blocked_until")
    ):
        holding[booking.space_id].append(booking)
    mine: dict[str, list[Booking]] = {}
    groups = {quota_group(space.kind) for space in spaces}
    if member is not None and getattr(member, "is_authenticated", False):
        kinds = [kind for group in groups for kind in kinds_in_group(group)]
        rows = list(
            Booking.objects.filter(member=member, space__kind__in=kinds)
            .holding(now)
            .filter(Q(ends_at__gt=min(now, start) - timedelta(days=7)))
            .select_related("space")
            .only("space__kind", "starts_at", "ends_at", "blocked_until")
        )
        for group in groups:
            mine[group] = [b for b in rows if quota_group(b.space.kind) == group]
    holds: dict[int, list[WaitlistEntry]] = defaultdict(list)
    offers = WaitlistEntry.objects.filter(space_id__in=ids).open_offers(now).overlapping(start, end)
    if member is not None and getattr(member, "is_authenticated", False):
        offers = offers.exclude(member=member)
    for offer in offers:
        holds[offer.space_id].append(offer)
    return _Loaded(rules_for_many(list(spaces)), holding, mine, holds)


def _judge_slot(
    *,
    space: Space,
    rules: Rules,
    loaded: _Loaded,
    starts_at: datetime,
    ends_at: datetime,
    member: Any,
    member_refusal: Refusal | None,
    now: datetime,
    attendees: int = 1,
    slot_checks: Sequence[checks.Check] = SLOT_CHECKS,
) -> list[Refusal]:
    starts_at, ends_at = checks.to_utc(starts_at), checks.to_utc(ends_at)
    blocked_until = ends_at + rules.buffer_minutes * MINUTE
    attempt = Attempt(
        space=space,
        office=space.office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules,
        now=now,
        attendees=attendees,
        member=member if getattr(member, "is_authenticated", False) else None,
        others=[
            b
            for b in loaded.holding.get(space.pk, [])
            if b.starts_at < blocked_until and starts_at < b.blocked_until
        ],
        mine=loaded.mine.get(quota_group(space.kind), []),
        member_refusal=member_refusal,
    )
    attempt.extra["holds"] = [
        h for h in loaded.holds.get(space.pk, []) if h.starts_at < ends_at and starts_at < h.ends_at
    ]
    return checks.evaluate(attempt, slot_checks)


def space_weeks(
    spaces: Sequence[Space],
    *,
    start: date,
    days: int = 7,
    member: Any = None,
    now: datetime | None = None,
) -> dict[int, Week]:
    """The slot grid of each space for ``days`` days, in a fixed number of queries.

    The spaces' offices must have their opening hours prefetched
    (:func:`with_hours`).
    """
    now = now or timezone.now()
    loaded = _load_window(spaces, start, days, member, now)
    return _weeks(spaces, start=start, days=days, member=member, now=now, loaded=loaded)


def _load_window(
    spaces: Sequence[Space], start: date, days: int, member: Any, now: datetime
) -> _Loaded:
    zone = local_zone()
    window_start = datetime.combine(start, time(0), tzinfo=zone)
    window_end = datetime.combine(start + timedelta(days=days), time(0), tzinfo=zone)
    return _load(spaces, window_start - timedelta(hours=12), window_end, member, now)


def _weeks(
    spaces: Sequence[Space],
    *,
    start: date,
    days: int,
    member: Any,
    now: datetime,
    loaded: _Loaded,
) -> dict[int, Week]:
    refusal_by_office: dict[int, Refusal | None] = {}
    weeks: dict[int, Week] = {}
    for space in spaces:
        rules = loaded.rules[space.pk]
        office = space.office
        if office.pk not in refusal_by_office:
            refusal_by_office[office.pk] = (
                policies.may_book(member, office=office)
                if getattr(member, "is_authenticated", False)
                else None
            )
        schedule = office.schedule()
        week_days: list[Day] = []
        for offset in range(days):
            day = start + timedelta(days=offset)
            slots: list[Slot] = []
            # Keyed by the real instant: overlapping intervals give each slot once.
            starts: dict[datetime, datetime] = {}
            for interval in schedule.intervals_on(day):
                for moment in _wall_moments(
                    day, interval.opens, interval.closes, rules.slot_minutes
                ):
                    starts.setdefault(moment.astimezone(UTC), moment)
            for slot_start in (starts[real] for real in sorted(starts)):
                slot_end = _slot_end(slot_start, rules.slot_minutes)
                refusals = _judge_slot(
                    space=space,
                    rules=rules,
                    loaded=loaded,
                    starts_at=slot_start,
                    ends_at=slot_end,
                    member=member,
                    member_refusal=refusal_by_office[office.pk],
                    now=now,
                )
                state, code, reason = _slot_state(refusals)
                if state == TAKEN and _is_mine(loaded, space, slot_start, slot_end, member):
                    state, reason = MINE, _("Your booking")
                slots.append(Slot(slot_start, slot_end, state, code, reason))
            week_days.append(Day(day, slots))
        weeks[space.pk] = Week(space, rules, start, week_days)
    return weeks


def _is_mine(loaded: _Loaded, space: Space, start: datetime, end: datetime, member: Any) -> bool:
    if not getattr(member, "is_authenticated", False):
        return False
    return any(
        b.member_id == member.pk and b.starts_at < end and start < b.ends_at
        for b in loaded.holding.get(space.pk, [])
    )


def with_hours(spaces: QuerySet[Space]) -> QuerySet[Space]:
    """Spaces with their offices' opening hours, ready for :func:`space_weeks`."""
    return spaces.select_related("office").prefetch_related(
        "office__weekly_hours", "office__hours_exceptions"
    )


def space_week(
    space: Space, *, start: date, member: Any = None, now: datetime | None = None, days: int = 7
) -> Week:
    space = with_hours(Space.objects.filter(pk=space.pk)).get()
    return space_weeks([space], start=start, days=days, member=member, now=now)[space.pk]


@dataclass(frozen=True)
class Suggestion:
    space: Space
    starts_at: datetime
    ends_at: datetime


def _needs_q(needs: Iterable[str]) -> Q:
    condition = Q()
    for need in needs:
        if need in ACCESSIBILITY_NEEDS:
            condition &= Q(**{f"office__accessibility__{need}": True})
    return condition


def first_free_slots(
    *,
    duration_minutes: int,
    attendees: int = 1,
    office: Office | None = None,
    kind: str = "",
    needs: Iterable[str] = (),
    member: Any = None,
    now: datetime | None = None,
    horizon_days: int = 14,
    limit: int = 5,
) -> list[Suggestion]:
    """The earliest time in each fitting space that takes the whole stay, soonest first."""
    now = now or timezone.now()
    spaces_qs = (
        bookable_spaces(office).filter(capacity__gte=max(1, attendees)).filter(_needs_q(needs))
    )
    if kind:
        spaces_qs = spaces_qs.filter(kind=kind)
    spaces = list(with_hours(spaces_qs)[:200])
    if not spaces:
        return []
    today = timezone.localdate(now)
    loaded = _load_window(spaces, today, horizon_days, member, now)
    weeks = _weeks(spaces, start=today, days=horizon_days, member=member, now=now, loaded=loaded)
    duration = duration_minutes * MINUTE
    found: list[Suggestion] = []
    for space in spaces:
        week = weeks[space.pk]
        fit = _first_fit(week, loaded, duration, attendees, member, now)
        if fit is not None:
            found.append(Suggestion(space, fit, _slot_end(fit, duration_minutes)))
    found.sort(key=lambda s: (s.starts_at.astimezone(UTC), s.space.office.name, s.space.name))
    return found[:limit]


def _first_fit(
    week: Week,
    loaded: _Loaded,
    duration: timedelta,
    attendees: int,
    member: Any,
    now: datetime,
) -> datetime | None:
    """The first start in the free ranges where the whole stay passes every check."""
    space, rules = week.space, week.rules
    member_refusal = (
        policies.may_book(member, office=space.office)
        if getattr(member, "is_authenticated", False)
        else None
    )
    for range_start, range_end in week.free_ranges():
        candidate, last = range_start.astimezone(UTC), range_end.astimezone(UTC)
        while candidate + duration <= last:
            refusals = _judge_slot(
                space=space,
                rules=rules,
                loaded=loaded,
                starts_at=candidate,
                ends_at=candidate + duration,
                member=member,
                member_refusal=member_refusal,
                now=now,
                attendees=attendees,
                slot_checks=ALL_CHECKS,
            )
            if not refusals:
                return candidate.astimezone(local_zone())
            candidate += rules.slot_minutes * MINUTE
    return None
