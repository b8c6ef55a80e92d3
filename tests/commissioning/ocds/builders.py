"""A whole commissioning process for the open-data tests, with private texts to look for.

Every private text carries the word ``PRIVAT`` and a number, so a test can
search the published bytes for the word and be sure none of them leaked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from jsonschema import Draft202012Validator

from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    CoApplicant,
    Commission,
    Decision,
    Outcome,
    Report,
    ReportAttachment,
    ReportKind,
    ReportStatus,
    Score,
)
from publicoffice.guidelines.models import Guideline
from tests.commissioning.conftest import NOW, World, assign, make_application, make_call
from tests.commissioning.conftest import make_commission as make_running_commission
from tests.factories import OperatorFactory

SCHEMA = json.loads((Path(__file__).parent / "release_schema_1_1.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA)
SECRET = "PRIVAT"
#: People's addresses that must never be published.
EMAILS = ("ansokan@example.se", "kontakt@sodertalje.example", "privat@example.se")


def errors(release: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in VALIDATOR.iter_errors(release)]


@dataclass
class Process:
    call: Call
    approved: Application
    declined: Application
    decision: Decision
    commission: Commission
    accepted: Report
    co_applicant_name: str


def decide(application: Application, outcome: str, by) -> Decision:
    application.status = (
        ApplicationStatus.APPROVED if outcome == Outcome.APPROVED else ApplicationStatus.DECLINED
    )
    application.save(update_fields=["status"])
    return Decision.objects.create(
        application=application,
        outcome=outcome,
        reasons=f"Skäl för beslutet om {application.title}.",
        conditions="Öppet på kvällar.",
        private_notes=f"{SECRET}-1 interna anteckningar",
        decided_by=by,
        decided_at=NOW - timedelta(days=200),
    )


def make_process(world: World) -> Process:
    """A decided call: one approved application (now a commission with reports), one declined."""
    call = make_call(
        world,
        status=CallStatus.DECIDED,
        contact_email=EMAILS[1],
        deadline=NOW - timedelta(days=300),
        published_at=NOW - timedelta(days=360),
    )
    approved = make_application(world, call, status=ApplicationStatus.SUBMITTED)
    approved.staffing = f"{SECRET}-2 löner per person"
    approved.private_sections = ["staffing"]
    approved.save()
    partner = OperatorFactory(name="Ronna bibliotekets vänner", organisation_number="556012-5790")
    CoApplicant.objects.create(application=approved, operator=partner, confirmed_at=NOW)
    CoApplicant.objects.create(application=approved, operator=OperatorFactory(name="Obekräftad"))
    declined = make_application(
        world, call, lead=world.other_operator, status=ApplicationStatus.SUBMITTED
    )
    declined.contact_email = EMAILS[2]
    declined.save()
    reviewer = assign(approved, world.reviewer)
    Score.objects.create(
        reviewer=reviewer,
        guideline=Guideline.objects.order_by("number").first(),
        value=4,
        comment=f"{SECRET}-3 min bedömning",
    )
    decision = decide(approved, Outcome.APPROVED, world.officer)
    decide(declined, Outcome.DECLINED, world.officer)
    commission = make_running_commission(world)
    commission.application = approved
    commission.save()
    commission.partners.add(partner)
    accepted = Report.objects.get(
        commission=commission, kind=ReportKind.QUARTERLY, period_starts=date(2026, 7, 1)
    )
    accepted.status = ReportStatus.ACCEPTED
    accepted.narrative = "Vi hade öppet varje vardag."
    accepted.private_narrative = f"{SECRET}-4 om en besökare"
    accepted.submitted_at = accepted.reviewed_at = NOW - timedelta(days=100)
    accepted.officer_comment = "Bra."
    accepted.save()
    for public, title in ((True, "Besöksstatistik"), (False, f"{SECRET}-5 avtal")):
        ReportAttachment.objects.create(
            report=accepted,
            title=title,
            file="x.pdf",
            content_type="application/pdf",
            size=10,
            public=public,
        )
    return Process(call, approved, declined, decision, commission, accepted, partner.name)
