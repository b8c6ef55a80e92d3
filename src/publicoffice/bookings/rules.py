"""The booking rules in force for a space, from the narrowest scope that sets them.

A value comes from the first of these that sets it: the space's own rule; the
office's rule for that kind of space; the office's rule for all kinds; the
network's rule for that kind; the network's rule for all kinds; and last the
built-in defaults below, chosen so that a new office is fair from day one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from django.db.models import Q

from publicoffice.bookings.models import BookingRule
from publicoffice.places.models import Space, SpaceKind

#: Desks and rooms have separate quotas: a desk for the day should not use up
#: the hours someone needs for a meeting.
DESK_KINDS = frozenset({SpaceKind.DESK, SpaceKind.OPEN_DESK_AREA})


def quota_group(kind: str) -> str:
    return "desk" if kind in DESK_KINDS else "room"


def kinds_in_group(group: str) -> list[str]:
    return [kind for kind in SpaceKind.values if quota_group(kind) == group]


@dataclass(frozen=True)
class Rules:
    """Rule values for one space. Copied onto each booking as it is made."""

    slot_minutes: int = 30
    min_minutes: int = 30
    max_minutes: int = 240
    min_notice_minutes: int = 0
    max_days_ahead: int = 30
    within_opening_hours: bool = True
    buffer_minutes: int = 0
    max_active_bookings: int = 3
    max_hours_per_day: int = 4
    max_hours_per_week: int = 10
    max_attendees: int = 0  # 0: the capacity of the space
    needs_approval: bool = False
    checkin_window_minutes: int = 15

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Rules:
        known = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in values.items() if key in known})

    def attendee_limit(self, capacity: int) -> int:
        """The most attendees: the rule's value, never above capacity."""
        return min(self.max_attendees, capacity) if self.max_attendees else capacity


BUILT_IN = Rules()

#: Built-in defaults per kind of space, on top of :data:`BUILT_IN`.
KIND_DEFAULTS: dict[str, Rules] = {
    SpaceKind.DESK: replace(
        BUILT_IN,
        max_minutes=480,
        max_days_ahead=14,
        max_active_bookings=5,
        max_hours_per_day=8,
        max_hours_per_week=24,
        checkin_window_minutes=30,
    ),
    SpaceKind.OPEN_DESK_AREA: replace(
        BUILT_IN,
        max_minutes=480,
        max_days_ahead=14,
        max_active_bookings=5,
        max_hours_per_day=8,
        max_hours_per_week=24,
        checkin_window_minutes=30,
    ),
    SpaceKind.MEETING_ROOM: BUILT_IN,
    SpaceKind.QUIET_ROOM: replace(BUILT_IN, max_minutes=120, max_hours_per_day=2),
    SpaceKind.WORKSHOP: replace(BUILT_IN, min_minutes=60, buffer_minutes=15),
    SpaceKind.HALL: replace(
        BUILT_IN,
        slot_minutes=60,
        min_minutes=60,
        max_minutes=480,
        min_notice_minutes=2 * 24 * 60,
        max_days_ahead=90,
        buffer_minutes=30,
        max_active_bookings=2,
        max_hours_per_day=8,
        max_hours_per_week=16,
        needs_approval=True,
        checkin_window_minutes=30,
    ),
}

RULE_FIELDS = [field.name for field in fields(Rules)]


def _rank(rule: BookingRule, space: Space) -> int:
    """Lower is narrower, and wins."""
    if rule.space_id == space.pk:
        return 0
    if rule.office_id == space.office_id:
        return 1 if rule.space_kind == space.kind else 2
    return 3 if rule.space_kind == space.kind else 4


def _applies(rule: BookingRule, space: Space) -> bool:
    if rule.space_id is not None:
        return rule.space_id == space.pk
    if rule.office_id is not None and rule.office_id != space.office_id:
        return False
    return rule.space_kind in ("", space.kind)


def merge(space: Space, rows: Iterable[BookingRule]) -> Rules:
    """The rules for ``space`` given every rule row that might apply."""
    values = KIND_DEFAULTS.get(space.kind, BUILT_IN).as_dict()
    applying = sorted((row for row in rows if _applies(row, space)), key=lambda r: -_rank(r, space))
    for row in applying:  # widest first, so narrower rows overwrite
        for name in RULE_FIELDS:
            value = getattr(row, name)
            if value is not None:
                values[name] = value
    return Rules.from_dict(values)


def _rows_for(spaces: list[Space]) -> list[BookingRule]:
    office_ids = {space.office_id for space in spaces}
    return list(
        BookingRule.objects.filter(
            Q(space__in=spaces)
            | Q(space__isnull=True, office_id__in=office_ids)
            | Q(space__isnull=True, office__isnull=True)
        )
    )


def rules_for(space: Space) -> Rules:
    """The rules in force for one space (one query)."""
    return merge(space, _rows_for([space]))


def rules_for_many(spaces: list[Space]) -> dict[int, Rules]:
    """Rules for many spaces in one query, for searches and week views."""
    rows = _rows_for(spaces)
    return {space.pk: merge(space, rows) for space in spaces}
