"""The demo's year of history: deterministic, shaped, and what the reports publish from it.

Loading the demo with its history rebuilds a year of report figures and
publishes the public tables, which takes a while, so the demo is loaded
once for the module (without the meeting place, events and proposals,
which have their own tests).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone

from publicoffice.core.disclosure import Flag
from publicoffice.demo import history, history_shapes, visit_shapes
from publicoffice.demo.loader import load_demo
from publicoffice.demo.visits import OLD_DAYS, OLD_OFFICES
from publicoffice.places.models import Office
from publicoffice.reports import config
from publicoffice.reports.commuting import estimate
from publicoffice.reports.commuting_selectors import factors_in_force
from publicoffice.reports.models import DayFigure, PublishedFigure, ScopeKind
from publicoffice.reports.rollup import rebuild
from publicoffice.reports.scopes import NETWORK_ID
from publicoffice.visits.models import DailyUniqueVisitors, Source, Visit, VisitAggregate
from publicoffice.visits.retention import retention_cutoff
from publicoffice.visits.services import auto_end

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Wednesday late in November 2026 that is no holiday, at 11 in the morning.
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0, tzinfo=STOCKHOLM)
LAST_WHOLE_MONTH = (2026, 10)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo with its history, loaded once; rolled back after the module."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        time_machine.travel(WEDNESDAY_11, tick=False),
        transaction.atomic(),
    ):
        yield load_demo(community=False, events=False, dialogue=False)
        transaction.set_rollback(True)


def office_id(slug: str) -> int:
    return Office.objects.get(slug=slug).pk


def month_range(year: int, month: int) -> tuple[date, date]:
    after = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), after - timedelta(days=1)


def test_the_summary_tells_what_the_history_wrote(demo):
    assert demo.totals["history: visits (raw)"] > 1000
    assert demo.totals["history: hourly visit figures"] > 1000
    assert demo.totals["report figure rows (rebuilt)"] > 0
    # November and December 2025, and January to October 2026.
    assert demo.totals["published months (public statistics)"] == 12
    raw = Visit.objects.count()
    assert raw <= 60_000


def test_old_visits_are_rolled_up_and_recent_ones_raw(demo):
    cutoff = retention_cutoff()
    assert not Visit.objects.filter(started_at__lt=cutoff).exists()
    first = history_shapes.first_day(timezone.localdate())
    zone = STOCKHOLM
    first_hour = datetime.combine(first, datetime.min.time(), tzinfo=zone)
    assert VisitAggregate.objects.filter(hour__lt=first_hour + timedelta(days=7)).exists()
    assert VisitAggregate.objects.filter(minutes__gt=0).exists()
    assert DailyUniqueVisitors.objects.filter(date__lt=first + timedelta(days=7)).exists()
    # Raw visits go back to the cutoff, and keep the check-in services' rules.
    first_raw = Visit.objects.order_by("started_at").first()
    assert first_raw is not None
    assert first_raw.started_at.date() - cutoff.date() < timedelta(days=3)
    offices = {o.pk: o for o in Office.objects.prefetch_related("weekly_hours", "hours_exceptions")}
    for visit in Visit.objects.filter(started_at__lt=cutoff + timedelta(days=20))[::20]:
        office = offices[visit.office_id]
        assert office.schedule().is_open(visit.started_at)
        assert visit.auto_end_at == auto_end(office, visit.started_at)


def test_the_year_has_shapes(demo):
    """July is quiet, the new office grows, the small office stays small."""
    people: dict[tuple[int, int, int], int] = defaultdict(int)
    rows = DayFigure.objects.filter(scope=ScopeKind.OFFICE, metric="visits.people")
    for scope_id, day, value in rows.values_list("scope_id", "day", "value"):
        people[(scope_id, day.year, day.month)] += value
    ronna, hovsjo, hallunda = office_id("ronna"), office_id("hovsjo"), office_id("hallunda")
    assert people[(ronna, 2026, 7)] < 0.6 * people[(ronna, 2026, 9)]
    assert people[(hovsjo, 2026, 1)] == 0
    assert 0 < people[(hovsjo, 2026, 5)] < people[(hovsjo, 2026, 10)]
    assert people[(hallunda, 2026, 10)] < 0.3 * people[(ronna, 2026, 10)]
    hourly: Counter[str] = Counter()
    for key, value in DayFigure.objects.filter(
        scope=ScopeKind.OFFICE, scope_id=ronna, metric="visits.hourly"
    ).values_list("key", "value"):
        hourly[key] += value
    assert hourly["09"] > hourly["16"]


def test_the_last_whole_month_is_published_for_the_network(demo):
    year, month = LAST_WHOLE_MONTH
    network = PublishedFigure.objects.filter(
        year=year, month=month, scope=ScopeKind.NETWORK, scope_id=NETWORK_ID
    )
    visits = network.filter(metric="visits.people", flag=Flag.SHOWN)
    assert sum(value or 0 for value in visits.values_list("value", flat=True)) > 1000
    assert (network.get(metric="visits.unique", key="").value or 0) > 1000
    bookings = network.get(metric="bookings.count", key="")
    assert bookings.flag == Flag.SHOWN and (bookings.value or 0) > 50


def test_the_small_office_has_hidden_cells(demo):
    hidden = PublishedFigure.objects.filter(
        scope=ScopeKind.OFFICE, scope_id=office_id(history_shapes.SMALL_OFFICE), flag=Flag.SMALL
    )
    assert hidden.exists()


def test_the_busiest_office_has_enough_commuters_for_the_estimate(demo):
    start, end = month_range(*LAST_WHOLE_MONTH)
    answers: dict[str, int] = defaultdict(int)
    rows = DayFigure.objects.filter(
        scope=ScopeKind.OFFICE,
        scope_id=office_id(history_shapes.BUSIEST_OFFICE),
        metric="survey.answers",
        day__range=(start, end),
    )
    for key, value in rows.values_list("key", "value"):
        answers[key] += value
    result = estimate(answers, factors_in_force())
    assert result.commuters >= config.commuting_min_answers() >= 30
    assert not result.too_few
    surveyed = Visit.objects.filter(source__in=[Source.QR, Source.KIOSK])
    assert surveyed.exclude(usual_mode="").exists()


def test_past_bookings_have_plausible_outcomes(demo):
    first = history_shapes.first_day(timezone.localdate())
    outcomes = Counter(
        DayFigure.objects.filter(
            scope=ScopeKind.NETWORK, metric="bookings.count", day__lt=first + timedelta(days=90)
        ).values_list("key", flat=True)
    )
    kinds = {key.split("|")[1] for key in outcomes}
    assert {"attended", "no_show", "cancelled"} <= kinds
    assert DayFigure.objects.filter(metric="conduct.incidents").exists()


def test_the_history_is_deterministic(demo):
    """Generated again, the history gives the same rows and the same figures."""
    start, end = month_range(2026, 3)

    def figures():
        return Counter(
            DayFigure.objects.filter(day__range=(start, end)).values_list(
                "scope", "scope_id", "day", "metric", "key", "value"
            )
        )

    def facts():
        return (
            Counter(
                VisitAggregate.objects.values_list(
                    "office_id", "hour", "source", "usual_mode", "visits", "people", "minutes"
                )
            ),
            Counter(DailyUniqueVisitors.objects.values_list("office_id", "date", "visitors")),
        )

    first_figures, first_facts = figures(), facts()
    today, now = timezone.localdate(), timezone.now()
    offices = list(
        Office.objects.filter(status="open")
        .prefetch_related("weekly_hours", "hours_exceptions", "spaces")
        .order_by("slug")
    )
    # The history's rows, not the story's: see history.load_visit_history.
    cutoff = retention_cutoff(now)
    told = cutoff - timedelta(days=OLD_DAYS)
    old = Q(office__slug__in=OLD_OFFICES)
    VisitAggregate.objects.filter((old & Q(hour__lt=told)) | (~old & Q(hour__lt=cutoff))).delete()
    DailyUniqueVisitors.objects.filter(
        (old & Q(date__lt=told.date())) | (~old & Q(date__lt=cutoff.date()))
    ).delete()
    story_first = today - timedelta(days=visit_shapes.HISTORY_DAYS)
    midnight = datetime.combine(story_first, datetime.min.time(), tzinfo=STOCKHOLM)
    Visit.objects.filter(started_at__lt=midnight).delete()
    result = history.HistoryResult(first_day=history_shapes.first_day(today))
    history.load_visit_history(offices, today=today, now=now, result=result)
    rebuild(start=start, end=end)

    assert facts() == first_facts
    assert figures() == first_figures
