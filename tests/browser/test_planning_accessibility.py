"""axe-core finds no WCAG 2.1 A/AA violations on planning's pages, in every language.

Planning is for municipal officers only, so one test opens one browser
context as Södertälje's officer and visits every page in the six languages
in turn: building the world (a grid, sites, two scenarios run through the
solver) and starting a context cost more than a page. Folded ``<details>``
are opened before axe runs, so it checks what they hide too; the result
page is checked with its map drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from tests.browser.planning_fixtures import PlanningWorld
from tests.browser.planning_fixtures import planning_world as planning_world  # the fixture
from tests.browser.test_accessibility import axe as axe  # the module-wide axe-core runner
from tests.browser.test_dialogue_accessibility import Checker

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]

#: Page name → (path after the language, what must show before axe runs).
Pages = dict[str, tuple[str, str]]


def _path(name: str, *args: Any, query: str = "") -> str:
    """The page's address after the language prefix (``planning/...``)."""
    with translation.override("en"):
        url = reverse(f"planning:{name}", args=args)
    return url.removeprefix("/en/") + query


def officer_pages(w: PlanningWorld) -> Pages:
    source, site = w.source.pk, w.proposed["Västra torget"].pk
    two, run, three = w.two_sites.pk, w.run.pk, w.run_three.pk
    return {
        "hub": (_path("hub"), "main h1"),
        "population sources": (_path("demand_list"), "main table"),
        "import a grid": (_path("demand_upload"), "main form input[type=file]"),
        "population source": (_path("demand_detail", source), "main h1"),
        "population source refused": (_path("demand_detail", w.refused.pk), "main h2"),
        "candidate sites": (_path("candidates"), "main table"),
        "propose an address": (_path("candidate_new"), "main form #id_latitude"),
        "import premises": (_path("candidates_import"), "main form input[type=file]"),
        "edit a site": (_path("candidate_edit", site), "main form #id_name"),
        "travel-time matrices": (_path("matrices"), "main h1"),
        "import a matrix": (_path("matrix_import"), "main form input[type=file]"),
        "scenarios": (_path("scenarios"), "main table"),
        "new scenario": (_path("scenario_new"), "main form #id_name"),
        "scenario edit": (_path("scenario_edit", two), "main form #id_name"),
        "scenario": (_path("scenario", two), "main h1"),
        "run finished": (_path("run_progress", run), "main h1"),
        "run result with its map": (_path("run", run), "#result-map .leaflet-marker-icon"),
        "compare": (_path("compare", query=f"?run={run}&run={three}"), "#compare-heading"),
        # While a run waits or a grid imports, a script follows the progress region.
        "run waiting, with Cancel": (_path("run_progress", w.queued.pk), "main progress"),
        "population source importing": (_path("demand_detail", w.importing.pk), "main progress"),
    }


def _check(checker_for: Callable[[str], Checker], pages: Pages) -> None:
    """Every page in every language; the test fails at the end with all that was found."""
    found: list[str] = []
    for language in LANGUAGES:
        checker = checker_for(language)
        for name, (path, must_show) in pages.items():
            checker.visit(f"{name} ({language})", path, must_show)
        found += checker.found
    if found:
        pytest.fail("axe found violations:\n" + "\n".join(found), pytrace=False)


def test_planning_pages_have_no_axe_violations(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    planning_world: PlanningWorld,
) -> None:
    page = new_page()
    log_in(page, planning_world.people.officer)
    _check(
        lambda language: Checker(page, live_server, axe, language),
        officer_pages(planning_world),
    )
