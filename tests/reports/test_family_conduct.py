"""The conduct family: incidents, decisions and appeals per office and local day.

Local days across both clock changes of 2026 (29 March, 25 October) and
the turn of the year are counted by hand; then facts made through the
services leave, after a refresh, exactly the office rows a rebuild finds.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
import time_machine

from publicoffice.conduct.services.appeals import appeal_decide, appeal_make
from publicoffice.conduct.services.incidents import incident_record, incident_report
from publicoffice.conduct.services.sanctions import sanction_approve, sanction_decide
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
    rows = DayFigure.objects.filter(scope=ScopeKind.OFFICE, metric__startswith="conduct.")
    return set(rows.values_list("scope_id", "day", "metric", "key", "value"))


def incident(office: Any, staff: Any, moment: datetime, category: str = "threat") -> None:
    incident_record(
        staff=staff,
        office=office,
        category=category,
        severity=1,
        description="Raised voices at the desk.",
        occurred_at=moment,
        now=moment + timedelta(hours=1),
    )


def restriction(staff: Any, member: Any, office: Any, moment: datetime, kind: str = "warning"):
    with time_machine.travel(moment, tick=False):
        return sanction_decide(
            staff=staff,
            member=member,
            office=office,
            kind=kind,
            scope="network",
            category="threat",
            facts="Shouted at a host.",
            grounds="Threats break the first rule.",
            ends_at=moment + timedelta(days=30) if kind != "warning" else None,
            actions=["book"] if kind == "restriction" else [],
            now=moment,
        )


@pytest.fixture
def offices() -> tuple[Any, Any]:
    return OfficeFactory(slug="ronna"), OfficeFactory(slug="alby")


def test_incidents_count_on_the_local_day_across_clock_changes_and_the_new_year(offices):
    ronna, alby = offices
    staff = host_of(ronna)
    # 00:30 on the night the clocks go back is still 24 October in UTC.
    incident(ronna, staff, local(date(2026, 10, 25), 0, 30))
    incident(ronna, staff, local(date(2026, 10, 25), 23, 30), "violence")
    # The night the clocks go forward: 00:30 (UTC 23:30 the day before) and 23:30.
    incident(ronna, staff, local(date(2026, 3, 29), 0, 30))
    incident(ronna, staff, local(date(2026, 3, 29), 23, 30))
    incident(alby, staff, local(date(2026, 3, 28), 23, 59))
    # New Year's Eve 23:30 and New Year's Day 00:30.
    incident(alby, staff, local(date(2026, 12, 31), 23, 30), "damage")
    incident_report(
        reporter=None,
        office=alby,
        category="damage",
        description="A broken chair.",
        occurred_at=local(date(2027, 1, 1), 0, 30),
        now=local(date(2027, 1, 1), 9),
    )
    rows = set(computer(Family.CONDUCT)(None, date(2026, 1, 1), date(2027, 12, 31)))
    assert rows == {
        Row(ronna.pk, date(2026, 10, 25), "conduct.incidents", "threat", 1),
        Row(ronna.pk, date(2026, 10, 25), "conduct.incidents", "violence", 1),
        Row(ronna.pk, date(2026, 3, 29), "conduct.incidents", "threat", 2),
        Row(alby.pk, date(2026, 3, 28), "conduct.incidents", "threat", 1),
        Row(alby.pk, date(2026, 12, 31), "conduct.incidents", "damage", 1),
        Row(alby.pk, date(2027, 1, 1), "conduct.incidents", "damage", 1),
    }
    only_ronna = set(computer(Family.CONDUCT)([ronna.pk], date(2026, 10, 25), date(2026, 10, 25)))
    assert {row.value for row in only_ronna} == {1} and len(only_ronna) == 2
    assert not list(computer(Family.CONDUCT)(None, date(2026, 10, 24), date(2026, 10, 24)))


def test_decisions_count_when_they_hold_and_appeals_on_the_day_made(offices):
    ronna, alby = offices
    staff, second = host_of(ronna, "Host"), host_of(ronna, "Second")
    amina, johan = person("Amina"), person("Johan")
    warning = restriction(staff, amina, ronna, local(date(2026, 10, 25), 0, 30))
    restriction(staff, johan, alby, local(date(2026, 12, 31), 23, 30), "restriction")
    with time_machine.travel(local(date(2026, 3, 29), 0, 30), tick=False):
        ban = sanction_decide(
            staff=staff,
            member=johan,
            office=ronna,
            kind="ban",
            scope="network",
            category="violence",
            facts="Hit a host.",
            grounds="Violence.",
            review_at=local(date(2026, 6, 1), 12),
            now=local(date(2026, 3, 29), 0, 30),
        )
    waiting = set(computer(Family.CONDUCT)(None, date(2026, 3, 29), date(2026, 3, 29)))
    assert waiting == set()  # an indefinite ban waiting for approval is not counted yet
    sanction_approve(staff=second, sanction=ban, now=local(date(2026, 3, 30), 9))
    appeal = appeal_make(
        member=amina,
        sanction=warning,
        text="I did not shout.",
        now=local(date(2026, 10, 26), 0, 10),
    )
    appeal_decide(
        staff=second,
        appeal=appeal,
        outcome="kept",
        reply="Two witnesses heard it.",
        now=local(date(2026, 11, 2), 10),
    )
    rows = set(computer(Family.CONDUCT)(None, date(2026, 1, 1), date(2027, 1, 31)))
    assert rows == {
        Row(ronna.pk, date(2026, 10, 25), "conduct.sanctions", "warning", 1),
        Row(alby.pk, date(2026, 12, 31), "conduct.sanctions", "restriction", 1),
        Row(ronna.pk, date(2026, 3, 30), "conduct.sanctions", "ban", 1),
        Row(ronna.pk, date(2026, 10, 26), "conduct.appeals", "kept", 1),
    }


def test_refresh_after_the_services_equals_a_rebuild(offices):
    ronna, alby = offices
    staff, second = host_of(ronna, "Host"), host_of(ronna, "Second")
    amina = person("Amina")
    StaleDay.objects.all().delete()
    incident(ronna, staff, local(date(2026, 10, 25), 0, 30))
    incident(alby, staff, local(date(2027, 1, 1), 0, 30), "damage")
    warning = restriction(staff, amina, ronna, local(date(2026, 12, 31), 23, 30))
    appeal = appeal_make(
        member=amina, sanction=warning, text="Wrong.", now=local(date(2027, 1, 1), 0, 5)
    )
    rollup.refresh_stale()
    assert office_rows()  # the refresh wrote what the marks asked for
    appeal_decide(
        staff=second, appeal=appeal, outcome="lifted", reply="Fair.", now=local(date(2027, 1, 3), 9)
    )
    rollup.refresh_stale()
    refreshed = office_rows()
    assert (ronna.pk, date(2027, 1, 1), "conduct.appeals", "lifted", 1) in refreshed
    rollup.rebuild(start=date(2026, 10, 1), end=date(2027, 1, 31), families=[Family.CONDUCT])
    assert office_rows() == refreshed
