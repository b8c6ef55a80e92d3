"""Deciding: approve makes the commission whole, decline, the refusals, the e-mails."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.accounts.models import Role
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    CallFollower,
    CallStatus,
    CoApplicant,
    Commission,
    Decision,
    InfoRequest,
    Outcome,
    PlannedOffice,
)
from publicoffice.commissioning.services.decisions import decide
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import OfficeStatus
from tests.commissioning.conftest import NOW, make_application, make_call, user_with
from tests.factories import OperatorFactory

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _mail_and_tasks(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE


@pytest.fixture
def closed(world):
    """A call past its deadline with two submitted applications (the second by the other)."""
    call = make_call(world, status=CallStatus.REVIEW, deadline=NOW - timedelta(days=1))
    first = make_application(world, call, status=ApplicationStatus.SUBMITTED)
    second = make_application(
        world, call, lead=world.other_operator, status=ApplicationStatus.SUBMITTED
    )
    return call, first, second


@time_machine.travel(NOW, tick=False)
def test_approve_makes_commission_offices_targets_schedule_and_tells_everyone(
    world, closed, django_capture_on_commit_callbacks
):
    call, first, second = closed
    partner = OperatorFactory(name="Telge bostäder")
    CoApplicant.objects.create(application=first, operator=partner, confirmed_at=NOW)
    CoApplicant.objects.create(application=first, operator=OperatorFactory(), confirmed_at=None)
    partner_admin = user_with(Role.OPERATOR_ADMIN, operator=partner)
    partner_admin.preferred_language = "ar"
    partner_admin.save()
    CallFollower.objects.create(call=call, user=world.stranger)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decide(
            officer=world.officer,
            application=first,
            outcome=Outcome.APPROVED,
            reasons="Väl förankrat i Ronna.",
            conditions="Öppet minst 30 timmar i veckan.",
            private_notes="INTERN-ANTECKNING",
            funding_sek=700_000,
        )
    first.refresh_from_db()
    assert first.status == ApplicationStatus.APPROVED
    commission = Commission.objects.get(application=first)
    assert (commission.starts_on, commission.ends_on) == (call.period_starts, call.period_ends)
    assert commission.funding_sek == 700_000
    assert commission.conditions == "Öppet minst 30 timmar i veckan."
    assert list(commission.partners.all()) == [partner]
    plan = PlannedOffice.objects.get(application=first)
    assert plan.office is not None and plan.office.status == OfficeStatus.PLANNED
    assert list(commission.offices.all()) == [plan.office]
    assert plan.office.municipality == world.municipality and plan.office.slug
    targets = {t.measure: t.value for t in commission.targets.all()}
    assert targets == {"hours_per_week": 30, "accessibility_complete": 100}
    assert commission.reports.filter(kind="final").count() == 1
    # The admins of the lead and the confirmed partner, and the contact address.
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == sorted([world.operator_admin.email, partner_admin.email, "ansokan@example.se"])
    arabic = next(m for m in mail.outbox if m.to == [partner_admin.email])
    with translation.override("ar"):
        assert arabic.subject == gettext("Your application “%(title)s” is approved") % {
            "title": first.title
        }
    assert all("Väl förankrat" in m.body and "INTERN" not in m.body for m in mail.outbox)
    assert decision.private_notes == "INTERN-ANTECKNING"
    # The second application is still undecided: the call is not decided yet.
    call.refresh_from_db()
    assert call.status == CallStatus.REVIEW

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(
            officer=world.officer,
            application=second,
            outcome=Outcome.DECLINED,
            reasons="Ligger utanför området.",
        )
    second.refresh_from_db()
    call.refresh_from_db()
    assert second.status == ApplicationStatus.DECLINED
    assert not Commission.objects.filter(application=second).exists()
    assert call.status == CallStatus.DECIDED
    told = [m.to[0] for m in mail.outbox]
    assert world.other_admin.email in told
    assert world.stranger.email in told  # the call's follower: the call is decided


@time_machine.travel(NOW, tick=False)
def test_refusals_change_nothing(world, closed):
    _call, first, second = closed
    early = make_call(world, status=CallStatus.OPEN, title="Ny utlysning")
    waiting = make_application(world, early, status=ApplicationStatus.SUBMITTED)
    InfoRequest.objects.create(application=second, question="Hyran?", asked_at=NOW)
    Application.objects.filter(pk=second.pk).update(status=ApplicationStatus.INFO_REQUESTED)
    second.refresh_from_db()
    cases = [
        (dict(officer=world.officer, application=waiting), ErrorCode.NOT_DECIDABLE),
        (dict(officer=world.officer, application=second), ErrorCode.NOT_DECIDABLE),
        (dict(officer=world.other_officer, application=first), ErrorCode.NOT_ALLOWED),
        (
            dict(officer=world.officer, application=first, funding_sek=1_200_001),
            ErrorCode.BAD_VALUE,
        ),
        (dict(officer=world.officer, application=first, reasons="  "), ErrorCode.TEXT_MISSING),
        (dict(officer=world.officer, application=first, outcome="maybe"), ErrorCode.BAD_VALUE),
    ]
    for kwargs, code in cases:
        values = {"outcome": Outcome.APPROVED, "reasons": "Bra.", **kwargs}
        with pytest.raises(DomainError) as refused:
            decide(**values)
        assert refused.value.code == code, kwargs
    assert not Decision.objects.exists() and not Commission.objects.exists()
    assert not PlannedOffice.objects.filter(office__isnull=False).exists()


@time_machine.travel(NOW, tick=False)
def test_funding_counts_what_is_already_granted(world, closed):
    _call, first, second = closed
    decide(
        officer=world.officer,
        application=first,
        outcome=Outcome.APPROVED,
        reasons="Bra.",
        funding_sek=1_000_000,
    )
    with pytest.raises(DomainError) as refused:
        decide(
            officer=world.officer,
            application=second,
            outcome=Outcome.APPROVED,
            reasons="Bra.",
            funding_sek=200_001,
        )
    assert refused.value.code == ErrorCode.BAD_VALUE
    assert refused.value.details["field"] == "funding_sek"
    decide(
        officer=world.officer,
        application=second,
        outcome=Outcome.APPROVED,
        reasons="Bra.",
        funding_sek=200_000,
    )
    assert Commission.objects.count() == 2
