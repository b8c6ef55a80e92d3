"""The OpenAPI document declares every status an operation can answer, and its limits.

A client generated from the document (or a fuzzer such as schemathesis)
must never meet a status the document does not list: a wrong key is 401 on
every operation, a value the schema refuses is 422, a write past the limit
is 429, and each refusal of the domain has its registry's status.
"""

from __future__ import annotations

import pytest
from django.conf import settings

from publicoffice.api.common import WRITE_ERRORS, WRITE_WINDOW_SECONDS
from publicoffice.api.schemas import MAX_PAGE, MAX_PAGE_SIZE
from publicoffice.core.error_codes import ErrorCode
from publicoffice.core.error_specs import ERRORS
from tests.factories import OfficeFactory, UserFactory

pytestmark = pytest.mark.django_db

WRITE_METHODS = {"post", "put", "patch", "delete"}


@pytest.fixture
def operations(client) -> list[tuple[str, str, dict]]:
    schema = client.get("/api/v1/openapi.json").json()
    found = [
        (method.upper(), path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]
    assert len(found) > 15
    return found


def test_every_operation_declares_a_wrong_key_and_a_refused_value(operations):
    for method, path, operation in operations:
        declared = set(operation["responses"])
        assert {"401", "422"} <= declared, f"{method} {path}: {sorted(declared)}"


def test_every_write_declares_its_rate_limit(operations):
    for method, path, operation in operations:
        if method.lower() not in WRITE_METHODS:
            continue
        assert "429" in operation["responses"], f"{method} {path}"
        limit = operation.get("x-rate-limit")
        assert limit, f"{method} {path} does not document its limit"
        assert limit["limit"] == int(settings.API_WRITE_LIMIT)
        assert limit["window_seconds"] == WRITE_WINDOW_SECONDS
        assert limit["code"] == ErrorCode.TOO_MANY_REQUESTS


def test_writes_declare_every_status_a_refusal_of_the_domain_has(operations):
    """Writes go through services that may raise any code; all their statuses are listed."""
    statuses = {str(spec.status) for spec in ERRORS.values()}
    assert statuses == {str(status) for status in WRITE_ERRORS}
    for method, path, operation in operations:
        if method.lower() in WRITE_METHODS:
            assert statuses <= set(operation["responses"]), f"{method} {path}"


def test_a_declared_error_is_described_as_the_error_body(operations):
    for method, path, operation in operations:
        for status, response in operation["responses"].items():
            if status in {"401", "422", "429"}:
                content = response["content"]["application/json"]["schema"]
                assert content == {"$ref": "#/components/schemas/ErrorOut"}, f"{method} {path}"


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/offices?page=0", 422),
        ("/api/v1/offices/nowhere", 404),
        ("/api/v1/events?page=abc", 422),
    ],
)
def test_the_answers_are_among_the_declared(client, operations, url, status):
    response = client.get(url)
    assert response.status_code == status
    response = client.get(url, headers={"Authorization": "Bearer not-a-key"})
    assert response.status_code == 401


def parameter(schema: dict, path: str, name: str) -> dict:
    operation = schema["paths"][path]["get"]
    found = [p for p in operation["parameters"] if p["name"] == name]
    assert len(found) == 1, f"{path} has no parameter {name}"
    return found[0]["schema"]


LISTS = ["/api/v1/offices", "/api/v1/events", "/api/v1/me/bookings", "/api/v1/me/registrations"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(("name", "maximum"), [("page", MAX_PAGE), ("page_size", MAX_PAGE_SIZE)])
def test_page_limits_are_declared_and_are_the_ones_the_server_holds(client, path, name, maximum):
    declared = parameter(client.get("/api/v1/openapi.json").json(), path, name)
    assert (declared["minimum"], declared["maximum"]) == (1, maximum)
    client.force_login(UserFactory())
    for value in (1, maximum):
        assert client.get(f"{path}?{name}={value}").status_code == 200, f"{name}={value}"
    for value in (0, maximum + 1):
        answer = client.get(f"{path}?{name}={value}")
        assert answer.status_code == 422, f"{name}={value}"
        assert answer.json()["code"] in {"invalid_page", "invalid_input"}


@pytest.mark.parametrize(
    ("path", "name", "minimum", "maximum"),
    [
        ("/api/v1/spaces/{space_id}/availability", "days", 1, 14),
        ("/api/v1/offices/{slug}/availability", "days", 1, 14),
        ("/api/v1/bookings/find", "duration", 5, 1440),
        ("/api/v1/bookings/find", "attendees", 1, 10_000),
    ],
)
def test_other_numeric_limits_are_declared(client, path, name, minimum, maximum):
    declared = parameter(client.get("/api/v1/openapi.json").json(), path, name)
    assert (declared["minimum"], declared["maximum"]) == (minimum, maximum)


def test_a_numbered_office_address_declares_the_answer_after_its_redirect(client, operations):
    office = OfficeFactory()
    schema = client.get("/api/v1/openapi.json").json()
    responses = schema["paths"]["/api/v1/offices/{office_id}"]["get"]["responses"]
    assert {"200", "308", "404"} <= set(responses)
    followed = responses["200"]["content"]["application/json"]["schema"]["$ref"]
    assert followed.rsplit("/", 1)[1] in schema["components"]["schemas"]
    answer = client.get(f"/api/v1/offices/{office.pk}", follow=True)
    assert answer.status_code == 200
    assert answer.json()["slug"] == office.slug
