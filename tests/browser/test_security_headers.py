"""The Content-Security-Policy blocks nothing the site itself needs, in a real browser.

Every journey's :func:`assert_page_healthy` already fails on a violation;
these open the pages no journey visits: the admin's change form, the API's
own documentation, an office page with its map and JSON-LD.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from publicoffice.places.models import Office
from tests.browser.conftest import assert_page_healthy
from tests.factories import UserFactory


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    return always_open_office(slug="rinkeby", name="Rinkeby kontor")


def test_the_admin_change_form_runs_under_the_policy(
    new_page: Callable[..., Any], live_server: Any, log_in: Callable[..., None], office: Office
) -> None:
    page = new_page(locale="en")
    log_in(page, UserFactory(email="root@example.org", is_superuser=True))
    page.goto(f"{live_server.url}/en/admin/places/office/{office.pk}/change/")
    expect(page.locator("#office_form")).to_be_visible()
    page.wait_for_load_state("load")
    assert_page_healthy(page)
    page.goto(f"{live_server.url}/en/admin/places/office/")
    page.wait_for_load_state("load")
    assert_page_healthy(page)


def test_the_api_docs_run_under_the_policy(
    new_page: Callable[..., Any], live_server: Any, office: Office
) -> None:
    page = new_page(locale="en")
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert_page_healthy(page)


def test_the_office_map_runs_under_the_policy(
    new_page: Callable[..., Any], live_server: Any, office: Office
) -> None:
    page = new_page(locale="sv")
    page.goto(f"{live_server.url}/sv/offices/{office.slug}/")
    expect(page.locator("#office-map .leaflet-marker-icon")).to_be_visible()
    page.wait_for_load_state("load")
    assert_page_healthy(page)


def test_a_violation_is_noticed(
    new_page: Callable[..., Any], live_server: Any, office: Office
) -> None:
    """The check the journeys rely on: an injected inline style is blocked and reported."""
    page = new_page(locale="sv")
    page.goto(f"{live_server.url}/sv/about/")
    with page.expect_console_message(lambda message: "CSP violation" in message.text):
        page.evaluate(
            "document.head.appendChild(Object.assign(document.createElement('style'),"
            " {textContent: 'body { color: red }'}))"
        )
    expect(page.locator("body")).not_to_have_css("color", "rgb(255, 0, 0)")
    assert any("style-src" in text for text in page.csp_violations), page.csp_violations
