"""The named permissions of places, through the admin: a host changes the office's
hours only with ``edit_opening_hours`` and its spaces and capacity only with
``manage_spaces``; without them the admin shows those parts read-only and
ignores what is posted. Operator admins set both by their role.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.accounts.models import NamedPermission, Role
from publicoffice.places.models import HoursException, Office, Space, WeeklyHours
from publicoffice.staff.services import role_assign
from tests.factories import (
    OfficeFactory,
    SpaceFactory,
    UserFactory,
    WeeklyHoursFactory,
)

pytestmark = pytest.mark.django_db

HOURS = NamedPermission.EDIT_OPENING_HOURS
SPACES = NamedPermission.MANAGE_SPACES


@pytest.fixture
def office() -> Office:
    office = OfficeFactory(name="Ronna kontor", capacity=30)
    WeeklyHoursFactory(office=office, weekday=0, opens=time(9), closes=time(17))
    SpaceFactory(office=office, name="Mötesrum Ek", kind="meeting_room", capacity=6)
    return office


def change_url(office: Office) -> str:
    return f"/sv/admin/places/office/{office.pk}/change/"


def as_host(client: Client, office: Office, *permissions: str) -> Client:
    user = UserFactory()
    role_assign(user=user, role=Role.HOST, office=office, permissions=list(permissions))
    client.force_login(user)
    return client


def _value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return "" if value is None else str(value)


def posted_as_shown(response: Any) -> dict[str, Any]:
    """The change form's data exactly as the page shows it, ready to post back."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is True:
                data[form.add_prefix(name)] = "on"
            elif value is not False:
                data[form.add_prefix(name)] = _value(value)
    return data


def inline_for(response: Any, model: type) -> Any:
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline
    raise AssertionError(f"no inline for {model.__name__}")


def with_changed_hours_and_spaces(response: Any) -> dict[str, Any]:
    """Monday opens at 07:00, an exception is added, the room takes 60 and the office 99."""
    data = posted_as_shown(response)
    hours = inline_for(response, WeeklyHours).formset.prefix
    exceptions = inline_for(response, HoursException).formset.prefix
    spaces = inline_for(response, Space).formset.prefix
    data[f"{hours}-0-opens"] = "07:00"
    data[f"{spaces}-0-capacity"] = "60"
    data["capacity"] = "99"
    data[f"{exceptions}-TOTAL_FORMS"] = "1"
    data[f"{exceptions}-0-date"] = "2026-12-24"
    data[f"{exceptions}-0-is_closed"] = "on"
    return data


class TestEditOpeningHours:
    def test_a_host_with_it_changes_the_hours_and_adds_an_exception(self, client, office):
        as_host(client, office, HOURS)
        page = client.get(change_url(office))
        assert inline_for(page, WeeklyHours).has_change_permission is True
        assert inline_for(page, HoursException).has_add_permission is True
        response = client.post(change_url(office), with_changed_hours_and_spaces(page))
        assert response.status_code == 302, response.context["errors"]
        assert office.weekly_hours.get().opens == time(7)
        assert office.hours_exceptions.get().date == date(2026, 12, 24)

    def test_a_host_without_it_sees_the_hours_read_only_and_cannot_change_them(
        self, client, office
    ):
        as_host(client, office, SPACES)
        page = client.get(change_url(office))
        assert page.status_code == 200
        for model in (WeeklyHours, HoursException):
            inline = inline_for(page, model)
            assert inline.has_change_permission is False
            assert inline.has_add_permission is False
            assert inline.has_delete_permission is False
        response = client.post(change_url(office), with_changed_hours_and_spaces(page))
        assert response.status_code == 302
        assert office.weekly_hours.get().opens == time(9)
        assert not office.hours_exceptions.exists()
        # What the host may still change (the spaces, with manage_spaces) was saved.
        assert office.spaces.get().capacity == 60

    def test_a_host_without_it_cannot_delete_a_weekday(self, client, office):
        as_host(client, office)
        page = client.get(change_url(office))
        data = posted_as_shown(page)
        data[f"{inline_for(page, WeeklyHours).formset.prefix}-0-DELETE"] = "on"
        assert client.post(change_url(office), data).status_code == 302
        assert office.weekly_hours.count() == 1


class TestManageSpaces:
    def test_a_host_with_it_changes_spaces_and_the_capacity(self, client, office):
        as_host(client, office, SPACES)
        page = client.get(change_url(office))
        assert inline_for(page, Space).has_change_permission is True
        assert "capacity" in page.context["adminform"].form.fields
        response = client.post(change_url(office), with_changed_hours_and_spaces(page))
        assert response.status_code == 302, response.context["errors"]
        office.refresh_from_db()
        assert office.capacity == 99
        assert office.spaces.get().capacity == 60

    def test_a_host_without_it_sees_spaces_and_capacity_read_only(self, client, office):
        as_host(client, office, HOURS)
        page = client.get(change_url(office))
        inline = inline_for(page, Space)
        assert inline.has_change_permission is False
        assert inline.has_add_permission is False
        assert inline.has_delete_permission is False
        assert "capacity" not in page.context["adminform"].form.fields
        response = client.post(change_url(office), with_changed_hours_and_spaces(page))
        assert response.status_code == 302
        office.refresh_from_db()
        assert office.capacity == 30
        assert office.spaces.get().capacity == 6
        # What the host may still change (the hours, with edit_opening_hours) was saved.
        assert office.weekly_hours.get().opens == time(7)

    def test_a_host_without_it_adds_no_space(self, client, office):
        as_host(client, office)
        page = client.get(change_url(office))
        data = posted_as_shown(page)
        prefix = inline_for(page, Space).formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = "2"
        data.update({f"{prefix}-1-name_sv": "Salen", f"{prefix}-1-kind": "hall"})
        data[f"{prefix}-1-capacity"] = "80"
        client.post(change_url(office), data)
        assert list(office.spaces.values_list("name", flat=True)) == ["Mötesrum Ek"]

    def test_a_host_of_another_office_gains_nothing_from_the_permission(self, client, office):
        as_host(client, OfficeFactory(name="Fittja kontor"), HOURS, SPACES)
        assert client.get(change_url(office)).status_code == 302


def test_an_operator_admin_sets_hours_and_spaces_by_their_role(client, office):
    user = UserFactory()
    role_assign(user=user, role=Role.OPERATOR_ADMIN, operator=office.operator)
    client.force_login(user)
    page = client.get(change_url(office))
    response = client.post(change_url(office), with_changed_hours_and_spaces(page))
    assert response.status_code == 302, response.context["errors"]
    office.refresh_from_db()
    assert office.capacity == 99
    assert office.weekly_hours.get().opens == time(7)


class TestMunicipalOfficer:
    """An officer reads every office of their municipality; the admin says "View"."""

    @pytest.fixture
    def officer(self, client, office):
        user = UserFactory()
        role_assign(user=user, role=Role.MUNICIPAL_OFFICER, municipality=office.municipality)
        client.force_login(user)
        return user

    def test_the_index_offers_view_never_change(self, client, officer):
        response = client.get("/en/admin/")
        models = [m for app in response.context["app_list"] for m in app["models"]]
        assert {m["object_name"] for m in models} >= {"Office", "Operator", "Municipality"}
        changeable = [m["object_name"] for m in models if not m["view_only"]]
        assert changeable == [], changeable
        with translation.override("en"):
            assert f">{gettext('View')}<" in response.content.decode()
        assert "/change/" not in response.content.decode()

    @pytest.mark.parametrize("language", ["sv", "en", "ar"])
    def test_an_office_is_shown_to_view_without_save(self, client, officer, office, language):
        url = f"/{language}/admin/places/office/{office.pk}/change/"
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="_save"' not in html and 'name="_continue"' not in html
        with translation.override(language):
            assert response.context["title"] == gettext("View %s") % Office._meta.verbose_name
        for inline in response.context["inline_admin_formsets"]:
            assert not inline.has_change_permission and not inline.has_add_permission
        assert client.post(url, posted_as_shown(response)).status_code == 403

    def test_the_office_list_is_to_view(self, client, officer, office):
        response = client.get("/en/admin/places/office/")
        assert response.status_code == 200
        with translation.override("en"):
            expected = gettext("Select %s to view") % Office._meta.verbose_name
        assert response.context["title"] == expected
