"""A report's figures: the same as the reports pages compute, live until submitted, then kept."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from publicoffice.commissioning.models import Measure, Report, ReportKind, ReportStatus, Target
from publicoffice.commissioning.selectors.followup import report_figures
from publicoffice.commissioning.services import followup
from publicoffice.core.disclosure import Flag
from publicoffice.guidelines.models import Guideline
from publicoffice.places.report_selectors import office_places
from publicoffice.reports.figures import totals
from publicoffice.reports.periods import Grain, Period
from publicoffice.reports.scopes import office_scope
from tests.commissioning.conftest import make_commission, publish_figures
from tests.reports.conftest import put

pytestmark = pytest.mark.django_db

METRICS = ["visits.people", "hours.open_minutes", "events.count", "dialogue.answers"]


def quarter_report(world) -> Report:
    commission = make_commission(world)
    Target.objects.create(commission=commission, measure="events_per_month", value=2)
    Target.objects.create(commission=commission, measure="answered_on_time", value=80)
    return commission.reports.get(kind=ReportKind.QUARTERLY, period_starts=date(2026, 7, 1))


def fill(office, start: date, *, people: int, events: int) -> None:
    """A few days' figures of the office, as the reports' families write them."""
    put(office, start, "visits.people", "", people)
    put(office, start, "hours.open_minutes", "", 40 * 60 * 13)
    put(office, start, "events.count", "held", events)
    put(office, start, "events.count", "cancelled", 1)
    put(office, start, "dialogue.answers", "on_time", 7)
    put(office, start, "dialogue.answers", "late", 2)


def expected(office, period: Period) -> dict[Measure, Decimal]:
    """Worked out here from the reports' own totals of the office's scope."""
    found = totals(office_scope(office_places(office_ids={office.pk})[0]), period, METRICS)
    weeks = Decimal(period.days) / 7
    months = Decimal(period.days) * 12 / Decimal("365.2425")
    answers = found["dialogue.answers"]

    def tenth(value: Decimal) -> Decimal:
        return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    return {
        Measure.VISITS_PER_WEEK: tenth(sum(found["visits.people"].values()) / weeks),
        Measure.HOURS_PER_WEEK: tenth(
            Decimal(sum(found["hours.open_minutes"].values())) / 60 / weeks
        ),
        Measure.EVENTS_PER_MONTH: tenth(found["events.count"]["held"] / months),
        Measure.ANSWERED_ON_TIME: tenth(Decimal(answers["on_time"]) * 100 / sum(answers.values())),
    }


def values(rows, attribute: str = "reading") -> dict[Measure, Decimal | None]:
    return {Measure(row.target.measure): getattr(row, attribute).value for row in rows}


def test_a_reports_prefilled_figures_equal_what_the_reports_issue_computes(world):
    report = quarter_report(world)
    quarter = Period.containing(Grain.QUARTER, date(2026, 7, 1))
    fill(world.office, date(2026, 7, 14), people=400, events=6)
    fill(world.office, date(2026, 4, 20), people=300, events=3)  # the quarter before
    fill(world.office, date(2025, 8, 1), people=100, events=1)  # a year earlier
    fill(world.office, date(2026, 10, 1), people=999, events=9)  # after: not counted
    rows = report_figures(report, public=False)
    assert {m: v for m, v in values(rows).items() if m in expected(world.office, quarter)} == (
        expected(world.office, quarter)
    )
    before = expected(world.office, quarter.previous())
    assert {m: values(rows, "previous")[m] for m in before} == before
    earlier = expected(world.office, quarter.year_before())
    assert {m: values(rows, "year_before")[m] for m in earlier} == earlier
    visits = next(r for r in rows if r.target.measure == Measure.VISITS_PER_WEEK)
    assert visits.met is False  # 400 people in 13 weeks: about 30 a week, the target 50

    # live while written; kept as it was once submitted
    fill(world.office, date(2026, 7, 15), people=600, events=0)
    assert values(report_figures(report, public=False))[Measure.VISITS_PER_WEEK] == Decimal("76.1")
    submit(world, report)
    fill(world.office, date(2026, 7, 16), people=600, events=0)
    report.refresh_from_db()
    kept = report_figures(report, public=False)
    assert values(kept)[Measure.VISITS_PER_WEEK] == Decimal("76.1")
    assert report.figures["visits_per_week"]["previous"]["basis"] == 300


def submit(world, report: Report) -> None:
    views = {g.pk: followup.GuidelineView(rating="met") for g in Guideline.objects.all()}
    followup.save_draft(
        operator=world.operator_admin,
        report=report,
        narrative="Ett kvartal.",
        private_narrative="",
        views=views,
    )
    followup.submit(operator=world.operator_admin, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_small_counts_follow_the_same_suppression_rule(world):
    report = quarter_report(world)
    fill(world.office, date(2026, 8, 3), people=3, events=6)
    publish_figures(2026)
    for state in ("live", "kept"):
        if state == "kept":
            submit(world, report)
        staff = {r.target.measure: r.reading for r in report_figures(report, public=False)}
        public = {r.target.measure: r.reading for r in report_figures(report, public=True)}
        assert staff[Measure.VISITS_PER_WEEK].value == Decimal("0.2"), state
        assert staff[Measure.VISITS_PER_WEEK].basis == 3
        # August's 3 visits are hidden by the statistics: the quarter's rate is too.
        assert public[Measure.VISITS_PER_WEEK].value is None
        assert public[Measure.VISITS_PER_WEEK].flag is Flag.SECONDARY
        assert public[Measure.EVENTS_PER_MONTH].value == staff[Measure.EVENTS_PER_MONTH].value
        # opening hours describe the premises, not people: always shown
        assert public[Measure.HOURS_PER_WEEK].value == staff[Measure.HOURS_PER_WEEK].value
