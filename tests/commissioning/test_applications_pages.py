"""The applicant's pages over HTTP: who sees what, bad input, the whole way to a receipt."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext

from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    CoApplicant,
    GuidelinePlan,
    PlannedOffice,
)
from tests.commissioning.conftest import NOW, assign, make_application, make_call
from tests.factories import OperatorFactory

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PAGES = (
    "application_edit",
    "application_plans",
    "application_offices",
    "application_co_applicants",
    "application_submit",
)


@pytest.fixture(autouse=True)
def _mail_and_tasks(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_BASE_URL = "https://kontor.example"


def _url(name: str, application: Application, **more: int) -> str:
    return reverse(f"commissioning:{name}", kwargs={"pk": application.pk, **more})


@time_machine.travel(NOW, tick=False)
def test_only_applicants_officers_and_assigned_reviewers_see_it(world, client):
    application = make_application(world, make_call(world))
    assign(application, world.reviewer)
    for user in (world.other_admin, world.stranger, world.other_officer, world.second_reviewer):
        client.force_login(user)
        for name in ("application", *PAGES):
            assert client.get(_url(name, application)).status_code == 404, (user, name)
        assert client.post(_url("application_withdraw", application)).status_code == 404
        assert client.post(_url("application_submit", application)).status_code == 404
    for user, status in ((world.officer, 403), (world.reviewer, 403)):
        client.force_login(user)
        assert client.get(_url("application", application)).status_code == 200
        for name in PAGES:
            assert client.get(_url(name, application)).status_code == status, (user, name)
        response = client.post(_url("application_edit", application), {"title": "Kapat"})
        assert response.status_code == status
    client.force_login(world.operator_admin)
    for name in ("application", *PAGES):
        response = client.get(_url(name, application))
        assert response.status_code == 200, name
        assert b'name="robots" content="noindex"' in response.content
    application.refresh_from_db()
    assert application.title == "Ronna arbetsplats"
    client.force_login(world.stranger)  # not an operator admin: may not apply
    assert (
        client.get(reverse("commissioning:apply", kwargs={"pk": application.call_id})).status_code
        == 403
    )


def _edit_data(**changes: str) -> dict[str, str]:
    data = {
        "title": "Ronna arbetsplats",
        "contact_email": "ansokan@example.se",
        "budget_sek": "800000",
        "residents": "Många familjer.",
        "existing": "Ett bibliotek.",
        "missing": "En lugn plats.",
        "staffing": "Två värdar.",
        "partnerships": "",
        "budget": "Hyra.",
        "private_budget": "on",
    }
    data.update(changes)
    return data


@time_machine.travel(NOW, tick=False)
def test_bad_input_is_shown_and_nothing_is_saved(world, client):
    application = make_application(world, make_call(world))
    client.force_login(world.operator_admin)
    url = _url("application_edit", application)
    for bad in ({"title": ""}, {"title": "x" * 10_000}, {"residents": "x" * 10_000}):
        response = client.post(url, _edit_data(**bad))
        assert response.status_code == 400, bad
        assert b"error-summary" in response.content and b'class="errorlist"' in response.content
    response = client.post(
        _url("application_offices", application), {"name": "", "hours_per_week": "x"}
    )
    assert response.status_code == 400
    assert PlannedOffice.objects.filter(application=application).count() == 1
    application.refresh_from_db()
    assert application.title == "Ronna arbetsplats" and application.private_sections == []
    written = _edit_data(
        residents="سكان كثيرون 🙂", existing="<script>alert(1)</script>", title="Kontor 🏢"
    )
    assert client.post(url, written).status_code == 302
    application.refresh_from_db()
    assert application.residents == "سكان كثيرون 🙂" and application.private_sections == ["budget"]
    page = client.get(_url("application", application)).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page and "سكان كثيرون 🙂" in page
    assert gettext("Private: personal data or business secrets") in page


@time_machine.travel(NOW, tick=False)
def test_the_whole_way_from_apply_to_receipt(world, client, django_capture_on_commit_callbacks):
    call = make_call(world)
    client.force_login(world.operator_admin)
    apply_url = reverse("commissioning:apply", kwargs={"pk": call.pk})
    assert client.get(apply_url).status_code == 200
    assert client.post(apply_url, {"title": "", "contact_email": "a@b.se"}).status_code == 400
    response = client.post(
        apply_url, {"lead": world.operator.pk, "title": "Ronna", "contact_email": "a@example.se"}
    )
    application = Application.objects.get(call=call)
    assert response.status_code == 302 and application.guideline_plans.count() == 10
    # Applied already: the apply page leads to the application instead of a second draft.
    for again in (
        client.get(apply_url),
        client.post(
            apply_url, {"lead": world.operator.pk, "title": "Igen", "contact_email": "a@b.se"}
        ),
    ):
        assert again.status_code == 302
        assert again["Location"] == _url("application", application)
    assert Application.objects.filter(call=call).count() == 1
    page = client.get(_url("application_edit", application)).content.decode()
    assert "Ronna" in page and gettext("Offices here:") in page
    assert client.post(_url("application_edit", application), _edit_data()).status_code == 302
    plans = {}
    for plan in GuidelinePlan.objects.filter(application=application):
        plans[f"commitment_{plan.guideline_id}"] = "Vi lovar."
        plans[f"plan_{plan.guideline_id}"] = "Så här."
    assert client.post(_url("application_plans", application), plans).status_code == 302
    office = {
        "name": "Ronna kontor",
        "district": str(world.district.pk),
        "street_address": "Ronnavägen 1",
        "city": "Södertälje",
        "latitude": "59.2",
        "longitude": "17.6",
        "hours_per_week": "20",
        "capacity": "25",
    }
    assert client.post(_url("application_offices", application), office).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url("application_co_applicants", application),
            {"operator": world.other_operator.pk, "role": "Värdar"},
        )
    assert response.status_code == 302 and mail.outbox[-1].to == [world.other_admin.email]
    checklist = client.get(_url("application_submit", application)).content.decode()
    assert world.other_operator.name in checklist and "20" in checklist
    assert client.post(_url("application_submit", application)).status_code == 400
    planned = PlannedOffice.objects.get(application=application)
    planned.hours_per_week = 30
    planned.save()
    row = CoApplicant.objects.get(application=application)
    confirm = _url("co_applicant_confirm", application, row_pk=row.pk)
    assert client.post(confirm, {"answer": "confirm"}).status_code == 403  # the lead cannot
    client.force_login(world.other_admin)
    assert client.get(_url("application", application)).status_code == 200
    assert client.get(_url("application_edit", application)).status_code == 403
    assert client.post(confirm, {"answer": "confirm"}).status_code == 302
    client.force_login(world.operator_admin)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("application_submit", application))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.receipt == f"2027-0181-{application.pk}"
    assert {m.to[0] for m in mail.outbox} == {"ansokan@example.se", world.operator_admin.email}
    page = client.get(_url("application", application)).content.decode()
    assert application.receipt in page
    assert client.get(_url("application_edit", application)).status_code == 409


def test_late_submission_says_the_deadline_has_passed(world, client):
    with time_machine.travel(NOW, tick=False):
        call = make_call(world)
        application = make_application(world, call)
    with time_machine.travel(call.deadline + timedelta(hours=1), tick=False):
        client.force_login(world.operator_admin)
        page = client.get(_url("application_submit", application)).content.decode()
        message = "The deadline for this call has passed. Applications can no longer be sent."
        assert gettext(message) in page
        response = client.post(_url("application_submit", application))
        assert response.status_code == 409
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT and not mail.outbox


@time_machine.travel(NOW, tick=False)
def test_my_applications_costs_the_same_for_few_and_many(
    world, client, django_assert_max_num_queries
):
    client.force_login(world.operator_admin)
    url = reverse("commissioning:my_applications")
    first = make_application(world, make_call(world))
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert first.title in response.content.decode()
    for _n in range(6):
        other = OperatorFactory()
        led = make_application(world, make_call(world), lead=other)
        CoApplicant.objects.create(application=led, operator=world.operator)
        CoApplicant.objects.create(application=led, operator=OperatorFactory())
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.content.decode().count("commissioning/applications/") >= 7
    client.force_login(world.other_admin)
    assert first.title not in client.get(url).content.decode()
