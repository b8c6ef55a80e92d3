"""Events and registrations in the staff admin: each host sees their own office's."""

from __future__ import annotations

import pytest
from django.test import Client

from publicoffice.events.models import Event, Registration
from publicoffice.events.services import event_create, registration_create
from tests.events.conftest import at

EVENTS = "/sv/admin/events/event/"
REGISTRATIONS = "/sv/admin/events/registration/"


@pytest.fixture
def foreign_event(frozen, other_office, other_host):
    return event_create(
        office=other_office,
        actor=other_host,
        title="Albys event",
        starts_at=at(1, 10),
        ends_at=at(1, 11),
    )


def admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_host_sees_only_their_offices_events_and_registrations(
    frozen, event, foreign_event, host, member, other_member
):
    registration_create(event=event, member=member)
    registration_create(event=foreign_event, member=other_member)
    client = admin_client(host)
    assert list(client.get(EVENTS).context["cl"].result_list) == [event]
    listed = client.get(REGISTRATIONS).context["cl"].result_list
    assert [r.member for r in listed] == [member]
    assert client.get(f"{EVENTS}{foreign_event.pk}/change/").status_code == 302


def test_hosts_add_translations_and_nothing_else(frozen, event, host):
    client = admin_client(host)
    page = client.get(f"{EVENTS}{event.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert "title_en" in form.fields and "title_ar" in form.fields
    assert "starts_at" not in form.fields and "capacity" not in form.fields
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(title_en="Language café", starts_at="2030-01-01 10:00", capacity="99")
    response = client.post(f"{EVENTS}{event.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    fresh = Event.objects.get(pk=event.pk)
    assert fresh.title_en == "Language café"
    assert (fresh.starts_at, fresh.capacity) == (event.starts_at, 6)
    assert fresh.sequence == event.sequence + 1


def test_events_are_not_added_or_deleted_in_the_admin(frozen, event, host):
    client = admin_client(host)
    assert client.get(f"{EVENTS}add/").status_code == 403
    assert client.post(f"{EVENTS}{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_registrations_are_read_only(frozen, event, host, member):
    registration = registration_create(event=event, member=member)
    client = admin_client(host)
    page = client.get(f"{REGISTRATIONS}{registration.pk}/change/")
    assert page.status_code == 200
    client.post(f"{REGISTRATIONS}{registration.pk}/change/", {"status": "cancelled"})
    assert Registration.objects.get(pk=registration.pk).status == "registered"


def test_members_and_visitors_are_kept_out(frozen, event, member, client):
    for response in (client.get(EVENTS), admin_client(member).get(EVENTS)):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
