"""What the reports read from visits: counted visits per office and local day, grouped.

Every function groups in the database (one query for any number of offices
and days) and reads raw visits and the retention roll-up alike, so a figure
is the same before and after :func:`publicoffice.visits.retention.visits_roll_up`.
Days and hours are local (``Europe/Stockholm``): ``TruncDate`` and
``ExtractHour`` convert in the database, so the repeated autumn hour and the
skipped spring hour fall where the wall clock says.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, NamedTuple

from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    Expression,
    ExpressionWrapper,
    F,
    Func,
    Q,
    QuerySet,
    Sum,
    When,
)
from django.db.models.functions import ExtractHour, TruncDate

from publicoffice.core.timeutils import local_days_bounds, local_zone
from publicoffice.visits.models import DailyUniqueVisitors, Visit, VisitAggregate

#: The survey's questions, in the order of the ``survey.answers`` key.
SURVEY_FIELDS = ("would_otherwise", "travel_mode", "commute_band", "usual_mode")


class _WholeMinutesBetween(Func):
    """Whole minutes from ``start`` to ``end``, each first cut to the second.

    Written out for each database so both give the same number: SQLite's
    ``strftime('%s')`` has whole seconds only, so PostgreSQL cuts too.
    """

    output_field = BigIntegerField()
    arity = 2

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            # "%%%%" is "%" once the template and then the driver have read it.
            template="((CAST(strftime('%%%%s', %(expressions)s) AS INTEGER)) / 60)",
            arg_joiner=") AS INTEGER) - CAST(strftime('%%s', ",
            **extra,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template=(
                "CAST(FLOOR(EXTRACT(EPOCH FROM (date_trunc('second', %(expressions)s))) / 60)"
                " AS BIGINT)"
            ),
            arg_joiner=") - date_trunc('second', ",
            **extra,
        )


def ends_at_expression() -> Expression:
    """:attr:`Visit.ends_at` in SQL: checked out, or the automatic end, whichever is first."""
    return Case(
        When(
            checked_out_at__isnull=False,
            checked_out_at__lt=F("auto_end_at"),
            then=F("checked_out_at"),
        ),
        default=F("auto_end_at"),
    )


def person_minutes_expression() -> Expression:
    """Minutes present of a visit's people: whole minutes of the stay times people."""
    return ExpressionWrapper(
        _WholeMinutesBetween(ends_at_expression(), F("started_at")) * F("people"),
        output_field=BigIntegerField(),
    )


def _counted(office_ids: Sequence[int] | None, start: date, end: date) -> QuerySet[Visit]:
    first, last = local_days_bounds(start, end)
    visits = Visit.objects.filter(
        started_at__gte=first, started_at__lt=last, removed_at__isnull=True
    )
    if office_ids is not None:
        visits = visits.filter(office_id__in=list(office_ids))
    return visits.order_by()


class VisitCell(NamedTuple):
    """Counted visits of one office, local day and hour sharing source and answers."""

    office_id: int
    day: date
    hour: int
    source: str
    answers: tuple[str, str, str, str]
    visits: int
    people: int
    person_minutes: int


def visit_cells(*, office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[VisitCell]:
    """Raw counted visits and rolled-up hours, grouped alike: two queries in all."""
    zone = local_zone()
    raw = (
        _counted(office_ids, start, end)
        .annotate(
            local_day=TruncDate("started_at", tzinfo=zone),
            local_hour=ExtractHour("started_at", tzinfo=zone),
        )
        .values("office_id", "local_day", "local_hour", "source", *SURVEY_FIELDS)
        .annotate(
            n_visits=Count("id"),
            n_people=Sum("people"),
            n_minutes=Sum(person_minutes_expression()),
        )
    )
    first, last = local_days_bounds(start, end)
    rolled = VisitAggregate.objects.filter(hour__gte=first, hour__lt=last)
    if office_ids is not None:
        rolled = rolled.filter(office_id__in=list(office_ids))
    aggregated = (
        rolled.order_by()
        .annotate(
            local_day=TruncDate("hour", tzinfo=zone),
            local_hour=ExtractHour("hour", tzinfo=zone),
        )
        .values("office_id", "local_day", "local_hour", "source", *SURVEY_FIELDS)
        .annotate(n_visits=Sum("visits"), n_people=Sum("people"), n_minutes=Sum("minutes"))
    )
    for rows in (raw, aggregated):
        for row in rows.iterator():
            yield VisitCell(
                office_id=row["office_id"],
                day=row["local_day"],
                hour=row["local_hour"],
                source=row["source"],
                answers=(
                    row["would_otherwise"],
                    row["travel_mode"],
                    row["commute_band"],
                    row["usual_mode"],
                ),
                visits=row["n_visits"],
                people=row["n_people"] or 0,
                person_minutes=row["n_minutes"] or 0,
            )


def unique_visitors_by_day(
    *, office_ids: Sequence[int] | None, start: date, end: date
) -> dict[tuple[int, date], int]:
    """Estimated unique visitors per office and local day: two queries in all.

    For raw rows the same estimate as :func:`publicoffice.visits.selectors.count_unique`
    (distinct devices, plus distinct members, plus the people of every other
    visit), grouped by day in the database; for rolled-up days what the
    roll-up stored in :class:`DailyUniqueVisitors`. A day with both (a visit
    recorded afterwards for a rolled-up day) adds them, as the roll-up does.
    """
    zone = local_zone()
    raw = (
        _counted(office_ids, start, end)
        .annotate(local_day=TruncDate("started_at", tzinfo=zone))
        .values("office_id", "local_day")
        .annotate(
            devices=Count("device_hash", distinct=True, filter=~Q(device_hash="")),
            members=Count("member_id", distinct=True),
            others=Sum("people", filter=Q(device_hash="", member__isnull=True)),
        )
    )
    result: dict[tuple[int, date], int] = {}
    for row in raw.iterator():
        key = (row["office_id"], row["local_day"])
        result[key] = row["devices"] + row["members"] + (row["others"] or 0)
    stored = DailyUniqueVisitors.objects.filter(date__range=(start, end))
    if office_ids is not None:
        stored = stored.filter(office_id__in=list(office_ids))
    for office_id, day, visitors in stored.order_by().values_list("office_id", "date", "visitors"):
        result[(office_id, day)] = result.get((office_id, day), 0) + visitors
    return result
