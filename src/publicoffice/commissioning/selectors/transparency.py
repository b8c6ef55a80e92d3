"""What an office's transparency page and commissioning's panels read.

The transparency page answers, for anyone: who runs this office, under which
commission, what was promised (the targets and the ten guidelines) and how it
is going. Only what is published is read here: the commission itself, its
targets against the figures of the last whole quarter (through the
disclosure rule, ``measures.read(..., public=True)``), and the accepted
reports' public parts. A report that is submitted but not accepted, the
private narrative and private attachments are never selected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from publicoffice.commissioning import measures
from publicoffice.commissioning.models import (
    Assessment,
    Commission,
    CommissionStatus,
    Measure,
    Party,
    Report,
    ReportAttachment,
    ReportStatus,
    Target,
)
from publicoffice.guidelines.models import Guideline
from publicoffice.guidelines.selectors import guideline_list
from publicoffice.reports.periods import Grain, Period


@dataclass(frozen=True)
class TargetRow:
    """One target beside the figure it is tied to; ``met`` None: no figure to compare."""

    target: Target
    reading: measures.Reading | None
    met: bool | None


@dataclass(frozen=True)
class GuidelineRow:
    """One guideline with the two parties' assessments side by side (None: not assessed)."""

    guideline: Guideline
    operator: Assessment | None
    municipality: Assessment | None


@dataclass(frozen=True)
class PublishedReport:
    """An accepted report's public parts: never its private narrative or attachments."""

    report: Report
    period: Period
    attachments: list[ReportAttachment]


@dataclass(frozen=True)
class CommissionView:
    commission: Commission
    period: Period | None
    targets: list[TargetRow]
    guidelines: list[GuidelineRow]
    assessed: PublishedReport | None
    reports: list[PublishedReport]
    contact_email: str


def last_whole_quarter(today: date) -> Period:
    """The latest quarter that has ended by ``today``."""
    return Period.containing(Grain.QUARTER, today).previous()


def period_of(starts: date, ends: date) -> Period:
    """A report's period, named as a quarter or a year when it is one."""
    for grain in (Grain.QUARTER, Grain.YEAR):
        whole = Period.containing(grain, starts)
        if (whole.start, whole.end) == (starts, ends):
            return whole
    return Period(starts, ends)


def office_has_commission(office_id: int) -> bool:
    """One query: whether the office's page links to its transparency page."""
    return Commission.objects.filter(offices__id=office_id).exists()


def _commissions() -> QuerySet[Commission]:
    return Commission.objects.select_related(
        "lead", "municipality", "application__call"
    ).prefetch_related("partners", "targets", "offices")


def commission_of_office(office_id: int) -> Commission | None:
    """The office's commission: a running one first, else the one that started last."""
    found = list(_commissions().filter(offices__id=office_id).distinct())
    found.sort(key=lambda c: (c.status != CommissionStatus.ACTIVE, -c.starts_on.toordinal(), c.pk))
    return found[0] if found else None


def _published_reports(commission: Commission) -> list[PublishedReport]:
    public_attachments = Prefetch(
        "attachments",
        queryset=ReportAttachment.objects.filter(public=True),
        to_attr="public_attachments",
    )
    reports = (
        Report.objects.filter(commission=commission, status=ReportStatus.ACCEPTED)
        .defer("private_narrative", "officer_comment")
        .prefetch_related(public_attachments)
        .order_by("-period_ends", "-reviewed_at", "-pk")
    )
    published = []
    for report in reports:
        report.commission = commission  # its targets are prefetched: no query per report
        period = period_of(report.period_starts, report.period_ends)
        published.append(PublishedReport(report, period, report.public_attachments))
    return published


def guideline_rows(report: Report | None) -> list[GuidelineRow]:
    """The ten guidelines with the report's two assessments of each (both None without one)."""
    found: dict[tuple[int, str], Assessment] = {}
    if report is not None:
        for assessment in Assessment.objects.filter(report=report):
            found[(assessment.guideline_id, assessment.party)] = assessment
    return [
        GuidelineRow(g, found.get((g.pk, Party.OPERATOR)), found.get((g.pk, Party.MUNICIPALITY)))
        for g in guideline_list()
    ]


def target_rows(commission: Commission, period: Period | None, *, public: bool) -> list[TargetRow]:
    """Each target against the reading of ``period`` (no readings without a period)."""
    targets = list(commission.targets.all())
    readings: dict[Measure, measures.Reading] = {}
    if period is not None and targets:
        office_ids = [office.pk for office in commission.offices.all()]
        readings = measures.read(office_ids, period, public=public)
    rows = []
    for target in targets:
        reading = readings.get(Measure(target.measure))
        rows.append(TargetRow(target, reading, measures.is_met(target, reading)))
    return rows


def _contact_email(commission: Commission) -> str:
    application = commission.application
    return application.call.contact_email if application is not None else ""


def commission_view(commission: Commission, *, today: date) -> CommissionView:
    """Everything the transparency page shows of one commission, published parts only."""
    quarter = last_whole_quarter(today)
    period = quarter if quarter.end >= commission.starts_on else None
    reports = _published_reports(commission)
    assessed = reports[0] if reports else None
    return CommissionView(
        commission=commission,
        period=period,
        targets=target_rows(commission, period, public=True),
        guidelines=guideline_rows(assessed.report if assessed else None),
        assessed=assessed,
        reports=reports,
        contact_email=_contact_email(commission),
    )


def commissions_of_offices(office_ids: Iterable[int]) -> list[Commission]:
    """The commissions any of these offices is in (the dashboard panel's rows)."""
    ids = set(office_ids)
    if not ids:
        return []
    return list(_commissions().filter(offices__id__in=ids).distinct())
