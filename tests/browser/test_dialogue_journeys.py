"""Dialogue journeys in a real browser: proposals and problem reports.

1. A visitor reading Persian proposes a sewing café without an account,
   publishes it from the link in the e-mail; three members support it (with
   htmx, without JavaScript, and with it again); a host answers, makes it an
   event, and once the event has taken place the proposal is done by itself.
2. A member reading Arabic reports a broken lift; the office page flags the
   barrier until a host marks it fixed.
3. Supporting and following by keyboard alone: the focus stays on the
   button htmx swapped in.

Every text is looked up with ``gettext`` in the journey's language, so the
tests speak the translation, whatever it says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext, pgettext
from playwright.sync_api import expect

from publicoffice.core.timeutils import local_zone
from publicoffice.dialogue.models import (
    Follow,
    Kind,
    ProblemCategory,
    ProblemReport,
    ProblemState,
    Proposal,
    State,
    Support,
)
from publicoffice.dialogue.services.proposals import proposal_create
from publicoffice.dialogue.services.to_event import close_held_events
from publicoffice.events.models import Event
from publicoffice.places.models import Office
from tests.browser.conftest import assert_page_healthy
from tests.dialogue.factories import host_of, person
from tests.factories import LanguageFactory

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"
UUID = r"[0-9a-f-]{36}"
OFFICE_NAMES = {
    "name": "Rinkeby kontor",
    "name_en": "Rinkeby office",
    "name_ar": "مكتب رينكبي",
    "name_fa": "دفتر رینکبی",
    "name_so": "Xafiiska Rinkeby",
    "name_ti": "ቤት ጽሕፈት ሪንከቢ",
}
SEWING_TITLE = "کافه خیاطی پنجشنبه‌ها"
SEWING_BODY = "هر پنجشنبه با هم خیاطی کنیم.\nچرخ خیاطی را خودمان می‌آوریم."
VISITOR_EMAIL = "maryam@example.org"
LIFT_TITLE = "المصعد إلى الطابق الأول معطل"
LIFT_FIXED = "Hissen är lagad. Tack för att du sa till!"
LIFT_TEXT = "المصعد لا يعمل منذ الصباح، ولا أستطيع الوصول إلى غرفة الاجتماعات."


def _(message: str, language: str) -> str:
    """A message as the pages show it in ``language``."""
    with translation.override(language):
        return gettext(message)


def _label(choice: Any, language: str) -> str:
    """A choice's label (a model's state or category) in ``language``."""
    with translation.override(language):
        return str(choice.label)


def _supporters(count: int, language: str) -> str:
    """The support count as ``dialogue/_support.html`` says it."""
    with translation.override(language):
        text = ngettext("%(supports)s supporter", "%(supports)s supporters", count)
    return text % {"supports": count}


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    return always_open_office(slug="rinkeby", **OFFICE_NAMES)


@pytest.fixture
def mail_at_once(settings: Any) -> list[Any]:
    """E-mail queued after commit is sent before the response, into ``mail.outbox``."""
    settings.EMAIL_BACKEND = LOCMEM_EMAIL
    settings.TASKS = IMMEDIATE_TASKS
    settings.PUBLIC_BASE_URL = "https://kontor.example"
    mail.outbox = []
    return mail.outbox


def _tomorrow_at(hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=local_zone())


def _support_count(page: Any) -> Any:
    return page.locator("#support-block .proposal-supports")


def _visitor_proposes(page: Any, live_server: Any, office: Office) -> None:
    """From the office's dialogue page, through the visitor's form, to "check your e-mail"."""
    page.goto(f"{live_server.url}/fa/offices/{office.slug}/dialogue/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(_("Proposals and answers", "fa"))
    # Without an account the page offers to log in; the form is open to visitors too.
    page.goto(f"{live_server.url}/fa/offices/{office.slug}/dialogue/propose/")
    expect(page.locator("h1")).to_have_text(_("Make a proposal", "fa"))
    page.get_by_label(_label(Kind.ACTIVITY, "fa")).check()
    page.get_by_label(_("Title", "fa"), exact=True).fill(SEWING_TITLE)
    page.get_by_label(_("What do you propose, and why?", "fa")).fill(SEWING_BODY)
    expect(page.get_by_label(_("Written in", "fa"))).to_have_value("fa")
    page.get_by_label(_("Your e-mail address", "fa")).fill(VISITOR_EMAIL)
    page.wait_for_load_state("load")
    assert_page_healthy(page)
    page.get_by_role("button", name=_("Publish the proposal", "fa")).click()

    expect(page.locator("h1")).to_have_text(_("Check your e-mail", "fa"))
    assert_page_healthy(page)


def _confirm_from_the_email(page: Any, live_server: Any, outbox: list[Any]) -> Proposal:
    """The link in the e-mail leads to a button; pressing it makes the proposal public."""
    proposal = Proposal.objects.get()
    assert proposal.awaiting_confirmation and proposal.author is None
    (message,) = outbox
    assert message.to == [VISITOR_EMAIL]
    assert message.extra_headers["Content-Language"] == "fa"
    found = re.search(r"https://kontor\.example(/fa/proposals/confirm/\S+/)", message.body)
    assert found, message.body
    # Nobody sees it before the link is opened and the button pressed.
    response = page.goto(f"{live_server.url}/fa/proposals/{proposal.public_id}/")
    assert response is not None and response.status == 404
    page.broken_resources.remove(f"404 {response.url}")  # the page itself, as it should be

    page.goto(live_server.url + found.group(1))
    expect(page.locator("h1")).to_have_text(_("Publish your proposal", "fa"))
    proposal.refresh_from_db()
    assert proposal.awaiting_confirmation, "opening the link alone published it"
    page.get_by_role("button", name=_("Publish my proposal", "fa")).click()

    page.wait_for_url(f"{live_server.url}/fa/proposals/{proposal.public_id}/")
    expect(page.locator(".messages")).to_contain_text(
        _("Thank you! Your proposal is public now.", "fa")
    )
    expect(page.locator("h1")).to_have_text(SEWING_TITLE)
    expect(page.locator("h1")).to_have_attribute("lang", "fa")
    expect(page.locator("main")).to_contain_text(_("proposed by a visitor", "fa"))
    expect(page.locator("main")).not_to_contain_text(VISITOR_EMAIL)
    expect(_support_count(page)).to_have_text(_supporters(0, "fa"))
    assert_page_healthy(page)
    proposal.refresh_from_db()
    assert not proposal.awaiting_confirmation
    return proposal


def _supports_in_place(page: Any, proposal_url: str, count: int) -> None:
    """With JavaScript: htmx posts the form and swaps the count; the page stays."""
    page.goto(proposal_url)
    page.wait_for_load_state("load")
    page.evaluate("window.notReloaded = true")
    swaps: list[str] = []
    page.on("request", lambda r: swaps.append(r.url) if r.headers.get("hx-request") else None)
    page.locator("#support-button").click()

    expect(_support_count(page)).to_have_text(_supporters(count, "fa"))
    expect(page.locator("#support-block")).to_contain_text(_("Thank you for your support!", "fa"))
    expect(page.locator("#support-button")).to_have_text(_("Take back my support", "fa"))
    assert page.evaluate("window.notReloaded === true"), "the page reloaded"
    assert swaps == [proposal_url + "support/"]
    assert_page_healthy(page)


def _supports_without_javascript(page: Any, proposal_url: str, count: int) -> None:
    """Without JavaScript the same button posts the form and the page comes back."""
    page.goto(proposal_url)
    page.locator("#support-button").click()

    page.wait_for_url(proposal_url)
    expect(page.locator(".messages")).to_contain_text(_("Thank you for your support!", "fa"))
    expect(_support_count(page)).to_have_text(_supporters(count, "fa"))
    expect(page.locator("#support-button")).to_have_text(_("Take back my support", "fa"))
    assert_page_healthy(page)


def _host_answers_and_makes_an_event(page: Any, live_server: Any, proposal_url: str) -> Event:
    """A public answer first; then "Make this an event" with the form filled in."""
    page.goto(proposal_url)
    page.get_by_label(_("New state", "fa")).select_option(State.CONSIDERING.value)
    page.get_by_label(_("Public answer", "fa")).fill("ایده خوبی است. اتاق را بررسی می‌کنیم.")
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name=_("Save the answer", "fa")).click()

    # htmx: the answer lands in place, with the new state; the page stays.
    expect(page.locator("#answer-form")).to_contain_text(
        _("The answer is published. Everyone following it is told.", "fa")
    )
    expect(page.locator("#answers")).to_contain_text("ایده خوبی است. اتاق را بررسی می‌کنیم.")
    expect(page.locator("#proposal-state")).to_contain_text(_("Under consideration", "fa"))
    assert page.evaluate("window.notReloaded === true"), "the page reloaded"
    expect(page.locator(".proposal-answer")).to_contain_text("ایده خوبی است")
    expect(page.locator("p.proposal-state")).to_contain_text(_label(State.CONSIDERING, "fa"))
    page.get_by_role("link", name=_("Make this an event", "fa")).click()

    page.wait_for_url(f"{proposal_url}make-event/")
    expect(page.locator("h1")).to_have_text(_("Make this an event", "fa"))
    # Filled in from the proposal: the host only says when.
    expect(page.locator("#id_title")).to_have_value(SEWING_TITLE)
    expect(page.locator("#id_description")).to_have_value(SEWING_BODY)
    expect(page.locator("#id_answer")).to_have_value(
        _("Yes! This becomes an event. Welcome!", "fa")
    )
    expect(page.locator("input[name=languages][value=fa]")).to_be_checked()
    expect(page.locator("input[name=languages][value=sv]")).not_to_be_checked()
    assert_page_healthy(page)
    starts = _tomorrow_at(17)
    page.locator("#id_day").fill(starts.date().isoformat())
    page.locator("#id_start").fill("17:00")
    page.locator("#id_end").fill("19:00")
    page.get_by_role("button", name=_("Publish the event", "fa")).click()

    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/fa/events/") + UUID + "/$"))
    expect(page.locator(".messages")).to_contain_text(
        _("The event is published and the proposal is answered.", "fa")
    )
    event = Event.objects.get()
    assert (event.title, event.starts_at) == (SEWING_TITLE, starts)
    return event


def test_persian_visitor_proposes_members_support_and_it_becomes_an_event(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    office: Office,
    mail_at_once: list[Any],
) -> None:
    LanguageFactory(code="fa", endonym="فارسی", name="persiska")
    LanguageFactory(code="sv", endonym="svenska", name="svenska")
    visitor = new_page(locale="fa")
    _visitor_proposes(visitor, live_server, office)
    proposal = _confirm_from_the_email(visitor, live_server, mail_at_once)
    proposal_url = f"{live_server.url}/fa/proposals/{proposal.public_id}/"

    # Three members support it: the count goes 1, 2, 3, with and without JavaScript.
    first, second, third = (person(n, language="fa") for n in ("Dariush", "Shirin", "Nasrin"))
    page = new_page(locale="fa")
    log_in(page, first)
    _supports_in_place(page, proposal_url, 1)
    page = new_page(locale="fa", javascript=False)
    log_in(page, second)
    _supports_without_javascript(page, proposal_url, 2)
    page = new_page(locale="fa")
    log_in(page, third)
    _supports_in_place(page, proposal_url, 3)
    proposal.refresh_from_db()
    assert proposal.support_count == 3
    assert set(Support.objects.values_list("member__email", flat=True)) == {
        first.email,
        second.email,
        third.email,
    }

    host = host_of(office, "Parisa")
    page = new_page(locale="fa")
    log_in(page, host)
    event = _host_answers_and_makes_an_event(page, live_server, proposal_url)
    # The event links back to the proposal, and the proposal to the event.
    back = page.locator("section[aria-labelledby=from-proposal]").get_by_role(
        "link", name=SEWING_TITLE
    )
    expect(back).to_have_attribute("href", f"/fa/proposals/{proposal.public_id}/")
    assert_page_healthy(page)
    back.click()
    page.wait_for_url(proposal_url)
    expect(page.locator("p.proposal-state")).to_contain_text(_label(State.PLANNED, "fa"))
    expect(page.locator("main").get_by_role("link", name=SEWING_TITLE)).to_have_attribute(
        "href", f"/fa/events/{event.public_id}/"
    )
    proposal.refresh_from_db()
    assert (proposal.state, proposal.event) == (State.PLANNED, event)

    # The event takes place; the sweep closes the proposal by itself.
    assert close_held_events(now=event.ends_at + timedelta(minutes=1)) == 1
    visitor.goto(proposal_url)
    state = visitor.locator("p.proposal-state")
    expect(state).to_contain_text(_label(State.BECAME_EVENT, "fa"))
    expect(state).to_have_class(re.compile(r"\bproposal-state-done\b"))
    # The answers in order: the host's, making it an event, and the one saying it took place.
    answers = visitor.locator(".proposal-answer h3")
    expect(answers).to_have_count(3)
    expect(answers.nth(1)).to_contain_text(_label(State.PLANNED, "fa"))
    expect(answers.nth(2)).to_contain_text(_label(State.BECAME_EVENT, "fa"))
    expect(visitor.locator(".proposal-answer").last).to_contain_text(
        _("The event took place. Thank you to everyone who proposed and supported it!", "fa")
    )
    assert_page_healthy(visitor)
    proposal.refresh_from_db()
    assert proposal.state == State.BECAME_EVENT


def test_arabic_member_reports_a_broken_lift_until_it_is_fixed(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    office: Office,
    mail_at_once: list[Any],
) -> None:
    member = person("Layla", language="ar")
    page = new_page(locale="ar")
    log_in(page, member)
    office_url = f"{live_server.url}/ar/offices/{office.slug}/"
    page.goto(office_url)
    expect(page.locator("section.problem-barriers")).to_have_count(0)
    page.goto(f"{office_url}dialogue/")
    page.get_by_role("link", name=_("Report a problem", "ar")).click()

    page.wait_for_url(f"{office_url}problems/report/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_label(_label(ProblemCategory.ACCESSIBILITY, "ar")).check()
    with translation.override("ar"):
        what = pgettext("problem report", "What is wrong?")
    page.get_by_label(what).fill(LIFT_TITLE)
    page.get_by_label(_("Where is it, and what happens?", "ar")).fill(LIFT_TEXT)
    expect(page.get_by_label(_("Written in", "ar"))).to_have_value("ar")
    # A member is e-mailed at their account's address: the form asks for none.
    expect(page.get_by_label(_("Your e-mail for updates", "ar"))).to_have_count(0)
    assert_page_healthy(page)
    page.get_by_role("button", name=_("Send the report", "ar")).click()

    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/ar/problems/") + UUID + "/$"))
    problem_url = page.url
    expect(page.locator(".messages")).to_contain_text(
        _("Thank you! Your report is public now, and the office answers it here.", "ar")
    )
    expect(page.locator("h1")).to_have_text(LIFT_TITLE)
    expect(page.locator("p.proposal-state")).to_contain_text(_label(ProblemState.NEW, "ar"))
    assert_page_healthy(page)
    report = ProblemReport.objects.get()
    assert (report.reporter, report.category) == (member, ProblemCategory.ACCESSIBILITY)

    # The office page warns whoever plans to come.
    page.goto(office_url)
    barriers = page.locator("section.problem-barriers")
    expect(barriers.locator("h2")).to_have_text(_("Accessibility barriers reported", "ar"))
    expect(barriers.get_by_role("link", name=LIFT_TITLE)).to_have_attribute(
        "href", f"/ar/problems/{report.public_id}/"
    )
    assert_page_healthy(page)

    host = host_of(office, "Erik")
    staff_page = new_page(locale="sv")
    log_in(staff_page, host)
    staff_page.goto(problem_url.replace("/ar/", "/sv/"))
    staff_page.get_by_label(_("New state", "sv")).select_option(ProblemState.FIXED.value)
    staff_page.get_by_label(_("Public answer", "sv")).fill(
        "Hissen är lagad. Tack för att du sa till!"
    )
    staff_page.get_by_role("button", name=_("Publish the update", "sv")).click()
    expect(staff_page.locator(".messages")).to_contain_text(
        _("The update is published. The reporter is told.", "sv")
    )
    assert_page_healthy(staff_page)

    page.goto(problem_url)
    expect(page.locator("p.proposal-state")).to_contain_text(_label(ProblemState.FIXED, "ar"))
    expect(page.locator(".proposal-answer")).to_contain_text(LIFT_FIXED)
    assert_page_healthy(page)
    page.goto(office_url)
    expect(page.locator("h1")).to_contain_text(OFFICE_NAMES["name_ar"])
    expect(page.locator("section.problem-barriers")).to_have_count(0)
    assert_page_healthy(page)
    # The reporter heard of it, in Arabic.
    told = [message for message in mail_at_once if message.to == [member.email]]
    assert len(told) == 1, [message.subject for message in mail_at_once]
    assert told[0].extra_headers["Content-Language"] == "ar"


def _tab_to(page: Any, element_id: str, most: int = 80) -> None:
    """Press Tab until the element with ``element_id`` has the focus."""
    for _press in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} never got the focus in {most} presses of Tab", pytrace=False)


def _focused(page: Any) -> str:
    """What has the focus, said precisely enough for a report."""
    return str(
        page.evaluate(
            """() => { const e = document.activeElement;
              if (!e) return "nothing";
              return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
                " " + JSON.stringify((e.textContent || "").trim().slice(0, 40)); }"""
        )
    )


def _swapped(page: Any) -> None:
    """Wait until htmx has settled the swapped block.

    htmx wires up the new forms only when it settles, 20 ms after the swap: a
    key pressed before that posts the form the ordinary way (which works, with a
    page load). A person is not that fast; the test is, so it waits.
    """
    expect(page.locator("#support-block")).not_to_have_class(re.compile(r"\bhtmx-settling\b"))
    focus = page.evaluate("document.activeElement && document.activeElement.id")
    assert page.evaluate("window.notReloaded === true"), f"the page reloaded; focus: {focus}"


def test_supporting_and_following_by_keyboard_keeps_the_focus(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    office: Office,
) -> None:
    """Tab to the button, Enter: the count changes in place and the focus stays on the
    button (htmx focuses the new element with the same id), so Enter again takes it back."""
    author = person("Amina")
    proposal = proposal_create(
        author=author,
        office=office,
        kind="activity",
        title="Läxhjälp på lördagar",
        body="Många barn behöver hjälp med läxorna.",
        language="sv",
    )
    page = new_page(locale="en")
    log_in(page, person("Johan", language="en"))
    page.goto(f"{live_server.url}/en/proposals/{proposal.public_id}/")
    page.wait_for_load_state("load")
    page.evaluate("window.notReloaded = true")
    button = page.locator("#support-button")

    _tab_to(page, "support-button")
    page.keyboard.press("Enter")
    expect(_support_count(page)).to_have_text(_supporters(1, "en"))
    expect(button).to_have_text(_("Take back my support", "en"))
    _swapped(page)
    assert page.evaluate("document.activeElement.id") == "support-button", _focused(page)

    page.keyboard.press("Enter")  # the focus stayed: Enter again takes it back
    expect(_support_count(page)).to_have_text(_supporters(0, "en"))
    expect(button).to_have_text(_("Support this proposal", "en"))
    _swapped(page)
    assert page.evaluate("document.activeElement.id") == "support-button", _focused(page)

    _tab_to(page, "follow-button")
    page.keyboard.press("Enter")
    expect(page.locator("#follow-button")).to_have_text(_("Stop following", "en"))
    _swapped(page)
    assert page.evaluate("document.activeElement.id") == "follow-button", _focused(page)
    assert_page_healthy(page)
    assert Follow.objects.filter(proposal=proposal).count() == 1
    proposal.refresh_from_db()
    assert proposal.support_count == 0
