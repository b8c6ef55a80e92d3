"""Open311 GeoReport v2 over problem reports: the fields the spec lists, filters, filing, errors.

The spec: https://wiki.open311.org/GeoReport_v2/ . An existing client
(``georeport``, from PyPI) reads our feed over HTTP at the end.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from georeport import GeoReport

from publicoffice.accounts.services import api_token_create
from publicoffice.dialogue import open311
from publicoffice.dialogue.models import ProblemCategory, ProblemReport
from publicoffice.dialogue.moderation import hide
from tests.dialogue.factories import person
from tests.dialogue.problem_makers import barrier, report, update
from tests.factories import OfficeFactory, OperatorFactory

pytestmark = pytest.mark.django_db

#: GeoReport v2, "GET Service List": the fields of each service.
SERVICE_FIELDS = {
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
}
#: GeoReport v2, "GET Service Requests": the fields of each request.
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}
BASE = "/open311/v2"


def recent(days: float = 1) -> object:
    return timezone.now() - timedelta(days=days)


def errors_of(response) -> list[dict]:
    body = response.json()
    assert isinstance(body, list) and body, body
    for error in body:
        assert set(error) == {"code", "description"}
        assert error["code"] == response.status_code and error["description"]
    return body


class TestServices:
    def test_one_service_per_category_with_the_spec_fields(self, client):
        services = client.get(f"{BASE}/services.json?locale=en").json()
        assert [s["service_code"] for s in services] == [
            "equipment",
            "cleanliness",
            "accessibility",
            "safety",
            "other",
        ]
        for service in services:
            assert set(service) == SERVICE_FIELDS
            assert service["metadata"] is False and service["type"] == "realtime"
        assert services[2]["service_name"] == "An accessibility barrier"
        assert "lift" in services[2]["keywords"].split(",")

    @pytest.mark.parametrize(
        ("query", "header", "language"),
        [
            ("?locale=sv_SE", "", "sv"),
            ("", "sv", "sv"),
            ("?locale=en-GB", "sv", "en"),
            ("", "ar,en;q=0.8", "ar"),
            ("?locale=xx", "en", "en"),
        ],
    )
    def test_names_follow_the_locale_or_accept_language(self, client, query, header, language):
        response = client.get(f"{BASE}/services.json{query}", HTTP_ACCEPT_LANGUAGE=header)
        with translation.override(language):
            assert response.json()[0]["service_name"] == str(ProblemCategory.EQUIPMENT.label)

    def test_errors_speak_the_locale(self, client):
        response = client.get(f"{BASE}/requests.json?status=pending&locale=sv")
        assert errors_of(response)[0]["description"] == "Välj en status i listan."


class TestRequests:
    def test_every_field_the_spec_lists(self, client, office, host):
        problem = barrier(office, now=recent(2))
        update(host, problem, "in_progress", text="Hissfirman kommer i morgon.", now=recent(1))
        (row,) = client.get(f"{BASE}/requests.json?locale=en").json()
        assert set(row) == REQUEST_FIELDS
        assert row["service_request_id"] == str(problem.public_id)
        assert (row["status"], row["service_code"]) == ("open", "accessibility")
        assert row["status_notes"] == "Hissfirman kommer i morgon."
        assert row["service_name"] == "An accessibility barrier"
        assert row["description"].startswith("Hissen är trasig")
        assert row["agency_responsible"] == office.operator.name
        assert row["address_id"] == "ronna" and row["zipcode"] == office.postal_code
        assert (Decimal(str(row["lat"])), Decimal(str(row["long"]))) == (
            office.latitude,
            office.longitude,
        )
        assert row["requested_datetime"].endswith(("+01:00", "+02:00"))
        assert row["expected_datetime"] is None and row["media_url"] == ""

    def test_closed_and_fixed_reports_are_closed(self, client, office, host):
        fixed, dismissed, waiting = report(office), report(office), report(office)
        update(host, fixed, "fixed")
        update(host, dismissed, "not_a_problem")
        for problem in (fixed, dismissed, waiting):
            ProblemReport.objects.filter(pk=problem.pk).update(created_at=recent())
        rows = client.get(f"{BASE}/requests.json").json()
        status = {row["service_request_id"]: row["status"] for row in rows}
        assert status == {
            str(fixed.public_id): "closed",
            str(dismissed.public_id): "closed",
            str(waiting.public_id): "open",
        }
        closed = client.get(f"{BASE}/requests.json?status=closed").json()
        assert {r["service_request_id"] for r in closed} == {
            str(fixed.public_id),
            str(dismissed.public_id),
        }
        both = client.get(f"{BASE}/requests.json?status=open,closed").json()
        assert len(both) == 3

    def test_the_last_90_days_by_default_and_dates_as_asked(self, client, office):
        new, old = report(office, now=recent(10)), report(office, now=recent(120))
        ids = [r["service_request_id"] for r in client.get(f"{BASE}/requests.json").json()]
        assert ids == [str(new.public_id)]
        start = (timezone.now() - timedelta(days=130)).date().isoformat()
        end = (timezone.now() - timedelta(days=100)).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows = client.get(f"{BASE}/requests.json?start_date={start}&end_date={end}").json()
        assert [r["service_request_id"] for r in rows] == [str(old.public_id)]

    def test_ids_override_the_other_filters(self, client, office):
        old, new = report(office, now=recent(200)), report(office, category="safety", now=recent())
        query = f"service_request_id={old.public_id},nonsense,{new.public_id}&service_code=other"
        rows = client.get(f"{BASE}/requests.json?{query}").json()
        assert {r["service_request_id"] for r in rows} == {str(old.public_id), str(new.public_id)}

    def test_service_code_filters(self, client, office):
        barrier(office, now=recent())
        report(office, now=recent())
        rows = client.get(f"{BASE}/requests.json?service_code=accessibility,safety").json()
        assert [r["service_code"] for r in rows] == ["accessibility"]

    def test_at_most_the_limit_newest_first(self, client, office, monkeypatch):
        monkeypatch.setattr(open311, "MAX_RESULTS", 3)
        made = [report(office, now=recent(days)) for days in (5, 4, 3, 2, 1)]
        rows = client.get(f"{BASE}/requests.json").json()
        assert [r["service_request_id"] for r in rows] == [
            str(p.public_id) for p in reversed(made[-3:])
        ]

    def test_hidden_reports_are_left_out(self, client, office, host):
        problem = report(office, now=recent())
        hide(staff=host, item=problem, reason="Reklam")
        assert client.get(f"{BASE}/requests.json").json() == []
        response = client.get(f"{BASE}/requests/{problem.public_id}.json")
        assert response.status_code == 404 and errors_of(response)

    def test_one_request_is_a_list_of_one(self, client, office):
        problem = report(office, now=recent())
        rows = client.get(f"{BASE}/requests/{problem.public_id}.json").json()
        assert [r["service_request_id"] for r in rows] == [str(problem.public_id)]

    @pytest.mark.parametrize(
        ("query", "status"),
        [
            ("start_date=yesterday", 400),
            ("start_date=2026-11-01T10:00:00", 400),  # no offset
            ("start_date=2026-11-01&end_date=2026-10-01", 400),
            ("start_date=2025-01-01&end_date=2025-06-01", 400),  # more than 90 days
            ("status=pending", 400),
            ("service_code=lift", 400),
            ("start_date=" + "9" * 300, 400),
        ],
    )
    def test_bad_queries_are_the_specs_errors(self, client, query, status):
        response = client.get(f"{BASE}/requests.json?{query}")
        assert response.status_code == status
        errors_of(response)

    @pytest.mark.parametrize("public_id", ["nope", "00000000-0000-0000-0000-000000000000", "ي"])
    def test_unknown_ids_are_404(self, client, public_id):
        response = client.get(f"{BASE}/requests/{public_id}.json")
        assert response.status_code == 404
        errors_of(response)

    def test_the_list_query_count_does_not_grow(self, client, office, host):
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"{BASE}/requests.json").status_code == 200
            return len(queries)

        update(host, report(office, now=recent()), "fixed", now=recent(0))
        few = count()
        for number in range(20):
            made = report(office, title=f"P {number}", now=recent())
            update(host, made, "in_progress", now=recent(0))
        assert count() == few


@pytest.fixture
def key(author) -> str:
    return api_token_create(user=author, name="Ärendesystem")[1]


def filing(key: str, **fields) -> dict:
    return {
        "api_key": key,
        "service_code": "cleanliness",
        "description": "Toaletten på plan 2 är mycket smutsig och tvålen är slut sedan i går.",
        "attribute[office]": "ronna",
        **fields,
    }


class TestFiling:
    def test_a_case_system_files_a_report_for_a_resident(self, client, office, author, key):
        response = client.post(
            f"{BASE}/requests.json",
            filing(
                key, email="boende@example.org", first_name="Amal", last_name="Ali", phone="070"
            ),
        )
        assert response.status_code == 201
        (answer,) = response.json()
        problem = ProblemReport.objects.get()
        assert answer["service_request_id"] == str(problem.public_id)
        assert set(answer) == {"service_request_id", "service_notice", "account_id"}
        assert (problem.office, problem.reporter, problem.category) == (
            office,
            author,
            "cleanliness",
        )
        assert problem.contact_email == "boende@example.org"
        assert problem.title == filing(key)["description"]  # short: the whole description
        stored = " ".join(str(v) for v in ProblemReport.objects.values().get().values())
        assert "Amal" not in stored and "Ali" not in stored and "070" not in stored

    def test_a_position_near_an_office_names_it(self, client, office, other_office, key):
        other_office.latitude, other_office.longitude = Decimal("59.3"), Decimal("18.0")
        other_office.save()
        near = {"lat": "59.2010", "long": "17.6050"}  # about 100 m from Ronna
        fields = {k: v for k, v in filing(key, **near).items() if k != "attribute[office]"}
        assert client.post(f"{BASE}/requests.json", fields).status_code == 201
        assert ProblemReport.objects.get().office == office

    @pytest.mark.parametrize(
        ("fields", "status"),
        [
            ({"api_key": "po_wrong"}, 401),
            ({"api_key": ""}, 401),
            ({"service_code": "lift"}, 400),
            ({"description": ""}, 400),
            ({"description": "x" * 5000}, 400),
            ({"attribute[office]": "nowhere"}, 400),
            ({"attribute[office]": "", "lat": "0", "long": "0"}, 400),
            ({"attribute[office]": "", "lat": "north", "long": "1"}, 400),
            ({"attribute[office]": ""}, 400),
            ({"email": "not-an-address"}, 400),
            ({"attribute[language]": "de"}, 400),
        ],
    )
    def test_refusals_are_the_specs_errors(self, client, office, key, fields, status):
        response = client.post(f"{BASE}/requests.json", {**filing(key), **fields})
        assert response.status_code == status
        errors_of(response)
        assert not ProblemReport.objects.exists()

    def test_errors_follow_the_locale(self, client, office, key):
        response = client.post(
            f"{BASE}/requests.json?locale=en", {**filing(key), "service_code": "lift"}
        )
        assert errors_of(response)[0]["description"] == "Choose what kind of problem it is."

    def test_writes_count_against_the_api_limit(self, client, office, key, settings):
        settings.API_WRITE_LIMIT = 2
        for _ in range(2):
            assert client.post(f"{BASE}/requests.json", filing(key)).status_code == 201
        response = client.post(f"{BASE}/requests.json", filing(key))
        assert response.status_code == 429 and errors_of(response)

    def test_arabic_and_emoji_are_filed_as_written(self, client, office, key):
        text = "الحمام متسخ جدا 🧻 <b>"
        assert (
            client.post(
                f"{BASE}/requests.json",
                filing(key, description=text, **{"attribute[language]": "ar"}),
            ).status_code
            == 201
        )
        problem = ProblemReport.objects.get()
        assert (problem.title, problem.description, problem.language) == (text, text, "ar")

    def test_no_csrf_token_is_needed_but_a_get_is_not_a_filing(self, office, key):
        strict = Client(enforce_csrf_checks=True)
        assert strict.post(f"{BASE}/requests.json", filing(key)).status_code == 201
        assert strict.get(f"{BASE}/requests.json", filing(key)).status_code == 200
        assert ProblemReport.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_existing_open311_client_reads_our_feed(live_server):
    """``georeport`` (PyPI) lists the services, the requests and one request over HTTP."""
    office = OfficeFactory(slug="ronna", operator=OperatorFactory(answer_within_days=10))
    problem = barrier(office, reporter=person("Amina"), now=recent())
    client = GeoReport(f"{live_server.url}{BASE}")
    assert [s["service_code"] for s in client.get_service_list()][2] == "accessibility"
    (row,) = client.get_service_requests(service_code="accessibility", status="open")
    assert row["service_request_id"] == str(problem.public_id)
    assert client.get_service_request(str(problem.public_id))["status"] == "open"
