"""A year of the demo network's past, so the reports' charts mean something.

The stories (:mod:`publicoffice.demo.visits`, ``bookings``, ``events``,
``dialogue``, ``conduct``) tell the last weeks in detail. This module adds
the months before them, from the first day of the month a year ago
(:func:`publicoffice.demo.history_shapes.first_day`), as the facts the
reports read, and then builds the report figures and the public tables:

* visits inside the retention period (``VISITS_RETENTION_DAYS``) as raw
  :class:`Visit` rows, made by the same generator as the visits story, so
  they keep the check-in services' rules; older visits only as the
  retention roll-up leaves them: hourly :class:`VisitAggregate` rows with
  the minutes present, and :class:`DailyUniqueVisitors` (worked out here
  from the same generated visits, which are never written);
* past bookings, events, proposals, problem reports and incidents
  (:mod:`publicoffice.demo.history_facts`).

Each family's history is written only when its story is loaded, because
the story's clearing (which deletes all of the demo offices' rows of that
family) is what makes loading again give the same rows. Everything is
drawn from ``random.Random`` seeded by office and day: the same ``today``
gives the same history, and the same figures. Rows are written with
``bulk_create``; nothing here sends a message or marks a day stale, since
the figures are rebuilt from the facts at the end (:func:`build_figures`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from publicoffice.core.timeutils import local_zone
from publicoffice.demo import history_facts as facts
from publicoffice.demo import history_shapes as shapes
from publicoffice.demo import visit_shapes
from publicoffice.demo.visits import OLD_DAYS, OLD_OFFICES, _Plan, _recorders
from publicoffice.places.models import Office, OfficeStatus
from publicoffice.reports.models import PublishedFigure
from publicoffice.reports.publication import publish_all
from publicoffice.reports.rollup import rebuild
from publicoffice.visits.models import DailyUniqueVisitors, KioskDevice, Visit, VisitAggregate
from publicoffice.visits.retention import retention_cutoff

CellKey = tuple[int, datetime, str, str, str, str, str]


@dataclass
class HistoryResult:
    """What the year of history wrote, for the summary ``publicoffice demo`` prints."""

    first_day: date
    counts: Counter[str] = field(default_factory=Counter)
    figure_rows: int = 0
    published_months: int = 0

    def totals(self) -> dict[str, int]:
        return {
            **{f"history: {label}": n for label, n in self.counts.items()},
            "report figure rows (rebuilt)": self.figure_rows,
            "published months (public statistics)": self.published_months,
        }


def days_between(start: date, before: date) -> Iterator[date]:
    day = start
    while day < before:
        yield day
        day += timedelta(days=1)


# -- visits -------------------------------------------------------------------------


def roll_up(visits: Iterable[Visit]) -> tuple[list[VisitAggregate], list[DailyUniqueVisitors]]:
    """What :func:`publicoffice.visits.retention.visits_roll_up` would leave of ``visits``.

    Hourly cells by local hour of arrival, source and answers, with the
    whole minutes present times people; per office and local day the same
    unique-visitor estimate as ``count_unique`` (distinct devices and
    members, plus the people of every other visit).
    """
    zone = local_zone()
    cells: dict[CellKey, list[int]] = defaultdict(lambda: [0, 0, 0])
    devices: dict[tuple[int, date], set[str]] = defaultdict(set)
    others: Counter[tuple[int, date]] = Counter()
    for visit in visits:
        local = visit.started_at.astimezone(zone)
        hour = local.replace(minute=0, second=0, microsecond=0)
        key = (
            visit.office_id,
            hour,
            visit.source,
            visit.would_otherwise,
            visit.travel_mode,
            visit.commute_band,
            visit.usual_mode,
        )
        stay = int(visit.ends_at.timestamp()) - int(visit.started_at.timestamp())
        cell = cells[key]
        cell[0] += 1
        cell[1] += visit.people
        cell[2] += stay // 60 * visit.people
        office_day = (visit.office_id, local.date())
        if visit.device_hash:
            devices[office_day].add(visit.device_hash)
        elif visit.member_id is not None:
            devices[office_day].add(f"member:{visit.member_id}")
        else:
            others[office_day] += visit.people
    aggregates = [
        VisitAggregate(
            office_id=key[0],
            hour=key[1],
            source=key[2],
            would_otherwise=key[3],
            travel_mode=key[4],
            commute_band=key[5],
            usual_mode=key[6],
            visits=visits_,
            people=people,
            minutes=minutes,
        )
        for key, (visits_, people, minutes) in cells.items()
    ]
    uniques = [
        DailyUniqueVisitors(
            office_id=office_id,
            date=day,
            visitors=len(devices[(office_id, day)]) + others[(office_id, day)],
        )
        for office_id, day in sorted({*devices, *others})
    ]
    return aggregates, uniques


def load_visit_history(
    offices: list[Office], *, today: date, now: datetime, result: HistoryResult
) -> None:
    """Raw visits inside the retention period, hourly figures before it; see the docstring.

    The days the visits story tells (the last weeks, and the fortnight
    before the cutoff at :data:`~publicoffice.demo.visits.OLD_OFFICES`) are
    left to it.
    """
    recorders = _recorders(offices)
    kiosk_ids = set(
        KioskDevice.objects.filter(office__in=offices, revoked_at__isnull=True).values_list(
            "office_id", flat=True
        )
    )
    cutoff_day = retention_cutoff(now).date()
    story_first = today - timedelta(days=visit_shapes.HISTORY_DAYS)
    raw = _Plan(now=now, recorders=recorders, kiosk_office_ids=kiosk_ids)
    for office in offices:
        rolled = _Plan(now=now, recorders=recorders, kiosk_office_ids=kiosk_ids)
        told_until = cutoff_day - timedelta(days=OLD_DAYS if office.slug in OLD_OFFICES else 0)
        for day in days_between(result.first_day, story_first):
            if told_until <= day < cutoff_day:
                continue
            busyness = shapes.busyness(office.slug, day, today)
            if busyness:
                (raw if day >= cutoff_day else rolled).office_day(office, day, busyness)
        aggregates, uniques = roll_up(rolled.visits)
        VisitAggregate.objects.bulk_create(aggregates, batch_size=2000)
        DailyUniqueVisitors.objects.bulk_create(uniques, batch_size=2000)
        result.counts["hourly visit figures"] += len(aggregates)
        result.counts["visits before the retention period (rolled up)"] += len(rolled.visits)
    Visit.objects.bulk_create(raw.visits, batch_size=1000)
    result.counts["visits (raw)"] += len(raw.visits)


# -- the whole year -----------------------------------------------------------------


def load_history(
    offices: dict[str, Office],
    *,
    today: date,
    now: datetime,
    visits: bool = True,
    bookings: bool = True,
    events: bool = True,
    dialogue: bool = True,
    conduct: bool = True,
) -> HistoryResult:
    """Write the year before the stories loaded, then build the figures and public tables."""
    result = HistoryResult(first_day=shapes.first_day(today))
    fresh = list(
        Office.objects.filter(pk__in=[o.pk for o in offices.values()], status=OfficeStatus.OPEN)
        .select_related("operator")
        .prefetch_related("weekly_hours", "hours_exceptions", "spaces")
        .order_by("slug")
    )
    if visits:
        load_visit_history(fresh, today=today, now=now, result=result)
    if bookings:
        result.counts["booking statistics"] += facts.load_bookings(fresh, result.first_day, today)
    if events:
        held, registrations = facts.load_events(fresh, result.first_day, today)
        result.counts["events"] += held
        result.counts["event registrations"] += registrations
    if dialogue:
        proposals, problems = facts.load_dialogue(fresh, result.first_day, today)
        result.counts["answered proposals (figures only)"] += proposals
        result.counts["problem reports (figures only)"] += problems
    if conduct:
        result.counts["incidents"] += facts.load_incidents(fresh, result.first_day, today)
    build_figures(result, today=today, now=now)
    return result


def build_figures(result: HistoryResult, *, today: date, now: datetime) -> None:
    """Rebuild the report figures from the first day of history, and publish the public tables."""
    result.figure_rows = rebuild(start=result.first_day, end=today)
    publish_all(now=now)
    # Months with a published number (a month without data has only "hidden" marks).
    shown = PublishedFigure.objects.filter(month__gt=0, value__isnull=False)
    result.published_months = shown.values_list("year", "month").distinct().order_by().count()
