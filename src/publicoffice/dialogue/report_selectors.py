"""What the reports read from the dialogue: proposals, supports, answers and problem reports.

Figures come from :class:`ProposalStatistic` and :class:`ProblemStatistic`
(no people, kept after deletions), grouped in the database by office, day
and key. Proposals to a whole operator or municipality have no office and
are in no office's figures. Proposals left out of the on-time share
(``excluded``: hidden by the moderators, or withdrawn before an answer)
count nowhere, their supports neither.

Answers and fixes are counted on the day they came: the day made plus the
days it took, both kept as local calendar days. To bound the scan, one
query first asks the longest wait, so only proposals made early enough to
have been answered in the period are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from django.db.models import Count, Exists, Max, OuterRef, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from publicoffice.core.timeutils import local_days_bounds
from publicoffice.dialogue.models import (
    PROBLEM_FAMILIES,
    ProblemState,
    ProblemStatistic,
    ProposalStatistic,
    Support,
)
from publicoffice.places.facts import DayCount


class WaitCount(NamedTuple):
    """Items answered (or fixed) on ``day`` after ``days`` calendar days."""

    office_id: int
    day: date
    days: int
    on_time: bool | None
    total: int


def support_days(proposal_id: int) -> list[date]:
    """The local days a proposal's standing supports were given (for the stale marks)."""
    zone = timezone.get_current_timezone()
    days = (
        Support.objects.filter(proposal_id=proposal_id)
        .annotate(day=TruncDate("created_at", tzinfo=zone))
        .values_list("day", flat=True)
        .distinct()
        .order_by()
    )
    return list(days)


def _counted_proposals(office_ids: Sequence[int] | None) -> QuerySet[ProposalStatistic]:
    figures = ProposalStatistic.objects.filter(office__isnull=False, excluded=False)
    if office_ids is not None:
        figures = figures.filter(office_id__in=list(office_ids))
    return figures


def proposal_counts(office_ids: Sequence[int] | None, start: date, end: date) -> list[DayCount]:
    """Proposals per office, local day made and kind."""
    rows = (
        _counted_proposals(office_ids)
        .filter(created_on__range=(start, end))
        .values_list("office_id", "created_on", "kind")
        .annotate(total=Count("id"))
        .order_by()
    )
    return [DayCount(*row) for row in rows]


def support_counts(office_ids: Sequence[int] | None, start: date, end: date) -> list[DayCount]:
    """Supports standing now, per office of their proposal and local day given (key "")."""
    zone = timezone.get_current_timezone()
    low, high = local_days_bounds(start, end)
    counted = _counted_proposals(office_ids).filter(
        proposal_public_id=OuterRef("proposal__public_id")
    )
    rows = (
        Support.objects.filter(created_at__gte=low, created_at__lt=high)
        .filter(Exists(counted))
        .annotate(day=TruncDate("created_at", tzinfo=zone))
        .values_list("proposal__office_id", "day")
        .annotate(total=Count("id"))
        .order_by()
    )
    return [DayCount(office_id, day, "", count) for office_id, day, count in rows]


def _waits(
    figures: QuerySet, field: str, on_time: str | None, start: date, end: date
) -> list[WaitCount]:
    """Group ``figures`` by office, day made and wait; keep those ending within the days."""
    figures = figures.filter(**{f"{field}__isnull": False})
    longest = figures.aggregate(longest=Max(field))["longest"]
    if longest is None:
        return []
    names = ["office_id", "created_on", field] + ([on_time] if on_time else [])
    rows = (
        figures.filter(created_on__range=(start - timedelta(days=longest), end))
        .values_list(*names)
        .annotate(total=Count("id"))
        .order_by()
    )
    waits = []
    for office_id, made, days, *rest in rows:
        day = made + timedelta(days=days)
        if start <= day <= end:
            waits.append(WaitCount(office_id, day, days, rest[0] if on_time else None, rest[-1]))
    return waits


def first_answer_waits(office_ids: Sequence[int] | None, start: date, end: date) -> list[WaitCount]:
    """Proposals by office and local day of their first answer, with the days it took."""
    return _waits(
        _counted_proposals(office_ids), "days_to_first_answer", "answered_on_time", start, end
    )


def _problems(office_ids: Sequence[int] | None) -> QuerySet[ProblemStatistic]:
    figures = ProblemStatistic.objects.filter(office__isnull=False)
    if office_ids is not None:
        figures = figures.filter(office_id__in=list(office_ids))
    return figures


def problem_counts(office_ids: Sequence[int] | None, start: date, end: date) -> list[DayCount]:
    """Problem reports per office, local day reported and "category|family of state now"."""
    rows = (
        _problems(office_ids)
        .filter(created_on__range=(start, end))
        .values_list("office_id", "created_on", "category", "state")
        .annotate(total=Count("id"))
        .order_by()
    )
    return [
        DayCount(office_id, day, f"{category}|{PROBLEM_FAMILIES[state]}", count)
        for office_id, day, category, state, count in rows
    ]


def fix_waits(office_ids: Sequence[int] | None, start: date, end: date) -> list[WaitCount]:
    """Reports fixed now, by office and local day fixed, with the days it took."""
    fixed = _problems(office_ids).filter(state=ProblemState.FIXED)
    return _waits(fixed, "days_to_fix", None, start, end)
