"""Staff pages through the HTTP client: the queue, incidents, decisions, approvals, appeals.

Each page is tried by the staff member it is for, by a host of another
operator's office (404 or 403, never the content) and by a plain member.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from publicoffice.conduct.models import Incident, Sanction, SanctionState
from publicoffice.conduct.services.appeals import appeal_make
from publicoffice.conduct.services.incidents import incident_record
from tests.conduct.makers import indefinite_ban, restriction

pytestmark = pytest.mark.django_db


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name: str, **kwargs: Any) -> str:
    with translation.override("sv"):
        return reverse(f"conduct:{name}", kwargs=kwargs)


@pytest.fixture
def incident(host: Any, member: Any, office: Any) -> Incident:
    return incident_record(
        staff=host,
        office=office,
        category="threat",
        severity=2,
        description="Threatened a visitor by the printer.",
        member=member,
    )


def test_the_queue_shows_what_waits_at_the_hosts_offices(
    host: Any, other_host: Any, incident: Incident, member: Any, office: Any
) -> None:
    ban = indefinite_ban(staff=host, member=member, office=office)
    response = client_of(host).get(url("queue"))
    assert response.status_code == 200
    page = response.content.decode()
    assert str(incident.public_id) in page and str(ban.public_id) in page
    other = client_of(other_host).get(url("queue")).content.decode()
    assert str(incident.public_id) not in other and str(ban.public_id) not in other
    assert client_of(member).get(url("queue")).status_code == 403
    assert Client().get(url("queue")).status_code == 302


def test_the_queue_query_count_does_not_grow(
    host: Any, office: Any, member: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_of(host)
    for _ in range(2):
        incident_record(staff=host, office=office, category="damage", severity=1, description="x")
    client.get(url("queue"))
    with django_assert_max_num_queries(12) as few:
        client.get(url("queue"))
    for _ in range(20):
        incident_record(staff=host, office=office, category="damage", severity=1, description="x")
        restriction(staff=host, member=member, office=office)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("queue"))


def test_a_host_records_an_incident(host: Any, member: Any, office: Any) -> None:
    client = client_of(host)
    assert client.get(url("incident_new", slug=office.slug)).status_code == 200
    response = client.post(
        url("incident_new", slug=office.slug),
        {
            "category": "harassment",
            "severity": "2",
            "day": "2026-11-20",
            "at": "14:05",
            "description": "Followed a visitor <script>alert(1)</script>",
            "member_email": member.email.upper(),
        },
    )
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert incident.member == member and incident.recorded_by == host
    page = client.get(response.url).content.decode()
    assert "&lt;script&gt;" in page and "<script>alert" not in page


@pytest.mark.parametrize(
    "data",
    [
        {},
        {
            "category": "threat",
            "severity": "9",
            "day": "2026-11-20",
            "at": "10:00",
            "description": "x",
        },
        {
            "category": "threat",
            "severity": "1",
            "day": "2999-11-20",
            "at": "10:00",
            "description": "x",
        },
        {
            "category": "threat",
            "severity": "1",
            "day": "2026-11-20",
            "at": "10:00",
            "description": "x",
            "member_email": "nobody@example.org",
        },
        {
            "category": "threat",
            "severity": "1",
            "day": "٢٠٢٦-١١-٢٠",
            "at": "10:00",
            "description": "x",
        },
    ],
)
def test_bad_incidents_are_refused_and_save_nothing(
    host: Any, office: Any, data: dict[str, str]
) -> None:
    response = client_of(host).post(url("incident_new", slug=office.slug), data)
    assert response.status_code == 400
    assert not Incident.objects.exists()


def test_another_offices_host_cannot_see_or_handle_an_incident(
    other_host: Any, member: Any, incident: Incident, office: Any
) -> None:
    for user in (other_host, member):
        client = client_of(user)
        assert client.get(url("incident", public_id=incident.public_id)).status_code == 404
        response = client.post(
            url("incident_handle", public_id=incident.public_id), {"outcome": "x"}
        )
        assert response.status_code == 404
    assert client_of(other_host).get(url("incident_new", slug=office.slug)).status_code == 404
    incident.refresh_from_db()
    assert incident.handled_at is None


def test_a_host_handles_an_incident(host: Any, incident: Incident) -> None:
    client = client_of(host)
    bad = client.post(url("incident_handle", public_id=incident.public_id), {"outcome": ""})
    assert bad.status_code == 400
    good = client.post(
        url("incident_handle", public_id=incident.public_id), {"outcome": "Talked to both."}
    )
    assert good.status_code == 302
    incident.refresh_from_db()
    assert incident.handled_at is not None and incident.outcome == "Talked to both."


def test_a_host_issues_a_30_day_booking_restriction_from_an_incident(
    host: Any, member: Any, office: Any, incident: Incident
) -> None:
    client = client_of(host)
    form = client.get(url("sanction_new", slug=office.slug) + f"?incident={incident.public_id}")
    assert form.status_code == 200 and member.email in form.content.decode()
    response = client.post(
        url("sanction_new", slug=office.slug),
        {
            "member_email": member.email,
            "kind": "restriction",
            "actions": ["book"],
            "scope": "office",
            "days": "30",
            "category": "threat",
            "incidents": [str(incident.public_id)],
            "facts": "Threatened a visitor.",
            "grounds": "Threats break the first rule.",
        },
    )
    sanction = Sanction.objects.get()
    assert response.status_code == 302
    assert (sanction.kind, sanction.actions, sanction.state) == (
        "restriction",
        ["book"],
        "in_force",
    )
    assert list(sanction.incidents.all()) == [incident]
    assert (sanction.ends_at - sanction.starts_at).days in (29, 30)
    page = client.get(response.url).content.decode()
    with translation.override("sv"):
        assert gettext("A staff member, not an automated system") in page


def test_a_host_cannot_decide_for_the_whole_network(host: Any, member: Any, office: Any) -> None:
    response = client_of(host).post(
        url("sanction_new", slug=office.slug),
        {
            "member_email": member.email,
            "kind": "restriction",
            "actions": ["book"],
            "scope": "network",
            "days": "30",
            "category": "threat",
            "facts": "f",
            "grounds": "g",
        },
    )
    assert response.status_code == 403
    assert not Sanction.objects.exists()


def test_a_decision_form_with_an_unknown_member_is_refused(host: Any, office: Any) -> None:
    response = client_of(host).post(
        url("sanction_new", slug=office.slug),
        {
            "member_email": "ghost@example.org",
            "kind": "warning",
            "scope": "office",
            "category": "threat",
            "facts": "f",
            "grounds": "g",
        },
    )
    assert response.status_code == 400
    assert not Sanction.objects.exists()


def test_a_second_host_approves_an_indefinite_ban_on_its_page(
    host: Any, second_host: Any, other_host: Any, member: Any, office: Any
) -> None:
    ban = indefinite_ban(staff=host, member=member, office=office)
    assert client_of(host).post(url("sanction_approve", public_id=ban.public_id)).status_code == 403
    assert (
        client_of(other_host).post(url("sanction_approve", public_id=ban.public_id)).status_code
        == 404
    )
    assert client_of(member).get(url("sanction", public_id=ban.public_id)).status_code == 404
    response = client_of(second_host).post(url("sanction_approve", public_id=ban.public_id))
    assert response.status_code == 302
    ban.refresh_from_db()
    assert ban.state == SanctionState.IN_FORCE and ban.approved_by == second_host


def test_an_appeal_is_answered_by_another_staff_member(
    host: Any, operator_admin: Any, other_host: Any, member: Any, office: Any
) -> None:
    sanction = restriction(staff=host, member=member, office=office, now=timezone.now())
    appeal = appeal_make(member=member, sanction=sanction, text="Not me.")
    page = client_of(host).get(url("appeal", public_id=appeal.public_id))
    assert page.status_code == 200 and b'name="reply"' not in page.content
    refused = client_of(host).post(
        url("appeal", public_id=appeal.public_id), {"outcome": "lifted", "reply": "ok"}
    )
    assert refused.status_code == 403
    assert client_of(other_host).get(url("appeal", public_id=appeal.public_id)).status_code == 404
    assert client_of(member).get(url("appeal", public_id=appeal.public_id)).status_code == 404
    response = client_of(operator_admin).post(
        url("appeal", public_id=appeal.public_id),
        {"outcome": "lifted", "reply": "The camera shows otherwise."},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.outcome == "lifted" and appeal.decided_by == operator_admin


def test_the_conduct_log_is_for_operator_admins(
    host: Any, operator_admin: Any, other_host: Any, incident: Incident
) -> None:
    assert client_of(host).get(url("audit")).status_code == 403
    response = client_of(operator_admin).get(url("audit"))
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") == 2  # the heading and one entry
    assert client_of(operator_admin).get(url("audit") + "?operator=999999").status_code == 404


def test_a_strange_incident_address_finds_nothing(host: Any, office: Any) -> None:
    page = client_of(host).get(url("sanction_new", slug=office.slug) + "?incident=<b>١٢</b>")
    assert page.status_code == 200
