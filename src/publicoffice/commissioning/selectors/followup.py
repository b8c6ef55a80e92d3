"""Reading follow-up reports: who sees which, their state in words, and their figures.

A report's figures are read live while the operator writes it (so it shows
what the platform measured, not what anyone typed) and from the snapshot
kept at submission afterwards, so an accepted report never changes.
:func:`report_figures` is the one place both are turned into rows, for the
staff pages and (``public=True``) the transparency page alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import Role, User
from publicoffice.commissioning import measures, policies
from publicoffice.commissioning.measures import Reading
from publicoffice.commissioning.models import (
    Assessment,
    Commission,
    Measure,
    Party,
    Report,
    ReportAttachment,
    ReportStatus,
    Target,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.guidelines.models import Guideline
from publicoffice.reports.periods import Grain, Period

EDITABLE = (ReportStatus.DUE, ReportStatus.CHANGES_REQUESTED)
#: How many days before the due date "due soon" starts (and the first reminder goes).
SOON_DAYS = 7


class State(StrEnum):
    """Where a report stands, as the table's filter names it; in the order shown."""

    VERY_LATE = "very_late"
    OVERDUE = "overdue"
    DUE = "due"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"


STATE_LABELS = {
    State.VERY_LATE: _("Very late"),
    State.OVERDUE: _("Overdue"),
    State.DUE: _("Due"),
    State.SUBMITTED: _("Submitted"),
    State.ACCEPTED: _("Accepted"),
}
ORDER = {state: n for n, state in enumerate(State)}


def state_of(report: Report, today: date) -> State:
    if report.status == ReportStatus.ACCEPTED:
        return State.ACCEPTED
    if report.status == ReportStatus.SUBMITTED:
        return State.SUBMITTED
    late = (today - report.due_on).days
    if late > settings.COMMISSIONING_VERY_LATE_DAYS:
        return State.VERY_LATE
    return State.OVERDUE if late > 0 else State.DUE


def state_words(report: Report, today: date) -> str:
    """ "due in 5 days", "overdue by 3 days", "very late", "submitted", "accepted"."""
    state = state_of(report, today)
    days = abs((today - report.due_on).days)
    if state is State.DUE:
        if days == 0:
            return str(_("due today"))
        return ngettext("due in %(n)s day", "due in %(n)s days", days) % {"n": days}
    if state is State.OVERDUE:
        return ngettext("overdue by %(n)s day", "overdue by %(n)s days", days) % {"n": days}
    words = {
        State.VERY_LATE: _("very late"),
        State.SUBMITTED: _("submitted"),
        State.ACCEPTED: _("accepted"),
    }
    return str(words[state])


@dataclass(frozen=True)
class ReportRow:
    report: Report
    state: State
    words: str


def _visible_reports(user: AnyUser) -> QuerySet[Report]:
    """The reports of the officer's municipalities' or the operator's commissions."""
    reports = Report.objects.select_related("commission")
    municipalities = policies.officer_municipalities(user)
    if municipalities is None:
        return reports
    operators = policies.operator_ids(user)
    return reports.filter(
        Q(commission__municipality_id__in=municipalities)
        | Q(commission__lead_id__in=operators)
        | Q(commission__partners__in=operators)
    ).distinct()


def reports_due(user: AnyUser, *, today: date, state: str = "") -> list[ReportRow]:
    """The table: very late and overdue first, then by due date; one query."""
    rows = [
        ReportRow(r, state_of(r, today), state_words(r, today))
        for r in _visible_reports(user).order_by("due_on", "pk")
    ]
    if state in {s.value for s in State}:
        rows = [row for row in rows if row.state == state]
    return sorted(rows, key=lambda row: ORDER[row.state])


def sees_reports(user: AnyUser) -> bool:
    return policies.is_some_officer(user) or bool(policies.operator_ids(user))


def _reports() -> QuerySet[Report]:
    return Report.objects.select_related(
        "commission", "submitted_by", "reviewed_by"
    ).prefetch_related(
        "commission__partners",
        Prefetch("commission__targets", queryset=Target.objects.order_by("measure")),
        Prefetch("assessments", queryset=Assessment.objects.select_related("guideline")),
        "attachments",
    )


def report_inside(user: AnyUser, pk: int) -> Report:
    """A report for the commission's operators and officers; 404 for everyone else."""
    report = _reports().filter(pk=pk).first()
    if report is None or not policies.can_see_commission_inside(user, report.commission):
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_FOUND)
    return report


def attachment_for(user: AnyUser, report_pk: int, pk: int) -> ReportAttachment:
    """A public attachment of an accepted report, or any to those inside; 404 otherwise."""
    attachment = (
        ReportAttachment.objects.select_related("report__commission")
        .filter(pk=pk, report_id=report_pk)
        .first()
    )
    if attachment is None:
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_FOUND)
    report = attachment.report
    if attachment.public and policies.report_is_public(report):
        return attachment
    if not policies.can_see_commission_inside(user, report.commission):
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_FOUND)
    return attachment


def guidelines() -> list[Guideline]:
    return list(Guideline.objects.order_by("number"))


def assessments_by_guideline(report: Report) -> dict[int, dict[str, Assessment]]:
    """guideline id → party → assessment (from the prefetched rows)."""
    found: dict[int, dict[str, Assessment]] = {}
    for assessment in report.assessments.all():
        found.setdefault(assessment.guideline_id, {})[assessment.party] = assessment
    return found


@dataclass(frozen=True)
class GuidelineRow:
    guideline: Guideline
    operator: Assessment | None
    municipality: Assessment | None


def guideline_rows(report: Report) -> list[GuidelineRow]:
    found = assessments_by_guideline(report)
    return [
        GuidelineRow(
            g, found.get(g.pk, {}).get(Party.OPERATOR), found.get(g.pk, {}).get(Party.MUNICIPALITY)
        )
        for g in guidelines()
    ]


# -- figures ----------------------------------------------------------------------


def report_period(report: Report) -> Period:
    """The report's period; a whole quarter or year keeps its grain, so "previous" is
    the quarter or year before rather than the same number of days."""
    for grain in (Grain.QUARTER, Grain.YEAR):
        whole = Period.containing(grain, report.period_starts)
        if (whole.start, whole.end) == (report.period_starts, report.period_ends):
            return whole
    return Period(report.period_starts, report.period_ends)


def office_ids_of(commission: Commission) -> list[int]:
    return list(commission.offices.values_list("pk", flat=True))


def live_readings(report: Report) -> dict[str, dict[Measure, Reading]]:
    """The staff's readings now: the period, the one before and a year earlier."""
    ids = office_ids_of(report.commission)
    period = report_period(report)
    return {
        "period": measures.read(ids, period, public=False),
        "previous": measures.read(ids, period.previous(), public=False),
        "year_before": measures.read(ids, period.year_before(), public=False),
    }


def snapshot(readings: Mapping[str, Mapping[Measure, Reading]]) -> dict[str, object]:
    """``{measure: reading.as_json()}`` for the period, each with its trend readings
    under ``previous`` and ``year_before`` (what ``Report.figures`` keeps)."""
    return {
        str(measure): {
            **reading.as_json(),
            "previous": readings["previous"][measure].as_json(),
            "year_before": readings["year_before"][measure].as_json(),
        }
        for measure, reading in readings["period"].items()
    }


def snapshot_readings(figures: Mapping[str, object]) -> dict[str, dict[Measure, Reading]]:
    """The readings kept in ``Report.figures``, in :func:`live_readings`' shape."""
    found: dict[str, dict[Measure, Reading]] = {"period": {}, "previous": {}, "year_before": {}}
    for data in figures.values():
        if not isinstance(data, dict):
            continue
        reading = Reading.from_json(data)
        found["period"][reading.measure] = reading
        for when in ("previous", "year_before"):
            if isinstance(data.get(when), dict):
                found[when][reading.measure] = Reading.from_json(data[when])
    return found


@dataclass(frozen=True)
class FigureRow:
    target: Target
    reading: Reading | None
    previous: Reading | None
    year_before: Reading | None
    met: bool | None


def report_figures(report: Report, *, public: bool) -> list[FigureRow]:
    """Each target with its reading, the trend and whether it is met.

    Live while the report is written, the snapshot once submitted; ``public``
    shows only what may be published (``measures.publishable``).
    """
    if report.status in EDITABLE:
        readings = live_readings(report)
    else:
        readings = snapshot_readings(report.figures or {})
    if public:
        ids, period = office_ids_of(report.commission), report_period(report)
        periods = {
            "period": period,
            "previous": period.previous(),
            "year_before": period.year_before(),
        }
        readings = {
            when: measures.publishable(found, ids, periods[when])
            for when, found in readings.items()
        }
    rows = []
    for target in report.commission.targets.all():
        reading = readings["period"].get(Measure(target.measure))
        rows.append(
            FigureRow(
                target,
                reading,
                readings["previous"].get(Measure(target.measure)),
                readings["year_before"].get(Measure(target.measure)),
                measures.is_met(target, reading),
            )
        )
    return rows


# -- who hears what ---------------------------------------------------------------


def operator_admins_of(commission: Commission) -> list[User]:
    """The admins of the commission's lead and partners, with an address."""
    operators = policies.commission_operator_ids(commission)
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.OPERATOR_ADMIN,
            role_assignments__operator_id__in=operators,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def officers_of(commission: Commission) -> list[User]:
    """The municipality's officers, with an address."""
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.MUNICIPAL_OFFICER,
            role_assignments__municipality_id=commission.municipality_id,
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def report_by_id(pk: int) -> Report | None:
    return Report.objects.select_related("commission").filter(pk=pk).first()


def reports_to_remind(today: date) -> dict[str, list[int]]:
    """Reports owed a reminder today, by kind: ``soon``, ``overdue``, ``very_late``.

    Each kind goes once: ``reminded_on`` says when the last one went, so a
    day the sweep missed is caught up the next day and none goes twice.
    """
    very_late = settings.COMMISSIONING_VERY_LATE_DAYS
    found: dict[str, list[int]] = {"soon": [], "overdue": [], "very_late": []}
    rows = Report.objects.filter(status__in=EDITABLE, due_on__lte=today + timedelta(SOON_DAYS))
    for pk, due, reminded in rows.values_list("pk", "due_on", "reminded_on").order_by("pk"):
        if reminded == today:
            continue
        if today > due + timedelta(very_late):
            if reminded is None or reminded <= due + timedelta(very_late):
                found["very_late"].append(pk)
        elif today > due:
            if reminded is None or reminded <= due:
                found["overdue"].append(pk)
        elif reminded is None or reminded < due - timedelta(SOON_DAYS):
            found["soon"].append(pk)
    return found
