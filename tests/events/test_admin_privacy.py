"""Municipal officers check registrations in the admin without learning names."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.accounts.models import Role
from publicoffice.events import policies
from publicoffice.events.services import registration_create
from publicoffice.staff.services import role_assign
from tests.factories import UserFactory

REGISTRATIONS = "/sv/admin/events/registration/"


@pytest.fixture
def officer(office):
    user = UserFactory(email="officer@kommun.example.se")
    role_assign(user=user, role=Role.MUNICIPAL_OFFICER, municipality=office.municipality)
    return user


@pytest.fixture
def registration(frozen, event, member):
    return registration_create(event=event, member=member)


def _page(user, url: str) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _anonymous() -> str:
    with translation.override("sv"):
        return gettext("A member")


def test_an_officer_sees_the_rows_without_names(officer, registration, member):
    page = _page(officer, REGISTRATIONS)
    assert str(member) not in page and member.email not in page
    assert page.count(_anonymous()) == 1
    detail = _page(officer, f"{REGISTRATIONS}{registration.pk}/change/")
    assert str(member) not in detail and member.email not in detail
    assert not policies.can_see_registrant_names(officer, registration)


def test_the_host_still_sees_who_registered(host, registration, member):
    assert str(member) in _page(host, REGISTRATIONS)
    assert str(member) in _page(host, f"{REGISTRATIONS}{registration.pk}/change/")
    assert policies.can_see_registrant_names(host, registration)


def test_an_officer_who_also_hosts_the_office_sees_names_there(
    officer, registration, member, office
):
    role_assign(user=officer, role=Role.HOST, office=office)
    officer.refresh_from_db()
    assert str(member) in _page(officer, REGISTRATIONS)
