"""The running commissions of the commissioning story, with their targets and reports.

* **Hovsjö** (Södertälje), made from the decided call's approved
  application: Hovsjö Kvartersförening leads, Ronna Områdesföretag is a
  partner. Every report whose period has ended is accepted, except the
  latest, submitted and waiting for the officer.
* **Fittja** (Botkyrka), entered for an office that ran before the
  platform (no application), with one amendment: every report due before
  today is accepted, except the latest, still to write and overdue.

Played through the commissioning services with ``now=`` set to when each
step happened: :func:`~publicoffice.commissioning.services.commissions.create_commission`
(targets and the report schedule), ``amend_commission``, and the follow-up's
``save_and_submit`` and ``assess``, so each submitted report keeps its
figures as :mod:`publicoffice.commissioning.measures` reads them from the
history's report figures, as the live pages do. It runs after the history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from publicoffice.commissioning.models import (
    Application,
    Commission,
    CommissionStatus,
    Measure,
    Report,
)
from publicoffice.commissioning.services import followup
from publicoffice.commissioning.services.commissions import (
    TargetSpec,
    amend_commission,
    create_commission,
)
from publicoffice.demo import commissioning_followup_texts as texts
from publicoffice.demo import history_shapes
from publicoffice.demo.commissioning_call import (
    FITTJA_OPERATOR,
    RONNA_OPERATOR,
    Story,
    years_later,
)
from publicoffice.demo.commissioning_followup_texts import Assessments
from publicoffice.reports.periods import Grain, Period

#: Days before the due day a report is submitted, and after submission it is accepted.
SUBMITTED_EARLY, REVIEWED_AFTER = 4, 9


def targets(rows: list[tuple[str, str, str]]) -> dict[Measure, TargetSpec]:
    return {Measure(m): (direction, Decimal(value)) for m, direction, value in rows}


def hovsjo_commission(story: Story, approved: Application) -> Commission:
    """The commission the approved application became, for the office it planned."""
    call = approved.call
    commission = create_commission(
        municipality=call.municipality,
        lead=approved.lead,
        title=call.title,
        offices=[story.offices["hovsjo"]],
        partners=[story.operators[RONNA_OPERATOR]],
        starts_on=call.period_starts,
        ends_on=call.period_ends,
        funding_sek=approved.budget_sek,
        conditions=approved.decision.conditions,
        targets=targets(texts.HOVSJO_TARGETS),
        application_id=approved.pk,
    )
    story.result.counts["commissions"] += 1
    return commission


def fittja_commission(story: Story) -> Commission:
    """Fittja's commission, entered as it ran before the platform, and its one amendment.

    It starts with the first quarter the history covers, so every report reads a whole period.
    """
    first = history_shapes.first_day(story.today)
    starts = Period.containing(Grain.QUARTER, first - timedelta(days=1)).end + timedelta(days=1)
    ends = years_later(starts, 3)
    commission = create_commission(
        municipality=story.offices["fittja"].municipality,
        lead=story.operators[FITTJA_OPERATOR],
        title=texts.FITTJA_TITLE.format(first=starts.year, last=ends.year),
        offices=[story.offices["fittja"], story.offices["hallunda"]],
        starts_on=starts,
        ends_on=ends,
        funding_sek=texts.FITTJA_FUNDING - texts.FITTJA_MORE_FUNDING,
        conditions=texts.FITTJA_CONDITIONS,
        targets=targets(texts.FITTJA_TARGETS),
    )
    amend_commission(
        officer=story.people["officer.botkyrka"],
        commission=commission,
        reason=texts.FITTJA_AMENDMENT,
        starts_on=starts,
        ends_on=ends,
        funding_sek=texts.FITTJA_FUNDING,
        conditions=texts.FITTJA_CONDITIONS,
        status=CommissionStatus.ACTIVE,
        now=story.at(starts + timedelta(days=100), 11),
    )
    story.result.counts["commissions"] += 1
    story.result.counts["amendments"] += 1
    commission.refresh_from_db()
    return commission


def views(story: Story, rows: Assessments) -> dict[int, followup.GuidelineView]:
    return {
        guideline.pk: followup.GuidelineView(rating, evidence, actions)
        for guideline, (rating, evidence, actions) in zip(story.guidelines, rows, strict=True)
    }


@dataclass(frozen=True)
class Written:
    """What the operator writes in one report."""

    narrative: str
    private: str
    operator: Assessments


def submit(story: Story, report: Report, written: Written, who: str) -> datetime:
    """The operator's narrative and self-assessment, a few days before the due day; the
    service keeps the figures as they are."""
    day = max(report.period_ends + timedelta(days=1), report.due_on - timedelta(SUBMITTED_EARLY))
    submitted_at = story.at(min(day, story.today - timedelta(days=2)), 15)
    followup.save_and_submit(
        operator=story.people[who],
        report=report,
        narrative=written.narrative,
        private_narrative=written.private,
        views=views(story, written.operator),
        now=submitted_at,
    )
    story.result.counts["reports submitted"] += 1
    return submitted_at


def accept(story: Story, report: Report, at: datetime, rows: Assessments, comment: str) -> None:
    """The officer's own view of every guideline, and the report accepted."""
    day = min(at.date() + timedelta(days=REVIEWED_AFTER), story.today - timedelta(days=1))
    officer = report.commission.municipality.code == "0181"
    followup.assess(
        officer=story.people["officer.sodertalje" if officer else "officer.botkyrka"],
        report=report,
        views=views(story, rows),
        comment=comment,
        accept=True,
        now=story.at(day, 10),
    )
    story.result.counts["reports accepted"] += 1


def hovsjo_reports(story: Story, commission: Commission) -> None:
    """Accepted up to the latest report whose period has ended; that one waits for the officer."""
    ended = [r for r in commission.reports.order_by("due_on") if r.period_ends < story.today]
    for number, report in enumerate(ended):
        operator, municipality = list(texts.HOVSJO_OPERATOR), list(texts.HOVSJO_MUNICIPALITY)
        if number:
            operator[5], municipality[5] = texts.HOVSJO_LATER
        last = number == len(ended) - 1
        written = Written(
            texts.HOVSJO_SUBMITTED
            if last
            else texts.HOVSJO_NARRATIVES[number % len(texts.HOVSJO_NARRATIVES)],
            "" if number else texts.HOVSJO_PRIVATE,
            operator,
        )
        at = submit(story, report, written, "operator.hovsjo")
        if not last:
            comment = texts.HOVSJO_COMMENTS[number % len(texts.HOVSJO_COMMENTS)]
            accept(story, report, at, municipality, comment)


def fittja_reports(story: Story, commission: Commission) -> None:
    """Accepted up to the latest report due before today, which is still to write: overdue."""
    due = [r for r in commission.reports.order_by("due_on") if r.due_on < story.today]
    for number, report in enumerate(due[:-1]):
        written = Written(
            texts.FITTJA_NARRATIVES[number % len(texts.FITTJA_NARRATIVES)],
            "" if number else texts.FITTJA_PRIVATE,
            texts.FITTJA_OPERATOR,
        )
        at = submit(story, report, written, "operator.fittja")
        comment = texts.FITTJA_COMMENTS[number % len(texts.FITTJA_COMMENTS)]
        accept(story, report, at, texts.FITTJA_MUNICIPALITY, comment)
    story.result.counts["reports overdue"] += len(due[-1:])


def load_commissions(story: Story, approved: Application) -> list[Commission]:
    hovsjo = hovsjo_commission(story, approved)
    hovsjo_reports(story, hovsjo)
    fittja = fittja_commission(story)
    fittja_reports(story, fittja)
    return [hovsjo, fittja]
