"""The problem reports family: reports by category and where they stand, days to fix.

Counted by hand, with reports on both nights the clocks change in 2026 and
around the turn of the year; then facts made through the services leave,
after a refresh, exactly the office rows a rebuild finds.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from publicoffice.dialogue.models import ProblemReport
from publicoffice.dialogue.services.problems import problem_reopen, problem_report, problem_update
from publicoffice.places.facts import Family
from publicoffice.reports import rollup
from publicoffice.reports.families import Row, computer
from publicoffice.reports.models import DayFigure, ScopeKind, StaleDay
from tests.dialogue.factories import STOCKHOLM, host_of, person
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def office_rows() -> set[tuple[int, date, str, str, int]]:
    rows = DayFigure.objects.filter(scope=ScopeKind.OFFICE, metric__startswith="problems.")
    return set(rows.values_list("scope_id", "day", "metric", "key", "value"))


def report(office: Any, category: str, moment: datetime) -> ProblemReport:
    return problem_report(
        office=office,
        category=category,
        title="Trasig stol",
        description="Stolen vid fönstret är trasig.",
        language="sv",
        now=moment,
    )


def update(staff: Any, item: ProblemReport, state: str, moment: datetime) -> None:
    problem_update(staff=staff, report=item, state=state, text="Vi har tittat på det.", now=moment)


@pytest.fixture
def world() -> dict[str, Any]:
    ronna, alby = OfficeFactory(slug="ronna"), OfficeFactory(slug="alby")
    return {
        "ronna": ronna,
        "alby": alby,
        "host": host_of(ronna, "Host"),
        "alby_host": host_of(alby, "AlbyHost"),
    }


def test_reports_by_category_and_state_now_and_days_to_fix(world):
    ronna, alby, host, alby_host = world["ronna"], world["alby"], world["host"], world["alby_host"]
    # 00:30 on the night the clocks go back (UTC: 24 October), fixed two days later.
    chair = report(ronna, "equipment", local(date(2026, 10, 25), 0, 30))
    update(host, chair, "fixed", local(date(2026, 10, 27), 10))
    # 00:30 on the night the clocks go forward, still being looked at.
    floor = report(ronna, "cleanliness", local(date(2026, 3, 29), 0, 30))
    update(host, floor, "acknowledged", local(date(2026, 3, 30), 9))
    # New Year's Eve: closed without a fix; fixed on New Year's Day, then reopened.
    stairs = report(alby, "safety", local(date(2026, 12, 31), 23, 30))
    update(alby_host, stairs, "not_a_problem", local(date(2027, 1, 2), 9))
    lamp = report(alby, "equipment", local(date(2026, 12, 31), 12))
    update(alby_host, lamp, "fixed", local(date(2027, 1, 1), 0, 30))
    problem_reopen(
        member=person("Amina"),
        report=lamp,
        reason="Den blinkar fortfarande.",
        now=local(date(2027, 1, 3), 9),
    )

    rows = set(computer(Family.PROBLEMS)(None, date(2026, 1, 1), date(2027, 12, 31)))
    assert rows == {
        Row(ronna.pk, date(2026, 10, 25), "problems.reported", "equipment|fixed", 1),
        Row(ronna.pk, date(2026, 10, 27), "problems.fix_days", "2", 1),
        Row(ronna.pk, date(2026, 3, 29), "problems.reported", "cleanliness|open", 1),
        Row(alby.pk, date(2026, 12, 31), "problems.reported", "safety|closed", 1),
        Row(alby.pk, date(2026, 12, 31), "problems.reported", "equipment|open", 1),
    }
    assert not list(computer(Family.PROBLEMS)(None, date(2026, 10, 24), date(2026, 10, 24)))
    assert list(computer(Family.PROBLEMS)([ronna.pk], date(2026, 10, 27), date(2026, 10, 27))) == [
        Row(ronna.pk, date(2026, 10, 27), "problems.fix_days", "2", 1)
    ]


def test_refresh_after_the_services_equals_a_rebuild(world):
    ronna, alby, host, alby_host = world["ronna"], world["alby"], world["host"], world["alby_host"]
    StaleDay.objects.all().delete()
    chair = report(ronna, "equipment", local(date(2026, 10, 25), 0, 30))
    lamp = report(alby, "equipment", local(date(2026, 12, 31), 23, 30))
    rollup.refresh_stale()
    update(host, chair, "fixed", local(date(2026, 10, 27), 10))
    update(alby_host, lamp, "fixed", local(date(2027, 1, 1), 0, 30))
    rollup.refresh_stale()
    problem_reopen(
        member=person("Amina"), report=lamp, reason="Nej.", now=local(date(2027, 1, 3), 9)
    )
    rollup.refresh_stale()
    refreshed = office_rows()
    assert (alby.pk, date(2026, 12, 31), "problems.reported", "equipment|open", 1) in refreshed
    assert not any(day == date(2027, 1, 1) for _o, day, *_rest in refreshed)
    rollup.rebuild(start=date(2026, 10, 1), end=date(2027, 1, 31), families=[Family.PROBLEMS])
    assert office_rows() == refreshed
