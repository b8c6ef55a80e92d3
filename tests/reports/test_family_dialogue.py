"""The dialogue family: proposals, supports, first answers and the days they took.

Counted by hand, with moments on both nights the clocks change in 2026 and
around the turn of the year; then facts made through the services leave,
after a refresh, exactly the office rows a rebuild finds.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import time_machine

from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.services.proposals import support_add, support_withdraw
from publicoffice.places.facts import Family
from publicoffice.reports import rollup
from publicoffice.reports.families import Row, computer
from publicoffice.reports.models import DayFigure, ScopeKind, StaleDay
from tests.dialogue.factories import STOCKHOLM, answer, host_of, person, propose
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def office_rows() -> set[tuple[int, date, str, str, int]]:
    rows = DayFigure.objects.filter(scope=ScopeKind.OFFICE, metric__startswith="dialogue.")
    return set(rows.values_list("scope_id", "day", "metric", "key", "value"))


def support(member: Any, proposal: Any, moment: datetime) -> None:
    with time_machine.travel(moment, tick=False):
        support_add(member=member, proposal=proposal)


@pytest.fixture
def world() -> dict[str, Any]:
    ronna, alby = OfficeFactory(slug="ronna"), OfficeFactory(slug="alby")
    ronna.operator.answer_within_days = 14
    ronna.operator.save()
    alby.operator.answer_within_days = 14
    alby.operator.save()
    return {
        "ronna": ronna,
        "alby": alby,
        "host": host_of(ronna, "Host"),
        "alby_host": host_of(alby, "AlbyHost"),
    }


def test_proposals_supports_and_answers_by_local_day(world):
    ronna, alby, host, alby_host = world["ronna"], world["alby"], world["host"], world["alby_host"]
    amina, johan, sara = person("Amina"), person("Johan"), person("Sara")
    # Made at 00:30 on the night the clocks go back (UTC: 24 October), answered next day.
    early = propose(amina, office=ronna, kind="activity", now=local(date(2026, 10, 25), 0, 30))
    support(johan, early, local(date(2026, 10, 25), 0, 45))
    support(sara, early, local(date(2026, 10, 27), 12))
    support_withdraw(member=sara, proposal=early)  # taken back: not counted
    answer(host, early, now=local(date(2026, 10, 26), 10))
    # Made at 00:30 on the night the clocks go forward, answered late: 64 days later.
    late = propose(johan, office=ronna, kind="equipment", now=local(date(2026, 3, 29), 0, 30))
    answer(host, late, now=local(date(2026, 6, 1), 10))
    # New Year's Eve 23:30, answered an hour later, on New Year's Day.
    eve = propose(sara, office=alby, kind="other", now=local(date(2026, 12, 31), 23, 30))
    support(amina, eve, local(date(2027, 1, 1), 0, 10))
    answer(alby_host, eve, now=local(date(2027, 1, 1), 0, 30))
    # For the whole operator: no office, in no office's figures.
    propose(person("Ali"), operator=ronna.operator, now=local(date(2026, 10, 25), 12))
    # Hidden by the moderators: it counts nowhere, nor its support.
    hidden = propose(person("Omar"), office=ronna, now=local(date(2026, 10, 25), 12))
    support(amina, hidden, local(date(2026, 10, 25), 13))
    hide(staff=host, item=hidden, reason="Spam", now=local(date(2026, 10, 25), 14))

    rows = set(computer(Family.DIALOGUE)(None, date(2026, 1, 1), date(2027, 12, 31)))
    assert rows == {
        Row(ronna.pk, date(2026, 10, 25), "dialogue.proposals", "activity", 1),
        Row(ronna.pk, date(2026, 3, 29), "dialogue.proposals", "equipment", 1),
        Row(alby.pk, date(2026, 12, 31), "dialogue.proposals", "other", 1),
        Row(ronna.pk, date(2026, 10, 25), "dialogue.supports", "", 1),
        Row(alby.pk, date(2027, 1, 1), "dialogue.supports", "", 1),
        Row(ronna.pk, date(2026, 10, 26), "dialogue.answers", "on_time", 1),
        Row(ronna.pk, date(2026, 10, 26), "dialogue.answer_days", "1", 1),
        Row(ronna.pk, date(2026, 6, 1), "dialogue.answers", "late", 1),
        Row(ronna.pk, date(2026, 6, 1), "dialogue.answer_days", "64", 1),
        Row(alby.pk, date(2027, 1, 1), "dialogue.answers", "on_time", 1),
        Row(alby.pk, date(2027, 1, 1), "dialogue.answer_days", "1", 1),
    }
    # A period holding only the answer day finds the answer, not the proposal.
    assert set(computer(Family.DIALOGUE)([ronna.pk], date(2026, 6, 1), date(2026, 6, 1))) == {
        Row(ronna.pk, date(2026, 6, 1), "dialogue.answers", "late", 1),
        Row(ronna.pk, date(2026, 6, 1), "dialogue.answer_days", "64", 1),
    }
    assert not list(computer(Family.DIALOGUE)(None, date(2026, 10, 24), date(2026, 10, 24)))


def test_refresh_after_the_services_equals_a_rebuild(world):
    ronna, alby, host, alby_host = world["ronna"], world["alby"], world["host"], world["alby_host"]
    amina, johan, sara = person("Amina"), person("Johan"), person("Sara")
    StaleDay.objects.all().delete()
    early = propose(amina, office=ronna, now=local(date(2026, 10, 25), 0, 30))
    support(johan, early, local(date(2026, 10, 25), 0, 45))
    eve = propose(sara, office=alby, now=local(date(2026, 12, 31), 23, 30))
    rollup.refresh_stale()
    answer(host, early, now=local(date(2026, 11, 20), 10))
    support(amina, eve, local(date(2027, 1, 1), 0, 10))
    answer(alby_host, eve, now=local(date(2027, 1, 1), 0, 30))
    hidden = propose(person("Omar"), office=ronna, now=local(date(2026, 10, 26), 12))
    support(amina, hidden, local(date(2026, 10, 27), 13))
    rollup.refresh_stale()
    hide(staff=host, item=hidden, reason="Spam", now=local(date(2026, 10, 28), 14))
    rollup.refresh_stale()
    refreshed = office_rows()
    assert (ronna.pk, date(2026, 11, 20), "dialogue.answers", "late", 1) in refreshed
    assert not any(day == date(2026, 10, 27) for _o, day, *_rest in refreshed)
    rollup.rebuild(start=date(2026, 10, 1), end=date(2027, 1, 31), families=[Family.DIALOGUE])
    assert office_rows() == refreshed
