"""What the reports read from conduct: counts only, never a person or a word.

Grouped in the database by office, local day and key:

* incidents at their office, on the local day they happened, by category
  (recorded by staff and reported by visitors alike; erased details do not
  matter, the row's figures stay);
* decisions (sanctions) at the office where they were taken, whatever
  their scope, on the local day they held: the decision, or the second
  staff member's approval of an indefinite ban. A ban still waiting for
  approval is not counted; a lifted decision still is (it was decided);
* appeals at their decision's office, on the local day made, by outcome now.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from publicoffice.conduct.models import Appeal, Incident, Sanction, SanctionState
from publicoffice.core.timeutils import local_days_bounds
from publicoffice.places.facts import DayCount


def _grouped(rows: QuerySet, moment: str, office: str, key: str) -> list[DayCount]:
    zone = timezone.get_current_timezone()
    grouped = (
        rows.annotate(day=TruncDate(moment, tzinfo=zone))
        .values_list(office, "day", key)
        .annotate(total=Count("id"))
        .order_by()
    )
    return [DayCount(*row) for row in grouped]


def incident_counts(office_ids: Sequence[int] | None, start: date, end: date) -> list[DayCount]:
    low, high = local_days_bounds(start, end)
    incidents = Incident.objects.filter(occurred_at__gte=low, occurred_at__lt=high)
    if office_ids is not None:
        incidents = incidents.filter(office_id__in=list(office_ids))
    return _grouped(incidents, "occurred_at", "office_id", "category")


def sanction_counts(office_ids: Sequence[int] | None, start: date, end: date) -> list[DayCount]:
    low, high = local_days_bounds(start, end)
    sanctions = (
        Sanction.objects.exclude(state=SanctionState.AWAITING_APPROVAL)
        .annotate(held_at=Coalesce("approved_at", "created_at"))
        .filter(held_at__gte=low, held_at__lt=high)
    )
    if office_ids is not None:
        sanctions = sanctions.filter(office_id__in=list(office_ids))
    return _grouped(sanctions, "held_at", "office_id", "kind")


def appeal_counts(office_ids: Sequence[int] | None, start: date, end: date) -> list[DayCount]:
    low, high = local_days_bounds(start, end)
    appeals = Appeal.objects.filter(submitted_at__gte=low, submitted_at__lt=high)
    if office_ids is not None:
        appeals = appeals.filter(sanction__office_id__in=list(office_ids))
    return _grouped(appeals, "submitted_at", "sanction__office_id", "outcome")


def incidents_handled_within(
    office_ids: Sequence[int], start: date, end: date, *, days: int
) -> tuple[int, int]:
    """(incidents that happened in the local days, of which handled within ``days``)."""
    since, until = local_days_bounds(start, end)
    rows = Incident.objects.filter(
        office_id__in=list(office_ids), occurred_at__gte=since, occurred_at__lt=until
    )
    total = rows.count()
    in_time = sum(
        1
        for occurred, handled in rows.values_list("occurred_at", "handled_at")
        if handled is not None and (handled - occurred).total_seconds() <= days * 86400
    )
    return total, in_time
