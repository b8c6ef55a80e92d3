"""The reports in a real browser: an officer's dashboard, a resident's statistics, a refusal.

A municipal officer working in Swedish chooses a run of days, compares two
offices, downloads the exact figures and prints a summary; a resident
reading Arabic, without JavaScript, reads an office's published figures,
where a small count is words and never a number; an operator admin of
another operator is refused the officer's dashboard.

Every text is looked up with ``gettext`` in the journey's language, so the
tests speak the translation, whatever it says.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils import translation
from django.utils.translation import gettext, pgettext
from playwright.sync_api import expect

from publicoffice.reports.periods import Period
from tests.browser.conftest import assert_page_healthy
from tests.browser.reports_fixtures import MARCH, MARCH_PEOPLE, RONNA_NAMES, ReportsWorld
from tests.browser.reports_fixtures import reports_world as reports_world  # the fixture

CUSTOM = ("2025-03-01", "2025-03-31")
#: A count from 1 to 4 written as a number, in any digits a page might use.
SMALL_NUMBER = re.compile(r"[1-4١-٤۱-۴]")


def _(message: str, language: str) -> str:
    with translation.override(language):
        return gettext(message)


def _p(context: str, message: str, language: str) -> str:
    with translation.override(language):
        return pgettext(context, message)


def _label(slug: str, language: str) -> str:
    with translation.override(language):
        return Period.parse(slug).label()


def _side_by_side(page: Any) -> Any:
    return page.locator("section[aria-labelledby=report-side] table tbody tr")


def _officer_chooses_a_run_of_days(page: Any) -> None:
    """Month is the form's default; the officer asks for 1–31 March 2025 instead."""
    grain = page.locator("#report-grain")
    expect(grain).to_have_value("month")
    grain.select_option("custom")
    page.locator("#report-start").fill(CUSTOM[0])
    page.locator("#report-end").fill(CUSTOM[1])
    form = page.locator("form", has=grain)
    form.get_by_role("button", name=_("Show the figures", "sv")).click()
    expect(page).to_have_url(re.compile(r"grain=custom"))
    expect(page.locator("h1")).to_contain_text(_label("..".join(CUSTOM), "sv"))
    expect(page.locator("#report-grain")).to_have_value("custom")


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_an_officer_compares_two_offices_downloads_and_prints(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    reports_world: ReportsWorld,
) -> None:
    page = new_page(locale="sv")
    log_in(page, reports_world.officer)
    page.goto(f"{live_server.url}/sv/reports/")
    expect(page.locator("h1")).to_have_text(_("Statistics for staff", "sv"))
    page.locator("main").get_by_role("link", name="Södertälje", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/sv/reports/municipality/0181/")
    expect(page.locator("[role=note].report-banner")).to_be_visible()

    _officer_chooses_a_run_of_days(page)
    expect(_side_by_side(page)).to_have_count(3)

    page.locator("#compare-ronna").check()
    page.locator("#compare-hovsjo").check()
    page.get_by_role("button", name=_p("report figures", "Compare", "sv"), exact=True).click()
    rows = _side_by_side(page)
    expect(rows).to_have_count(2)
    expect(rows.locator("th")).to_have_text(["Hovsjö kontor", RONNA_NAMES["name"]])  # by name
    expect(rows.nth(0).locator("td").first).to_have_text(str(MARCH_PEOPLE["hovsjo"]))
    expect(rows.nth(1).locator("td").first).to_have_text(str(MARCH_PEOPLE["ronna"]))  # exact
    expect(page.locator("#compare-ronna")).to_be_checked()
    expect(page.locator("#compare-geneta")).not_to_be_checked()
    expect(page.locator("h1")).to_contain_text(_label("..".join(CUSTOM), "sv"))  # kept
    assert_page_healthy(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=_("These figures as a spreadsheet (CSV)", "sv")).click()
    download = download_info.value
    assert download.suggested_filename.endswith("-exact.csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    assert text.startswith("notice,")
    rows_of_file = _csv_rows(Path(download.path()))
    notice = _("Exact figures: not for publication", "sv")
    assert rows_of_file and all(row["notice"] == notice for row in rows_of_file)
    assert {(row["scope"], row["scope_ref"], row["period"]) for row in rows_of_file} == {
        ("municipality", "0181", "..".join(CUSTOM)),
        ("office", "hovsjo", "..".join(CUSTOM)),
        ("office", "ronna", "..".join(CUSTOM)),
    }
    people = next(
        r
        for r in rows_of_file
        if r["scope"] == "municipality" and r["metric"] == "visits.people" and not r["key"]
    )
    assert int(people["value"]) == sum(MARCH_PEOPLE.values())
    # The two offices compared, each with its own exact figures.
    by_office = {
        r["scope_ref"]: int(r["value"])
        for r in rows_of_file
        if r["section"] == "offices" and r["metric"] == "visits.people"
    }
    assert by_office == {"ronna": 3, "hovsjo": 20}

    page.get_by_role("link", name=_("A one-page summary to print", "sv")).click()
    expect(page).to_have_url(re.compile(r"/sv/reports/municipality/0181/print/\?period="))
    expect(page.locator("h1")).to_contain_text(_label("..".join(CUSTOM), "sv"))
    expect(page.locator("[role=note].report-banner")).to_be_visible()
    expect(page.locator(".report-table").first).to_be_visible()
    assert_page_healthy(page)


def _choose_period(page: Any, slug: str, language: str) -> None:
    """The public period selector, sent by its button: a plain GET form, no script."""
    page.locator("#report-period").select_option(slug)
    page.get_by_role("button", name=_("Show the figures", language)).click()
    expect(page).to_have_url(re.compile(rf"\?period={slug}$"))
    expect(page.locator("#report-period")).to_have_value(slug)


def _assert_no_small_number(page: Any) -> None:
    """No table cell or headline says 1, 2, 3 or 4, in Western or Arabic-Indic digits."""
    cells = page.locator("main table td, main .report-headline-value").all_inner_texts()
    assert cells, "no table cells on the page"
    shown = [text.strip() for text in cells if SMALL_NUMBER.fullmatch(text.strip())]
    assert not shown, f"small counts shown as numbers: {shown}"


def test_a_resident_reads_an_office_s_statistics_in_arabic_without_javascript(
    new_page: Callable[..., Any], live_server: Any, reports_world: ReportsWorld
) -> None:
    page = new_page(locale="ar", javascript=False)
    page.goto(f"{live_server.url}/ar/offices/ronna/statistics/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("h1")).to_contain_text(RONNA_NAMES["name_ar"])
    expect(page.locator("#report-period")).to_have_value("2025-12")  # the latest published

    _choose_period(page, MARCH, "ar")
    expect(page.locator("h1")).to_contain_text(_label(MARCH, "ar"))
    fewer = _p("report figures", "fewer than 5", "ar")
    expect(page.locator("main table td .report-hidden", has_text=fewer).first).to_be_attached()
    _assert_no_small_number(page)
    assert_page_healthy(page)

    _choose_period(page, "2025", "ar")
    _assert_chart(page, "People who came, over time")
    _assert_no_small_number(page)
    assert_page_healthy(page)


def _assert_chart(page: Any, title: str) -> None:
    chart = page.locator("figure.report-chart").filter(
        has=page.get_by_text(_(title, "ar"), exact=True)
    )
    expect(chart).to_have_count(1)
    expect(chart.locator(".report-chart-drawing > svg")).to_have_count(1)
    expect(chart.locator("details table caption")).not_to_be_empty()
    assert chart.locator("details table tbody tr").count() > 0


def test_an_admin_of_another_operator_is_refused_the_officer_s_dashboard(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    reports_world: ReportsWorld,
) -> None:
    page = new_page(locale="sv")
    log_in(page, reports_world.stranger)
    dashboard = f"{live_server.url}/sv/reports/municipality/0181/"
    response = page.goto(f"{dashboard}?period={MARCH}")
    assert response is not None and response.status == 403
    refusal = _("Exact figures for this scope are not yours to see.", "sv")
    expect(page.locator("[role=alert]")).to_contain_text(refusal)
    expect(page.locator(".report-banner")).to_have_count(0)
    expect(page.locator("table")).to_have_count(0)
    page.broken_resources.remove(f"403 {response.url}")  # the page itself, as it should be
    assert_page_healthy(page)
    for path in (f"print/?period={MARCH}", f"?period={MARCH}&format=csv"):
        assert page.request.get(dashboard + path).status == 403

    page.goto(f"{live_server.url}/sv/reports/")
    links = page.locator("main ul.report-scopes a").all_inner_texts()
    assert "Fittja kontor" in links
    assert not {"Södertälje", RONNA_NAMES["name"], "Hovsjö kontor"} & set(links)
