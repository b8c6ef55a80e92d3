"""The first free time that fits: how long, how many, what kind, which needs.

Built on the week grids of :mod:`publicoffice.bookings.availability`: a
start is suggested only where the whole stay passes every check a booking
would, in a fixed number of queries however many spaces fit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.bookings.availability import (
    ACCESSIBILITY_NEEDS,
    Loaded,
    Week,
    judge_slot,
    load_window,
    signed_in_member,
    slot_end_at,
    weeks_from,
    with_hours,
)
from publicoffice.bookings.checks import ALL_CHECKS, MINUTE
from publicoffice.bookings.selectors import bookable_spaces
from publicoffice.core.timeutils import local_zone
from publicoffice.places.models import Office, Space


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
    member: AnyUser | None = None,
    now: datetime | None = None,
    horizon_days: int = 14,
    limit: int = 5,
) -> list[Suggestion]:
    """The earliest time in each fitting space that takes the whole stay, soonest first."""
    now = now or timezone.now()
    member = signed_in_member(member)
    spaces_qs = (
        bookable_spaces(office).filter(capacity__gte=max(1, attendees)).filter(_needs_q(needs))
    )
    if kind:
        spaces_qs = spaces_qs.filter(kind=kind)
    spaces = list(with_hours(spaces_qs)[:200])
    if not spaces:
        return []
    today = timezone.localdate(now)
    loaded = load_window(spaces, today, horizon_days, member, now)
    weeks = weeks_from(
        spaces, start=today, days=horizon_days, member=member, now=now, loaded=loaded
    )
    duration = duration_minutes * MINUTE
    found: list[Suggestion] = []
    for space in spaces:
        week = weeks[space.pk]
        fit = _first_fit(week, loaded, duration, attendees, member, now)
        if fit is not None:
            found.append(Suggestion(space, fit, slot_end_at(fit, duration_minutes)))
    found.sort(key=lambda s: (s.starts_at.astimezone(UTC), s.space.office.name, s.space.name))
    return found[:limit]


def _first_fit(
    week: Week,
    loaded: Loaded,
    duration: timedelta,
    attendees: int,
    member: Member | None,
    now: datetime,
) -> datetime | None:
    """The first start in the free ranges where the whole stay passes every check.

    Whether the member may book at all was asked once per office by
    :func:`weeks_from` (``week.member_refusal``), not again per space.
    """
    space, rules = week.space, week.rules
    member_refusal = week.member_refusal
    for range_start, range_end in week.free_ranges():
        candidate, last = range_start.astimezone(UTC), range_end.astimezone(UTC)
        while candidate + duration <= last:
            refusals = judge_slot(
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
