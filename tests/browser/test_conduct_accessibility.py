"""axe-core finds no WCAG 2.1 A/AA violations on the conduct pages, in every language.

One office holds what the pages can show: the network's rules in two
versions (the second material, with what changed) and the operator's and
the office's additions; a recorded and a reported incident; a restriction
appealed and waiting for an answer; an indefinite ban waiting for a second
staff member. Each language gets one browser context that visits every
page (:mod:`publicoffice.conduct.urls` and its parts) as a visitor, a
member, a member who has not accepted the new rules, a host and an
operator admin in turn; the moderation pages with a proposal a host hid
and its author appealed, and another proposal to report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from publicoffice.conduct import moderation, rules
from publicoffice.conduct.models import Appeal, ContentCase, Incident, RuleScope, Sanction
from publicoffice.conduct.services import appeals, incidents, sanctions
from publicoffice.places.models import Office
from tests.browser.test_accessibility import axe as axe  # the module-wide axe-core runner
from tests.browser.test_dialogue_accessibility import Checker
from tests.browser.test_language_journeys import OFFICE_NAMES
from tests.dialogue.factories import host_of, operator_admin_of, person, propose

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]
TEXTS = {
    "summary": "Vi behandlar varandra med respekt.",
    "full_text": "1. Behandla alla med respekt.\n2. Inga droger eller alkohol.",
    "changes": "",
}


def _texts(**overrides: str) -> dict[str, str]:
    return {f"{name}_sv": text for name, text in (TEXTS | overrides).items()}


@dataclass(frozen=True)
class Conduct:
    office: Office
    host: Any
    admin: Any
    member: Any
    newcomer: Any
    incident: Incident
    restriction: Sanction
    ban: Sanction
    warning: Sanction
    appeal: Appeal
    case: ContentCase
    to_report: Any


def _rules(office: Office, admin: Any) -> Any:
    now = timezone.now()
    first = rules.publish_version(
        staff=admin,
        scope=RuleScope.NETWORK,
        texts=_texts(),
        effective_from=now - timedelta(days=400),
    )
    second = rules.publish_version(
        staff=admin,
        scope=RuleScope.NETWORK,
        texts=_texts(changes="En ny regel: håll ordning."),
        effective_from=now - timedelta(days=20),
    )
    addition = _texts(summary="Barn under 12 år kommer med en vuxen.")
    month_ago = now - timedelta(days=30)
    rules.publish_version(
        staff=admin,
        scope=RuleScope.OPERATOR,
        texts=addition,
        effective_from=month_ago,
        operator=office.operator,
    )
    rules.publish_version(
        staff=admin, scope=RuleScope.OFFICE, texts=addition, effective_from=month_ago, office=office
    )
    return first, second


@pytest.fixture
def conduct(always_open_office: Callable[..., Office]) -> Conduct:
    office = always_open_office(slug="rinkeby", **OFFICE_NAMES)
    host, second_host = host_of(office, "Parisa"), host_of(office, "Hassan")
    admin = operator_admin_of(office.operator, "Olivia")
    member, newcomer = person("Layla", language="ar"), person("Selam", language="ti")
    first, second = _rules(office, admin)
    for someone in (host, second_host, admin, member):
        rules.accept(someone, second)
    rules.accept(newcomer, first)
    incident = incidents.incident_record(
        staff=host,
        office=office,
        category="damage",
        severity=2,
        description="Spilld läsk över tangentbordet.",
        member=member,
    )
    incidents.incident_report(
        reporter=None, office=office, category="disturbance", description="Hög musik."
    )
    restriction = sanctions.sanction_decide(
        staff=host,
        member=member,
        office=office,
        kind="restriction",
        scope="office",
        actions=["book"],
        facts="Tangentbordet förstördes.",
        grounds="Regel 6: håll ordning.",
        incidents=[incident],
        ends_at=timezone.now() + timedelta(days=30),
    )
    appeal = appeals.appeal_make(member=member, sanction=restriction, text="لم أكن أنا.")
    ban = sanctions.sanction_decide(
        staff=host,
        member=member,
        office=office,
        kind="ban",
        scope="office",
        category="threat",
        facts="Hot mot värden.",
        grounds="Regel 3: inga hot.",
        review_at=timezone.now() + timedelta(days=180),
    )
    warning = sanctions.sanction_decide(
        staff=host,
        member=member,
        office=office,
        kind="warning",
        scope="office",
        category="disturbance",
        facts="Hög musik i läsrummet.",
        grounds="Regel 1: visa hänsyn.",
    )
    case, to_report = _moderated(office, host, admin, member)
    return Conduct(
        office,
        host,
        admin,
        member,
        newcomer,
        incident,
        restriction,
        ban,
        warning,
        appeal,
        case,
        to_report,
    )


def _moderated(office: Office, host: Any, admin: Any, member: Any) -> tuple[ContentCase, Any]:
    """The member's proposal, reported, hidden by the host and appealed; another to report."""
    hidden = propose(member, office=office, title="Grillkväll varje fredag")
    case = moderation.report(
        reporter=person("Johan"), kind_name="proposal", key=str(hidden.public_id), reason="Spam."
    )
    moderation.hide(staff=host, case=case, reason="Samma förslag finns redan.")
    moderation.appeal_make(member=member, case=case, text="Det är inte samma förslag.")
    return case, propose(admin, office=office, title="Läxhjälp på tisdagar")


@pytest.mark.parametrize("language", LANGUAGES)
def test_conduct_pages_have_no_axe_violations(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    conduct: Conduct,
    language: str,
) -> None:
    office = conduct.office.slug
    restriction, ban = conduct.restriction.public_id, conduct.ban.public_id
    checker = Checker(new_page(locale=language), live_server, axe, language)

    # A visitor without an account.
    checker.visit("house rules", "rules/", "main h1")
    checker.visit("office's house rules", f"offices/{office}/rules/", "main h1")
    checker.visit("report an incident", f"offices/{office}/report-incident/", "#id_contact")
    checker.submit_empty("report sent empty")
    checker.visit("transparency", "transparency/conduct/", "main h1")

    # The member with a restriction they appealed, and a ban waiting for approval.
    checker.as_user(conduct.member, log_in)
    checker.visit("member's report form", f"offices/{office}/report-incident/", "main form")
    checker.visit("decisions about me", "me/decisions/", "main ul a")
    checker.visit("decision appealed", f"me/decisions/{restriction}/", "dl.reasons")
    warning = conduct.warning.public_id
    checker.visit("decision to appeal", f"me/decisions/{warning}/", "#id_text")
    checker.visit("my moderation cases", "me/moderation/", "main h1")
    checker.visit("my hidden proposal", f"me/moderation/{conduct.case.public_id}/", "main h1")

    # A member who has not accepted the changed rules.
    checker.as_user(conduct.newcomer, log_in)
    checker.visit("accept the new rules", "rules/accept/", "main form")
    report = f"report/proposal/{conduct.to_report.public_id}/"
    checker.visit("report content", report, "main form")
    checker.submit_empty("content report sent empty")

    # The host who recorded and decided.
    checker.as_user(conduct.host, log_in)
    checker.visit("staff queue", "staff/conduct/", "main h1")
    checker.visit("record an incident", f"staff/offices/{office}/incidents/new/", "#id_day")
    checker.submit_empty("incident sent empty")
    checker.visit("incident", f"staff/incidents/{conduct.incident.public_id}/", "dl.reasons")
    checker.visit(
        "decision form",
        f"staff/offices/{office}/decisions/new/?incident={conduct.incident.public_id}",
        "#id_facts",
    )
    checker.submit_empty("decision sent empty")
    checker.visit("decision", f"staff/decisions/{restriction}/", "dl.reasons")
    checker.visit("moderation queue", "staff/conduct/moderation/", "main h1")

    # The operator admin, who approves the ban and answers the appeal.
    checker.as_user(conduct.admin, log_in)
    checker.visit("ban to approve", f"staff/decisions/{ban}/", "dl.reasons")
    checker.visit("appeal to answer", f"staff/appeals/{conduct.appeal.public_id}/", "#id_reply")
    checker.visit("conduct log", "staff/conduct/log/", "main h1")
    case = f"staff/conduct/moderation/{conduct.case.public_id}/"
    checker.visit("moderation case with an appeal", case, "main h1")
    checker.visit("moderation queue", "staff/conduct/moderation/", "main h1")
    checker.assert_clean()
