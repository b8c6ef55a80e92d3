"""The network a page and an area at a time: the home list's pages, the map's clusters."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import AccessibilityFactsFactory, OfficeFactory, weekday_office

pytestmark = pytest.mark.django_db
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
MAP = "/api/v1/offices.map.geojson"


def names_listed(html: str) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a></h3>', html)


def many(count: int, **kwargs: object) -> None:
    for n in range(count):
        OfficeFactory(name=f"Kontor {n:03}", **kwargs)


class TestPages:
    def test_twenty_a_page_with_the_count_of_all(self, client: Client):
        many(25)
        html = client.get("/sv/").content.decode()
        assert names_listed(html) == [f"Kontor {n:03}" for n in range(20)]
        with translation.override("sv"):
            assert "25 kontor hittades" in html or "25 offices found" in html
        assert '<nav class="pagination" aria-label=' in html
        assert '<span aria-current="page">' in html
        assert 'href="?page=2" rel="next"' in html
        second = client.get("/sv/?page=2").content.decode()
        assert names_listed(second) == [f"Kontor {n:03}" for n in range(20, 25)]
        assert 'href="?page=1" rel="prev"' in second

    def test_links_keep_the_filters(self, client: Client):
        for n in range(22):
            AccessibilityFactsFactory(
                office=OfficeFactory(name=f"Kontor {n:03}"), step_free_entrance=True
            )
        html = client.get("/sv/?step_free=on").content.decode()
        assert 'href="?step_free=on&amp;page=2" rel="next"' in html
        # The map asks for the same offices as the list.
        assert f'data-geojson="{MAP}?step_free=on&amp;lang=sv"' in html

    @pytest.mark.parametrize(("asked", "shown"), [("abc", 0), ("-1", 0), ("0", 0), ("99", 20)])
    def test_a_page_out_of_range_is_the_nearest(self, client: Client, asked, shown):
        many(25)
        names = names_listed(client.get(f"/sv/?page={asked}").content.decode())
        assert names[0] == f"Kontor {shown:03}"

    def test_one_page_has_no_pagination(self, client: Client):
        many(3)
        assert 'class="pagination"' not in client.get("/sv/").content.decode()

    def test_names_in_the_visitors_language_order_the_list(self, client: Client):
        OfficeFactory(slug="a", name="A", name_en="", name_ar="ب")
        OfficeFactory(slug="b", name="B", name_en="", name_ar="أ")
        OfficeFactory(slug="c", name="C", name_en="", name_ar="")  # falls back to Swedish
        html = client.get("/ar/").content.decode()
        assert re.findall(r'data-office="([a-z])"', html) == ["c", "b", "a"]

    @time_machine.travel(WEDNESDAY_NOON, tick=False)
    def test_open_now_counts_and_pages_the_open_offices(self, client: Client):
        for n in range(23):
            weekday_office(name=f"Öppet {n:03}")
        many(5)  # no hours: never open
        html = client.get("/sv/?open_now=on&page=2").content.decode()
        assert names_listed(html) == [f"Öppet {n:03}" for n in range(20, 23)]
        assert 'href="?open_now=on&amp;page=1" rel="prev"' in html

    def test_the_page_costs_the_same_at_forty_offices_as_at_two(self, client: Client):
        many(2)
        with CaptureQueriesContext(connection) as few:
            small = client.get("/sv/").content
        many(38)
        with CaptureQueriesContext(connection) as lots:
            large = client.get("/sv/").content
        assert len(lots) == len(few)
        assert len(names_listed(large.decode())) == 20
        # No per-office data beyond the page: nothing lists office 39.
        assert b"Kontor 037" not in large
        assert len(large) < 100_000 and len(small) < 100_000


class TestMap:
    def test_offices_close_together_are_one_cluster_far_apart_one_marker(self, client: Client):
        for n in range(5):
            OfficeFactory(latitude=Decimal("59.2003") + n * Decimal("0.001"))
        alone = OfficeFactory(name="Kiruna", latitude=Decimal("67.85"), longitude=Decimal("20.22"))
        data = client.get(MAP, {"bbox": "10,55,25,69", "zoom": "5", "lang": "sv"}).json()
        assert data["type"] == "FeatureCollection"
        clusters = [f for f in data["features"] if "count" in f["properties"]]
        lone = [f for f in data["features"] if "count" not in f["properties"]]
        assert [c["properties"]["count"] for c in clusters] == [5]
        assert [f["properties"]["name"] for f in lone] == ["Kiruna"]
        assert lone[0]["properties"]["url"] == alone.get_absolute_url().replace("/en/", "/sv/")
        assert lone[0]["geometry"]["coordinates"] == [20.22, 67.85]

    def test_zoomed_in_every_office_is_its_own_marker(self, client: Client):
        for n in range(5):
            OfficeFactory(latitude=Decimal("59.2003") + n * Decimal("0.01"))
        data = client.get(MAP, {"bbox": "17.5,59.1,17.7,59.3", "zoom": "16"}).json()
        assert len(data["features"]) == 5
        assert all("count" not in f["properties"] for f in data["features"])

    def test_only_the_area_and_the_filters(self, client: Client):
        AccessibilityFactsFactory(office=OfficeFactory(name="Trappfri"), step_free_entrance=True)
        OfficeFactory(name="Trappor")
        OfficeFactory(name="Långt bort", latitude=Decimal("65"))
        data = client.get(MAP, {"bbox": "17,59,18,60", "zoom": "18", "step_free": "on"}).json()
        assert [f["properties"]["name"] for f in data["features"]] == ["Trappfri"]

    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ({"bbox": "1,2,3"}, "bbox"),
            ({"bbox": "a,b,c,d"}, "bbox"),
            ({"bbox": "nan,0,1,1"}, "bbox"),
            ({"bbox": "20,55,10,69"}, "bbox"),
            ({"bbox": "10,55,200,69"}, "bbox"),
            ({"zoom": "-1"}, "zoom"),
            ({"zoom": "21"}, "zoom"),
            ({"zoom": "x"}, "zoom"),
            ({"zoom": "²"}, "zoom"),
        ],
    )
    def test_bad_area_is_400_naming_the_field(self, client: Client, query, field):
        response = client.get(MAP, query)
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "bad_value"
        assert body["details"]["field"] == field
        assert body["details"]["expected"]

    def test_the_cells_are_bounded_however_large_the_area(self, client: Client):
        for n in range(30):
            OfficeFactory(latitude=Decimal(55 + n % 6 * 2), longitude=Decimal(11 + n // 6 * 2))
        with CaptureQueriesContext(connection) as queries:
            data = client.get(MAP, {"bbox": "-180,-90,180,90", "zoom": "20"}).json()
        assert sum(f["properties"].get("count", 1) for f in data["features"]) == 30
        assert len(queries) <= 8

    @pytest.mark.parametrize("path", [MAP, "/api/v1/offices.geojson"])
    def test_conditional_get_answers_304(self, client: Client, path):
        OfficeFactory()
        first = client.get(path)
        assert first.status_code == 200
        assert first["Content-Type"] == "application/geo+json"
        again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""
