"""The public pages through the HTTP client."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from publicoffice.core.content_language import in_language_note, not_translated_note
from publicoffice.guidelines.models import Guideline
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
STOCKHOLM = ZoneInfo("Europe/Stockholm")
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=STOCKHOLM)
WEDNESDAY_EVENING = datetime(2026, 11, 25, 19, 0, tzinfo=STOCKHOLM)


def names_listed(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a></h3>', html)


class TestLanguages:
    def test_root_redirects_by_browser_preference(self, client: Client):
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")["Location"] == "/ar/"
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="fa")["Location"] == "/fa/"

    def test_root_falls_back_to_swedish(self, client: Client):
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="de,fr;q=0.8")["Location"] == "/sv/"
        assert client.get("/")["Location"] == "/sv/"

    @pytest.mark.parametrize(
        ("code", "direction"),
        [("sv", "ltr"), ("en", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("so", "ltr"), ("ti", "ltr")],
    )
    def test_every_language_renders_with_lang_and_dir(self, client: Client, code, direction):
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()

    def test_language_picker_names_languages_in_their_own_script(self, client: Client):
        html = client.get("/sv/").content.decode()
        for code, endonym in [
            ("ar", "العربيّة"),
            ("fa", "فارسی"),
            ("so", "Soomaali"),
            ("ti", "ትግርኛ"),
        ]:
            assert f'lang="{code}"' in html
            assert endonym in html

    def test_picker_keeps_the_page_and_query(self, client: Client):
        office = weekday_office()
        html = client.get(f"/sv/offices/{office.slug}/").content.decode()
        assert f'href="/ar/offices/{office.slug}/"' in html

    def test_unknown_language_prefix_is_404(self, client: Client):
        assert client.get("/de/").status_code == 404


class TestHome:
    def test_lists_public_offices_but_not_closed_down_ones(self, client: Client):
        weekday_office(name="Ronna allmänna kontor")
        OfficeFactory(name="Nedlagt kontor", status=OfficeStatus.CLOSED)
        response = client.get("/sv/")
        assert response.status_code == 200
        assert names_listed(response) == ["Ronna allmänna kontor"]

    def test_map_shows_the_offices_of_the_list(self, client: Client):
        weekday_office(name="A-kontoret")
        weekday_office(name="B-kontoret")
        html = client.get("/sv/").content.decode()
        address = re.search(r'data-geojson="([^"]+)"', html).group(1).replace("&amp;", "&")
        bounds = re.search(r'data-bounds="([^"]+)"', html).group(1)
        data = client.get(f"{address}&bbox={bounds}&zoom=19").json()
        names = sorted(feature["properties"]["name"] for feature in data["features"])
        assert names == ["A-kontoret", "B-kontoret"]
        assert {"url", "status", "notes"} <= set(data["features"][0]["properties"])

    def test_shows_office_names_in_the_visitors_language(self, client: Client):
        weekday_office(name="Kontoret", name_ar="المكتب")
        assert "المكتب" in client.get("/ar/").content.decode()

    def test_query_count_does_not_grow_with_offices(self, client: Client):
        amenity = AmenityFactory(code="wifi")
        language = LanguageFactory()

        def make(n: int) -> None:
            for _ in range(n):
                office = weekday_office()
                office.amenities.add(amenity)
                office.staff_languages.add(language)
                AccessibilityFactsFactory(office=office)
                SpaceFactory(office=office)

        make(2)
        with CaptureQueriesContext(connection) as few:
            client.get("/sv/")
        make(8)
        with CaptureQueriesContext(connection) as many:
            assert len(names_listed(client.get("/sv/"))) == 10
        assert len(many) == len(few)
        assert len(many) <= 12


class TestFilters:
    @pytest.fixture
    def network(self):
        stockholm = MunicipalityFactory(name="Stockholm", code="0180")
        sodertalje = MunicipalityFactory(name="Södertälje", code="0181")
        wifi = AmenityFactory(code="wifi", name="Wifi")
        arabic = LanguageFactory(code="ar", endonym="العربية", name="Arabiska")
        rinkeby = weekday_office(name="Rinkeby kontor", municipality=stockholm, city="Stockholm")
        AccessibilityFactsFactory(office=rinkeby, step_free_entrance=True, hearing_loop=True)
        rinkeby.amenities.add(wifi)
        rinkeby.staff_languages.add(arabic)
        ronna = weekday_office(name="Ronna kontor", municipality=sodertalje)
        AccessibilityFactsFactory(office=ronna, step_free_entrance=False, hearing_loop=False)
        OfficeFactory(name="Hovsjö mötesplats", municipality=sodertalje)  # no hours
        return {"rinkeby": rinkeby, "ronna": ronna}

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("municipality=0180", ["Rinkeby kontor"]),
            ("municipality=0181", ["Hovsjö mötesplats", "Ronna kontor"]),
            ("step_free=on", ["Rinkeby kontor"]),
            ("hearing_loop=on", ["Rinkeby kontor"]),
            ("amenity=wifi", ["Rinkeby kontor"]),
            ("language=ar", ["Rinkeby kontor"]),
            ("q=ronna", ["Ronna kontor"]),
            ("q=RONNA+kontor", ["Ronna kontor"]),
            ("q=Södertälje", ["Hovsjö mötesplats", "Ronna kontor"]),
            ("q=nothing-like-this", []),
        ],
    )
    def test_each_filter(self, client: Client, network, query, expected):
        assert names_listed(client.get(f"/sv/?{query}")) == expected

    def test_open_now(self, client: Client, network):
        with time_machine.travel(WEDNESDAY_NOON, tick=False):
            assert names_listed(client.get("/sv/?open_now=on")) == [
                "Rinkeby kontor",
                "Ronna kontor",
            ]
        with time_machine.travel(WEDNESDAY_EVENING, tick=False):
            assert names_listed(client.get("/sv/?open_now=on")) == []

    def test_open_now_respects_exceptions(self, client: Client, network):
        HoursExceptionFactory(office=network["ronna"], date=date(2026, 11, 25), is_closed=True)
        with time_machine.travel(WEDNESDAY_NOON, tick=False):
            assert names_listed(client.get("/sv/?open_now=on")) == ["Rinkeby kontor"]

    @pytest.mark.parametrize(
        "query",
        [
            "municipality=9999",
            "amenity=<script>alert(1)</script>",
            "open_now=banana",
            "q=" + "x" * 5000,
            "q=%F0%9F%98%80",
            "q=مكتب",
            "q=<script>alert(1)</script>",
            "language=",
        ],
    )
    def test_bad_input_never_breaks_the_page(self, client: Client, network, query):
        response = client.get(f"/sv/?{query}")
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()

    def test_htmx_request_gets_only_the_results(self, client: Client, network):
        response = client.get("/sv/?step_free=on", HTTP_HX_REQUEST="true")
        html = response.content.decode()
        assert "<html" not in html
        assert names_listed(response) == ["Rinkeby kontor"]


class TestOfficePage:
    @pytest.fixture
    def office(self):
        office = weekday_office(
            name="Fittja allmänna kontor", name_ar="مكتب فيتيا العام", description="Välkommen!"
        )
        AccessibilityFactsFactory(office=office, hearing_loop=True, moving_text="Ramp finns.")
        SpaceFactory(office=office, name="Mötesrum Lilla", capacity=6)
        HoursExceptionFactory(
            office=office, date=date(2026, 12, 8), is_closed=True, reason="Inventering"
        )
        office.staff_languages.add(LanguageFactory(code="so", endonym="Soomaali", name="Somaliska"))
        return office

    def test_shows_everything_a_visitor_needs(self, client: Client, office):
        with time_machine.travel(WEDNESDAY_NOON, tick=False):
            response = client.get(f"/sv/offices/{office.slug}/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Fittja allmänna kontor" in html
        assert "Öppet nu, till 17:00" in html or "Open now, until 17:00" in html
        assert "Mötesrum Lilla" in html
        assert "Ramp finns." in html
        assert "Soomaali" in html
        assert "Inventering" in html  # a coming exception
        assert office.operator.name in html
        assert "Mo-Fr 09:00-17:00; PH off; 2026 Dec 08 off" in html

    def test_json_ld_is_a_place_with_opening_hours(self, client: Client, office):
        with time_machine.travel(WEDNESDAY_NOON, tick=False):
            html = client.get(f"/sv/offices/{office.slug}/").content.decode()
        raw = re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
        ).group(1)
        data = json.loads(raw)
        assert "Place" in data["@type"]
        assert data["name"] == "Fittja allmänna kontor"
        assert data["openingHours"].startswith("Mo-Fr 09:00-17:00")
        specs = data["openingHoursSpecification"]
        assert specs[0]["opens"] == "09:00"
        assert any(s.get("validFrom") == "2026-12-08" for s in specs)
        assert data["geo"]["latitude"] == pytest.approx(59.2003)

    def test_json_ld_cannot_be_broken_out_of(self, client: Client):
        office = weekday_office(description="</script><script>alert(1)</script>")
        html = client.get(f"/sv/offices/{office.slug}/").content.decode()
        assert "</script><script>alert(1)" not in html

    def test_arabic_page_shows_arabic_name(self, client: Client, office):
        html = client.get(f"/ar/offices/{office.slug}/").content.decode()
        assert "<h1>مكتب فيتيا العام</h1>" in html  # the page's own language: no marking

    def test_text_shown_in_a_fallback_language_is_marked_with_it(self, client: Client, office):
        # No Arabic description: the Swedish one is shown, marked as Swedish,
        # left to right, with a note in Arabic before it.
        html = client.get(f"/ar/offices/{office.slug}/").content.decode()
        with translation.override("ar"):
            before = not_translated_note("sv")
            after = in_language_note("sv")
        assert (
            f'<p class="meta content-fallback-note">{before}</p>'
            '<div class="lead" lang="sv" dir="ltr"><p>Välkommen!</p></div>'
        ) in html
        assert (
            '<td><span lang="sv" dir="ltr">Ramp finns.</span> '
            f'<small class="content-fallback">{after}</small></td>'
        ) in html
        assert '<td><span lang="sv" dir="ltr">Mötesrum Lilla</span></td>' in html  # a name: quiet
        assert '<bdi><span lang="sv" dir="ltr">Inventering</span> <small' in html

    def test_office_without_accessibility_facts_says_so(self, client: Client):
        office = weekday_office()
        response = client.get(f"/en/offices/{office.slug}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "The office has not described its accessibility yet." in html
        assert "Step-free entrance" not in html

    def test_unknown_and_closed_down_offices_are_404(self, client: Client):
        closed = OfficeFactory(status=OfficeStatus.CLOSED)
        assert client.get("/sv/offices/no-such-office/").status_code == 404
        assert client.get(f"/sv/offices/{closed.slug}/").status_code == 404

    def test_paused_office_is_shown_as_paused_not_open(self, client: Client):
        office = weekday_office(status=OfficeStatus.PAUSED)
        for weekday in (5, 6):
            office.weekly_hours.create(weekday=weekday, opens=time(0), closes=time(23))
        with time_machine.travel(WEDNESDAY_NOON, tick=False):
            html = client.get(f"/en/offices/{office.slug}/").content.decode()
        assert "status-closed" in html
        assert '<p class="status status-closed" id="open-state">Paused</p>' in html
        assert "status-open" not in html and "Open now" not in html

    def test_post_is_refused(self, client: Client, office):
        assert client.post(f"/sv/offices/{office.slug}/").status_code == 405


class TestAboutPage:
    def test_lists_the_ten_guidelines(self, client: Client):
        html = client.get("/sv/about/").content.decode()
        assert html.count("<li><strong>") == 10
        assert "content-fallback" not in html  # every guideline is written in Swedish
        assert "Mänskliga rättigheter" in html

    def test_guidelines_in_arabic(self, client: Client):
        assert "حقوق الإنسان" in client.get("/ar/about/").content.decode()

    def test_a_guideline_not_yet_in_persian_falls_back_visibly(self, client: Client):
        Guideline.objects.filter(number=1).update(title_fa="", text_fa="")
        html = client.get("/fa/about/").content.decode()
        assert '<li><strong><span lang="en" dir="ltr">Human rights</span>.</strong>' in html
        with translation.override("fa"):
            note = not_translated_note("en")
        assert html.count(note) == 1  # one note for the whole list
