"""The public statistics pages: published figures only, small counts never shown."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext, pgettext

from publicoffice.places.models import Office
from publicoffice.reports.models import DayFigure, ScopeKind
from publicoffice.reports.periods import Period
from publicoffice.reports.publication import publish
from publicoffice.reports.views.presenters import change
from tests.factories import OfficeFactory
from tests.reports.conftest import put

STOCKHOLM = ZoneInfo("Europe/Stockholm")
LATE_2026 = datetime(2026, 12, 5, 12, tzinfo=STOCKHOLM)
MARCH = date(2026, 3, 3)
#: A number from 1 to 4 written as a figure of a table or a headline.
SMALL_SHOWN = re.compile(r'<span dir="ltr">[1-4]</span>|<td>[1-4]</td>')
LANGUAGES = ("sv", "en", "ar", "fa", "so", "ti")


def put_scopes(office: Office, day: date, metric: str, key: str, value: int) -> None:
    """An office row and its operator, municipality and network rows (as the roll-up sums)."""
    put(office, day, metric, key, value)
    for scope, scope_id in (
        (ScopeKind.OPERATOR, office.operator_id),
        (ScopeKind.MUNICIPALITY, office.municipality_id),
        (ScopeKind.NETWORK, 0),
    ):
        row, _created = DayFigure.objects.get_or_create(
            scope=scope, scope_id=scope_id, day=day, metric=metric, key=key, defaults={"value": 0}
        )
        row.value += value
        row.save()


@pytest.fixture
def figures(network):
    """March 2026: Ronna 3 people (small), Hovsjö 20, Fittja 30; published."""
    put_scopes(network["ronna"], MARCH, "visits.people", "qr", 3)
    put_scopes(network["hovsjo"], MARCH, "visits.people", "qr", 20)
    put_scopes(network["fittja"], MARCH, "visits.people", "qr", 30)
    put_scopes(network["hovsjo"], MARCH, "visits.hourly", "10", 20)
    publish(2026, now=LATE_2026)
    return network


def page(client, path: str, **query: str):
    response = client.get(path, query)
    return response, response.content.decode()


@pytest.mark.django_db
class TestPages:
    @pytest.mark.parametrize(
        "path",
        ["/sv/statistics/", "/sv/statistics/municipality/0181/", "/sv/offices/ronna/statistics/"],
    )
    def test_anyone_sees_the_published_figures_and_never_a_small_count(self, client, figures, path):
        response, html = page(client, path, period="2026-03")
        assert response.status_code == 200
        assert html.count("<h1") == 1
        assert "reports/charts.css" in html and "reports/reports.css" in html
        assert SMALL_SHOWN.search(html) is None
        assert 'href="#protection"' in html and 'id="protection"' in html
        assert "<caption>" in html and '<th scope="row">' in html

    def test_the_office_with_a_small_count_says_fewer_than_5(self, client, figures):
        _response, html = page(client, "/sv/offices/ronna/statistics/", period="2026-03")
        assert pgettext("report figures", "fewer than 5") in html
        assert SMALL_SHOWN.search(html) is None

    def test_the_network_shows_its_offices_on_a_map(self, client, figures):
        _response, html = page(client, "/sv/statistics/", period="2026-03")
        assert gettext("Offices by the number of people who came") in html
        assert "Hovsjö" in html and "Fittja" in html
        assert "<svg" in html

    def test_the_default_is_the_latest_published_month(self, client, figures):
        _response, html = page(client, "/sv/statistics/")
        assert 'value="2026-11" selected' in html

    def test_the_period_selector_lists_months_and_whole_years(self, client, figures):
        put_scopes(figures["hovsjo"], date(2025, 3, 4), "visits.people", "qr", 40)
        publish(2025, now=LATE_2026)
        _response, html = page(client, "/sv/statistics/")
        assert 'value="2026-03"' in html and 'value="2025"' in html
        assert 'value="2026"' not in html  # 2026 is not over yet

    def test_the_hours_of_the_week_are_not_published(self, client, figures):
        put_scopes(figures["hovsjo"], date(2025, 3, 4), "visits.people", "qr", 40)
        put_scopes(figures["hovsjo"], date(2025, 3, 4), "visits.hourly", "10", 40)
        publish(2025, now=LATE_2026)
        response, html = page(client, "/sv/statistics/", period="2025")
        assert response.status_code == 200
        assert gettext("People who came, over time") in html
        assert gettext("When people come: days and hours") not in html

    @pytest.mark.parametrize("period", ["2026-12", "2027-01", "2026-W10", "2026-Q1"])
    def test_a_period_not_published_says_so(self, client, figures, period):
        response, html = page(client, "/sv/statistics/", period=period)
        assert response.status_code == 200
        assert "report-notice" in html
        assert SMALL_SHOWN.search(html) is None

    def test_nothing_published_at_all_is_a_page_too(self, client, network):
        response, html = page(client, "/sv/statistics/")
        assert response.status_code == 200 and "report-notice" in html

    def test_a_change_is_a_sign_for_the_eye_and_words_for_screen_readers(self):
        march = Period.parse("2026-03")
        up = change(Decimal(12), march)
        assert up.text == "+12\u00a0%"
        assert up.words == gettext("%(percent)s more than in %(period)s") % {
            "percent": "12\u00a0%",
            "period": march.label(),
        }
        assert change(Decimal(-5), march).text == "\u22125\u00a0%"
        assert change(None, march) is None

    def test_the_office_page_links_to_its_statistics(self, client, figures):
        html = client.get("/sv/offices/ronna/").content.decode()
        assert "/sv/offices/ronna/statistics/" in html


@pytest.mark.django_db
class TestBadInput:
    @pytest.mark.parametrize(
        "period", ["abc", "9" * 1000, "<script>alert(1)</script>", "٢٠٢٦-٠٣", "2026-13", "1066"]
    )
    def test_a_bad_period_is_a_clear_400(self, client, figures, period):
        response, html = page(client, "/sv/statistics/", period=period)
        assert response.status_code == 400
        assert "<script>alert" not in html

    def test_an_unknown_municipality_or_office_is_404(self, client, figures):
        assert client.get("/sv/statistics/municipality/9999/").status_code == 404
        assert client.get("/sv/offices/nowhere/statistics/").status_code == 404

    def test_an_unknown_format_is_400(self, client, figures):
        assert client.get("/sv/statistics/", {"format": "xml"}).status_code == 400


@pytest.mark.django_db
class TestLanguages:
    @pytest.mark.parametrize("language", LANGUAGES)
    @pytest.mark.parametrize(
        "path", ["statistics/", "statistics/municipality/0181/", "offices/ronna/statistics/"]
    )
    def test_every_public_page_renders_in_every_language(self, client, figures, language, path):
        response, html = page(client, f"/{language}/{path}", period="2026-03")
        assert response.status_code == 200
        direction = "rtl" if language in ("ar", "fa") else "ltr"
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert SMALL_SHOWN.search(html) is None


@pytest.mark.django_db
class TestPrint:
    @pytest.mark.parametrize(
        "path",
        [
            "/sv/statistics/print/",
            "/sv/statistics/municipality/0181/print/",
            "/sv/offices/ronna/print/".replace("ronna/print", "ronna/statistics/print"),
        ],
    )
    def test_a_one_page_summary_to_print(self, client, figures, path):
        response, html = page(client, path, period="2026-03")
        assert response.status_code == 200
        assert html.count("<h1") == 1
        assert "reports/reports.css" in html
        assert SMALL_SHOWN.search(html) is None


@pytest.mark.django_db
class TestQueries:
    def test_a_municipality_with_8_offices_costs_what_one_with_2_does(self, client, figures):
        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/sv/statistics/municipality/0181/").status_code == 200
            return len(queries)

        count()  # the first request fills caches (session, roles)
        few = count()
        ronna = figures["ronna"]
        for n in range(6):
            office = OfficeFactory(
                slug=f"extra-{n}", municipality=ronna.municipality, operator=ronna.operator
            )
            put_scopes(office, MARCH, "visits.people", "qr", 10 + n)
        publish(2026, now=LATE_2026)
        assert count() == few
