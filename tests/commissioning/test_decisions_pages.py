"""The decision page (officers of the call only) and the public decisions of a call."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    CallStatus,
    Commission,
    Decision,
    Outcome,
)
from publicoffice.commissioning.services.decisions import decide
from tests.commissioning.conftest import NOW, assign, make_application, make_call
from tests.factories import OperatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(world):
    call = make_call(world, status=CallStatus.REVIEW, deadline=NOW - timedelta(days=1))
    return call, make_application(world, call, status=ApplicationStatus.SUBMITTED)


@time_machine.travel(NOW, tick=False)
def test_officer_decides_through_the_page_and_bad_input_changes_nothing(client, world, closed):
    _call, application = closed
    url = reverse("commissioning:application_decide", args=[application.pk])
    client.force_login(world.officer)
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="robots" content="noindex"' in page.content
    for bad in (
        {"outcome": "approved", "reasons": ""},
        {"outcome": "approved", "reasons": "x" * 9000},
        {"outcome": "approved", "reasons": "Bra", "funding_sek": "2000000"},
        {"outcome": "perhaps", "reasons": "Bra"},
    ):
        refused = client.post(url, bad)
        assert refused.status_code == 400, bad
        assert b"error-summary" in refused.content
    assert not Decision.objects.exists()
    done = client.post(
        url,
        {
            "outcome": "approved",
            "reasons": "<script>alert(1)</script> مرحبا 🎉",
            "conditions": "Öppet på kvällar.",
            "funding_sek": "800000",
        },
    )
    assert done.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert Commission.objects.get(application=application).funding_sek == 800_000
    again = client.get(url)
    assert b"&lt;script&gt;" in again.content and b"<script>alert" not in again.content


@time_machine.travel(NOW, tick=False)
def test_decide_page_refusals(client, world, closed):
    _call, application = closed
    assign(application, world.reviewer)
    url = reverse("commissioning:application_decide", args=[application.pk])
    for user, status in (
        (world.other_officer, 404),
        (world.reviewer, 403),
        (world.second_reviewer, 403),
        (world.other_admin, 403),
        (world.operator_admin, 403),
        (world.stranger, 403),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user
        assert client.post(url, {"outcome": "approved", "reasons": "Bra"}).status_code == status
    client.logout()
    assert client.get(url).status_code == 302
    assert not Decision.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_public_decisions_never_show_private_parts(
    client, world, closed, django_assert_max_num_queries
):
    call, application = closed
    url = reverse("commissioning:call_decisions", args=[call.pk])
    assert client.get(url).status_code == 404  # nothing decided yet
    Application.objects.filter(pk=application.pk).update(
        private_sections=["staffing", "budget"],
        staffing="HEMLIG-BEMANNING",
        residents="Många unga vuxna",
    )
    application.refresh_from_db()
    decide(
        officer=world.officer,
        application=application,
        outcome=Outcome.APPROVED,
        reasons="PUBLIKA-SKÄL",
        conditions="PUBLIKA-VILLKOR",
        private_notes="INTERNA-ANTECKNINGAR",
        funding_sek=654_321,
    )
    with django_assert_max_num_queries(12):
        page = client.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    for shown in ("PUBLIKA-SKÄL", "PUBLIKA-VILLKOR", "Många unga vuxna", "Ronna föreningsråd"):
        assert shown in text
    for hidden in (
        "INTERNA-ANTECKNINGAR",
        "HEMLIG-BEMANNING",
        "ansokan@example.se",
        "Funding asked for",
    ):
        assert hidden not in text
    office = Commission.objects.get(application=application).offices.get()
    assert reverse("places:office", kwargs={"slug": office.slug}) in text
    # Many more decisions: the same few queries.
    for n in range(4):
        other = make_application(
            world,
            call,
            lead=OperatorFactory(name=f"Förening {n}"),
            status=ApplicationStatus.SUBMITTED,
        )
        decide(officer=world.officer, application=other, outcome="declined", reasons="Nej.")
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    draft_call = make_call(world, status=CallStatus.DRAFT)
    assert (
        client.get(reverse("commissioning:call_decisions", args=[draft_call.pk])).status_code == 404
    )
