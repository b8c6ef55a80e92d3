"""The transparency selectors: which commission, which report, which figures are published."""

from __future__ import annotations

from datetime import date

import pytest

from publicoffice.commissioning.models import (
    Assessment,
    CommissionStatus,
    Party,
    Rating,
    Report,
    ReportAttachment,
    ReportKind,
    ReportStatus,
)
from publicoffice.commissioning.selectors import transparency as selectors
from publicoffice.core.disclosure import Flag
from publicoffice.guidelines.models import Guideline
from publicoffice.reports.models import DayFigure, ScopeKind
from publicoffice.reports.periods import Grain, Period
from tests.commissioning.conftest import (
    make_application,
    make_call,
    make_commission,
    publish_figures,
)

pytestmark = pytest.mark.django_db


def scheduled(commission, kind: str, status: str) -> Report:
    """The 2026 report of that kind (Q3 for quarterly), set to ``status``."""
    report = Report.objects.get(commission=commission, kind=kind, period_starts=date(2026, 7, 1))
    report.status = status
    report.save(update_fields=["status"])
    return report


def test_periods():
    assert selectors.last_whole_quarter(date(2027, 3, 10)) == Period(
        date(2026, 10, 1), date(2026, 12, 31), Grain.QUARTER
    )
    assert selectors.last_whole_quarter(date(2027, 4, 1)).start == date(2027, 1, 1)
    assert selectors.period_of(date(2026, 7, 1), date(2026, 9, 30)).grain is Grain.QUARTER
    assert selectors.period_of(date(2027, 1, 1), date(2027, 12, 31)).grain is Grain.YEAR
    assert selectors.period_of(date(2026, 7, 1), date(2027, 6, 30)).grain is Grain.CUSTOM


def test_commission_of_office_prefers_the_running_one(world):
    assert selectors.commission_of_office(world.office.pk) is None
    assert not selectors.office_has_commission(world.office.pk)
    ended = make_commission(world)
    ended.status = CommissionStatus.ENDED
    ended.save(update_fields=["status"])
    running = make_commission(world)
    assert selectors.office_has_commission(world.office.pk)
    assert selectors.commission_of_office(world.office.pk) == running
    assert set(selectors.commissions_of_offices({world.office.pk})) == {ended, running}
    assert selectors.commissions_of_offices(set()) == []


def test_view_reads_only_accepted_reports_and_public_attachments(world):
    commission = make_commission(world)
    guideline = Guideline.objects.order_by("number")[0]
    accepted = scheduled(commission, ReportKind.QUARTERLY, ReportStatus.ACCEPTED)
    submitted = scheduled(commission, ReportKind.YEARLY, ReportStatus.SUBMITTED)
    for report, rating in ((accepted, Rating.PARTLY), (submitted, Rating.MET)):
        Assessment.objects.create(
            report=report, guideline=guideline, party=Party.OPERATOR, rating=rating
        )
    ReportAttachment.objects.create(
        report=accepted, title="open", file="a", content_type="x", size=1, public=True
    )
    ReportAttachment.objects.create(
        report=accepted, title="closed", file="b", content_type="x", size=1, public=False
    )

    view = selectors.commission_view(commission, today=date(2027, 3, 10))

    assert [p.report for p in view.reports] == [accepted]
    assert view.assessed is not None and view.assessed.report == accepted
    assert [a.title for a in view.reports[0].attachments] == ["open"]
    first = view.guidelines[0]
    assert first.operator is not None and first.operator.rating == Rating.PARTLY
    assert first.municipality is None
    assert all(row.operator is None for row in view.guidelines[1:])
    assert len(view.guidelines) == Guideline.objects.count()
    assert view.period is not None and view.period.start == date(2026, 10, 1)
    assert view.contact_email == ""


def test_targets_hide_small_counts_in_public_only(world):
    commission = make_commission(world)
    DayFigure.objects.create(
        scope=ScopeKind.OFFICE,
        scope_id=world.office.pk,
        day=date(2026, 11, 2),
        metric="visits.people",
        key="",
        value=3,
    )
    period = selectors.last_whole_quarter(date(2027, 3, 10))
    publish_figures(2026)
    public = {
        row.target.measure: row for row in selectors.target_rows(commission, period, public=True)
    }
    exact = {
        row.target.measure: row for row in selectors.target_rows(commission, period, public=False)
    }

    visits = public["visits_per_week"]
    # November's 3 visits are hidden by the statistics, so the quarter's rate is too.
    assert visits.reading is not None and visits.reading.flag is Flag.SECONDARY
    assert visits.reading.value is None and visits.met is None
    exact_visits = exact["visits_per_week"].reading
    assert exact_visits is not None and exact_visits.value is not None
    assert exact["visits_per_week"].met is False
    # Opening hours describe the premises: always shown.
    hours = public["hours_per_week"].reading
    assert hours is not None and hours.flag is Flag.SHOWN
    # Before the commission's first quarter has ended, nothing to compare.
    assert all(row.reading is None for row in selectors.target_rows(commission, None, public=True))


def test_contact_is_the_calls_when_the_commission_came_from_one(world):
    commission = make_commission(world)
    call = make_call(world, contact_email="upphandling@sodertalje.example")
    commission.application = make_application(world, call)
    commission.save(update_fields=["application"])
    found = selectors.commission_of_office(world.office.pk)
    assert found is not None
    view = selectors.commission_view(found, today=date(2026, 8, 1))
    assert view.contact_email == "upphandling@sodertalje.example"
    # The first quarter has not ended: nothing to compare yet.
    assert view.period is None and all(row.reading is None for row in view.targets)
