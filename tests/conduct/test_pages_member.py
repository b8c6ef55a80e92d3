"""The member's own decisions and anyone's incident report, through the HTTP client."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from publicoffice.conduct.models import Appeal, Incident
from tests.conduct.makers import indefinite_ban, restriction

pytestmark = pytest.mark.django_db


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name: str, language: str = "sv", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"conduct:{name}", kwargs=kwargs)


@pytest.fixture
def sanction(host: Any, member: Any, office: Any) -> Any:
    return restriction(staff=host, member=member, office=office, now=timezone.now())


def test_the_member_reads_the_statement_of_reasons_in_arabic(member: Any, sanction: Any) -> None:
    client = client_of(member)
    listing = client.get(url("my_decisions", "ar"))
    assert listing.status_code == 200
    assert str(sanction.public_id) in listing.content.decode()
    page = client.get(url("my_decision", "ar", public_id=sanction.public_id)).content.decode()
    with translation.override("ar"):
        for part in ("The facts", "Why this decision", "How to appeal", "Book desks and rooms"):
            assert gettext(part) in page or translation.pgettext("restricted action", part) in page
    assert sanction.facts in page and sanction.grounds in page
    assert 'name="text"' in page


def test_nobody_else_sees_the_decision(sanction: Any, other_member: Any, other_host: Any) -> None:
    for user in (other_member, other_host):
        assert (
            client_of(user).get(url("my_decision", public_id=sanction.public_id)).status_code == 404
        )
        response = client_of(user).post(
            url("appeal_make", public_id=sanction.public_id), {"text": "x"}
        )
        assert response.status_code == 404
    assert not Appeal.objects.exists()
    assert Client().get(url("my_decision", public_id=sanction.public_id)).status_code == 302


def test_a_ban_waiting_for_approval_is_not_shown_yet(host: Any, member: Any, office: Any) -> None:
    ban = indefinite_ban(staff=host, member=member, office=office, now=timezone.now())
    assert client_of(member).get(url("my_decision", public_id=ban.public_id)).status_code == 404
    assert str(ban.public_id) not in client_of(member).get(url("my_decisions")).content.decode()


def test_the_member_appeals_in_their_own_words(member: Any, sanction: Any) -> None:
    client = client_of(member)
    empty = client.post(url("appeal_make", public_id=sanction.public_id), {"text": "  "})
    assert empty.status_code == 400 and not Appeal.objects.exists()
    response = client.post(
        url("appeal_make", "ar", public_id=sanction.public_id), {"text": "لم أهدد أحداً <b>أبداً</b>"}
    )
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.text == "لم أهدد أحداً <b>أبداً</b>"
    page = client.get(response.url).content.decode()
    assert "&lt;b&gt;" in page and 'name="text"' not in page
    again = client.post(url("appeal_make", public_id=sanction.public_id), {"text": "again"})
    assert again.status_code == 409 and Appeal.objects.count() == 1


def test_a_visitor_reports_an_incident_anonymously(office: Any) -> None:
    client = Client()
    assert client.get(url("report_incident", slug=office.slug)).status_code == 200
    response = client.post(
        url("report_incident", slug=office.slug),
        {"category": "drugs_alcohol", "description": "Someone drank 🍺 in the study room."},
    )
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert (incident.source, incident.reporter, incident.reporter_contact) == ("report", None, "")


def test_a_visitor_may_leave_an_address(office: Any) -> None:
    response = Client().post(
        url("report_incident", "fa", slug=office.slug),
        {"category": "harassment", "description": "x", "contact": "visitor@example.org"},
    )
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert (incident.reporter_contact, incident.reporter_language) == ("visitor@example.org", "fa")


def test_a_member_chooses_whether_to_give_their_name(member: Any, office: Any) -> None:
    client = client_of(member)
    client.post(
        url("report_incident", slug=office.slug), {"category": "threat", "description": "a"}
    )
    client.post(
        url("report_incident", slug=office.slug),
        {"category": "threat", "description": "b", "with_name": "on"},
    )
    reporters = dict(Incident.objects.values_list("description", "reporter"))
    assert reporters == {"a": None, "b": member.pk}


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"category": "gossip", "description": "x"},
        {"category": "threat", "description": "   "},
        {"category": "threat", "description": "x" * 2001},
        {"category": "threat", "description": "x", "contact": "not an address"},
        {"category": "threat", "description": "x", "contact": "<script>@x"},
    ],
)
def test_bad_reports_are_refused_and_save_nothing(office: Any, data: dict[str, str]) -> None:
    response = Client().post(url("report_incident", slug=office.slug), data)
    assert response.status_code == 400
    assert not Incident.objects.exists()
    assert not mail.outbox


def test_an_unknown_office_is_not_found() -> None:
    assert Client().get(url("report_incident", slug="nowhere")).status_code == 404


def test_the_office_page_says_where_to_tell_staff(office: Any, host: Any) -> None:
    office_page = office.get_absolute_url()
    report = url("report_incident", slug=office.slug)
    assert report in Client().get(office_page).content.decode()
    assert url("queue") not in Client().get(office_page).content.decode()
    assert url("queue") in client_of(host).get(office_page).content.decode()
