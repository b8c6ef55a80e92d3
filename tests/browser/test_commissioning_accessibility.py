"""axe-core finds no WCAG 2.1 A/AA violations on commissioning's pages, in every language.

One test per role: a visitor (the public calls, decisions and the office's
transparency page), the municipal officer, a reviewer and an operator's
admin. Each opens one browser context and visits its pages in the six
languages in turn: building the world (a call at every stage, a commission
with reports) and starting a context cost more than a page. Folded
``<details>`` are opened before axe runs, so it checks what they hide too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.commissioning_fixtures import CommissioningWorld
from tests.browser.commissioning_fixtures import (
    commissioning_world as commissioning_world,  # the fixture
)
from tests.browser.test_accessibility import axe as axe  # the module-wide axe-core runner
from tests.browser.test_dialogue_accessibility import Checker

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]
C = "commissioning/"

#: Page name → (path after the language, what must show before axe runs).
Pages = dict[str, tuple[str, str]]


def public_pages(w: CommissioningWorld) -> Pages:
    return {
        "calls": ("calls/", "main h1"),
        "open call": (f"calls/{w.open_call.pk}/", "main h1"),
        "decided call": (f"calls/{w.decided_call.pk}/", "main h1"),
        "decisions": (f"calls/{w.decided_call.pk}/decisions/", "main h1"),
        "transparency": (f"offices/{w.office.slug}/commission/", "main .ct-report"),
        "transparency, no commission": (f"offices/{w.plain_office.slug}/commission/", "main h1"),
    }


def officer_pages(w: CommissioningWorld) -> Pages:
    call, review, app = w.open_call.pk, w.review_call.pk, w.submitted.pk
    commission, accepted, submitted = w.commission.pk, w.accepted.pk, w.submitted_report.pk
    return {
        "hub": (C, "main h1"),
        "officer's calls": (f"{C}calls/", "main table"),
        "new call": (f"{C}calls/new/", "main form #id_title"),
        "call page for the officer": (f"calls/{call}/", "main h1"),
        "call edit": (f"{C}calls/{call}/edit/", "main form #id_title"),
        "rubric": (f"{C}calls/{call}/rubric/", "main form"),
        "documents": (f"{C}calls/{call}/documents/", "main form"),
        "cancel": (f"{C}calls/{call}/cancel/", "main form"),
        "ranking": (f"{C}calls/{review}/applications/", "main table"),
        "application for the officer": (f"{C}applications/{app}/", "main h1"),
        "reviewers": (f"{C}applications/{app}/reviewers/", "main table"),
        "shared reviews for the officer": (f"{C}applications/{app}/reviews/shared/", "main h1"),
        "ask the applicant": (f"{C}applications/{app}/ask/", "main form"),
        "decide": (f"{C}applications/{app}/decide/", "main form"),
        "decided": (
            f"{C}applications/{w.accepted.commission.application_id}/decide/",
            "#decided-title",
        ),
        "commissions": (f"{C}commissions/", "main h1"),
        "commission": (f"{C}commissions/{commission}/", "main h1"),
        "targets": (f"{C}commissions/{commission}/targets/", "main form"),
        "amend": (f"{C}commissions/{commission}/amend/", "main form"),
        "reports due": (f"{C}reports/", "main table"),
        "accepted report": (f"{C}reports/{accepted}/", "main .followup-figures"),
        "assess": (f"{C}reports/{submitted}/assess/", "main form"),
    }


def reviewer_pages(w: CommissioningWorld) -> Pages:
    app = w.submitted.pk
    return {
        "my reviews": (f"{C}reviews/", "main table"),
        "review with the score form": (f"{C}reviews/{w.review.pk}/", "main .cr-line"),
        "review to declare": (f"{C}reviews/{w.undeclared.pk}/", "main input[name=has_conflict]"),
        "application for a reviewer": (f"{C}applications/{app}/", "main h1"),
        "shared comments": (f"{C}applications/{app}/reviews/shared/", "main h1"),
    }


def operator_pages(w: CommissioningWorld) -> Pages:
    draft, due = w.draft.pk, w.due.pk
    return {
        "my applications": (f"{C}applications/", "main h1"),
        "apply": (f"{C}calls/{w.open_call.pk}/apply/", "main form"),
        "application": (f"{C}applications/{draft}/", "main h1"),
        "edit": (f"{C}applications/{draft}/edit/", "main form"),
        "plans": (f"{C}applications/{draft}/plans/", "main form"),
        "offices": (f"{C}applications/{draft}/offices/", "main form"),
        "co-applicants": (f"{C}applications/{draft}/co-applicants/", "main form"),
        "submit checklist": (f"{C}applications/{draft}/submit/", "main h2"),
        "answer a question": (f"{C}information/{w.info_request.pk}/answer/", "main form"),
        "commission for the operator": (f"{C}commissions/{w.commission.pk}/", "main h1"),
        "reports for the operator": (f"{C}reports/", "main table"),
        "report to write": (f"{C}reports/{due}/", "main .followup-figures"),
        "report edit": (f"{C}reports/{due}/edit/", "main form"),
        "attachments": (f"{C}reports/{due}/files/", "main form"),
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


@pytest.mark.parametrize("role", ["public", "officer", "reviewer", "operator"])
def test_commissioning_pages_have_no_axe_violations(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    commissioning_world: CommissioningWorld,
    role: str,
) -> None:
    w = commissioning_world
    pages, user = {
        "public": (public_pages(w), None),
        "officer": (officer_pages(w), w.officer),
        "reviewer": (reviewer_pages(w), w.reviewer),
        "operator": (operator_pages(w), w.admin),
    }[role]
    page = new_page()
    if user is not None:
        log_in(page, user)
    _check(lambda language: Checker(page, live_server, axe, language), pages)
