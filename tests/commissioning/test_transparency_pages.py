"""The transparency page, the office page's link to it and the dashboard panel, over HTTP."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext, pgettext

from publicoffice.commissioning import panels
from publicoffice.commissioning.models import (
    Assessment,
    Party,
    Rating,
    Report,
    ReportAttachment,
    ReportKind,
    ReportStatus,
)
from publicoffice.core.disclosure import Flag
from publicoffice.guidelines.models import Guideline
from publicoffice.places import extensions
from publicoffice.places.models import OfficeStatus
from publicoffice.reports.charts.svg import hidden_text
from publicoffice.reports.models import DayFigure, ScopeKind
from publicoffice.reports.periods import Grain, Period
from publicoffice.reports.scopes import municipality_scope
from tests.commissioning.conftest import (
    NOW,
    make_application,
    make_call,
    make_commission,
    publish_figures,
)
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db
URL = "/{lang}/offices/{slug}/commission/"


@pytest.fixture
def running(world):
    """A commission with an accepted Q3 report and a submitted, not accepted, yearly one;
    3 visits in Q4 2026 (a small count, hidden in public)."""
    commission = make_commission(world)
    commission.application = make_application(
        world, make_call(world, contact_email="upphandling@sodertalje.example")
    )
    commission.save(update_fields=["application"])
    commission.partners.add(world.other_operator)
    guideline = Guideline.objects.order_by("number")[0]
    reports = Report.objects.filter(commission=commission, period_starts=date(2026, 7, 1))
    accepted = reports.get(kind=ReportKind.QUARTERLY)
    accepted.status = ReportStatus.ACCEPTED
    accepted.narrative = "PUBLIC-NARRATIVE"
    accepted.private_narrative = "SECRET-PRIVATE-NARRATIVE"
    accepted.officer_comment = "SECRET-OFFICER-COMMENT"
    accepted.figures = {
        "visits_per_week": {"measure": "visits_per_week", "value": "0.2", "basis": 3, "flag": ""}
    }
    accepted.save()
    submitted = reports.get(kind=ReportKind.YEARLY)
    submitted.status = ReportStatus.SUBMITTED
    submitted.narrative = "NOT-YET-ACCEPTED"
    submitted.save()
    for party, evidence in (
        (Party.OPERATOR, "OPERATOR-EVIDENCE"),
        (Party.MUNICIPALITY, "CITY-SAYS"),
    ):
        Assessment.objects.create(
            report=accepted,
            guideline=guideline,
            party=party,
            rating=Rating.PARTLY,
            evidence=evidence,
        )
    Assessment.objects.create(
        report=submitted,
        guideline=guideline,
        party=Party.OPERATOR,
        rating=Rating.MET,
        evidence="SUBMITTED-EVIDENCE",
    )
    for title, public in (("PUBLIC-ATTACHMENT", True), ("SECRET-ATTACHMENT", False)):
        ReportAttachment.objects.create(
            report=accepted,
            title=title,
            file="x.pdf",
            content_type="application/pdf",
            size=9,
            public=public,
        )
    DayFigure.objects.create(
        scope=ScopeKind.OFFICE,
        scope_id=world.office.pk,
        day=date(2026, 11, 2),
        metric="visits.people",
        key="",
        value=3,
    )
    publish_figures(2026)
    return commission


@time_machine.travel(NOW, tick=False)
def test_page_shows_public_parts_only(client: Client, world, running):
    html = client.get(URL.format(lang="sv", slug="ronna")).content.decode()
    for shown in (
        "Allmänt kontor Ronna",
        world.operator.name,
        world.other_operator.name,
        "PUBLIC-NARRATIVE",
        "PUBLIC-ATTACHMENT",
        "OPERATOR-EVIDENCE",
        "CITY-SAYS",
        "<caption>",
    ):
        assert shown in html
    for absent in (
        "SECRET-PRIVATE-NARRATIVE",
        "SECRET-OFFICER-COMMENT",
        "SECRET-ATTACHMENT",
        "NOT-YET-ACCEPTED",
        "SUBMITTED-EVIDENCE",
    ):
        assert absent not in html
    with translation.override("sv"):
        hidden = pgettext("report figures", "fewer than 5")
        assert gettext("Not assessed yet") in html
        assert gettext("Write to the municipality") in html
    call = running.application.call
    assert f'href="/sv/calls/{call.pk}/"' in html
    assert f'href="/sv/calls/{call.pk}/decisions/"' in html
    assert "mailto:upphandling@sodertalje.example" in html
    public_file, private_file = ReportAttachment.objects.order_by("pk")
    assert f"/files/{public_file.pk}/" in html and f"/files/{private_file.pk}/" not in html
    cells = re.findall(r'<span class="ct-hidden">([^<]*)</span>', html)
    # Q4's visits per week (3 visits in November, a month the statistics hide) and the
    # accepted report's snapshot (basis 3): hidden, in the words of the statistics.
    assert cells == [hidden_text(Flag.SECONDARY), hidden]
    assert "0,2" not in html and "0.2" not in html


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("lang", "direction"),
    [("sv", "ltr"), ("en", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("so", "ltr"), ("ti", "ltr")],
)
def test_every_language(client: Client, world, running, lang, direction):
    response = client.get(URL.format(lang=lang, slug="ronna"))
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_without_commission_and_closed_office(client: Client, world):
    world.operator.contact_email = "info@ronna.example"
    world.operator.save()
    response = client.get(URL.format(lang="en", slug="ronna"))
    assert response.status_code == 200
    assert "not run under a commission" in response.content.decode()
    assert "info@ronna.example" in response.content.decode()
    OfficeFactory(slug="gone", status=OfficeStatus.CLOSED, municipality=world.municipality)
    assert client.get(URL.format(lang="en", slug="gone")).status_code == 404
    assert client.get(URL.format(lang="en", slug="nowhere")).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_office_page_link_costs_one_query(
    client: Client, world, django_assert_num_queries, monkeypatch
):
    other = OfficeFactory(slug="hovsjo", municipality=world.municipality, status="open")
    make_commission(world)
    without = [p for p in extensions._office_panels if p is not panels.office_panel]
    monkeypatch.setattr(extensions, "_office_panels", without)
    with CaptureQueriesContext(connection) as base_ronna:
        client.get("/sv/offices/ronna/")
    with CaptureQueriesContext(connection) as base_other:
        client.get("/sv/offices/hovsjo/")
    monkeypatch.setattr(extensions, "_office_panels", [*without, panels.office_panel])
    link = gettext("Who runs this office, and how it is going")
    with django_assert_num_queries(len(base_ronna) + 1):
        assert link in client.get("/sv/offices/ronna/").content.decode()
    with django_assert_num_queries(len(base_other) + 1):
        assert link not in client.get(f"/sv/offices/{other.slug}/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_dashboard_panel_for_the_commissions_people_only(client: Client, world, running):
    scope = municipality_scope("0181")
    period = Period.containing(Grain.QUARTER, date(2026, 11, 1))
    assert panels.dashboard_panel(scope, period, world.officer) is not None
    assert panels.dashboard_panel(scope, period, world.operator_admin) is not None
    for refused in (world.other_officer, world.stranger, world.reviewer):
        assert panels.dashboard_panel(scope, period, refused) is None
    client.force_login(world.officer)
    response = client.get("/en/reports/municipality/0181/?period=2026-Q4")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Targets of the commission" in html
    client.force_login(world.other_officer)
    html = client.get("/en/reports/municipality/0127/?period=2026-Q4").content.decode()
    assert "Targets of the commission" not in html
