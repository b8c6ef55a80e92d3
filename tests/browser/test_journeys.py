"""Visitor journeys through the public pages in a real browser."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from publicoffice.places.models import Office
from tests.browser.conftest import assert_page_healthy
from tests.factories import AccessibilityFactsFactory, OfficeFactory


@pytest.fixture
def offices(always_open_office: Callable[..., Office]) -> dict[str, Office]:
    """Three offices: open and step-free, open with steps, closed (no hours)."""
    step_free = always_open_office(
        slug="rinkeby-trappfri",
        name="Rinkeby trappfria kontor",
        name_en="Rinkeby step-free office",
        name_ar="مكتب رينكبي بلا درج",
    )
    AccessibilityFactsFactory(office=step_free, step_free_entrance=True)
    with_steps = always_open_office(
        slug="husby-trappor",
        name="Husby kontor med trappor",
        name_ar="مكتب هوسبي مع درج",
    )
    AccessibilityFactsFactory(office=with_steps, step_free_entrance=False)
    closed = OfficeFactory(
        slug="tensta-stangt",
        name="Tensta kontor utan tider",
        name_ar="مكتب تنستا بدون ساعات",
    )
    AccessibilityFactsFactory(office=closed, step_free_entrance=True)
    return {"step_free": step_free, "with_steps": with_steps, "closed": closed}


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_arabic_visitor_finds_open_step_free_office(
    new_page: Callable[..., Any], live_server: Any, offices: dict[str, Office], javascript: bool
) -> None:
    """A visitor using Arabic finds an office that is open now with a step-free
    entrance and opens its page, with or without JavaScript."""
    page = new_page(locale="ar", javascript=javascript)
    page.goto(live_server.url + "/")

    # The browser's language picks the Arabic pages, right to left.
    assert page.url == live_server.url + "/ar/"
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    cards = page.locator("#office-list > li")
    expect(cards).to_have_count(3)
    page.wait_for_load_state("load")
    assert_page_healthy(page)

    if javascript:
        # Survives only if htmx swaps the results instead of loading a new page.
        page.evaluate("window.stillTheSamePage = true")
    page.locator("input[name=open_now]").check()
    page.locator("input[name=step_free]").check()
    page.locator("form.filters button[type=submit]").click()

    step_free = offices["step_free"]
    expect(cards).to_have_count(1)
    expect(cards.first).to_have_attribute("data-office", step_free.slug)
    link = cards.first.get_by_role("link", name=step_free.name_ar)
    expect(link).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]open_now=on(&|$)"))
    expect(page).to_have_url(re.compile(r"[?&]step_free=on(&|$)"))
    if javascript:
        assert page.evaluate("window.stillTheSamePage === true")
        # The map was redrawn from the filtered list: one marker.
        expect(page.locator("#network-map .leaflet-marker-icon")).to_have_count(1)

    link.click()

    page.wait_for_url(live_server.url + f"/ar/offices/{step_free.slug}/")
    expect(page.locator("h1")).to_have_text(step_free.name_ar)
    json_ld = page.locator('script[type="application/ld+json"]')
    expect(json_ld).to_have_count(1)
    data = json.loads(json_ld.text_content() or "")
    assert data["name"] == step_free.name_ar
    assert data["url"].endswith(f"/ar/offices/{step_free.slug}/")
    assert_page_healthy(page)


def test_language_picker_switches_to_english_on_the_same_page(
    new_page: Callable[..., Any], live_server: Any, offices: dict[str, Office]
) -> None:
    office = offices["step_free"]
    page = new_page(locale="sv")
    page.goto(live_server.url + f"/sv/offices/{office.slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text(office.name)

    page.locator("nav.languages button[value=en]").click()

    page.wait_for_url(live_server.url + f"/en/offices/{office.slug}/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "en")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_text(office.name_en)
    expect(page.locator("nav.languages button[value=en]")).to_have_attribute("aria-current", "true")
    assert_page_healthy(page)

    # The choice sticks: an address without a language (a QR poster's, a
    # shared link) now opens in English although the browser asks for Swedish.
    page.goto(live_server.url + f"/offices/{office.slug}/")
    page.wait_for_url(live_server.url + f"/en/offices/{office.slug}/")

    # The picker keeps the filters of a list, too.
    page.goto(live_server.url + "/sv/?open_now=on")
    page.locator("nav.languages button[value=en]").click()
    page.wait_for_url(live_server.url + "/en/?open_now=on")
    expect(page.locator("#office-list > li")).to_have_count(2)
