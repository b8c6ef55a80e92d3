"""Fixtures for the real-browser tests: headless system Chromium via Playwright.

The browser is Debian's ``/usr/bin/chromium``; Playwright never downloads one.
Without it the tests are skipped on a developer machine and fail on CI, so a
CI image that lost the package cannot go green by skipping everything.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from publicoffice.places.holidays_se import is_public_holiday
from publicoffice.places.models import Office
from tests.factories import HoursExceptionFactory, OfficeFactory, WeeklyHoursFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
#: Milliseconds Playwright waits for an element or a navigation.
TIMEOUT_MS = 10_000

BROWSER_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test in this folder ``browser`` (``-m "not browser"`` skips them)."""
    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = "Chromium not installed: apt-get install chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="package")
def playwright_browser() -> Iterator[Any]:
    """One headless Chromium for all browser tests; each test gets its own context.

    Package-scoped rather than session-scoped: it is torn down right after the
    last test in this folder, so Playwright's event loop and the switch below
    never reach the rest of the suite.
    """
    _require_chromium()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio event loop running in the main
    # thread while it is started, and Django then refuses ORM calls from the
    # test code (factories, the database flush) with SynchronousOnlyOperation.
    # The ORM is only used synchronously here, so the check is switched off,
    # and only for as long as Playwright runs: left set, the variable leaks
    # into other tests (``check --deploy`` in a subprocess fails on async.E001).
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
        if previous is None:
            del os.environ[ASYNC_UNSAFE]
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def new_page(playwright_browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """Open a page in a fresh browser context: ``new_page(locale="ar", javascript=False)``.

    Other keyword arguments go to Playwright's ``new_context``; a phone is
    ``viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True``.
    Every request to a host other than the live server (map tiles from the
    internet) is aborted, so the tests never touch the network. JavaScript
    errors on the page are collected in ``page.js_errors``, what the
    Content-Security-Policy blocked in ``page.csp_violations``, and the site's own
    pages, styles and scripts that failed to load in ``page.broken_resources``
    (see :func:`assert_page_healthy`).
    """
    contexts: list[Any] = []
    only_external = re.compile(r"^(?!" + re.escape(live_server.url) + r"(/|$))")

    def open_page(*, locale: str = "sv", javascript: bool = True, **options: Any) -> Any:
        context = playwright_browser.new_context(
            locale=locale,
            extra_http_headers={"Accept-Language": locale},
            java_script_enabled=javascript,
            timezone_id="Europe/Stockholm",
            **options,
        )
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        context.route(only_external, lambda route: route.abort())
        page = context.new_page()
        page.js_errors = []
        page.broken_resources = []
        page.csp_violations = []
        page.add_init_script(_REPORT_CSP_VIOLATIONS)
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        page.on("console", lambda message: _note_csp_violation(page, message))
        page.on("response", lambda response: _note_broken(page, response))
        return page

    yield open_page
    for context in contexts:
        context.close()


#: Runs before the page's own scripts (outside its CSP): every violation the
#: browser reports becomes a console message that :func:`_note_csp_violation` reads.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.effectiveDirective + " blocked " +
    (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


def _note_csp_violation(page: Any, message: Any) -> None:
    """Keep Chromium's own "Refused to ... Content Security Policy" messages and ours."""
    text = message.text
    if message.type == "error" and ("Content Security Policy" in text or "CSP violation" in text):
        page.csp_violations.append(text)


_CHECKED_RESOURCES = frozenset({"document", "stylesheet", "script", "image", "fetch", "xhr"})


def _note_broken(page: Any, response: Any) -> None:
    if response.status >= 400 and response.request.resource_type in _CHECKED_RESOURCES:
        page.broken_resources.append(f"{response.status} {response.url}")


@pytest.fixture
def log_in(live_server: Any) -> Callable[[Any, Any], None]:
    """Log a page's browser context in: ``log_in(page, user)``.

    The session is made by Django's test client and its cookie handed to the
    browser, so no test depends on the log-in form or its rate limit.
    """

    def log_in_as(page: Any, user: Any) -> None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )

    return log_in_as


def assert_page_healthy(page: Any) -> None:
    """No JavaScript error, no CSP violation, and nothing of the site's own failed to load."""
    problems = [f"failed to load: {item}" for item in page.broken_resources]
    problems += [f"JavaScript error: {item}" for item in page.js_errors]
    problems += [f"Content-Security-Policy: {item}" for item in page.csp_violations]
    if problems:
        pytest.fail(f"{page.url}\n" + "\n".join(problems), pytrace=False)


def make_always_open(office: Office) -> Office:
    """Give an office hours 00:00–23:59 every day, today's holiday included.

    The live server runs on the real clock in another thread, so time cannot
    be frozen; an office open around the clock is "open now" whenever the
    tests run: intervals are half-open and end at the last microsecond.
    """
    for weekday in range(7):
        WeeklyHoursFactory(
            office=office, weekday=weekday, opens=time(0), closes=time(23, 59, 59, 999999)
        )
    today = timezone.localdate()
    if is_public_holiday(today):
        HoursExceptionFactory(
            office=office,
            date=today,
            is_closed=False,
            opens=time(0),
            closes=time(23, 59, 59, 999999),
        )
    return office


@pytest.fixture
def always_open_office(transactional_db: None) -> Callable[..., Office]:
    """Factory: ``always_open_office(name=..., name_ar=...)`` → an office open now."""

    def make(**kwargs: Any) -> Office:
        return make_always_open(OfficeFactory(**kwargs))

    return make
