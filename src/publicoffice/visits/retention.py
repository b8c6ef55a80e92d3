"""Retention: raw visits older than the retention period become hourly figures.

Whole local days are rolled up at a time, so a day's unique-visitor estimate
is computed once from all of its raw rows. The roll-up adds to existing
aggregates and deletes the raw rows in the same transaction, so running it
twice, or after a crash, never counts a visit twice. Each cell keeps the
minutes its people were present, so reports read the same time spent
before and after; the rolled-up days are told to the reports
(``places.facts``) all the same, so they are checked again.
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

from publicoffice.core.timeutils import acting_now, local_zone
from publicoffice.places.facts import Family, facts_changed
from publicoffice.visits.models import DailyUniqueVisitors, Visit, VisitAggregate
from publicoffice.visits.report_selectors import person_minutes_expression
from publicoffice.visits.selectors import count_unique

DIMENSIONS = ("source", "would_otherwise", "travel_mode", "commute_band", "usual_mode")


@dataclass(frozen=True)
class RollUp:
    cutoff: datetime
    visits_deleted: int
    aggregate_rows: int
    days: int


def retention_cutoff(now: datetime | None = None) -> datetime:
    """Local midnight, the retention period ago: rows before it are rolled up."""
    now = acting_now(now)
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
        daily, created = DailyUniqueVisitors.objects.get_or_create(
            office_id=office_id, date=day, defaults={"visitors": visitors}
        )
        if not created:
            daily.visitors += visitors
            daily.save(update_fields=["visitors"])

    # Hourly cells; TruncHour in the local zone keeps DST hours apart.
    cells = (
        counted.order_by()
        .annotate(hour=TruncHour("started_at", tzinfo=local_zone()))
        .values("office_id", "hour", *DIMENSIONS)
        # Minutes first: their ``people`` is the field, not the sum named so below.
        .annotate(minutes=Sum(person_minutes_expression()))
        .annotate(visits=Count("id"), people=Sum("people"))
    )
    cells = list(cells)
    keys = ("office_id", "hour", *DIMENSIONS)
    existing = {
        tuple(getattr(row, name) for name in keys): row
        for row in VisitAggregate.objects.filter(
            office_id__in={cell["office_id"] for cell in cells},
            hour__in={cell["hour"] for cell in cells},
        )
    }
    new_rows: list[VisitAggregate] = []
    changed: list[VisitAggregate] = []
    for cell in cells:
        row = existing.get(tuple(cell[name] for name in keys))
        if row is None:
            new_rows.append(
                VisitAggregate(
                    **{name: cell[name] for name in keys},
                    visits=cell["visits"],
                    people=cell["people"],
                    minutes=cell["minutes"] or 0,
                )
            )
        else:
            row.visits += cell["visits"]
            row.people += cell["people"]
            row.minutes += cell["minutes"] or 0
            changed.append(row)
    VisitAggregate.objects.bulk_create(new_rows, batch_size=500)
    VisitAggregate.objects.bulk_update(changed, ["visits", "people", "minutes"], batch_size=500)
    written = len(new_rows) + len(changed)
    deleted, _ = old.delete()
    _tell_reports(days)
    return RollUp(cutoff=cutoff, visits_deleted=deleted, aggregate_rows=written, days=len(days))


def _tell_reports(days: dict[tuple[int, date], list[int]]) -> None:
    """One mark per office for the days rolled up, in the roll-up's transaction."""
    by_office: dict[int, list[date]] = defaultdict(list)
    for office_id, day in days:
        by_office[office_id].append(day)
    for office_id, office_days in sorted(by_office.items()):
        facts_changed(office_id=office_id, when=office_days, family=Family.VISITS)
