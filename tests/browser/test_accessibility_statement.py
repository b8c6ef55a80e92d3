"""The accessibility statement and its report form: no axe violations, LTR and RTL.

The page the DOS law asks for must itself be accessible, in every language,
with the form empty, refused (the error summary linked to the fields) and
after a report was sent (the thanks, without JavaScript).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from publicoffice.guidelines.models import AccessibilityReport
from tests.browser.conftest import assert_page_healthy

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
#: Every interface language: the statement is checked in all of them.
ALL_LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


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


def _assert_no_violations(axe: Axe, page: Any) -> None:
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    if violations:
        pytest.fail("axe found violations:\n" + _report(violations), pytrace=False)


def _ready(page: Any, language: str, status: int = 200) -> None:
    """In the language asked for, loaded, and nothing of the site's own broke."""
    expect(page.locator("html")).to_have_attribute("lang", language)
    direction = "rtl" if language in ("ar", "fa") else "ltr"
    expect(page.locator("html")).to_have_attribute("dir", direction)
    page.wait_for_load_state("load")
    if status != 200:
        answered = f"{status} {page.url}"
        assert answered in page.broken_resources, f"expected {answered}"
        page.broken_resources.remove(answered)
    assert_page_healthy(page)  # axe on a page without its stylesheet proves little


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_the_statement_has_no_axe_violations(
    new_page: Callable[..., Any], live_server: Any, axe: Axe, transactional_db: None, language: str
) -> None:
    page = new_page(locale=language)
    page.goto(f"{live_server.url}/{language}/accessibility/")
    _ready(page, language)
    expect(page.locator("form.statement-form textarea")).to_be_visible()
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_the_refused_form_has_no_axe_violations(
    new_page: Callable[..., Any], live_server: Any, axe: Axe, transactional_db: None, language: str
) -> None:
    """Sent empty with a wrong address: a summary whose links lead to the fields;
    then corrected and sent: the thanks."""
    page = new_page(locale=language)
    page.goto(f"{live_server.url}/{language}/accessibility/")
    _ready(page, language)
    page.locator("#id_email").fill("not-an-address")
    page.locator("form.statement-form button[type=submit]").click()

    summary = page.locator("#report-errors[role=alert]")
    expect(summary).to_be_visible()
    _ready(page, language, status=400)
    assert AccessibilityReport.objects.count() == 0, "a refused report was kept"
    targets = summary.locator("a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    assert targets == ["id_description", "id_email"]
    description = page.locator("#id_description")
    expect(description).to_have_attribute("aria-invalid", "true")
    expect(description).to_have_attribute(
        "aria-describedby", "id_description_helptext id_description_error"
    )
    summary.locator("a[href='#id_description']").click()
    expect(description).to_be_focused()
    _assert_no_violations(axe, page)

    # Corrected and sent again: the page thanks the person, and still passes.
    description.fill("Kartan går inte att använda med tangentbord 🙂")
    page.locator("#id_email").fill("reader@example.org")
    page.locator("form.statement-form button[type=submit]").click()
    with translation.override(language):
        thanks = gettext("Thank you. Your report has reached the team that runs the service.")
    expect(page.locator(".messages[role=status]")).to_contain_text(thanks)
    _ready(page, language)
    assert AccessibilityReport.objects.count() == 1
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_report_sent_without_javascript_is_thanked(
    new_page: Callable[..., Any], live_server: Any, transactional_db: None, language: str
) -> None:
    """A plain form POST and a redirect (axe itself needs JavaScript, so it runs above)."""
    page = new_page(locale=language, javascript=False)
    page.goto(f"{live_server.url}/{language}/accessibility/")
    _ready(page, language)
    page.locator("#id_description").fill("Kartan går inte att använda med tangentbord 🙂")
    page.locator("#id_page_address").fill(f"{live_server.url}/{language}/")
    page.locator("#id_email").fill("reader@example.org")
    page.locator("form.statement-form button[type=submit]").click()

    status = page.locator(".messages[role=status]")
    with translation.override(language):
        thanks = gettext("Thank you. Your report has reached the team that runs the service.")
    expect(status).to_contain_text(thanks)
    _ready(page, language)
    (report,) = AccessibilityReport.objects.all()
    assert report.language == language
    assert report.email == "reader@example.org"


def test_the_footer_of_the_home_page_leads_to_the_statement(
    new_page: Callable[..., Any], live_server: Any, transactional_db: None
) -> None:
    """By keyboard too: the footer link is reachable and followed on Enter."""
    page = new_page(locale="fa")
    page.goto(f"{live_server.url}/fa/")
    link = page.locator("footer a[href='/fa/accessibility/']")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/fa/accessibility/")
    expect(page.locator("h1")).to_be_visible()
