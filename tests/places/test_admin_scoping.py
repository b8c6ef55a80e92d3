"""The Django admin shows and changes only what a role's scope covers."""

from __future__ import annotations

import pytest
from django.test import Client

from publicoffice.accounts.models import Role
from publicoffice.staff.services import role_assign
from tests.factories import (
    MunicipalityFactory,
    OfficeFactory,
    OperatorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    municipality = MunicipalityFactory(code="0181", name="Södertälje")
    operator = OperatorFactory(name="Ronna Områdesföretag")
    other_operator = OperatorFactory(name="Fittja Kooperativ")
    return {
        "municipality": municipality,
        "operator": operator,
        "mine": OfficeFactory(name="Ronna kontor", operator=operator, municipality=municipality),
        "sibling": OfficeFactory(
            name="Hovsjö kontor", operator=operator, municipality=municipality
        ),
        "foreign": OfficeFactory(name="Fittja kontor", operator=other_operator),
    }


def logged_in(client: Client, role: Role | None = None, **scope) -> Client:
    user = UserFactory()
    if role is not None:
        role_assign(user=user, role=role, **scope)
    client.force_login(user)
    return client


def changelist_names(client: Client) -> set[str]:
    response = client.get("/sv/admin/places/office/")
    assert response.status_code == 200
    return {str(o.name) for o in response.context["cl"].result_list}


def test_member_cannot_enter_the_admin(client: Client, world):
    logged_in(client)
    response = client.get("/sv/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_host_sees_and_edits_only_their_office(client: Client, world):
    logged_in(client, Role.HOST, office=world["mine"])
    assert changelist_names(client) == {"Ronna kontor"}
    assert client.get(f"/sv/admin/places/office/{world['mine'].pk}/change/").status_code == 200
    # Another office is as if it did not exist: redirected away, nothing shown.
    response = client.get(f"/sv/admin/places/office/{world['sibling'].pk}/change/")
    assert response.status_code == 302
    response = client.post(
        f"/sv/admin/places/office/{world['foreign'].pk}/change/", {"capacity": 1}
    )
    assert response.status_code == 302
    world["foreign"].refresh_from_db()
    assert world["foreign"].capacity == 30
    # Hosts create no offices and do not delete their own.
    assert client.get("/sv/admin/places/office/add/").status_code == 403
    assert client.get(f"/sv/admin/places/office/{world['mine'].pk}/delete/").status_code == 403


def test_operator_admin_sees_the_operators_offices(client: Client, world):
    logged_in(client, Role.OPERATOR_ADMIN, operator=world["operator"])
    assert changelist_names(client) == {"Ronna kontor", "Hovsjö kontor"}
    assert client.get(f"/sv/admin/places/office/{world['sibling'].pk}/change/").status_code == 200
    assert client.get(f"/sv/admin/places/office/{world['foreign'].pk}/change/").status_code == 302
    operators = client.get("/sv/admin/places/operator/").context["cl"].result_list
    assert [o.name for o in operators] == ["Ronna Områdesföretag"]


def test_municipal_officer_reads_without_changing(client: Client, world):
    logged_in(client, Role.MUNICIPAL_OFFICER, municipality=world["municipality"])
    assert changelist_names(client) == {"Ronna kontor", "Hovsjö kontor"}
    response = client.get(f"/sv/admin/places/office/{world['mine'].pk}/change/")
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    response = client.post(f"/sv/admin/places/office/{world['mine'].pk}/change/", {"capacity": 1})
    assert response.status_code == 403


def test_platform_admin_sees_everything(client: Client, world):
    logged_in(client, Role.PLATFORM_ADMIN)
    assert changelist_names(client) == {"Ronna kontor", "Hovsjö kontor", "Fittja kontor"}
    assert client.get("/sv/admin/places/office/add/").status_code == 200
    assert client.get("/sv/admin/accounts/user/").status_code == 200


def test_host_cannot_see_other_users_or_grant_roles(client: Client, world):
    logged_in(client, Role.HOST, office=world["mine"])
    users = client.get("/sv/admin/accounts/user/").context["cl"].result_list
    assert len(users) == 1  # only themselves
    assert users[0].pk == int(client.session["_auth_user_id"])
    assert client.get("/sv/admin/accounts/roleassignment/add/").status_code == 403
