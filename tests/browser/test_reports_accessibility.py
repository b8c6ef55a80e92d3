"""axe-core finds no WCAG 2.1 A/AA violations on the reports' pages, in every language.

Each page gets one test and one browser context, which visits it in the six
languages in turn: loading the figures and starting a context cost more than
a page. The public pages are checked with a small count hidden (March 2025;
the whole year 2025 for the office and the municipality); the staff pages
as Södertälje's municipal officer. Folded ``<details>`` (the charts'
tables) are opened first, so axe checks them too. axe-core is the copy bundled with
``axe-playwright-python``, injected into the page: nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.reports_fixtures import MARCH, YEAR, ReportsWorld
from tests.browser.reports_fixtures import reports_world as reports_world  # the fixture
from tests.browser.test_accessibility import axe as axe  # the module-wide axe-core runner
from tests.browser.test_dialogue_accessibility import Checker

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]

#: Page → (path after the language, what must show before axe runs).
PUBLIC_PAGES = {
    "network statistics": (f"statistics/?period={MARCH}", "main .report-chart svg"),
    # A whole year.
    "municipality statistics": (
        f"statistics/municipality/0181/?period={YEAR}",
        "main .report-table",
    ),
    # A whole year, and a small count hidden in the tables.
    "office statistics": (f"offices/ronna/statistics/?period={YEAR}", ".report-hidden"),
    "network print": (f"statistics/print/?period={MARCH}", "main .report-table"),
    "municipality print": (
        f"statistics/municipality/0181/print/?period={MARCH}",
        "main .report-table",
    ),
    "office print": (f"offices/ronna/statistics/print/?period={MARCH}", ".report-hidden"),
    "open data": ("open-data/", "main h1"),
}
#: The pages only staff see, as the officer.
STAFF_PAGES = {
    "dashboards": ("reports/", "main .report-scopes a"),
    "municipality dashboard": (
        f"reports/municipality/0181/?period={MARCH}",
        "section[aria-labelledby=report-side] table",
    ),
}


def _check_every_language(checker_for: Callable[[str], Checker], name: str, page: Any) -> None:
    path, must_show = page
    found: list[str] = []
    for language in LANGUAGES:
        checker = checker_for(language)
        checker.visit(f"{name} ({language})", path, must_show)
        found += checker.found
    if found:
        pytest.fail("axe found violations:\n" + "\n".join(found), pytrace=False)


@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_public_reports_pages_have_no_axe_violations(
    new_page: Callable[..., Any],
    live_server: Any,
    axe: Axe,
    reports_world: ReportsWorld,
    name: str,
) -> None:
    page = new_page()
    _check_every_language(
        lambda language: Checker(page, live_server, axe, language), name, PUBLIC_PAGES[name]
    )


@pytest.mark.parametrize("name", list(STAFF_PAGES))
def test_staff_reports_pages_have_no_axe_violations(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    reports_world: ReportsWorld,
    name: str,
) -> None:
    page = new_page()
    log_in(page, reports_world.officer)
    _check_every_language(
        lambda language: Checker(page, live_server, axe, language), name, STAFF_PAGES[name]
    )
