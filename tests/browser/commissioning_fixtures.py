"""The world the commissioning browser tests read: a call at every stage in Södertälje.

* an **open call** (deadline a month ahead) with a draft application of Ronna's
  operator: its planned office, plans and a co-applicant still to confirm;
* a **call under review** (deadline passed) with Fittja's submitted
  application, one reviewer who declared no conflict and scored (one comment
  shared), and another who has not declared yet; and Ronna's, about which
  the officer asked a question not answered yet (its reviewer has not declared);
* a **decided call**: Ronna's application approved with conditions, so a
  commission runs the office made from its planned office, with a visits
  target besides the decision's own; its first quarterly report is accepted
  (both parties assessed every guideline), the next one submitted, the rest due.
  Day figures in 2025 give the reports and the transparency page numbers.
  Geneta's office runs under no commission (the transparency page's short form).

The live server runs on the real clock, so the open call's dates are counted
from today; the decided call lies in 2025 and 2026, wholly in the past.
The ten guidelines come from their data migrations, which the flush of a
browser test (``transactional_db``) removes: they are loaded again here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from importlib import import_module
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.utils import timezone

from publicoffice.accounts.models import Role
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallCriterion,
    CallGuideline,
    CallStatus,
    CoApplicant,
    Commission,
    GuidelinePlan,
    InfoRequest,
    PlannedOffice,
    Report,
    ReportStatus,
    Reviewer,
    Score,
    Target,
)
from publicoffice.commissioning.services import decisions, followup, info_requests
from publicoffice.commissioning.services.followup import GuidelineView
from publicoffice.guidelines.models import Guideline
from publicoffice.places.models import District, Municipality, Office, Operator
from publicoffice.reports.models import DayFigure, ScopeKind
from publicoffice.staff.services import role_assign
from tests.dialogue.factories import officer_of, operator_admin_of, person
from tests.factories import DistrictFactory, MunicipalityFactory, OfficeFactory, OperatorFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
#: The decided call: its deadline, and the commission's period (two years from April 2025).
DECIDED_DEADLINE = datetime(2025, 2, 28, 12, 0, tzinfo=STOCKHOLM)
PERIOD_STARTS, PERIOD_ENDS = date(2025, 4, 1), date(2027, 3, 31)
#: What the accepted report says in public, and the officer's words on a guideline.
ACCEPTED_NARRATIVE = "Kontoret har haft öppet fem dagar i veckan hela kvartalet."
MUNICIPALITY_EVIDENCE = "Besök på plats i maj."
#: Visits and opening minutes each week day of 2025's second and third quarters.
DAILY_PEOPLE, DAILY_OPEN_MINUTES = 12, 8 * 60


def load_guidelines() -> None:
    """The ten guidelines in six languages, as the data migrations write them."""
    import_module("publicoffice.guidelines.migrations.0002_the_ten_guidelines").load(apps, None)
    import_module("publicoffice.guidelines.migrations.0004_the_ten_guidelines_fa_so_ti").fill_in(
        apps, None
    )


def reviewer_of(municipality: Municipality, name: str) -> Any:
    user = person(name)
    role_assign(user=user, role=Role.MUNICIPAL_REVIEWER, municipality=municipality)
    return user


def make_call(municipality: Municipality, district: District, officer: Any, **fields: Any) -> Call:
    """A call with the ten guidelines as its rubric (1–3 weigh 2) and one criterion."""
    values: dict[str, Any] = {
        "municipality": municipality,
        "status": CallStatus.OPEN,
        "title": "Allmänt kontor i Ronna",
        "summary": "Ett allmänt kontor nära hemmet för dem som bor i Ronna.",
        "offices_wanted": 2,
        "min_hours_per_week": 30,
        "target_groups": "Unga vuxna och föräldralediga.",
        "criteria": "Samarbete med biblioteket.",
        "budget_sek": 1_200_000,
        "contact_email": "upphandling@example.se",
        "published_at": timezone.now() - timedelta(days=10),
        "created_by": officer,
    }
    values.update(fields)
    call = Call.objects.create(**values)
    call.districts.add(district)
    for guideline in Guideline.objects.all():
        CallGuideline.objects.create(
            call=call,
            guideline=guideline,
            weight=2 if guideline.number <= 3 else 1,
            good_answer="Konkreta steg och vem som ansvarar.",
        )
    CallCriterion.objects.create(
        call=call, title="Samarbete", description="Med biblioteket.", weight=1, position=1
    )
    return call


def make_application(
    call: Call, lead: Operator, admin: Any, district: District, *, status: str
) -> Application:
    """A complete application with one planned office and every plan written."""
    submitted = status != ApplicationStatus.DRAFT
    application = Application.objects.create(
        call=call,
        lead=lead,
        status=status,
        title=f"{lead.name} arbetsplats",
        residents="Många unga vuxna och familjer; många pendlar långt.",
        existing="Ett bibliotek och en fritidsgård.",
        missing="En lugn plats att arbeta nära hemmet.",
        staffing="Två värdar på halvtid.",
        partnerships="Biblioteket och bostadsbolaget.",
        budget="Hyra 300 000 kr om året, värdar 500 000 kr.",
        private_sections=["budget"],
        budget_sek=800_000,
        contact_email="ansokan@example.se",
        created_by=admin,
        submitted_at=call.deadline - timedelta(days=2) if submitted else None,
        submitted_by=admin if submitted else None,
        receipt=f"{call.pk}-{lead.pk}" if submitted else "",
    )
    PlannedOffice.objects.create(
        application=application,
        name=f"{lead.name} kontor",
        district=district,
        street_address="Ronnavägen 10",
        postal_code="15161",
        city="Södertälje",
        latitude=Decimal("59.2010"),
        longitude=Decimal("17.6020"),
        opening_hours="Måndag–fredag 9–17",
        hours_per_week=40,
        capacity=30,
    )
    for guideline in Guideline.objects.all():
        GuidelinePlan.objects.create(
            application=application,
            guideline=guideline,
            commitment="Vi lovar att följa riktlinjen.",
            plan="Så här gör vi det.",
        )
    return application


def put_figures(office: Office, start: date, end: date) -> None:
    """People and opening minutes on every week day from ``start`` to ``end``."""
    rows = []
    day = start
    while day <= end:
        if day.weekday() < 5:
            rows.append((day, "visits.people", "qr", DAILY_PEOPLE))
            rows.append((day, "hours.open_minutes", "", DAILY_OPEN_MINUTES))
        day += timedelta(days=1)
    DayFigure.objects.bulk_create(
        DayFigure(scope=ScopeKind.OFFICE, scope_id=office.pk, day=d, metric=m, key=k, value=v)
        for d, m, k, v in rows
    )


def every_guideline(rating: str, evidence: str) -> dict[int, GuidelineView]:
    return {g.pk: GuidelineView(rating, evidence, "") for g in Guideline.objects.all()}


@dataclass(frozen=True)
class CommissioningWorld:
    municipality: Municipality
    district: District
    officer: Any
    reviewer: Any  # declared no conflict, scored
    second_reviewer: Any  # assigned, not declared yet
    operator: Operator  # Ronna's: the draft, the commission
    admin: Any
    other_operator: Operator  # Fittja's: the application under review
    other_admin: Any
    open_call: Call
    draft: Application
    review_call: Call
    submitted: Application
    review: Reviewer
    undeclared: Reviewer  # the same reviewer's assignment to Ronna's, not declared yet
    info_request: InfoRequest  # the officer's question to Ronna's admin, not answered
    decided_call: Call
    commission: Commission
    office: Office  # made from the approved application's planned office
    plain_office: Office  # runs under no commission
    accepted: Report
    submitted_report: Report
    due: Report


def _scored(application: Application, reviewer: Any, officer: Any) -> Reviewer:
    row = Reviewer.objects.create(
        application=application,
        user=reviewer,
        assigned_by=officer,
        has_conflict=False,
        declared_at=timezone.now(),
    )
    for line in application.call.rubric.all():
        Score.objects.create(
            reviewer=row,
            guideline=line.guideline,
            value=4 if line.guideline.number % 2 else 3,
            comment="Bra plan." if line.guideline.number == 1 else "",
            shared=line.guideline.number == 1,
        )
    return row


def _commission(world: dict[str, Any]) -> tuple[Commission, list[Report]]:
    """Decide Ronna's application on the decided call; its first two reports handed in."""
    call = make_call(
        world["municipality"],
        world["district"],
        world["officer"],
        title="Kontor i Hovsjö",
        status=CallStatus.REVIEW,
        deadline=DECIDED_DEADLINE,
        period_starts=PERIOD_STARTS,
        period_ends=PERIOD_ENDS,
        published_at=DECIDED_DEADLINE - timedelta(days=40),
    )
    application = make_application(
        call, world["operator"], world["admin"], world["district"], status="submitted"
    )
    decisions.decide(
        officer=world["officer"],
        application=application,
        outcome="approved",
        reasons="En genomarbetad ansökan med tydliga mål.",
        conditions="Öppet minst 30 timmar i veckan.",
        private_notes="Budgeten följs upp särskilt.",
        funding_sek=700_000,
        now=DECIDED_DEADLINE + timedelta(days=10),
    )
    commission = Commission.objects.get(application=application)
    Target.objects.create(
        commission=commission, measure="visits_per_week", direction="at_least", value=50
    )
    office = commission.offices.get()
    put_figures(office, date(2025, 1, 1), date(2025, 9, 30))
    reports = list(commission.reports.order_by("due_on", "pk"))
    first, second = reports[0], reports[1]
    for report, narrative in ((first, ACCEPTED_NARRATIVE), (second, "Ett lugnt kvartal.")):
        followup.save_and_submit(
            operator=world["admin"],
            report=report,
            narrative=narrative,
            private_narrative="En värd var sjuk i två veckor.",
            views=every_guideline("met", "Vi har gjort det vi lovade."),
        )
    followup.assess(
        officer=world["officer"],
        report=first,
        views=every_guideline("partly", MUNICIPALITY_EVIDENCE),
        comment="Tack för rapporten.",
        accept=True,
    )
    return commission, [Report.objects.get(pk=r.pk) for r in reports]


@pytest.fixture
def commissioning_world(transactional_db: None) -> CommissioningWorld:
    load_guidelines()
    soder: Any = MunicipalityFactory(code="0181", name="Södertälje")
    district: Any = DistrictFactory(municipality=soder, name="Ronna")
    operator: Any = OperatorFactory(name="Ronna föreningsråd")
    other: Any = OperatorFactory(name="Fittja arbetsplats")
    people: dict[str, Any] = {
        "municipality": soder,
        "district": district,
        "officer": officer_of(soder, "Sanna"),
        "operator": operator,
        "admin": operator_admin_of(operator, "Karim"),
    }
    today = timezone.localdate()
    open_call = make_call(
        soder,
        district,
        people["officer"],
        deadline=datetime.combine(today + timedelta(days=30), time(12), tzinfo=STOCKHOLM),
        period_starts=today + timedelta(days=120),
        period_ends=today + timedelta(days=120 + 730),
    )
    draft = make_application(open_call, operator, people["admin"], district, status="draft")
    # Karim also runs a second association, still free to apply: the apply page shows its form.
    role_assign(
        user=people["admin"],
        role=Role.OPERATOR_ADMIN,
        operator=OperatorFactory(name="Ronna läxhjälp"),
    )
    CoApplicant.objects.create(application=draft, operator=other, role="Värdar på lördagar")
    review_call = make_call(
        soder,
        district,
        people["officer"],
        title="Kontor i Geneta",
        status=CallStatus.REVIEW,
        deadline=timezone.now() - timedelta(days=3),
        period_starts=today + timedelta(days=90),
        period_ends=today + timedelta(days=90 + 730),
    )
    other_admin = operator_admin_of(other, "Fatima")
    submitted = make_application(review_call, other, other_admin, district, status="submitted")
    reviewer, second = reviewer_of(soder, "Rasmus"), reviewer_of(soder, "Ronja")
    review = _scored(submitted, reviewer, people["officer"])
    Reviewer.objects.create(application=submitted, user=second, assigned_by=people["officer"])
    asked = make_application(review_call, operator, people["admin"], district, status="submitted")
    undeclared = Reviewer.objects.create(
        application=asked, user=reviewer, assigned_by=people["officer"]
    )
    info_request = info_requests.ask(
        officer=people["officer"],
        application=asked,
        question="Hur många timmar i veckan är värdarna på plats?",
    )
    commission, reports = _commission(people)
    plain_office: Any = OfficeFactory(slug="geneta", municipality=soder, operator=other)
    return CommissioningWorld(
        **people,
        reviewer=reviewer,
        second_reviewer=second,
        other_operator=other,
        other_admin=other_admin,
        open_call=open_call,
        draft=draft,
        review_call=review_call,
        submitted=submitted,
        review=review,
        undeclared=undeclared,
        info_request=info_request,
        decided_call=commission.application.call,  # type: ignore[union-attr]
        commission=commission,
        office=commission.offices.get(),
        plain_office=plain_office,
        accepted=reports[0],
        submitted_report=reports[1],
        due=next(r for r in reports if r.status == ReportStatus.DUE),
    )
