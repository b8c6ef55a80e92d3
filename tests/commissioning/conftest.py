"""Fixtures of commissioning: one municipality's people and a call at each stage.

Built straight from the models, so every stage's tests start from the
same small world: Södertälje (its officer, a reviewer, a reviewer with a
conflict) and Botkyrka (an officer who must be refused in Södertälje);
two operators (each with its admin) and a stranger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallGuideline,
    CallStatus,
    Commission,
    GuidelinePlan,
    PlannedOffice,
    Reviewer,
    Target,
)
from publicoffice.commissioning.services.schedule import schedule_reports
from publicoffice.guidelines.models import Guideline
from publicoffice.places.models import District, Municipality, Office, Operator
from publicoffice.reports.publication import publish
from tests.factories import (
    DistrictFactory,
    MunicipalityFactory,
    OfficeFactory,
    OperatorFactory,
    UserFactory,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2027, 3, 10, 10, 0, tzinfo=STOCKHOLM)


def user_with(role: str, **scope: object) -> User:
    user = UserFactory()
    RoleAssignment.objects.create(user=user, role=role, **scope)
    return user


@dataclass
class World:
    municipality: Municipality
    other_municipality: Municipality
    district: District
    officer: User
    other_officer: User
    reviewer: User
    second_reviewer: User
    operator: Operator
    operator_admin: User
    other_operator: Operator
    other_admin: User
    stranger: User
    office: Office


@pytest.fixture
def world(db) -> World:
    sodertalje = MunicipalityFactory(name="Södertälje", code="0181")
    botkyrka = MunicipalityFactory(name="Botkyrka", code="0127")
    ronna = DistrictFactory(municipality=sodertalje, name="Ronna")
    operator = OperatorFactory(name="Ronna föreningsråd")
    other = OperatorFactory(name="Fittja arbetsplats")
    office = OfficeFactory(
        municipality=sodertalje, district=ronna, operator=operator, slug="ronna", status="open"
    )
    return World(
        municipality=sodertalje,
        other_municipality=botkyrka,
        district=ronna,
        officer=user_with(Role.MUNICIPAL_OFFICER, municipality=sodertalje),
        other_officer=user_with(Role.MUNICIPAL_OFFICER, municipality=botkyrka),
        reviewer=user_with(Role.MUNICIPAL_REVIEWER, municipality=sodertalje),
        second_reviewer=user_with(Role.MUNICIPAL_REVIEWER, municipality=sodertalje),
        operator=operator,
        operator_admin=user_with(Role.OPERATOR_ADMIN, operator=operator),
        other_operator=other,
        other_admin=user_with(Role.OPERATOR_ADMIN, operator=other),
        stranger=UserFactory(),
        office=office,
    )


def make_call(world: World, *, status: str = CallStatus.OPEN, **fields: object) -> Call:
    """A call of the world's municipality with the ten guidelines as its rubric."""
    values: dict[str, object] = {
        "municipality": world.municipality,
        "status": status,
        "title": "Allmänt kontor i Ronna",
        "summary": "Ett allmänt kontor nära hemmet för dem som bor i Ronna.",
        "offices_wanted": 2,
        "min_hours_per_week": 30,
        "period_starts": date(2027, 7, 1),
        "period_ends": date(2029, 6, 30),
        "budget_sek": 1_200_000,
        "deadline": datetime(2027, 4, 30, 23, 59, tzinfo=STOCKHOLM),
        "published_at": NOW - timedelta(days=30) if status != CallStatus.DRAFT else None,
        "created_by": world.officer,
    }
    values.update(fields)
    call = Call.objects.create(**values)
    call.districts.add(world.district)
    for guideline in Guideline.objects.all():
        CallGuideline.objects.create(
            call=call, guideline=guideline, weight=2 if guideline.number <= 3 else 1
        )
    return call


def make_application(
    world: World, call: Call, *, lead: Operator | None = None, status: str = ApplicationStatus.DRAFT
) -> Application:
    """A complete application (ready to submit) with one planned office and every plan."""
    application = Application.objects.create(
        call=call,
        lead=lead or world.operator,
        status=status,
        title="Ronna arbetsplats",
        residents="Många unga vuxna och familjer; många pendlar långt.",
        existing="Ett bibliotek och en fritidsgård.",
        missing="En lugn plats att arbeta nära hemmet.",
        staffing="Två värdar på halvtid.",
        partnerships="Biblioteket och bostadsbolaget.",
        budget="Hyra 300 000 kr om året, värdar 500 000 kr.",
        budget_sek=800_000,
        contact_email="ansokan@example.se",
        created_by=world.operator_admin,
        submitted_at=NOW if status != ApplicationStatus.DRAFT else None,
        receipt=f"{call.pk}-1" if status != ApplicationStatus.DRAFT else "",
    )
    PlannedOffice.objects.create(
        application=application,
        name="Ronna arbetsplats",
        district=world.district,
        street_address="Ronnavägen 10",
        postal_code="15161",
        city="Södertälje",
        latitude=Decimal("59.2010"),
        longitude=Decimal("17.6020"),
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


def assign(application: Application, user: User, *, conflict: bool | None = False) -> Reviewer:
    return Reviewer.objects.create(
        application=application,
        user=user,
        has_conflict=conflict,
        declared_at=NOW if conflict is not None else None,
    )


def make_commission(world: World, *, offices: list[Office] | None = None) -> Commission:
    """A running commission of the world's operator for the Ronna office, with targets."""
    commission = Commission.objects.create(
        municipality=world.municipality,
        title="Allmänt kontor Ronna",
        lead=world.operator,
        starts_on=date(2026, 7, 1),
        ends_on=date(2028, 6, 30),
        funding_sek=900_000,
        conditions="Öppet minst 30 timmar i veckan.",
    )
    commission.offices.set(offices or [world.office])
    Target.objects.create(
        commission=commission, measure="visits_per_week", direction="at_least", value=50
    )
    Target.objects.create(
        commission=commission, measure="hours_per_week", direction="at_least", value=30
    )
    schedule_reports(commission)
    return commission


def publish_figures(*years: int, now: datetime = NOW) -> None:
    """Work out the public figures of these years as the nightly task would at ``now``."""
    for year in years:
        publish(year, now=now)
