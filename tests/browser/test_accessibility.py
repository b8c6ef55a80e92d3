"""axe-core finds no WCAG 2.1 A/AA violations on the public pages, LTR and RTL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from publicoffice.places.models import Office
from tests.browser.conftest import assert_page_healthy
from tests.factories import (
    AccessibilityFactsFactory,
    AmenityFactory,
    HoursExceptionFactory,
    LanguageFactory,
    OfficeFactory,
    SpaceFactory,
)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
#: Every interface language: each public page is checked in all of them.
ALL_LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]

#: Page name → path after the language prefix, and whether it draws a map.
PAGES = {
    "home": ("", True),
    "list": ("?open_now=on&step_free=on", True),
    "office": ("offices/{slug}/", True),
    "about": ("about/", False),
    "conduct figures": ("transparency/conduct/?office={slug}", False),
}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    """An office with everything its page can show, and two others for the list."""
    office = always_open_office(
        slug="rinkeby",
        name="Rinkeby kontor",
        name_en="Rinkeby office",
        name_ar="مكتب رينكبي",
        phone="08-123 456 78",
        email="rinkeby@example.org",
    )
    AccessibilityFactsFactory(office=office, step_free_entrance=True, hearing_loop=True)
    SpaceFactory(office=office, name="Stora rummet")
    SpaceFactory(office=office, name="Tysta rummet", kind="quiet_room", is_bookable=False)
    office.amenities.add(AmenityFactory(code="wifi", name="Wifi"))
    office.staff_languages.add(LanguageFactory())
    today = timezone.localdate()
    HoursExceptionFactory(office=office, date=today + timedelta(days=3), reason="Personaldag")
    HoursExceptionFactory(
        office=office,
        date=today + timedelta(days=20),
        is_closed=False,
        opens=time(10),
        closes=time(14),
        reason="Kortare dag",
    )
    other = always_open_office(name="Husby kontor", name_ar="مكتب هوسبي")
    AccessibilityFactsFactory(office=other, step_free_entrance=False)
    OfficeFactory(name="Tensta kontor", name_ar="مكتب تنستا")
    return office


def _report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {', '.join(map(str, node['target']))}")
            lines.append(f"    {node['html']}")
            if node.get("failureSummary"):
                lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


@pytest.mark.parametrize("language", ALL_LANGUAGES)
@pytest.mark.parametrize("page_name", list(PAGES))
def test_no_axe_violations(
    new_page: Callable[..., Any],
    live_server: Any,
    axe: Axe,
    office: Office,
    page_name: str,
    language: str,
) -> None:
    path, has_map = PAGES[page_name]
    page = new_page(locale=language)
    page.goto(f"{live_server.url}/{language}/{path.format(slug=office.slug)}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.wait_for_load_state("load")
    assert_page_healthy(page)  # axe on a page without its stylesheet proves little
    if has_map:
        # Check the page as a visitor gets it, with Leaflet's markup drawn.
        expect(page.locator(".leaflet-marker-icon").first).to_be_attached()

    results = axe.run(page, options=AXE_OPTIONS)

    violations = results.response["violations"]
    if violations:
        pytest.fail("axe found violations:\n" + _report(violations), pytrace=False)


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_the_page_for_a_refusal_has_no_axe_violations(
    new_page: Callable[..., Any], live_server: Any, axe: Axe, language: str
) -> None:
    """The standard page any refusal gets (core/domain_error.html), here a 404."""
    page = new_page(locale=language)
    response = page.goto(f"{live_server.url}/{language}/offices/no-such-office/")
    assert response is not None
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("[role=alert]")).not_to_be_empty()
    page.broken_resources.remove(f"404 {response.url}")  # the page itself, as it should be
    assert_page_healthy(page)

    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    if violations:
        pytest.fail("axe found violations:\n" + _report(violations), pytrace=False)
