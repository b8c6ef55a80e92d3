"""Applying, as the services see it: draft, save, co-applicants, submit, withdraw."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    CallGuideline,
    CoApplicant,
    GuidelinePlan,
)
from publicoffice.commissioning.selectors.applications import missing_parts
from publicoffice.commissioning.selectors.district_figures import district_figures
from publicoffice.commissioning.services import applications as services
from publicoffice.core.errors import DomainError, ErrorCode
from tests.commissioning.conftest import NOW, make_application, make_call
from tests.factories import DistrictFactory

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _mail_and_tasks(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_BASE_URL = "https://kontor.example"


def _code(excinfo: pytest.ExceptionInfo[DomainError]) -> ErrorCode:
    return excinfo.value.code


@time_machine.travel(NOW, tick=False)
def test_a_draft_has_a_plan_per_guideline_and_one_per_lead(world):
    call = make_call(world)
    draft = services.application_start(
        user=world.operator_admin,
        call=call,
        lead=world.operator,
        title="  Ronna  arbetsplats ",
        contact_email="a@example.se",
    )
    assert draft.status == ApplicationStatus.DRAFT and draft.title == "Ronna arbetsplats"
    assert draft.guideline_plans.count() == call.rubric.count() == 10
    with pytest.raises(DomainError) as refused:
        services.application_start(
            user=world.operator_admin,
            call=call,
            lead=world.operator,
            title="Igen",
            contact_email="a@example.se",
        )
    assert _code(refused) == ErrorCode.ALREADY_APPLIED
    with pytest.raises(DomainError) as refused:  # not their operator
        services.application_start(
            user=world.operator_admin,
            call=call,
            lead=world.other_operator,
            title="X",
            contact_email="a@example.se",
        )
    assert _code(refused) == ErrorCode.NOT_ALLOWED
    closed = make_call(world, status="review")
    with pytest.raises(DomainError) as refused:
        services.application_start(
            user=world.operator_admin,
            call=closed,
            lead=world.operator,
            title="X",
            contact_email="a@b.se",
        )
    assert _code(refused) == ErrorCode.CALL_NOT_OPEN
    late = make_call(world, deadline=NOW - timedelta(minutes=1))
    with pytest.raises(DomainError) as refused:
        services.application_start(
            user=world.operator_admin,
            call=late,
            lead=world.operator,
            title="X",
            contact_email="a@b.se",
        )
    assert _code(refused) == ErrorCode.DEADLINE_PASSED


@time_machine.travel(NOW, tick=False)
def test_save_keeps_text_as_written_and_refuses_too_long(world):
    application = make_application(world, make_call(world))
    texts = {"residents": "سكان كثيرون 🙂", "existing": "<script>alert(1)</script>", "missing": "x"}
    services.application_save(
        user=world.operator_admin,
        application=application,
        texts=texts,
        budget_sek=500_000,
        private_sections=["budget", "staffing"],
    )
    application.refresh_from_db()
    assert application.residents == "سكان كثيرون 🙂"
    assert application.existing == "<script>alert(1)</script>"
    assert application.private_sections == ["staffing", "budget"]
    with pytest.raises(DomainError) as refused:
        services.application_save(
            user=world.operator_admin,
            application=application,
            texts={"residents": "x" * 10_000},
            budget_sek=1,
            private_sections=[],
        )
    assert (
        _code(refused) == ErrorCode.TEXT_TOO_LONG and refused.value.details["field"] == "residents"
    )
    application.refresh_from_db()
    assert application.budget_sek == 500_000
    with pytest.raises(DomainError) as refused:  # the other operator's admin
        services.application_save(
            user=world.other_admin,
            application=application,
            texts={},
            budget_sek=1,
            private_sections=[],
        )
    assert _code(refused) == ErrorCode.NOT_ALLOWED


@time_machine.travel(NOW, tick=False)
def test_co_applicant_is_told_and_confirms_or_declines(world, django_capture_on_commit_callbacks):
    application = make_application(world, make_call(world))
    with django_capture_on_commit_callbacks(execute=True):
        row = services.co_applicant_add(
            user=world.operator_admin,
            application=application,
            operator=world.other_operator,
            role="Värdar",
        )
    assert [m.to for m in mail.outbox] == [[world.other_admin.email]]
    assert missing_parts(application)[-1].page == "co_applicants"
    with pytest.raises(DomainError) as refused:  # the lead cannot confirm for them
        services.co_applicant_answer(user=world.operator_admin, co_applicant=row, confirm=True)
    assert _code(refused) == ErrorCode.NOT_ALLOWED
    with pytest.raises(DomainError) as refused:
        services.co_applicant_add(
            user=world.operator_admin, application=application, operator=world.operator, role=""
        )
    assert _code(refused) == ErrorCode.CO_APPLICANT_INVALID
    confirmed = services.co_applicant_answer(user=world.other_admin, co_applicant=row, confirm=True)
    assert confirmed is not None and confirmed.confirmed_by == world.other_admin
    application = Application.objects.get(pk=application.pk)
    assert missing_parts(application) == []
    services.co_applicant_answer(user=world.other_admin, co_applicant=row, confirm=False)
    assert not CoApplicant.objects.filter(pk=row.pk).exists()


@time_machine.travel(NOW, tick=False)
def test_submit_lists_what_is_missing_then_gives_a_receipt_in_their_language(
    world, django_capture_on_commit_callbacks
):
    call = make_call(world)
    application = make_application(world, call)
    application.missing = ""
    application.save()
    office = application.planned_offices.get()
    office.hours_per_week = 10
    office.save()
    line = CallGuideline.objects.get(call=call, guideline__number=4)
    GuidelinePlan.objects.filter(application=application, guideline=line.guideline).update(plan="")
    CallGuideline.objects.filter(call=call, guideline__number=5).update(weight=0)
    GuidelinePlan.objects.filter(application=application, guideline__number=5).update(plan="")
    with pytest.raises(DomainError) as refused:
        services.application_submit(user=world.operator_admin, application=application)
    assert _code(refused) == ErrorCode.APPLICATION_INCOMPLETE
    missing = refused.value.details["missing"]
    assert len(missing) == 3  # the section, the hours, guideline 4 (5 weighs nothing)
    assert any("10" in text and "30" in text for text in missing)
    Application.objects.filter(pk=application.pk).update(missing="Lugn plats.")
    office.hours_per_week = 30
    office.save()
    GuidelinePlan.objects.filter(application=application).update(plan="Så här.")
    world.operator_admin.preferred_language = "en"
    world.operator_admin.save()
    with django_capture_on_commit_callbacks(execute=True):
        done = services.application_submit(user=world.operator_admin, application=application)
    assert done.status == ApplicationStatus.SUBMITTED and done.submitted_at == NOW
    assert done.receipt == f"2027-0181-{application.pk}"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["ansokan@example.se", world.operator_admin.email]
    )
    with translation.override("en"):
        subject = gettext("Receipt for your application %(receipt)s") % {"receipt": done.receipt}
    assert all(m.subject == subject for m in mail.outbox)
    assert all(m.extra_headers["Content-Language"] == "en" for m in mail.outbox)
    assert "Ronna arbetsplats" in mail.outbox[0].body
    with pytest.raises(DomainError) as refused:  # nothing changes after submission
        services.application_save(
            user=world.operator_admin, application=done, texts={}, budget_sek=1, private_sections=[]
        )
    assert _code(refused) == ErrorCode.APPLICATION_NOT_EDITABLE


def test_late_submission_is_refused_clearly_and_withdraw_only_before(world):
    with time_machine.travel(NOW, tick=False):
        call = make_call(world)
        application = make_application(world, call)
    with time_machine.travel(call.deadline + timedelta(minutes=1), tick=False):
        with pytest.raises(DomainError) as refused:
            services.application_submit(user=world.operator_admin, application=application)
        assert _code(refused) == ErrorCode.DEADLINE_PASSED
        assert str(refused.value.message) == gettext(
            "The deadline for this call has passed. Applications can no longer be sent."
        )
        with pytest.raises(DomainError) as refused:
            services.application_withdraw(user=world.operator_admin, application=application)
        assert _code(refused) == ErrorCode.DEADLINE_PASSED
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT and not mail.outbox
    with time_machine.travel(call.deadline, tick=False):  # the deadline's own minute still counts
        services.application_submit(user=world.operator_admin, application=application)
        with pytest.raises(DomainError) as refused:
            services.application_withdraw(user=world.officer, application=application)
        assert _code(refused) == ErrorCode.NOT_ALLOWED
        gone = services.application_withdraw(user=world.operator_admin, application=application)
    assert gone.status == ApplicationStatus.WITHDRAWN


@time_machine.travel(NOW, tick=False)
def test_district_figures_say_plainly_when_there_is_no_office(world):
    call = make_call(world)
    empty = DistrictFactory(municipality=world.municipality, name="Hovsjö")
    call.districts.add(empty)
    period, figures = district_figures(call, NOW.date())
    assert (period.start.isoformat(), period.end.isoformat()) == ("2026-10-01", "2026-12-31")
    by_name = {f.district.name: f for f in figures}
    assert by_name["Hovsjö"].office_names == [] and not by_name["Hovsjö"].has_offices
    assert by_name["Ronna"].office_names == [world.office.name]
    assert len(by_name["Ronna"].readings) == 4
