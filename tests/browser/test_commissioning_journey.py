"""Commissioning from call to transparency page, in a real browser.

A municipal officer reading Swedish drafts a call, weighs the rubric and
publishes it; an operator's admin reading Arabic applies with two planned
offices, a needs analysis and a plan per guideline, and submits before the
deadline. Once the deadline has passed, the officer assigns two reviewers,
who declare no conflict and score (the first in the browser, the second
through the services); the officer approves with conditions. The commission's
first quarterly report opens prefilled with the offices' figures; the admin
completes and submits it, the officer accepts it with the municipality's own
assessment, and the office's public transparency page shows both.

Every text is looked up with ``gettext`` in the page's language, so the test
speaks the translation, whatever it says. Steps that are only data (the second
reviewer's scores, the offices' day figures) go through the ORM and services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.template.defaultfilters import floatformat
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    Commission,
    Measure,
    Rating,
    Report,
    ReportKind,
    ReportStatus,
    Reviewer,
)
from publicoffice.commissioning.selectors.followup import report_figures
from publicoffice.commissioning.selectors.reviews import rubric_lines
from publicoffice.commissioning.services import reviews
from publicoffice.guidelines.models import Guideline
from publicoffice.places.models import District, Municipality, Operator
from publicoffice.reports.periods import Grain, Period
from tests.browser.commissioning_fixtures import load_guidelines, put_figures, reviewer_of
from tests.browser.conftest import assert_page_healthy
from tests.dialogue.factories import officer_of, operator_admin_of
from tests.factories import DistrictFactory, MunicipalityFactory, OperatorFactory

CALL_TITLE = "Allmänt kontor i Ronna och Geneta"
APPLICATION_TITLE = "مكاتب رونا وجينيتا"
OFFICES = ("مكتب رونا", "مكتب جينيتا")
PUBLIC_NARRATIVE = "افتتحنا المكتبين وزارهما كثير من الجيران."
MUNICIPALITY_EVIDENCE = "Vi besökte båda kontoren i maj."
HOURS = Measure.HOURS_PER_WEEK


def _(message: str, language: str) -> str:
    """A message as the pages show it in ``language``."""
    with translation.override(language):
        return gettext(message)


def _label(choice: Any, language: str) -> str:
    with translation.override(language):
        return str(choice.label)


@dataclass(frozen=True)
class People:
    municipality: Municipality
    district: District
    officer: Any
    reviewers: tuple[Any, Any]
    operator: Operator
    admin: Any


@pytest.fixture
def people(transactional_db: None) -> People:
    load_guidelines()
    soder: Any = MunicipalityFactory(code="0181", name="Södertälje")
    operator: Any = OperatorFactory(name="Ronna föreningsråd")
    district: Any = DistrictFactory(municipality=soder, name="Ronna")
    return People(
        municipality=soder,
        district=district,
        officer=officer_of(soder, "Sanna"),
        reviewers=(reviewer_of(soder, "Rasmus"), reviewer_of(soder, "Ronja")),
        operator=operator,
        admin=operator_admin_of(operator, "Karim"),
    )


def _period() -> tuple[date, date]:
    """The commission's two years, from a quarter starting at least a week after tomorrow."""
    start = Period.containing(Grain.QUARTER, timezone.localdate() + timedelta(days=100)).start
    return start, date(start.year + 2, start.month, 1) - timedelta(days=1)


def _officer_opens_a_call(page: Any, base: str, people: People) -> Call:
    page.goto(f"{base}/sv/commissioning/calls/new/")
    expect(page.locator("h1")).to_have_text(_("Draft a new call", "sv"))
    starts, ends = _period()
    page.locator("#id_title").fill(CALL_TITLE)
    page.locator("#id_summary").fill("Två allmänna kontor nära hemmet.\nÖppna minst 30 timmar.")
    page.locator(f"input[name=districts][value='{people.district.pk}']").check()
    page.locator("#id_offices_wanted").fill("2")
    page.locator("#id_min_hours_per_week").fill("30")
    page.locator("#id_period_starts").fill(starts.isoformat())
    page.locator("#id_period_ends").fill(ends.isoformat())
    page.locator("#id_budget_sek").fill("1500000")
    # The deadline is tomorrow: it is moved into the past once the application is in.
    page.locator("#id_deadline_day").fill((timezone.localdate() + timedelta(days=1)).isoformat())
    page.locator("#id_deadline_time").fill("12:00")
    page.locator("#id_contact_email").fill("upphandling@example.se")
    assert_page_healthy(page)
    page.get_by_role("button", name=_("Save", "sv"), exact=True).click()
    expect(page.locator("h1")).to_contain_text(CALL_TITLE)
    call = Call.objects.get(title=CALL_TITLE)
    assert call.status == CallStatus.DRAFT

    # The rubric: the first guideline weighs 3, the tenth is not judged in this call.
    first, tenth = Guideline.objects.get(number=1), Guideline.objects.get(number=10)
    page.goto(f"{base}/sv/commissioning/calls/{call.pk}/rubric/")
    page.locator(f"#id_weight_{first.pk}").fill("3")
    page.locator(f"#id_weight_{tenth.pk}").fill("0")
    page.get_by_role("button", name=_("Save the rubric", "sv")).click()
    expect(page.locator(f"#id_weight_{first.pk}")).to_have_value("3")
    weights = {line.guideline.number: line.weight for line in call.rubric.all()}
    assert (weights[1], weights[2], weights[10]) == (3, 1, 0), weights

    page.goto(f"{base}/sv/calls/{call.pk}/")
    page.get_by_role("button", name=_("Publish the call", "sv")).click()
    expect(page.locator("body")).to_contain_text(
        _("The call is published and open for applications.", "sv")
    )
    call.refresh_from_db()
    assert call.status == CallStatus.OPEN
    return call


def _fill_office(page: Any, name: str, hours: str) -> None:
    page.locator("#id_name").fill(name)
    page.locator("#id_street_address").fill("Ronnavägen 10")
    page.locator("#id_city").fill("Södertälje")
    page.locator("#id_latitude").fill("59.201")
    page.locator("#id_longitude").fill("17.602")
    page.locator("#id_hours_per_week").fill(hours)
    page.locator("#id_capacity").fill("30")
    page.locator("#id_accessibility").fill("مدخل بدون درج.")
    page.locator("main form[novalidate] button[type=submit]").click()
    expect(page.locator("main table th[scope=row]", has_text=name)).to_be_visible()


def _admin_applies(page: Any, base: str, call: Call) -> Application:
    """In Arabic, right to left: a draft, the needs analysis, plans, two offices, submitted."""
    page.goto(f"{base}/ar/calls/{call.pk}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("link", name=_("Apply to this call", "ar")).click()
    page.locator("#id_title").fill(APPLICATION_TITLE)
    page.get_by_role("button", name=_("Start the application", "ar")).click()
    expect(page.locator("#id_residents")).to_be_visible()
    application = Application.objects.get(call=call)
    a = f"{base}/ar/commissioning/applications/{application.pk}"

    page.locator("#id_residents").fill("عائلات كثيرة وشباب يتنقلون بعيداً للعمل.")
    page.locator("#id_existing").fill("مكتبة ونادٍ للشباب.")
    page.locator("#id_missing").fill("مكان هادئ للعمل قرب البيت.")
    page.locator("#id_staffing").fill("مضيفان بدوام جزئي.")
    page.locator("#id_partnerships").fill("المكتبة وشركة الإسكان.")
    page.locator("#id_budget").fill("الإيجار 300000 كرونة في السنة.")
    page.locator("#id_private_budget").check()
    page.locator("#id_budget_sek").fill("900000")
    page.locator("main form[novalidate] button[type=submit]").click()
    expect(page).to_have_url(f"{a}/")

    page.goto(f"{a}/plans/")
    for box in page.locator("textarea[name^=commitment_]").all():
        box.fill("نلتزم بهذا المبدأ.")
    for box in page.locator("textarea[name^=plan_]").all():
        box.fill("مضيفان يراجعان ذلك كل شهر.")
    page.locator("main form[novalidate] button[type=submit]").click()
    expect(page).to_have_url(f"{a}/")

    page.goto(f"{a}/offices/")
    _fill_office(page, OFFICES[0], "40")
    _fill_office(page, OFFICES[1], "32")

    page.goto(f"{a}/submit/")
    expect(page.locator("main")).not_to_contain_text(_("Still missing", "ar"))
    assert_page_healthy(page)
    page.get_by_role("button", name=_("Submit the application", "ar")).click()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED and application.receipt
    expect(page.locator("body")).to_contain_text(application.receipt)
    assert application.planned_offices.count() == 2
    return application


def _reviewers_score(
    new_page: Callable[..., Any], log_in: Callable[..., None], base: str, people: People, app: Any
) -> None:
    """The first reviewer in the browser, fully; the second through the services."""
    page = new_page(locale="sv")
    log_in(page, people.reviewers[0])
    page.goto(f"{base}/sv/commissioning/reviews/")
    page.get_by_role("link", name=APPLICATION_TITLE).click()
    page.locator("input[name=has_conflict][value=no]").check()
    page.get_by_role("button", name=_("Save the declaration", "sv")).click()
    lines = rubric_lines(app.call)
    assert len(lines) == 9  # the tenth guideline weighs 0
    expect(page.locator(".cr-line")).to_have_count(len(lines))
    for number, line in enumerate(lines):
        page.locator(f"input[name={line.key}][value='{3 + number % 3}']").check()
    page.locator(f"#id_{lines[0].key}_comment").fill("Tydlig plan för mänskliga rättigheter.")
    page.locator(f"#id_{lines[0].key}_shared").check()
    page.get_by_role("button", name=_("Save and complete the review", "sv")).click()
    expect(page.locator("main")).to_contain_text(_("Your review is complete. Thank you.", "sv"))
    first = Reviewer.objects.get(application=app, user=people.reviewers[0])
    assert first.has_conflict is False and first.completed_at is not None
    assert first.scores.count() == len(lines)

    second = Reviewer.objects.get(application=app, user=people.reviewers[1])
    reviews.declare_conflict(user=people.reviewers[1], reviewer=second, has_conflict=False)
    answers = {line.key: reviews.Answer("4") for line in lines}
    reviews.save_scores(user=people.reviewers[1], reviewer=second, answers=answers)
    reviews.complete_review(user=people.reviewers[1], reviewer=second)


def _officer_assigns(page: Any, base: str, people: People, app: Application) -> None:
    page.goto(f"{base}/sv/commissioning/applications/{app.pk}/reviewers/")
    for reviewer in people.reviewers:
        page.locator("#id_user").select_option(str(reviewer.pk))
        page.get_by_role("button", name=_("Assign", "sv"), exact=True).click()
        expect(page.locator("main table th[scope=row]", has_text=str(reviewer))).to_be_visible()
    assert app.reviewers.count() == 2


def _officer_decides(page: Any, base: str, app: Application) -> Commission:
    page.goto(f"{base}/sv/commissioning/calls/{app.call_id}/applications/")
    row = page.locator("main table tbody tr", has_text=APPLICATION_TITLE)
    expect(row.locator(".cr-cells li")).to_have_count(2)
    expect(row).to_contain_text("✓")
    page.goto(f"{base}/sv/commissioning/applications/{app.pk}/decide/")
    page.locator("input[name=outcome][value=approved]").check()
    page.locator("#id_reasons").fill("En genomarbetad ansökan med två kontor.")
    page.locator("#id_conditions").fill("Öppet minst 30 timmar i veckan på varje kontor.")
    page.locator("#id_private_notes").fill("Budgeten följs upp särskilt.")
    page.get_by_role("button", name=_("Decide", "sv"), exact=True).click()
    expect(page.locator("#decided-title")).to_be_visible()
    app.refresh_from_db()
    assert app.status == ApplicationStatus.APPROVED
    commission = Commission.objects.get(application=app)
    assert sorted(o.name for o in commission.offices.all()) == sorted(OFFICES)
    assert "30 timmar" in commission.conditions
    return commission


def _admin_reports(page: Any, base: str, report: Report) -> None:
    """The report opens with the offices' figures; completed in Arabic and submitted."""
    page.goto(f"{base}/ar/commissioning/reports/{report.pk}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # The decision's own target: the call's least opening hours a week.
    (hours,) = [r for r in report_figures(report, public=False) if r.target.measure == HOURS]
    assert hours.reading is not None and hours.reading.value and hours.met
    with translation.override("ar"):
        shown = floatformat(hours.reading.value, 1)
    row = page.locator(".followup-figures tbody tr", has_text=_label(HOURS, "ar"))
    expect(row.locator("td").first).to_have_text(shown)
    page.get_by_role("link", name=_("Write the report", "ar")).click()
    page.locator("#id_narrative").fill(PUBLIC_NARRATIVE)
    page.locator("#id_private_narrative").fill("كان أحد المضيفين مريضاً أسبوعين.")
    for guideline in Guideline.objects.all():
        page.locator(f"input[name=rating_{guideline.pk}][value=met]").check()
        page.locator(f"#id_evidence_{guideline.pk}").fill("فعلنا ما وعدنا به.")
    page.get_by_role("button", name=_("Submit the report", "ar")).click()
    expect(page.locator("main")).to_contain_text(PUBLIC_NARRATIVE)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.figures


def _officer_accepts(page: Any, base: str, report: Report) -> None:
    page.goto(f"{base}/sv/commissioning/reports/{report.pk}/assess/")
    for guideline in Guideline.objects.all():
        page.locator(f"input[name=rating_{guideline.pk}][value=partly]").check()
    first = Guideline.objects.get(number=1)
    page.locator(f"#id_evidence_{first.pk}").fill(MUNICIPALITY_EVIDENCE)
    page.locator("#id_comment").fill("Tack, ett tydligt första kvartal.")
    page.locator("input[name=decision][value=accept]").check()
    page.get_by_role("button", name=_("Save the assessment", "sv")).click()
    expect(page.locator("main")).to_contain_text(MUNICIPALITY_EVIDENCE)
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED


def test_a_call_becomes_a_commission_that_reports_in_public(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    people: People,
) -> None:
    base = live_server.url
    officer = new_page(locale="sv")
    log_in(officer, people.officer)
    call = _officer_opens_a_call(officer, base, people)

    admin = new_page(locale="ar")
    log_in(admin, people.admin)
    application = _admin_applies(admin, base, call)

    # The live server runs on the real clock in this process's other thread,
    # and time_machine is not used by the browser tests: the deadline is moved
    # into the past instead, as if a day had gone by since the submission.
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - timedelta(minutes=1))

    _officer_assigns(officer, base, people, application)
    _reviewers_score(new_page, log_in, base, people, application)
    commission = _officer_decides(officer, base, application)

    report = commission.reports.filter(kind=ReportKind.QUARTERLY).order_by("period_starts")[0]
    for office in commission.offices.all():
        put_figures(office, report.period_starts, report.period_ends)
    _admin_reports(admin, base, report)
    _officer_accepts(officer, base, report)

    public = new_page(locale="sv")
    office = commission.offices.order_by("pk")[0]
    public.goto(f"{base}/sv/offices/{office.slug}/commission/")
    published = public.locator(".ct-report")
    expect(published).to_have_count(1)
    expect(published).to_contain_text(PUBLIC_NARRATIVE)
    expect(public.locator("main")).not_to_contain_text("مريضاً")  # the private narrative
    first = public.locator(".ct-guideline").first
    expect(first.locator(".ct-assessment").first).to_contain_text(_label(Rating.MET, "sv"))
    expect(first.locator(".ct-assessment").last).to_contain_text(_label(Rating.PARTLY, "sv"))
    expect(first).to_contain_text(MUNICIPALITY_EVIDENCE)
    for page in (officer, admin, public):
        assert_page_healthy(page)
