"""The reports as files: ``?format=csv|json`` gives exactly the page's report."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.utils.translation import gettext

from publicoffice.accounts.models import Role
from tests.reports.test_pages_public import LATE_2026, MARCH, publish, put_scopes
from tests.reports.test_pages_staff import log_in

NOTICE = "Exact figures: not for publication"


@pytest.fixture
def figures(network):
    put_scopes(network["ronna"], MARCH, "visits.people", "qr", 3)
    put_scopes(network["hovsjo"], MARCH, "visits.people", "qr", 20)
    put_scopes(network["fittja"], MARCH, "visits.people", "qr", 30)
    publish(2026, now=LATE_2026)
    return network


def rows_of(response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8").lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def people(rows: list[dict[str, str]]) -> dict[str, str]:
    return next(row for row in rows if row["metric"] == "visits.people" and row["key"] == "")


@pytest.mark.django_db
class TestPublic:
    def test_csv_hides_a_small_count_and_says_why(self, client, figures):
        response = client.get(
            "/sv/offices/ronna/statistics/", {"period": "2026-03", "format": "csv"}
        )
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "statistics-office-ronna-2026-03.csv" in response["Content-Disposition"]
        row = people(rows_of(response))
        assert row["value"] == "" and row["flag"] == "fewer_than_5"
        assert "notice" not in row

    def test_json_of_the_network(self, client, figures):
        response = client.get("/sv/statistics/", {"period": "2026-03", "format": "json"})
        document = json.loads(response.content)
        assert document["meta"]["exact"] is False
        assert document["meta"]["for_publication"] is True
        assert document["meta"]["period"] == "2026-03"
        assert all(row["value"] not in (1, 2, 3, 4) for row in document["rows"])

    def test_json_of_a_municipality(self, client, figures):
        response = client.get(
            "/sv/statistics/municipality/0181/", {"period": "2026-03", "format": "json"}
        )
        assert response.status_code == 200
        assert json.loads(response.content)["meta"]["scope"]["ref"] == "0181"

    def test_a_period_not_published_has_no_values(self, client, figures):
        response = client.get("/sv/statistics/", {"period": "2026-12", "format": "csv"})
        assert {row["flag"] for row in rows_of(response) if row["section"] != "rates"} == {
            "not_published"
        }


@pytest.mark.django_db
class TestExact:
    def test_csv_says_not_for_publication_in_its_first_column(self, client, figures):
        log_in(client, Role.HOST, office=figures["ronna"])
        response = client.get("/sv/reports/office/ronna/", {"period": "2026-03", "format": "csv"})
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        header = response.content.decode("utf-8").lstrip("\ufeff").splitlines()[0]
        assert header.startswith("notice,")
        rows = rows_of(response)
        assert {row["notice"] for row in rows} == {gettext(NOTICE)}
        assert people(rows)["value"] == "3"
        assert "-exact.csv" in response["Content-Disposition"]

    def test_json_is_marked_exact(self, client, figures):
        log_in(client, Role.HOST, office=figures["ronna"])
        response = client.get("/sv/reports/office/ronna/", {"period": "2026-03", "format": "json"})
        document = json.loads(response.content)
        assert document["meta"]["exact"] is True
        assert document["meta"]["for_publication"] is False
        assert document["meta"]["notice"] == gettext(NOTICE)
        row = next(r for r in document["rows"] if r["metric"] == "visits.people" and not r["key"])
        assert row["value"] == 3

    def test_a_custom_period_has_a_plain_file_name(self, client, figures):
        log_in(client, Role.HOST, office=figures["ronna"])
        response = client.get(
            "/sv/reports/office/ronna/", {"period": "2026-03-01..2026-03-10", "format": "csv"}
        )
        assert "2026-03-01_2026-03-10-exact.csv" in response["Content-Disposition"]

    def test_someone_else_gets_no_file(self, client, figures):
        log_in(client, Role.HOST, office=figures["fittja"])
        response = client.get("/sv/reports/office/ronna/", {"format": "json"})
        assert response.status_code == 403


@pytest.mark.django_db
def test_the_staff_file_has_the_offices_ticked_to_compare(client, figures):
    log_in(client, Role.MUNICIPAL_OFFICER, municipality=figures["ronna"].municipality)
    page = client.get(
        "/sv/reports/municipality/0181/", {"period": "2026-03", "compare": ["ronna", "hovsjo"]}
    )
    assert "&amp;compare=hovsjo&amp;compare=ronna&amp;format=csv" in page.content.decode()
    response = client.get(
        "/sv/reports/municipality/0181/",
        {"period": "2026-03", "format": "csv", "compare": ["ronna", "hovsjo"]},
    )
    offices = [row for row in rows_of(response) if row["section"] == "offices"]
    people_by_office = {
        row["scope_ref"]: row["value"] for row in offices if row["metric"] == "visits.people"
    }
    assert people_by_office == {"ronna": "3", "hovsjo": "20"}
    assert all(row["notice"] == gettext(NOTICE) for row in offices)
    document = client.get(
        "/sv/reports/municipality/0181/", {"period": "2026-03", "format": "json"}
    ).json()
    assert {row["scope_ref"] for row in document["offices"]} == {"ronna", "hovsjo"}
