"""Exact reports for staff: every figure against hand-counted roll-up rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from publicoffice.core.disclosure import Figure
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.report_selectors import office_by_slug
from publicoffice.reports.exact import ExactSource
from publicoffice.reports.periods import Period
from publicoffice.reports.report import build, median_of
from publicoffice.reports.scopes import municipality_scope, office_scope
from publicoffice.reports.selectors import own_scopes, side_by_side, staff_report
from tests.dialogue.factories import host_of, officer_of, operator_admin_of, person, platform_admin
from tests.reports.conftest import put


@pytest.fixture
def ronna_march(network):
    ronna = network["ronna"]
    put(ronna, date(2026, 3, 2), "visits.people", "qr", 10)
    put(ronna, date(2026, 3, 29), "visits.people", "staff", 6)  # the clock changes
    put(ronna, date(2026, 3, 2), "visits.hourly", "09", 4)
    put(ronna, date(2026, 3, 2), "visits.hourly", "10", 6)
    put(ronna, date(2026, 3, 29), "visits.hourly", "02", 6)
    put(ronna, date(2026, 3, 2), "visits.person_minutes", "", 1200)
    put(ronna, date(2026, 3, 2), "hours.capacity_minutes", "", 12000)
    put(ronna, date(2026, 3, 2), "bookings.count", "meeting_room|attended", 3)
    put(ronna, date(2026, 3, 3), "bookings.count", "desk|no_show", 1)
    put(ronna, date(2026, 3, 3), "bookings.count", "desk|attended", 2)
    put(ronna, date(2026, 3, 4), "dialogue.answers", "on_time", 3)
    put(ronna, date(2026, 3, 4), "dialogue.answers", "late", 1)
    put(ronna, date(2026, 3, 4), "dialogue.answer_days", "2", 3)
    put(ronna, date(2026, 3, 4), "dialogue.answer_days", "20", 1)
    put(ronna, date(2026, 2, 10), "visits.people", "qr", 8)  # the month before
    put(ronna, date(2025, 3, 10), "visits.people", "qr", 4)  # March last year
    put(ronna, date(2026, 3, 5), "survey.answers", "workplace|bike|5-10|car", 2)
    put(ronna, date(2026, 3, 5), "survey.answers", "home||none|", 1)
    return office_scope(office_by_slug(slug="ronna"))


def _report(scope, text="2026-03"):
    return build(scope, Period.parse(text), ExactSource(scope))


def test_totals_and_breakdowns_are_the_hand_counted_sums(ronna_march):
    report = _report(ronna_march)
    assert report.exact
    assert report.figure("visits.people") == Figure(16)
    assert report.figure("visits.people", "qr") == Figure(10)
    assert report.figure("visits.people", "staff") == Figure(6)
    assert report.figure("bookings.count") == Figure(6)
    assert report.figure("bookings.count", "*|attended") == Figure(5)
    assert report.figure("bookings.count", "*|no_show") == Figure(1)
    assert report.figure("bookings.count", "desk|*") == Figure(3)
    assert report.figure("dialogue.answers", "late") == Figure(1)


def test_each_figure_is_compared_with_last_month_and_last_year(ronna_march):
    line = _report(ronna_march).line("visits.people")
    assert (line.figures.before, line.figures.last_year) == (Figure(8), Figure(4))
    assert line.figures.change_before == Decimal(100)
    assert line.figures.change_last_year == Decimal(300)


def test_rates_and_medians(ronna_march):
    rates = {rate.slug: rate.figures.now for rate in _report(ronna_march).rates}
    assert rates["occupancy"] == Figure(Decimal("10.0"))
    assert rates["answered_on_time"] == Figure(Decimal("75.0"))
    assert rates["days_to_answer"] == Figure(Decimal("2.0"))
    assert median_of({"2": 1, "4": 1}) == (2, Decimal("3.0"))


def test_the_survey_counts_skipped_questions_apart(ronna_march):
    report = _report(ronna_march)
    assert report.figure("survey.answers") == Figure(3)
    assert report.figure("survey.answers", "workplace|*|*|*") == Figure(2)
    assert report.figure("survey.answers", "*|-|*|*") == Figure(1)
    assert report.survey_answers == {"workplace|bike|5-10|car": 2, "home||none|": 1}


def test_the_week_by_hour_and_the_trend(ronna_march):
    report = _report(ronna_march)
    # 2 March 2026 is a Monday; 29 March a Sunday (the clock skips 02:00, kept as arrived).
    assert report.week_hours[(0, 9)] == Figure(4)
    assert report.week_hours[(6, 2)] == Figure(6)
    trend = dict((step.start, figure) for step, figure in report.trend)
    assert trend[date(2026, 3, 2)] == Figure(10) and trend[date(2026, 3, 29)] == Figure(6)
    assert len(report.trend) == 31


def test_a_custom_period_across_the_year_boundary(network):
    ronna = network["ronna"]
    put(ronna, date(2025, 12, 31), "visits.people", "qr", 3)
    put(ronna, date(2026, 1, 1), "visits.people", "qr", 2)
    scope = office_scope(office_by_slug(slug="ronna"))
    assert _report(scope, "2025-12-31..2026-01-01").figure("visits.people") == Figure(5)
    assert _report(scope, "2026-01").figure("visits.people") == Figure(2)


def test_a_report_costs_the_same_queries_for_a_day_and_a_year(
    ronna_march, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        _report(ronna_march, "2026-03-02")
    with django_assert_max_num_queries(6):
        _report(ronna_march, "2026")


class TestWhoSeesExactFigures:
    def test_staff_of_the_scope_see_it(self, network):
        ronna = network["ronna"]
        for user in (
            host_of(ronna),
            operator_admin_of(ronna.operator),
            officer_of(ronna.municipality),
            platform_admin(),
        ):
            report = staff_report(user=user, kind="office", ref="ronna", period="2026-03")
            assert report.exact

    def test_others_are_refused(self, network):
        ronna, fittja = network["ronna"], network["fittja"]
        for user in (
            host_of(fittja, "OtherHost"),
            operator_admin_of(fittja.operator, "OtherAdmin"),
            officer_of(fittja.municipality, "OtherOfficer"),
            person("Plain"),
        ):
            with pytest.raises(DomainError) as refused:
                staff_report(user=user, kind="office", ref=ronna.slug, period="2026-03")
            assert refused.value.code is ErrorCode.REPORT_NOT_ALLOWED

    def test_an_officer_sees_their_municipality_but_not_the_network(self, network):
        officer = officer_of(network["ronna"].municipality)
        assert staff_report(user=officer, kind="municipality", ref="0181").exact
        with pytest.raises(DomainError):
            staff_report(user=officer, kind="network", ref="network")
        with pytest.raises(DomainError):
            staff_report(user=officer, kind="municipality", ref="0127")
        kinds = [(link.kind, link.ref) for link in own_scopes(user=officer)]
        assert kinds == [("municipality", "0181"), ("office", "hovsjo"), ("office", "ronna")]

    def test_an_operator_admin_sees_their_operator_not_a_municipality(self, network):
        admin = operator_admin_of(network["ronna"].operator)
        assert staff_report(
            user=admin, kind="operator", ref=str(network["ronna"].operator_id)
        ).exact
        with pytest.raises(DomainError):
            staff_report(user=admin, kind="municipality", ref="0181")


def test_offices_side_by_side(network):
    put(network["ronna"], date(2026, 3, 2), "visits.people", "qr", 10)
    put(network["hovsjo"], date(2026, 3, 2), "visits.people", "kiosk", 3)
    rows = side_by_side(scope=municipality_scope("0181"), period=Period.parse("2026-03"))
    people = {row.office.slug: row.figures[("visits.people", "")] for row in rows}
    assert people == {"hovsjo": Figure(3), "ronna": Figure(10)}
