"""Retention: raw visits older than the retention period become hourly figures.

Whole local days are rolled up at a time, so a day's unique-visitor estimate
is computed once from all of its raw rows. The roll-up adds to existing
aggregates and deletes the raw rows in the same transaction, so running it
twice, or after a crash, never counts a visit twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import TruncHour
from django.utils import timezone

from publicoffice.core.timeutils import local_zone
from publicoffice.visits.models import DailyUniqueVisitors, Visit, VisitAggregate
from publicoffice.visits.selectors import count_unique

DIMENSIONS = ("source", "would_otherwise", "travel_mode", "commute_band")


@dataclass(frozen=True)
class RollUp:
    cutoff: datetime
    visits_deleted: int
    aggregate_rows: int
    days: int


def retention_cutoff(now: datetime | None = None) -> datetime:
    """Local midnight, the retention period ago: rows before it are rolled up."""
    now = now or timezone.now()
    day = timezone.localtime(now).date() - timedelta(days=settings.VISITS_RETENTION_DAYS)
    return datetime.combine(day, time(0), tzinfo=local_zone())


@transaction.atomic
def visits_roll_up(*, now: datetime | None = None) -> RollUp:
    cutoff = retention_cutoff(now)
    old = Visit.objects.filter(started_at__lt=cutoff)
    counted = old.filter(removed_at__isnull=True)

    # Unique visitors, per office and local day, before the rows are gone.
    days: dict[tuple[int, date], list[int]] = defaultdict(list)
    for pk, office_id, started_at in counted.values_list("pk", "office_id", "started_at"):
        days[(office_id, timezone.localtime(started_at).date())].append(pk)
    for (office_id, day), ids in days.items():
        visitors = count_unique(Visit.objects.filter(pk__in=ids))
        row, created = DailyUniqueVisitors.objects.get_or_create(
            office_id=office_id, date=day, defaults={"visitors": visitors}
        )
        if not created:
            row.visitors += visitors
            row.save(update_fields=["visitors"])

    # Hourly cells; TruncHour in the local zone keeps DST hours apart.
    cells = (
        counted.order_by()
        .annotate(hour=TruncHour("started_at", tzinfo=local_zone()))
        .values("office_id", "hour", *DIMENSIONS)
        .annotate(visits=Count("id"), people=Sum("people"))
    )
    written = 0
    for cell in cells:
        key = {name: cell[name] for name in ("office_id", "hour", *DIMENSIONS)}
        aggregate, created = VisitAggregate.objects.get_or_create(
            **key, defaults={"visits": cell["visits"], "people": cell["people"]}
        )
        if not created:
            aggregate.visits += cell["visits"]
            aggregate.people += cell["people"]
            aggregate.save(update_fields=["visits", "people"])
        written += 1
    deleted, _ = old.delete()
    return RollUp(cutoff=cutoff, visits_deleted=deleted, aggregate_rows=written, days=len(days))
