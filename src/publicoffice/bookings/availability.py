"""Reads of availability: the slot grid of a week, free times, the first free slot.

The week view asks each slot the same ordered checks the booking service
asks (:data:`publicoffice.bookings.checks.ALL_CHECKS`, the waitlist's hold
included), so a slot shown as bookable can be booked, and a slot that
cannot says why in words. Everything is loaded in a fixed number of
queries, however many spaces and slots are shown. The first free time that
fits is found in :mod:`publicoffice.bookings.finder`; plain lists of
bookings live in :mod:`publicoffice.bookings.selectors`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.bookings import checks, policies
from publicoffice.bookings.checks import ALL_CHECKS, MINUTE, Attempt, Refusal
from publicoffice.bookings.models import Booking, WaitlistEntry
from publicoffice.bookings.rules import Rules, kinds_in_group, quota_group, rules_for_many
from publicoffice.core.errors import ErrorCode
from publicoffice.core.timeutils import local_zone, to_utc
from publicoffice.places.models import Space

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
    #: ``may_book``'s answer for the member at this space's office (asked once per office).
    member_refusal: Refusal | None = None

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


def slot_end_at(starts_at: datetime, minutes: int) -> datetime:
    """The end of a slot in real time, shown on the local clock."""
    return (starts_at.astimezone(UTC) + minutes * MINUTE).astimezone(local_zone())


def _slot_state(refusals: list[Refusal]) -> tuple[str, str, str]:
    if not refusals:
        return FREE, "", ""
    first = refusals[0]
    codes = {r.code for r in refusals}
    if ErrorCode.IN_PAST in codes:
        return PAST, str(ErrorCode.IN_PAST), _("Passed")
    if ErrorCode.OUTSIDE_OPENING_HOURS in codes:
        return CLOSED, str(ErrorCode.OUTSIDE_OPENING_HOURS), str(first.message)
    for code in (ErrorCode.SLOT_TAKEN, ErrorCode.SLOT_ON_HOLD):
        if code in codes:
            refusal = next(r for r in refusals if r.code == code)
            return TAKEN, str(code), str(refusal.message)
    return UNAVAILABLE, str(first.code), str(first.message)


@dataclass
class Loaded:
    rules: dict[int, Rules]
    holding: dict[int, list[Booking]]
    mine: dict[str, list[Booking]]
    holds: dict[int, list[WaitlistEntry]]


def _load(
    spaces: Sequence[Space], start: datetime, end: datetime, member: Member | None, now: datetime
) -> Loaded:
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
    if member is not None:
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
    if member is not None:
        offers = offers.exclude(member=member)
    for offer in offers:
        holds[offer.space_id].append(offer)
    return Loaded(rules_for_many(list(spaces)), holding, mine, holds)


def judge_slot(
    *,
    space: Space,
    rules: Rules,
    loaded: Loaded,
    starts_at: datetime,
    ends_at: datetime,
    member: Member | None,
    member_refusal: Refusal | None,
    now: datetime,
    attendees: int = 1,
    slot_checks: Sequence[checks.Check] = SLOT_CHECKS,
) -> list[Refusal]:
    starts_at, ends_at = to_utc(starts_at), to_utc(ends_at)
    blocked_until = ends_at + rules.buffer_minutes * MINUTE
    attempt = Attempt(
        space=space,
        office=space.office,
        starts_at=starts_at,
        ends_at=ends_at,
        rules=rules,
        now=now,
        attendees=attendees,
        member=member,
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
    member: AnyUser | None = None,
    now: datetime | None = None,
) -> dict[int, Week]:
    """The slot grid of each space for ``days`` days, in a fixed number of queries.

    The spaces' offices must have their opening hours prefetched
    (:func:`with_hours`).
    """
    now = now or timezone.now()
    member = signed_in_member(member)
    loaded = load_window(spaces, start, days, member, now)
    return weeks_from(spaces, start=start, days=days, member=member, now=now, loaded=loaded)


def load_window(
    spaces: Sequence[Space], start: date, days: int, member: Member | None, now: datetime
) -> Loaded:
    zone = local_zone()
    window_start = datetime.combine(start, time(0), tzinfo=zone)
    window_end = datetime.combine(start + timedelta(days=days), time(0), tzinfo=zone)
    return _load(spaces, window_start - timedelta(hours=12), window_end, member, now)


def weeks_from(
    spaces: Sequence[Space],
    *,
    start: date,
    days: int,
    member: Member | None,
    now: datetime,
    loaded: Loaded,
) -> dict[int, Week]:
    refusal_by_office: dict[int, Refusal | None] = {}
    weeks: dict[int, Week] = {}
    for space in spaces:
        rules = loaded.rules[space.pk]
        office = space.office
        if office.pk not in refusal_by_office:
            refusal_by_office[office.pk] = (
                policies.may_book(member, office=office, at=now) if member is not None else None
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
                slot_end = slot_end_at(slot_start, rules.slot_minutes)
                refusals = judge_slot(
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
        weeks[space.pk] = Week(space, rules, start, week_days, refusal_by_office[office.pk])
    return weeks


def _is_mine(
    loaded: Loaded, space: Space, start: datetime, end: datetime, member: Member | None
) -> bool:
    if member is None:
        return False
    return any(
        b.member_id == member.pk and b.starts_at < end and start < b.ends_at
        for b in loaded.holding.get(space.pk, [])
    )


def signed_in_member(user: AnyUser | None) -> Member | None:
    """The member whose own bookings and quotas count; nobody for an anonymous visitor."""
    return user if isinstance(user, Member) and user.is_authenticated else None


def with_hours(spaces: QuerySet[Space]) -> QuerySet[Space]:
    """Spaces with their offices' opening hours, ready for :func:`space_weeks`."""
    return spaces.select_related("office").prefetch_related(
        "office__weekly_hours", "office__hours_exceptions"
    )


def space_week(
    space: Space,
    *,
    start: date,
    member: AnyUser | None = None,
    now: datetime | None = None,
    days: int = 7,
) -> Week:
    space = with_hours(Space.objects.filter(pk=space.pk)).get()
    return space_weeks([space], start=start, days=days, member=member, now=now)[space.pk]
