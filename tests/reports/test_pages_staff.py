"""The staff dashboards: exact figures for the scope's own staff, refused to everyone else."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import format_html
from django.utils.translation import gettext

from publicoffice.accounts.models import Role
from publicoffice.reports.extensions import (
    register_dashboard_panel,
    unregister_dashboard_panel,
)
from publicoffice.staff.services import role_assign
from tests.factories import OfficeFactory, UserFactory
from tests.reports.test_pages_public import MARCH, put_scopes

BANNER = "Exact figures — not for publication: counts of 1–4 are shown"
EXACT_THREE = '<span dir="ltr">3</span>'


@pytest.fixture
def figures(network):
    put_scopes(network["ronna"], MARCH, "visits.people", "qr", 3)
    put_scopes(network["hovsjo"], MARCH, "visits.people", "qr", 20)
    put_scopes(network["fittja"], MARCH, "visits.people", "qr", 30)
    put_scopes(network["hovsjo"], MARCH, "visits.hourly", "10", 20)
    return network


def log_in(client, role: Role | None = None, **scope: object):
    user = UserFactory()
    if role is not None:
        role_assign(user=user, role=role, **scope)
    client.force_login(user)
    return user


def dashboard(kind: str, ref: str, suffix: str = "") -> str:
    return f"/sv/reports/{kind}/{ref}/{suffix}"


@pytest.mark.django_db
class TestWhoSees:
    def test_an_officer_sees_the_exact_small_count_with_the_banner(self, client, figures):
        log_in(client, Role.MUNICIPAL_OFFICER, municipality=figures["ronna"].municipality)
        response = client.get(dashboard("office", "ronna"), {"period": "2026-03"})
        html = response.content.decode()
        assert response.status_code == 200
        assert gettext(BANNER) in html
        assert EXACT_THREE in html
        assert html.count("<h1") == 1
        assert response["Cache-Control"] == "private, no-store"

    def test_the_officer_sees_the_municipality_with_offices_side_by_side(self, client, figures):
        municipality = figures["ronna"].municipality
        log_in(client, Role.MUNICIPAL_OFFICER, municipality=municipality)
        response = client.get(dashboard("municipality", "0181"), {"period": "2026-03"})
        html = response.content.decode()
        assert response.status_code == 200
        assert gettext("The offices side by side") in html
        assert 'name="compare" value="ronna"' in html and 'name="compare" value="hovsjo"' in html
        assert gettext("When people come: hour of the day") in html
        assert gettext("Offices by the number of people who came") in html

    def test_compare_shows_only_the_chosen_offices(self, client, figures):
        log_in(client, Role.OPERATOR_ADMIN, operator=figures["ronna"].operator)
        operator = str(figures["ronna"].operator_id)
        html = client.get(
            dashboard("operator", operator), {"period": "2026-03", "compare": "hovsjo"}
        ).content.decode()
        table = html[html.index('id="report-side"') : html.index("report-compare")]
        assert "Hovsjö" in table and "Ronna" not in table
        assert 'value="hovsjo" checked' in html

    def test_an_unknown_compare_slug_is_ignored(self, client, figures):
        log_in(client, Role.OPERATOR_ADMIN, operator=figures["ronna"].operator)
        operator = str(figures["ronna"].operator_id)
        response = client.get(dashboard("operator", operator), {"compare": "<nowhere>"})
        assert response.status_code == 200
        html = response.content.decode()
        table = html[html.index('id="report-side"') : html.index("report-compare")]
        assert "Hovsjö" in table and "Ronna" in table

    def test_a_host_sees_their_office(self, client, figures):
        log_in(client, Role.HOST, office=figures["ronna"])
        assert client.get(dashboard("office", "ronna")).status_code == 200

    def test_a_platform_admin_sees_the_network(self, client, figures):
        log_in(client, Role.PLATFORM_ADMIN)
        response = client.get(dashboard("network", "network"), {"period": "2026-03"})
        assert response.status_code == 200
        assert EXACT_THREE in response.content.decode()

    @pytest.mark.parametrize(
        ("role", "scope_of", "kind", "ref"),
        [
            (Role.MUNICIPAL_OFFICER, "botkyrka", "municipality", "0181"),
            (Role.MUNICIPAL_OFFICER, "botkyrka", "office", "ronna"),
            (Role.OPERATOR_ADMIN, "fittja_op", "office", "ronna"),
            (Role.OPERATOR_ADMIN, "fittja_op", "operator", "ronna_op"),
            (Role.HOST, "fittja", "office", "ronna"),
            (Role.HOST, "fittja", "network", "network"),
            (None, None, "office", "ronna"),
        ],
    )
    def test_anyone_else_is_refused(self, client, figures, role, scope_of, kind, ref):
        fittja = figures["fittja"]
        scopes = {
            "botkyrka": {"municipality": fittja.municipality},
            "fittja_op": {"operator": fittja.operator},
            "fittja": {"office": fittja},
            None: {},
        }
        log_in(client, role, **scopes[scope_of])
        if ref == "ronna_op":
            ref = str(figures["ronna"].operator_id)
        response = client.get(dashboard(kind, ref))
        assert response.status_code == 403
        assert gettext(BANNER) not in response.content.decode()
        assert client.get(dashboard(kind, ref, "print/")).status_code == 403
        assert client.get(dashboard(kind, ref), {"format": "csv"}).status_code == 403

    def test_anonymous_is_sent_to_log_in(self, client, figures):
        for path in (
            "/sv/reports/",
            dashboard("office", "ronna"),
            dashboard("office", "ronna", "print/"),
        ):
            response = client.get(path)
            assert response.status_code == 302
            assert "/login" in response["Location"]

    def test_the_list_of_own_scopes(self, client, figures):
        log_in(client, Role.OPERATOR_ADMIN, operator=figures["ronna"].operator)
        html = client.get("/sv/reports/").content.decode()
        assert "/sv/reports/office/ronna/" in html and "/sv/reports/office/hovsjo/" in html
        assert "/sv/reports/office/fittja/" not in html
        assert gettext(BANNER) in html

    def test_a_plain_member_has_no_reports(self, client, figures):
        log_in(client)
        assert client.get("/sv/reports/").status_code == 403

    def test_an_unknown_kind_or_scope_is_404(self, client, figures):
        log_in(client, Role.PLATFORM_ADMIN)
        assert client.get(dashboard("planet", "earth")).status_code == 404
        assert client.get(dashboard("office", "nowhere")).status_code == 404


@pytest.mark.django_db
class TestPeriods:
    @pytest.fixture(autouse=True)
    def _officer(self, client, figures):
        log_in(client, Role.MUNICIPAL_OFFICER, municipality=figures["ronna"].municipality)

    @pytest.mark.parametrize(
        "query",
        [
            {"period": "2026-03-03"},
            {"period": "2026-W10"},
            {"period": "2026-Q1"},
            {"period": "2026"},
            {"period": "2026-03-01..2026-03-20"},
            {"grain": "day", "start": "2026-03-03"},
            {"grain": "week", "start": "2026-03-03"},
            {"grain": "quarter", "start": "2026-03-03"},
            {"grain": "custom", "start": "2026-03-01", "end": "2026-03-10"},
        ],
    )
    def test_any_period(self, client, query):
        response = client.get(dashboard("office", "ronna"), query)
        assert response.status_code == 200
        assert EXACT_THREE in response.content.decode()

    def test_the_comparison_is_written_for_screen_readers(self, client, figures):
        put_scopes(figures["hovsjo"], date(2026, 4, 2), "visits.people", "qr", 40)
        html = client.get(dashboard("office", "hovsjo"), {"period": "2026-04"}).content.decode()
        assert "+100\u00a0%" in html
        assert 'class="visually-hidden"' in html

    @pytest.mark.parametrize(
        "query",
        [
            {"period": "abc"},
            {"period": "9" * 1000},
            {"period": "<script>alert(1)</script>"},
            {"period": "٢٠٢٦-٠٣"},
            {"grain": "decade", "start": "2026-03-03"},
            {"grain": "day", "start": "2026-02-30"},
            {"grain": "day", "start": "٢٠٢٦-٠٣-٠٣"},
            {"grain": "custom", "start": "2026-03-01", "end": ""},
            {"grain": "custom", "start": "2026-03-10", "end": "2026-03-01"},
            {"grain": "custom", "start": "2000-01-01", "end": "2026-03-01"},
            {"format": "pdf"},
        ],
    )
    def test_bad_input_is_a_clear_400(self, client, query):
        response = client.get(dashboard("office", "ronna"), query)
        assert response.status_code == 400
        assert "<script>alert" not in response.content.decode()

    def test_the_printable_summary(self, client):
        response = client.get(dashboard("office", "ronna", "print/"), {"period": "2026-03"})
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count("<h1") == 1
        assert gettext(BANNER) in html and EXACT_THREE in html
        assert "reports/reports.css" in html


@pytest.mark.django_db
class TestPanels:
    def test_registered_panels_show_and_plain_text_is_escaped(self, client, figures):
        def panel(scope, period, user):
            return format_html('<p class="target">{}</p>', scope.name)

        def plain(scope, period, user):
            return "<b>plain</b>"

        register_dashboard_panel(panel)
        register_dashboard_panel(plain)
        try:
            log_in(client, Role.HOST, office=figures["ronna"])
            html = client.get(dashboard("office", "ronna")).content.decode()
        finally:
            unregister_dashboard_panel(panel)
            unregister_dashboard_panel(plain)
        assert '<p class="target">Ronna</p>' in html
        assert "&lt;b&gt;plain&lt;/b&gt;" in html

    def test_nothing_shows_without_panels(self, client, figures):
        log_in(client, Role.HOST, office=figures["ronna"])
        assert "report-panel" not in client.get(dashboard("office", "ronna")).content.decode()


@pytest.mark.django_db
def test_a_municipality_with_8_offices_costs_what_one_with_2_does(client, figures):
    ronna = figures["ronna"]
    log_in(client, Role.MUNICIPAL_OFFICER, municipality=ronna.municipality)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(dashboard("municipality", "0181"), {"period": "2026-03"})
            assert response.status_code == 200
        return len(queries)

    count()  # the first request fills caches (session, roles)
    few = count()
    for n in range(6):
        office = OfficeFactory(
            slug=f"extra-{n}", municipality=ronna.municipality, operator=ronna.operator
        )
        put_scopes(office, MARCH, "visits.people", "qr", 10 + n)
    assert count() == few


@pytest.mark.django_db
class TestCommuting:
    def test_too_few_answers_give_no_number(self, client, figures):
        put_scopes(figures["ronna"], MARCH, "survey.answers", "workplace|walk|5-10|car", 2)
        log_in(client, Role.HOST, office=figures["ronna"])
        html = client.get(dashboard("office", "ronna"), {"period": "2026-03"}).content.decode()
        assert gettext("Commuting avoided (estimate)") in html
        assert "report-commuting-range" not in html

    def test_enough_answers_give_a_range_with_its_assumptions(self, client, figures, settings):
        settings.REPORTS_COMMUTING_MIN_ANSWERS = 2
        put_scopes(figures["ronna"], MARCH, "survey.answers", "workplace|walk|5-10|car", 6)
        log_in(client, Role.HOST, office=figures["ronna"])
        html = client.get(dashboard("office", "ronna"), {"period": "2026-03"}).content.decode()
        assert "report-commuting-range" in html
        assert gettext("The assumptions") in html

    def test_the_public_page_shows_no_estimate(self, client, figures):
        put_scopes(figures["ronna"], MARCH, "survey.answers", "workplace|walk|5-10|car", 60)
        html = client.get("/sv/offices/ronna/statistics/", {"period": "2026-03"}).content.decode()
        assert gettext("Commuting avoided (estimate)") not in html
