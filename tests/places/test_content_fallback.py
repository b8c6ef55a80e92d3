"""Operators' texts that are missing in the page's language fall back visibly."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from publicoffice.core.content_language import in_language_note, not_translated_note
from tests.factories import (
    AccessibilityFactsFactory,
    AmenityFactory,
    HoursExceptionFactory,
    SpaceFactory,
    weekday_office,
)

pytestmark = pytest.mark.django_db
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def notes(language: str, source: str) -> tuple[str, str]:
    """The note after a short text and the one before a long text, as the page shows them."""
    with translation.override(language):
        return in_language_note(source), not_translated_note(source)


def office_page(client: Client, office, language: str) -> str:
    with time_machine.travel(WEDNESDAY_NOON, tick=False):
        return client.get(f"/{language}/offices/{office.slug}/").content.decode()


@pytest.fixture
def office():
    """Written in Swedish and English only, as most operators do."""
    office = weekday_office(
        name="Rönna kontor",
        name_en="Rönna office",
        name_ar="",
        description="Välkommen hit.",
        description_en="Welcome here.",
    )
    kitchen = AmenityFactory(code="kitchen", name="Kök", name_en="Kitchen")
    office.amenities.add(kitchen)
    AccessibilityFactsFactory(
        office=office, moving_text="Ramp vid entrén.", moving_text_en="Ramp at the entrance."
    )
    SpaceFactory(office=office, name="Stora rummet", name_en="Big room")
    HoursExceptionFactory(
        office=office,
        date=date(2026, 11, 26),
        is_closed=True,
        reason="Inventering",
        reason_en="Stocktaking",
    )
    return office


def test_somali_page_shows_english_text_marked_as_english(client: Client, office):
    html = office_page(client, office, "so")
    after, before = notes("so", "en")
    assert '<h1><span lang="en">Rönna office</span></h1>' in html  # a name: no note
    assert (
        f'<p class="meta content-fallback-note">{before}</p>'
        '<div class="lead" lang="en"><p>Welcome here.</p></div>'
    ) in html
    assert (
        '<span lang="en">Ramp at the entrance.</span> '
        f'<small class="content-fallback">{after}</small>'
    ) in html
    assert '<bdi><span lang="en">Stocktaking</span> <small class="content-fallback">' in html
    assert '<td><span lang="en">Big room</span></td>' in html
    # The amenities: each item marked, one note for the list.
    assert (
        f'<p class="meta content-fallback-note">{before}</p><ul><li><span lang="en">Kitchen' in html
    )


def test_english_page_shows_no_marking(client: Client, office):
    html = office_page(client, office, "en")
    assert "<h1>Rönna office</h1>" in html
    assert '<div class="lead"><p>Welcome here.</p></div>' in html
    assert "Stocktaking" in html
    assert "content-fallback" not in html


def test_arabic_page_sets_the_english_text_left_to_right(client: Client, office):
    html = office_page(client, office, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<h1><span lang="en" dir="ltr">Rönna office</span></h1>' in html
    assert '<div class="lead" lang="en" dir="ltr"><p>Welcome here.</p></div>' in html
    assert '<td><span lang="en" dir="ltr">Big room</span></td>' in html


def test_a_fully_translated_office_shows_somali_without_a_marker(client: Client):
    office = weekday_office(
        name="Rönna kontor", name_so="Xafiiska Rönna", description_so="Soo dhawoow."
    )
    html = office_page(client, office, "so")
    assert "<h1>Xafiiska Rönna</h1>" in html
    assert '<div class="lead"><p>Soo dhawoow.</p></div>' in html
    assert "content-fallback" not in html


def test_markup_in_a_fallback_text_stays_text(client: Client):
    office = weekday_office(
        name="<i>Kontor</i>",
        name_en="<script>alert(1)</script>",
        description="x",
        description_en='<img src=x onerror="alert(2)">\n\nTwo',
    )
    html = office_page(client, office, "so")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert '<span lang="en">&lt;script&gt;alert(1)&lt;/script&gt;</span>' in html
    assert "<p>&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>" in html
    listed = client.get("/so/").content.decode()
    assert "<script>alert(1)" not in listed
    assert '<a href="/so/offices/' in listed and "&lt;script&gt;alert(1)&lt;/script&gt;" in listed


def test_the_list_marks_fallback_names_without_more_queries(client: Client):
    kitchen = AmenityFactory(code="kitchen")

    def make(count: int) -> None:
        for n in range(count):
            office = weekday_office(name_sv=f"Kontor {n}", name_en=f"Office {n}", name_ar="")
            office.amenities.add(kitchen)
            AccessibilityFactsFactory(office=office)
            SpaceFactory(office=office)

    make(2)
    with CaptureQueriesContext(connection) as few:
        client.get("/so/")
    with translation.override("sv"):  # the request left Somali active
        make(8)
    with CaptureQueriesContext(connection) as many:
        html = client.get("/so/").content.decode()
    assert html.count('<span lang="en">Office ') == 10
    assert len(many) == len(few)
