"""A wrong, malformed or revoked API key is a 401 on every operation, public reads too."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from publicoffice.accounts.services import api_token_create, api_token_revoke
from publicoffice.api.api import api
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

#: A value for each path parameter; a wrong key must be refused before any is looked at.
PATH_VALUES = {"slug": "ronna", "public_id": "abc123", "office_id": "1"}


def _operations() -> list[tuple[str, str]]:
    """Every (method, address) of the API, read from its OpenAPI document."""
    operations = []
    for template, methods in api.get_openapi_schema()["paths"].items():
        address = re.sub(r"\{(\w+)\}", lambda m: PATH_VALUES.get(m.group(1), "1"), template)
        operations.extend((method.upper(), address) for method in methods)
    return operations


OPERATIONS = _operations()


def _revoked_key() -> str:
    user = UserFactory()
    token, key = api_token_create(user=user, name="old script")
    assert api_token_revoke(user=user, token_id=token.pk)
    return key


def _key_of_a_deactivated_member() -> str:
    user = UserFactory()
    _token, key = api_token_create(user=user, name="script")
    user.is_active = False
    user.save(update_fields=["is_active"])
    return key


BAD_HEADERS = {
    "wrong": lambda: "Bearer po_not-a-real-key",
    "without prefix": lambda: "Bearer abc",
    "empty": lambda: "Bearer ",
    "other scheme": lambda: "Basic dXNlcjpwYXNz",
    "no scheme": lambda: "po_abc",
    "revoked": lambda: f"Bearer {_revoked_key()}",
    "deactivated member": lambda: f"Bearer {_key_of_a_deactivated_member()}",
}


def test_the_routes_were_read():
    assert ("GET", "/api/v1/offices") in OPERATIONS
    assert ("POST", "/api/v1/bookings") in OPERATIONS
    assert len(OPERATIONS) >= 20


@pytest.mark.parametrize(("method", "address"), OPERATIONS)
@pytest.mark.parametrize("kind", list(BAD_HEADERS))
def test_a_bad_key_is_a_401_on_every_operation(method, address, kind):
    client = Client(headers={"authorization": BAD_HEADERS[kind]()})
    response = client.generic(method, address, "{}", content_type="application/json")
    assert response.status_code == 401, response.content
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("method", "address"), [op for op in OPERATIONS if op[0] == "GET"])
def test_a_bad_key_is_refused_even_with_a_session(method, address):
    client = Client(headers={"authorization": "Bearer po_wrong"})
    client.force_login(UserFactory())
    assert client.get(address).status_code == 401


def test_public_reads_still_need_no_key_and_take_a_good_one():
    assert Client().get("/api/v1/offices").status_code == 200
    _token, key = api_token_create(user=UserFactory(), name="script")
    assert (
        Client(headers={"authorization": f"Bearer {key}"}).get("/api/v1/offices").status_code == 200
    )
    assert (
        Client(headers={"authorization": f"Bearer {key}"}).get("/api/v1/events").status_code == 200
    )
