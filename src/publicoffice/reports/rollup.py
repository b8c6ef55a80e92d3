"""Keeping the roll-ups current: stale marks, the refresh, and the rebuild from facts.

The write path costs the services one insert: :func:`mark_stale`, called by
``places.facts`` inside the writer's transaction. The refresh (a task every
minute, and before a staff dashboard is drawn for its own offices) takes
the marks, recomputes those offices' days of those families from the facts
and then the sums of every wider scope for those days. The rebuild does the
same for every office and a range of days; a test shows that a refresh
after any history leaves exactly what a rebuild finds.

Why recompute a day rather than add and subtract: recomputing is
idempotent (running it twice, or after a crash, changes nothing) and needs
no "old value" from the writer, whose ``UPDATE``s do not know it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from publicoffice.places.facts import Family
from publicoffice.places.report_selectors import office_places
from publicoffice.reports.families import Row, computer, registered
from publicoffice.reports.metrics import of_family
from publicoffice.reports.models import DayFigure, RefreshLock, ScopeKind, StaleDay
from publicoffice.reports.scopes import NETWORK_ID

#: Days recomputed together by the rebuild: bounded memory at national scale.
REBUILD_CHUNK_DAYS = 14
BATCH = 2000

CellKey = tuple[str, int, date, str, str]


@dataclass(frozen=True)
class Refreshed:
    marks: int
    office_days: int


def mark_stale(office_id: int, days: frozenset[date], family: Family) -> None:
    """The facts listener: one insert, in the writer's transaction."""
    StaleDay.objects.bulk_create(
        [StaleDay(office_id=office_id, day=day, family=family) for day in sorted(days)]
    )


def _lock() -> None:
    RefreshLock.objects.get_or_create(pk=1)
    RefreshLock.objects.select_for_update().filter(pk=1).update(taken_at=timezone.now())


def refresh_stale(*, office_ids: Iterable[int] | None = None) -> Refreshed:
    """Recompute every marked office day (of ``office_ids`` only, when given)."""
    marks = StaleDay.objects.order_by()
    if office_ids is not None:
        marks = marks.filter(office_id__in=list(office_ids))
    if not marks.exists():  # a dashboard read with nothing to do writes nothing
        return Refreshed(0, 0)
    with transaction.atomic():
        _lock()
        taken = list(marks.values_list("pk", "office_id", "day", "family"))
        if not taken:
            return Refreshed(0, 0)
        wanted: dict[tuple[Family, date], set[int]] = defaultdict(set)
        for _pk, office_id, day, family in taken:
            if family in Family.__members__.values():
                wanted[(Family(family), day)].add(office_id)
        for (family, day), offices in sorted(wanted.items()):
            _recompute(family, sorted(offices), day, day)
        # By primary key: a mark made while we worked stays for the next refresh.
        pks = [pk for pk, *_rest in taken]
        for start in range(0, len(pks), BATCH):
            StaleDay.objects.filter(pk__in=pks[start : start + BATCH]).delete()
        office_days = sum(len(offices) for offices in wanted.values())
        return Refreshed(len(taken), office_days)


def rebuild(*, start: date, end: date, families: Sequence[Family] | None = None) -> int:
    """Recompute every office and scope row from the facts, ``start`` to ``end``; rows written."""
    written = 0
    chunk_start = start
    while chunk_start <= end:
        chunk_end = min(end, chunk_start + timedelta(days=REBUILD_CHUNK_DAYS - 1))
        with transaction.atomic():
            _lock()
            for family in families or registered():
                written += _recompute(family, None, chunk_start, chunk_end)
        chunk_start = chunk_end + timedelta(days=1)
    return written


def _recompute(family: Family, office_ids: list[int] | None, start: date, end: date) -> int:
    """Office rows of ``family`` from the facts, then every wider scope's sums, for the days."""
    names = [metric.name for metric in of_family(family)]
    rows = [row for row in computer(family)(office_ids, start, end) if row.value]
    offices = DayFigure.objects.filter(
        scope=ScopeKind.OFFICE, day__range=(start, end), metric__in=names
    )
    if office_ids is not None:
        offices = offices.filter(scope_id__in=office_ids)
    offices.delete()
    _insert(
        DayFigure(
            scope=ScopeKind.OFFICE,
            scope_id=row.office_id,
            day=row.day,
            metric=row.metric,
            key=row.key,
            value=row.value,
        )
        for row in rows
    )
    # Every office recomputed: its rows are all there is, no need to read them back.
    everyone: list[tuple[Any, ...]] | None = list(rows) if office_ids is None else None
    return len(rows) + _recompute_wider(names, start, end, everyone)


def _recompute_wider(
    names: list[str], start: date, end: date, office_rows: list[tuple[Any, ...]] | None = None
) -> int:
    """Operator, municipality and network rows: sums of their offices' rows."""
    place = {o.id: (o.operator_id, o.municipality_id) for o in office_places()}
    sums: dict[CellKey, int] = defaultdict(int)
    if office_rows is None:
        office_rows = list(
            DayFigure.objects.filter(
                scope=ScopeKind.OFFICE, day__range=(start, end), metric__in=names
            )
            .values_list("scope_id", "day", "metric", "key")
            .annotate(total=Sum("value"))
            .order_by()
            .iterator(chunk_size=BATCH)
        )
    for office_id, day, metric, key, total in office_rows:
        operator_id, municipality_id = place.get(office_id, (None, None))
        if operator_id is None or municipality_id is None:
            continue
        sums[(ScopeKind.OPERATOR, operator_id, day, metric, key)] += total
        sums[(ScopeKind.MUNICIPALITY, municipality_id, day, metric, key)] += total
        sums[(ScopeKind.NETWORK, NETWORK_ID, day, metric, key)] += total
    DayFigure.objects.filter(
        scope__in=(ScopeKind.OPERATOR, ScopeKind.MUNICIPALITY, ScopeKind.NETWORK),
        day__range=(start, end),
        metric__in=names,
    ).delete()
    _insert(
        DayFigure(scope=scope, scope_id=scope_id, day=day, metric=metric, key=key, value=value)
        for (scope, scope_id, day, metric, key), value in sums.items()
        if value
    )
    return len(sums)


def _insert(figures: Iterable[DayFigure]) -> None:
    batch: list[DayFigure] = []
    for figure in figures:
        batch.append(figure)
        if len(batch) >= BATCH:
            DayFigure.objects.bulk_create(batch)
            batch = []
    if batch:
        DayFigure.objects.bulk_create(batch)


def rows_from_facts(family: Family, start: date, end: date) -> list[Row]:
    """What the facts say now, for tests and the rebuild's check (no write)."""
    return [row for row in computer(family)(None, start, end) if row.value]
