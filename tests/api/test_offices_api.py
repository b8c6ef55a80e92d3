"""The offices API through the HTTP client."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.places.models import OfficeStatus
from tests.factories import (
    AccessibilityFactsFactory,
    AmenityFactory,
    HoursExceptionFactory,
    LanguageFactory,
    MunicipalityFactory,
    OfficeFactory,
    SpaceFactory,
    weekday_office,
)

pytestmark = pytest.mark.django_db
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def network():
    stockholm = MunicipalityFactory(name="Stockholm", code="0180")
    rinkeby = weekday_office(name="Rinkeby kontor", name_ar="مكتب رينكeby", municipality=stockholm)
    AccessibilityFactsFactory(office=rinkeby, step_free_entrance=True, hearing_loop=True)
    rinkeby.amenities.add(AmenityFactory(code="wifi", name="Wifi"))
    rinkeby.staff_languages.add(LanguageFactory())
    SpaceFactory(office=rinkeby, name="Stora rummet", capacity=12)
    HoursExceptionFactory(
        office=rinkeby, date=date(2026, 11, 30), is_closed=True, reason="Städning"
    )
    ronna = weekday_office(name="Ronna kontor")
    OfficeFactory(name="Nedlagt", status=OfficeStatus.CLOSED)
    return {"rinkeby": rinkeby, "ronna": ronna}


def test_list_is_paginated_and_hides_closed_down_offices(client: Client, network):
    body = client.get("/api/v1/offices?page_size=1").json()
    assert body["count"] == 2
    assert body["pages"] == 2
    assert [o["name"] for o in body["results"]] == ["Rinkeby kontor"]
    assert body["next"].endswith("page=2&page_size=1") or "page=2" in body["next"]
    second = client.get("/api/v1/offices?page_size=1&page=2").json()
    assert [o["name"] for o in second["results"]] == ["Ronna kontor"]
    assert second["next"] is None and second["previous"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("step_free=true", ["Rinkeby kontor"]),
        ("hearing_loop=true", ["Rinkeby kontor"]),
        ("municipality=0180", ["Rinkeby kontor"]),
        ("amenity=wifi", ["Rinkeby kontor"]),
        ("language=ar", ["Rinkeby kontor"]),
        ("q=ronna", ["Ronna kontor"]),
    ],
)
def test_list_filters_like_the_home_page(client: Client, network, query, expected):
    assert [o["name"] for o in client.get(f"/api/v1/offices?{query}").json()["results"]] == expected


def test_open_now_filter_and_field(client: Client, network):
    with time_machine.travel(WEDNESDAY_NOON, tick=False):
        body = client.get("/api/v1/offices?open_now=true").json()
    assert body["count"] == 2
    assert all(o["open_now"] for o in body["results"])
    assert body["results"][0]["next_change"].startswith("2026-11-25T16:00:00")  # 17:00 CET in UTC


def test_list_query_count_is_constant(client: Client, network):
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/offices")
    for _ in range(5):
        weekday_office()
    with CaptureQueriesContext(connection) as many:
        assert client.get("/api/v1/offices").json()["count"] == 7
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("query", "code"),
    [("page=0", "invalid_page"), ("page_size=1000", "invalid_page"), ("page=abc", "invalid_input")],
)
def test_bad_paging_is_a_json_error_with_stable_code(client: Client, network, query, code):
    response = client.get(f"/api/v1/offices?{query}")
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert response.json()["message"]


def test_error_messages_are_translated(client: Client, network):
    english = client.get("/api/v1/offices?page=0&lang=en").json()["message"]
    swedish = client.get("/api/v1/offices?page=0&lang=sv").json()["message"]
    assert english != swedish
    said = "Pages start at 1 and hold between 1 and %(max)s offices."
    for language, message in (("en", english), ("sv", swedish)):
        with translation.override(language):
            assert message == gettext(said) % {"max": 100}  # the largest page size


def test_detail_has_hours_accessibility_and_spaces(client: Client, network):
    office = network["rinkeby"]
    with time_machine.travel(WEDNESDAY_NOON, tick=False):
        body = client.get(f"/api/v1/offices/{office.slug}").json()
    assert body["name"] == "Rinkeby kontor"
    assert body["open_now"] is True
    hours = body["opening_hours"]
    assert hours["osm"] == (
        "Mo-Fr 09:00-17:00; PH off; 2026 Nov 30 off; "
        # Not public holidays in law (not in PH), but closed: written out as dates.
        "2026 Dec 24 off; 2026 Dec 31 off; 2027 Jun 25 off; 2027 Dec 24 off; 2027 Dec 31 off; "
        "2028 Jun 23 off"
    )
    assert next(d["date"] for d in hours["week"]) == "2026-11-25"
    assert hours["week"][0]["intervals"] == [{"opens": "09:00", "closes": "17:00"}]
    assert any(d["date"] == "2026-11-30" and d["closed"] for d in hours["exceptions"])
    assert hours["specification"][0]["@type"] == "OpeningHoursSpecification"
    assert body["accessibility"]["step_free_entrance"] is True
    assert [c["key"] for c in body["accessibility"]["categories"]] == [
        "moving",
        "seeing",
        "hearing",
        "substances",
        "information",
    ]
    assert body["spaces"][0]["name"] == "Stora rummet"
    assert body["operator"]["name"] == office.operator.name


def test_detail_in_arabic(client: Client, network):
    office = network["rinkeby"]
    body = client.get(f"/api/v1/offices/{office.slug}?lang=ar").json()
    assert body["name"] == "مكتب رينكeby"


def test_detail_of_missing_or_closed_down_office_is_404_json(client: Client, network):
    closed = OfficeFactory(status=OfficeStatus.CLOSED)
    for url in [
        "/api/v1/offices/999999",
        f"/api/v1/offices/{closed.pk}",
        f"/api/v1/offices/{2**40}",
    ]:
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    for url in ["/api/v1/offices/nowhere", f"/api/v1/offices/{closed.slug}"]:
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["code"] == "office_not_found"


@pytest.mark.parametrize("suffix", ["", "/occupancy"])
def test_numbered_address_redirects_permanently_to_the_slug(client: Client, network, suffix):
    office = network["rinkeby"]
    response = client.get(f"/api/v1/offices/{office.pk}{suffix}?lang=ar")
    assert response.status_code == 308
    assert response["Location"] == f"/api/v1/offices/{office.slug}{suffix}?lang=ar"
    assert client.get(response["Location"]).json()["slug"] == office.slug
    followed = client.get(f"/api/v1/offices/{office.pk}{suffix}", follow=True)
    assert followed.status_code == 200
    assert followed.redirect_chain == [(f"/api/v1/offices/{office.slug}{suffix}", 308)]


def test_slug_is_the_one_identifier_in_the_openapi_document(client: Client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for old, new in [
        ("/api/v1/offices/{office_id}", "/api/v1/offices/{slug}"),
        ("/api/v1/offices/{office_id}/occupancy", "/api/v1/offices/{slug}/occupancy"),
    ]:
        assert paths[old]["get"]["deprecated"] is True
        assert "308" in paths[old]["get"]["responses"]
        assert new in paths[old]["get"]["description"]
        assert not paths[new]["get"].get("deprecated")
        assert "200" in paths[new]["get"]["responses"]
    offices = [path for path in paths if path.startswith("/api/v1/offices/")]
    assert {path.split("/")[4] for path in offices} == {"{slug}", "{office_id}"}
    assert all(paths[path]["get"].get("deprecated") for path in offices if "{office_id}" in path)


def test_geojson_is_an_rfc7946_feature_collection(client: Client, network):
    response = client.get("/api/v1/offices.geojson")
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 2
    feature = body["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert (lon, lat) == (pytest.approx(17.6045), pytest.approx(59.2003))  # lon first
    assert feature["properties"]["name"] == "Rinkeby kontor"


def test_geojson_filters(client: Client, network):
    body = client.get("/api/v1/offices.geojson?step_free=true").json()
    assert [f["properties"]["name"] for f in body["features"]] == ["Rinkeby kontor"]


def test_openapi_document_and_docs_page(client: Client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/offices",
        "/api/v1/offices/{office_id}",
        "/api/v1/offices/{slug}",
        "/api/v1/offices.geojson",
        "/api/v1/offices/{office_id}/occupancy",
        "/api/v1/offices/{slug}/occupancy",
    } <= set(schema["paths"])
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn." not in html and "unpkg" not in html  # served from our own static files


def test_api_refuses_writes(client: Client, network):
    assert client.post("/api/v1/offices", data={}).status_code == 405


def test_domain_errors_become_json_with_their_code(rf):
    from publicoffice.api.api import api
    from publicoffice.core.errors import ERRORS, DomainError, ErrorCode

    handler = api._exception_handlers[DomainError]
    error = DomainError(ErrorCode.SLOT_TAKEN, "The room is taken.", capacity=30)
    response = handler(rf.get("/api/v1/offices"), error)
    assert response.status_code == ERRORS[ErrorCode.SLOT_TAKEN].status == 409
    assert json.loads(response.content) == {
        "code": "slot_taken",
        "message": "The room is taken.",
        "details": {"capacity": 30},
    }
    # The status comes from the registry, whatever code is raised.
    limited = handler(rf.get("/api/v1/offices"), DomainError(ErrorCode.TOO_MANY_CHECK_INS))
    assert limited.status_code == 429
