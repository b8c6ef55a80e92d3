"""axe-core finds no WCAG 2.1 A/AA violations on the dialogue pages, in every language.

One office holds everything the pages can show: a proposal with supporters,
an earlier version, arguments for and against, a published answer and a
draft; an overdue one, an answered one, a visitor's waiting for its e-mail
to be confirmed; problem reports open (an accessibility barrier, so the
office page flags it), fixed and closed. Each language gets one test and one
browser context, which visits every page as a visitor, a member and a host
in turn: loading the data and starting a context cost more than a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from publicoffice.dialogue.models import ProblemReport, Proposal
from publicoffice.dialogue.services import answers, problems, proposals, visitors
from publicoffice.places.models import Office
from tests.browser.test_accessibility import AXE_OPTIONS, _report
from tests.browser.test_accessibility import axe as axe  # the module-wide axe-core runner
from tests.browser.test_bookings_accessibility import _open_details
from tests.browser.test_language_journeys import OFFICE_NAMES
from tests.browser.test_meeting_place_accessibility import _ready
from tests.dialogue.factories import host_of, person
from tests.factories import AccessibilityFactsFactory, LanguageFactory

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]


@dataclass(frozen=True)
class Dialogue:
    """What the pages are checked with."""

    office: Office
    host: Any
    member: Any
    proposal: Proposal
    problem: ProblemReport
    fixed_problem: ProblemReport
    token: str


def _proposals(office: Office, host: Any, member: Any) -> Proposal:
    """The rich proposal, and the others the lists show (overdue, answered)."""
    author = person("Amina")
    proposal = proposals.proposal_create(
        author=author,
        office=office,
        kind="activity",
        title="Syjunta på torsdagar",
        body="Vi syr tillsammans varje torsdag.\nSymaskinerna tar vi med själva.",
        language="sv",
    )
    proposals.support_add(member=member, proposal=proposal)
    proposals.proposal_reword(
        author=author,
        proposal=proposal,
        title="Syjunta på torsdagskvällar",
        body="Vi syr tillsammans varje torsdag kväll.\nSymaskinerna tar vi med själva.",
    )
    proposals.argument_add(
        member=member, proposal=proposal, side="for", text="Jag vill lära mig sy. 🧵"
    )
    proposals.argument_add(
        member=person("Johan"), proposal=proposal, side="against", text="Det låter högt."
    )
    proposals.argument_add(
        member=person("Sara", language="ar"), proposal=proposal, side="for", text="فكرة رائعة!"
    )
    answers.answer_write(
        staff=host, proposal=proposal, state="considering", text="Vi ser om salen är ledig."
    )
    answers.answer_write(
        staff=host, proposal=proposal, state="planned", text="Vi börjar i mars.", draft=True
    )
    proposals.proposal_create(  # overdue: made 40 days ago, never answered
        author=person("Omar"),
        office=office,
        kind="equipment",
        title="طابعة ملونة",
        body="نحتاج إلى طابعة ملونة للملصقات.",
        language="ar",
        now=timezone.now() - timedelta(days=40),
    )
    answered = proposals.proposal_create(
        author=person("Hodan", language="so"),
        office=office,
        kind="opening_hours",
        title="Fur Axadda",
        body="Xafiisku ha furnaado Axadda.",
        language="so",
    )
    answers.answer_write(
        staff=host, proposal=answered, state="declined", text="Vi har ingen personal då."
    )
    proposal.refresh_from_db()
    return proposal


def _problems(office: Office, host: Any, member: Any) -> tuple[ProblemReport, ProblemReport]:
    """An open barrier with an update, a fixed problem and a closed one."""
    lift = problems.problem_report(
        office=office,
        reporter=member,
        category="accessibility",
        title="Hissen står still",
        description="Hissen till övervåningen går inte.\nJag kommer inte upp.",
        language="sv",
    )
    problems.problem_update(
        staff=host, report=lift, state="in_progress", text="Reparatören kommer i morgon."
    )
    printer = problems.problem_report(
        office=office,
        category="equipment",
        title="الطابعة لا تعمل",
        description="الطابعة عند النافذة لا تسحب الورق.",
        language="ar",
        contact_email="visitor@example.org",
    )
    problems.problem_update(staff=host, report=printer, state="fixed", text="Ny rulle.")
    noise = problems.problem_report(
        office=office, category="other", title="Radion", description="För högt.", language="sv"
    )
    problems.problem_update(staff=host, report=noise, state="not_a_problem", text="Det är ok.")
    lift.refresh_from_db()
    printer.refresh_from_db()
    return lift, printer


@pytest.fixture
def dialogue(always_open_office: Callable[..., Office]) -> Dialogue:
    office = always_open_office(slug="rinkeby", **OFFICE_NAMES)
    AccessibilityFactsFactory(office=office, step_free_entrance=True)
    for code, endonym in (("sv", "svenska"), ("ar", "العربية"), ("fa", "فارسی")):
        LanguageFactory(code=code, endonym=endonym, name=endonym)
    host = host_of(office, "Parisa")
    member = person("Layla", language="ar")
    waiting = visitors.proposal_from_visitor(
        office=office,
        email="maryam@example.org",
        kind="activity",
        title="کافه خیاطی",
        body="هر پنجشنبه با هم خیاطی کنیم.",
        language="fa",
        reply_language="fa",
    )
    problem, fixed_problem = _problems(office, host, member)
    return Dialogue(
        office=office,
        host=host,
        member=member,
        proposal=_proposals(office, host, member),
        problem=problem,
        fixed_problem=fixed_problem,
        token=visitors.confirmation_token(waiting),
    )


class Checker:
    """Visits pages in one browser context and keeps axe's findings for all of them.

    Every page is checked, and the test fails at the end with each page's
    violations, so one run shows all there is to fix.
    """

    def __init__(self, page: Any, live_server: Any, axe: Axe, language: str) -> None:
        self.page, self.base, self.axe, self.language = page, live_server.url, axe, language
        self.found: list[str] = []

    def visit(self, name: str, path: str, must_show: str) -> None:
        """Open ``path`` (after the language), wait for ``must_show``, and run axe."""
        self.page.goto(f"{self.base}/{self.language}/{path}")
        self.check(name, must_show)

    def submit_empty(self, name: str) -> None:
        """Send the page's main form empty; its error summary must show."""
        self.page.locator("main form[novalidate] button[type=submit]").last.click()
        self.check(name, ".error-summary[role=alert]", status=400)

    def check(self, name: str, must_show: str, status: int = 200) -> None:
        expect(self.page.locator(must_show).first).to_be_visible()
        _ready(self.page, self.language, status=status)
        _open_details(self.page)
        violations = self.axe.run(self.page, options=AXE_OPTIONS).response["violations"]
        if violations:
            self.found.append(f"== {name} ({self.page.url})\n{_report(violations)}")

    def as_user(self, user: Any, log_in: Callable[[Any, Any], None]) -> None:
        self.page.context.clear_cookies()
        log_in(self.page, user)

    def assert_clean(self) -> None:
        if self.found:
            pytest.fail("axe found violations:\n" + "\n".join(self.found), pytrace=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dialogue_pages_have_no_axe_violations(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    dialogue: Dialogue,
    language: str,
) -> None:
    office, proposal = dialogue.office.slug, dialogue.proposal.public_id
    problem, fixed = dialogue.problem.public_id, dialogue.fixed_problem.public_id
    checker = Checker(new_page(locale=language), live_server, axe, language)

    # A visitor without an account.
    checker.visit("office page", f"offices/{office}/", "section.problem-barriers li a")
    expect(checker.page.locator(".dialogue-panel li a").first).to_be_visible()
    checker.visit("office's proposals", f"offices/{office}/dialogue/", ".proposal-overdue")
    checker.visit("visitor's proposal form", f"offices/{office}/dialogue/propose/", "#id_email")
    checker.submit_empty("visitor's proposal form sent empty")
    _fill_visitor_proposal(checker.page)
    checker.check("check your e-mail", "main h1")
    checker.visit(
        "publish by the e-mail's link", f"proposals/confirm/{dialogue.token}/", "main form"
    )
    checker.visit("proposal for a visitor", f"proposals/{proposal}/", ".proposal-arguments li")
    checker.visit("every office's proposals", "proposals/", ".proposal-card")
    checker.visit("answered ones", "proposals/?show=answered", ".proposal-state-closed")
    checker.visit("office's problem reports", f"offices/{office}/problems/", ".problem-barrier")
    checker.visit("problem report form", f"offices/{office}/problems/report/", "#id_contact_email")
    checker.submit_empty("visitor's problem report sent empty")

    # A member who supports the proposal and reported the barrier.
    checker.as_user(dialogue.member, log_in)
    checker.visit("member's proposal form", f"offices/{office}/dialogue/propose/", "#id_title")
    checker.submit_empty("member's proposal form sent empty")
    checker.visit(
        "proposal for a supporter", f"proposals/{proposal}/", "form[action$='/arguments/']"
    )
    expect(checker.page.locator(".proposal-version")).to_have_count(1)
    expect(checker.page.locator(".proposal-answer")).to_have_count(1)
    checker.visit("problem for its reporter", f"problems/{problem}/", "form[action$='/flag/']")
    checker.visit("fixed problem", f"problems/{fixed}/", "form[action$='/reopen/'] textarea")

    # A host of the office.
    checker.as_user(dialogue.host, log_in)
    checker.visit("proposal for a host", f"proposals/{proposal}/", ".proposal-answer-draft")
    expect(checker.page.locator("form[action$='/answer/']")).to_be_visible()
    expect(checker.page.locator("form[action$='/hide/']")).to_have_count(4)  # and 3 arguments
    expect(checker.page.locator("a[href$='/make-event/']")).to_be_visible()
    checker.visit("queue", "proposals/to-answer/", ".proposal-card .proposal-overdue")
    checker.visit("make it an event", f"proposals/{proposal}/make-event/", "#id_answer")
    checker.visit("problem for a host", f"problems/{problem}/", "form[action$='/update/']")
    checker.assert_clean()


def _fill_visitor_proposal(page: Any) -> None:
    """Fill in the visitor's form again, properly this time, and send it."""
    page.locator("#id_kind_0").check()
    page.locator("#id_title").fill("Läxhjälp")
    page.locator("#id_body").fill("På lördagar.")
    page.locator("#id_email").fill("sara@example.org")
    page.locator("main form[novalidate] button[type=submit]").click()
    expect(page.locator("#id_email")).to_have_count(0)
