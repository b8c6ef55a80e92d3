"""The reporting schedule: quarters, years and the final report, and how it follows changes."""

from __future__ import annotations

from datetime import date

import pytest

from publicoffice.commissioning.models import ReportKind, ReportStatus
from publicoffice.commissioning.services.schedule import schedule_reports, slots
from tests.commissioning.conftest import make_commission


def test_two_years_from_march_owe_quarters_years_and_a_final_report():
    found = slots(date(2026, 3, 1), date(2028, 2, 29))
    kinds = [s.kind for s in found]
    assert kinds.count(ReportKind.QUARTERLY) == 6
    assert kinds.count(ReportKind.YEARLY) == 2
    assert kinds[-1] == ReportKind.FINAL
    first = found[0]
    assert (first.start, first.end, first.due) == (
        date(2026, 3, 1),
        date(2026, 3, 31),
        date(2026, 4, 30),
    )
    final = found[-1]
    assert (final.start, final.end, final.due) == (
        date(2026, 3, 1),
        date(2028, 2, 29),
        date(2028, 4, 29),
    )


def test_a_commission_within_one_quarter_owes_only_the_final_report():
    assert [s.kind for s in slots(date(2027, 1, 10), date(2027, 3, 20))] == [ReportKind.FINAL]


@pytest.mark.django_db
def test_shortening_a_commission_drops_reports_to_write_and_keeps_submitted_ones(world):
    commission = make_commission(world)
    reports = list(commission.reports.order_by("due_on"))
    assert len(reports) == len(slots(commission.starts_on, commission.ends_on))
    submitted = reports[-2]
    submitted.status = ReportStatus.SUBMITTED
    submitted.save()
    commission.ends_on = date(2027, 6, 30)
    commission.save()
    after = schedule_reports(commission)
    assert submitted in after
    assert all(r.period_ends <= date(2027, 6, 30) or r.pk == submitted.pk for r in after)
    assert after[-1].kind in (ReportKind.FINAL, submitted.kind)
    assert any(r.kind == ReportKind.FINAL and r.period_ends == date(2027, 6, 30) for r in after)
