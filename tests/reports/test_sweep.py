"""The reports sweep: stale days every minute, opening hours and publication once a day."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.management import call_command

from publicoffice.places.facts import Family, fact_changed
from publicoffice.reports.models import DayFigure, Publication, ScopeKind, StaleDay
from publicoffice.reports.tasks import publish_if_due, reports_sweep
from tests.factories import WeeklyHoursFactory
from tests.reports.conftest import put

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_publication_and_hours_run_once_a_day(network):
    ronna = network["ronna"]
    WeeklyHoursFactory(office=ronna, weekday=4, opens=time(9), closes=time(17))  # Friday
    put(ronna, date(2026, 11, 3), "visits.people", "qr", 12)
    friday = datetime(2026, 12, 4, 20, tzinfo=STOCKHOLM)
    assert publish_if_due(friday) == [2025, 2026]
    assert Publication.objects.get(year=2026).through_month == 11
    hours = DayFigure.objects.get(
        scope=ScopeKind.OFFICE,
        scope_id=ronna.pk,
        metric="hours.open_minutes",
        day=date(2026, 12, 4),
    )
    assert hours.value == 8 * 60
    assert publish_if_due(friday.replace(hour=22)) == []
    assert publish_if_due(datetime(2026, 12, 5, 1, tzinfo=STOCKHOLM)) == [2025, 2026]


def test_the_sweep_recomputes_what_was_marked(network):
    fact_changed(office_id=network["ronna"].pk, when=date(2026, 3, 3), family=Family.VISITS)
    result = reports_sweep.call(reschedule=False)
    assert result["marks"] == 1 and result["office_days"] == 1
    assert not StaleDay.objects.exists()


def test_the_rebuild_command_recomputes_and_publishes(network, capsys):
    call_command("reports_rebuild", "--start", "2026-01-01", "--end", "2026-01-10", verbosity=0)
    out = capsys.readouterr().out
    assert "figure rows written for 2026-01-01 to 2026-01-10" in out
    assert "2026:" in out
