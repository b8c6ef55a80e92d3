"""The reports API through the HTTP client: published statistics and staff's exact reports.

The network of ``tests/reports/conftest.py``: Ronna and Hovsjö in Södertälje
(0181, one operator), Fittja in Botkyrka (0127, another operator). Roll-up
rows are made by hand and published with :func:`publish` as the nightly
task does, at :data:`LATE_2026` (so January to November 2026 are published).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.reports.publication import publish
from tests.api.dialogue_factories import refusal, session_client, token_client
from tests.dialogue.factories import (
    host_of,
    officer_of,
    operator_admin_of,
    person,
    platform_admin,
)
from tests.factories import OfficeFactory
from tests.reports import conftest as reports_conftest
from tests.reports.conftest import put

pytestmark = pytest.mark.django_db

network = reports_conftest.network

STOCKHOLM = ZoneInfo("Europe/Stockholm")
LATE_2026 = datetime(2026, 12, 5, 12, tzinfo=STOCKHOLM)
MARCH = date(2026, 3, 3)

STATISTICS = "/api/v1/statistics"
REPORTS = "/api/v1/reports"
COUNTED = {"count"}


@pytest.fixture
def figures(network) -> dict[str, Any]:
    """March 2026: 3 people at Ronna (a small count), 20 at Hovsjö, 30 at Fittja; published."""
    put(network["ronna"], MARCH, "visits.people", "qr", 3)
    put(network["hovsjo"], MARCH, "visits.people", "qr", 20)
    put(network["fittja"], MARCH, "visits.people", "qr", 30)
    publish(2026, now=LATE_2026)
    return network


def line(answer: dict, metric: str, key: str = "") -> dict:
    found = [row for row in answer["lines"] if row["metric"] == metric and row["key"] == key]
    assert len(found) == 1, (metric, key)
    return found[0]


def no_small_count(answer: dict) -> None:
    """Nothing in a public answer is a count from 1 to 4."""
    for row in answer["lines"]:
        if row["unit"] in COUNTED:
            for column in ("value", "previous_value", "last_year_value"):
                assert row[column] not in (1, 2, 3, 4), (row["metric"], row["key"], column)
    for cell in [*answer["trend"], *answer["week_hours"]]:
        assert cell["value"] not in (1, 2, 3, 4), cell


# -- shapes ----------------------------------------------------------------------------------


def test_public_statistics_have_meta_lines_trend_and_week_hours(client, figures):
    response = client.get(f"{STATISTICS}/office/ronna", {"period": "2026-03", "lang": "en"})
    assert response.status_code == 200, response.content
    answer = response.json()
    assert set(answer) == {"meta", "lines", "trend", "week_hours"}
    assert answer["meta"]["scope"]["name"].startswith("Ronna")
    assert answer["meta"] == {
        "scope": {"kind": "office", "ref": "ronna", "name": answer["meta"]["scope"]["name"]},
        "period": "2026-03",
        "previous_period": "2026-02",
        "last_year_period": "2025-03",
        "exact": False,
        "for_publication": True,
    }
    people = line(answer, "visits.people")
    assert set(people) == {
        "section",
        "metric",
        "key",
        "label",
        "unit",
        "value",
        "flag",
        "previous_value",
        "previous_flag",
        "last_year_value",
        "last_year_flag",
    }
    assert people["last_year_flag"] == "not_published"
    assert [step["period"] for step in answer["trend"]] == [f"2026-{m:02d}" for m in range(1, 12)]
    assert answer["week_hours"] == []  # only a whole published year has them


def test_without_a_period_the_latest_published_month_is_answered(client, figures):
    answer = client.get(f"{STATISTICS}/municipality/0181").json()
    assert answer["meta"]["period"] == "2026-11"
    assert answer["meta"]["scope"] == {"kind": "municipality", "ref": "0181", "name": "Södertälje"}
    network_answer = client.get(f"{STATISTICS}/network/network", {"period": "2026-03"}).json()
    assert line(network_answer, "visits.people")["value"] == 53


def test_the_hours_of_the_week_are_for_staff_only(client, network):
    put(network["hovsjo"], date(2025, 3, 3), "visits.hourly", "10", 30)  # a Monday
    put(network["hovsjo"], date(2025, 3, 3), "visits.people", "qr", 30)
    publish(2025, now=LATE_2026)
    for path in ("municipality/0181", "office/hovsjo", "network/network"):
        answer = client.get(f"{STATISTICS}/{path}", {"period": "2025"}).json()
        assert answer["week_hours"] == []
    answer = client.get(f"{STATISTICS}/office/hovsjo", {"period": "2025"}).json()
    assert line(answer, "visits.people")["value"] == 30
    no_small_count(answer)


def test_published_periods_newest_first(client, figures):
    publish(2025, now=LATE_2026)
    response = client.get(f"{STATISTICS}/periods", {"lang": "en"})
    assert response.status_code == 200, response.content
    answer = response.json()
    assert answer["latest"] == "2026-11"
    months = [m["period"] for m in answer["months"]]
    assert months[:2] == ["2026-11", "2026-10"] and months[11] == "2025-12"
    assert len(months) == 11 + 12
    assert [y["period"] for y in answer["years"]] == ["2025"]
    assert answer["years"][0]["label"] == "2025"
    assert answer["months"][0]["published_at"]


def test_no_periods_before_anything_is_published(client, network):
    assert client.get(f"{STATISTICS}/periods").json() == {"latest": None, "months": [], "years": []}


# -- a small count: hidden in public, exact for staff ----------------------------------------


def test_a_small_count_is_hidden_in_public_and_exact_for_the_office_host(client, figures):
    public = client.get(f"{STATISTICS}/office/ronna", {"period": "2026-03"}).json()
    people = line(public, "visits.people")
    assert (people["value"], people["flag"]) == (None, "fewer_than_5")
    no_small_count(public)
    for kind, ref in (("municipality", "0181"), ("network", "network")):
        no_small_count(client.get(f"{STATISTICS}/{kind}/{ref}", {"period": "2026-03"}).json())

    host = token_client(host_of(figures["ronna"]))
    response = host.get(f"{REPORTS}/office/ronna", {"period": "2026-03"})
    assert response.status_code == 200, response.content
    exact = response.json()
    assert exact["exact"] is True
    assert exact["meta"]["exact"] is True and exact["meta"]["for_publication"] is False
    people = line(exact, "visits.people")
    assert (people["value"], people["flag"]) == (3, "")
    assert line(exact, "visits.people", "qr")["value"] == 3
    assert {"period": "2026-03-03", "value": 3, "flag": ""} in exact["trend"]


def test_staff_may_ask_any_period_and_by_session(figures):
    host = session_client(host_of(figures["ronna"]))
    for period in ("2026-03-03", "2026-W10", "2026-Q1", "2026-03-01..2026-03-10"):
        response = host.get(f"{REPORTS}/office/ronna", {"period": period})
        assert response.status_code == 200, (period, response.content)
        assert line(response.json(), "visits.people")["value"] == 3


def test_operators_scope_is_by_number(figures):
    operator = figures["ronna"].operator
    admin = token_client(operator_admin_of(operator))
    response = admin.get(f"{REPORTS}/operator/{operator.pk}")
    assert response.status_code == 200, response.content
    assert response.json()["meta"]["scope"]["ref"] == str(operator.pk)
    # Operators have no public page.
    assert refusal(Client().get(f"{STATISTICS}/operator/{operator.pk}")) == (
        404,
        "report_scope_not_found",
    )


# -- who may read exact reports --------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "kind", "ref"),
    [
        ("botkyrka_officer", "office", "ronna"),
        ("botkyrka_officer", "municipality", "0181"),
        ("fittja_admin", "office", "ronna"),
        ("fittja_admin", "operator", "ronna_operator"),
        ("fittja_host", "office", "ronna"),
        ("ronna_host", "municipality", "0181"),
        ("ronna_host", "network", "network"),
        ("member", "office", "ronna"),
        ("member", "network", "network"),
    ],
)
def test_anyone_outside_the_scope_is_not_allowed(figures, who, kind, ref):
    people = {
        "botkyrka_officer": lambda: officer_of(figures["fittja"].municipality),
        "fittja_admin": lambda: operator_admin_of(figures["fittja"].operator),
        "fittja_host": lambda: host_of(figures["fittja"], "FittjaHost"),
        "ronna_host": lambda: host_of(figures["ronna"]),
        "member": lambda: person("Amina"),
    }
    if ref == "ronna_operator":
        ref = str(figures["ronna"].operator_id)
    client = token_client(people[who]())
    response = client.get(f"{REPORTS}/{kind}/{ref}", {"period": "2026-03"})
    assert refusal(response) == (403, "report_not_allowed")
    assert "3" not in str(response.json().get("details", ""))


def test_the_municipality_officer_and_platform_admin_may(figures):
    officer = token_client(officer_of(figures["ronna"].municipality))
    for kind, ref in (("municipality", "0181"), ("office", "ronna"), ("office", "hovsjo")):
        assert officer.get(f"{REPORTS}/{kind}/{ref}").status_code == 200, (kind, ref)
    assert refusal(officer.get(f"{REPORTS}/office/fittja")) == (403, "report_not_allowed")
    admin = token_client(platform_admin())
    assert admin.get(f"{REPORTS}/network/network").status_code == 200


@pytest.mark.parametrize(
    "address", [f"{REPORTS}/office/ronna", f"{REPORTS}/network/network", f"{REPORTS}/scopes"]
)
def test_anonymous_callers_are_not_authenticated(client, figures, address):
    assert refusal(client.get(address)) == (401, "not_authenticated")
    wrong_key = Client(headers={"authorization": "Bearer po_not-a-key"})
    assert refusal(wrong_key.get(address)) == (401, "not_authenticated")


def test_a_wrong_key_is_refused_on_public_statistics_too(figures):
    wrong_key = Client(headers={"authorization": "Bearer po_not-a-key"})
    assert refusal(wrong_key.get(f"{STATISTICS}/office/ronna")) == (401, "not_authenticated")


def test_own_scopes_with_their_addresses(figures):
    officer = token_client(officer_of(figures["ronna"].municipality))
    answer = officer.get(f"{REPORTS}/scopes").json()
    assert [(s["kind"], s["ref"]) for s in answer["scopes"]] == [
        ("municipality", "0181"),
        ("office", "hovsjo"),
        ("office", "ronna"),
    ]
    assert answer["scopes"][0]["url"].endswith("/api/v1/reports/municipality/0181")
    operator = figures["ronna"].operator
    admin = token_client(operator_admin_of(operator)).get(f"{REPORTS}/scopes").json()
    assert admin["scopes"][0] == {
        "kind": "operator",
        "ref": str(operator.pk),
        "name": operator.name,
        "url": f"http://testserver/api/v1/reports/operator/{operator.pk}",
    }
    assert token_client(person("Amina")).get(f"{REPORTS}/scopes").json() == {"scopes": []}


# -- bad input -------------------------------------------------------------------------------

BAD_PERIODS = ["abc", "2026-" + "1" * 5000, "<script>alert(1)</script>", "🙂", "2026-13", "9999"]


@pytest.mark.parametrize("period", BAD_PERIODS)
def test_a_bad_period_is_report_period_invalid(client, figures, period):
    response = client.get(f"{STATISTICS}/office/ronna", {"period": period})
    assert refusal(response) == (400, "report_period_invalid")
    assert b"<script>" not in response.content
    host = token_client(host_of(figures["ronna"]))
    assert refusal(host.get(f"{REPORTS}/office/ronna", {"period": period})) == (
        400,
        "report_period_invalid",
    )


@pytest.mark.parametrize("period", ["2026-03-05", "2026-W10", "2026-Q1", "2026-03-01..2026-03-31"])
def test_public_figures_are_whole_months_and_years_only(client, figures, period):
    response = client.get(f"{STATISTICS}/office/ronna", {"period": period, "lang": "en"})
    assert refusal(response) == (400, "report_period_invalid")
    with translation.override("en"):
        expected = gettext("Public figures cover whole months (2026-03) and whole years (2026).")
    assert response.json()["message"] == expected


@pytest.mark.parametrize(
    ("kind", "ref"),
    [
        ("planet", "earth"),
        ("office", "nowhere"),
        ("office", "🙂"),
        ("office", "<script>"),
        ("office", "r" * 500),
        ("office", "ron%00na"),
        ("municipality", "9999"),
        ("municipality", "abcd"),
        ("operator", "99999999999999999999"),
    ],
)
def test_an_unknown_scope_is_report_scope_not_found(client, figures, kind, ref):
    assert refusal(client.get(f"{STATISTICS}/{kind}/{ref}")) == (404, "report_scope_not_found")
    admin = token_client(platform_admin())
    assert refusal(admin.get(f"{REPORTS}/{kind}/{ref}")) == (404, "report_scope_not_found")


# -- the OpenAPI document --------------------------------------------------------------------


def test_the_endpoints_are_in_the_openapi_document(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/statistics/periods",
        "/api/v1/statistics/{kind}/{ref}",
        "/api/v1/reports/scopes",
        "/api/v1/reports/{kind}/{ref}",
    ):
        assert "get" in paths[path], path
        assert {"401", "422"} <= set(paths[path]["get"]["responses"]), path
    assert {"400", "404"} <= set(paths["/api/v1/statistics/{kind}/{ref}"]["get"]["responses"])
    assert "403" in paths["/api/v1/reports/{kind}/{ref}"]["get"]["responses"]
    assert "security" not in paths["/api/v1/statistics/{kind}/{ref}"]["get"]
    assert paths["/api/v1/reports/{kind}/{ref}"]["get"]["security"]
    assert "ReportOut" in schema["components"]["schemas"]


# -- query counts ----------------------------------------------------------------------------


def _cost(client: Client, address: str, period: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, {"period": period})
        assert response.status_code == 200, response.content
    return len(queries)


def _add_offices(network, count: int) -> None:
    """``count`` more offices in Södertälje, each with its figures of March."""
    for n in range(count):
        office = OfficeFactory(municipality=network["ronna"].municipality)
        put(office, MARCH, "visits.people", "qr", 10 + n)


def _costs(officer: Client) -> tuple[int, int]:
    publish(2026, now=LATE_2026)
    return (
        _cost(Client(), f"{STATISTICS}/municipality/0181", "2026-03"),
        _cost(officer, f"{REPORTS}/municipality/0181", "2026-03"),
    )


def test_query_counts_do_not_grow_with_the_offices_of_a_municipality(figures):
    officer = token_client(officer_of(figures["ronna"].municipality))
    # The first refresh creates its lock row: not a cost of the offices.
    officer.get(f"{REPORTS}/municipality/0181")
    with_two = _costs(officer)  # Ronna and Hovsjö
    _add_offices(figures, 6)
    assert _costs(officer) == with_two
