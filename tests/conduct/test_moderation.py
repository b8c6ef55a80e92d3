"""Content moderation services: reports, the threshold, staff decisions, the appeal."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from publicoffice.community.services.contacts import abuse_report
from publicoffice.community.services.profiles import profile_create
from publicoffice.conduct import moderation
from publicoffice.conduct import moderation_selectors as selectors
from publicoffice.conduct.models import (
    AuditAction,
    AuditEntry,
    CaseState,
    ContentAppealOutcome,
    ContentCase,
    ContentFlag,
)
from publicoffice.dialogue import moderation as dialogue_moderation
from publicoffice.dialogue import selectors as dialogue_selectors
from publicoffice.dialogue.models import Argument
from publicoffice.places.moderation import kind_named
from tests.conduct.conftest import refused
from tests.dialogue.factories import person, propose


@pytest.fixture
def proposal(office: Any, member: Any) -> Any:
    return propose(member, office=office)


@pytest.fixture
def reporters(db: Any) -> list[Any]:
    return [person(f"Reporter{n}") for n in range(4)]


def flag(reporter: Any, item: Any, kind: str = "proposal", reason: str = "Kränkande.") -> Any:
    key = str(item.public_id) if hasattr(item, "public_id") else str(item.pk)
    return moderation.report(reporter=reporter, kind_name=kind, key=key, reason=reason)


class TestThreshold:
    def test_three_distinct_members_hide_it_automatically(self, proposal, reporters):
        for reporter in reporters[:2]:
            flag(reporter, proposal)
        proposal.refresh_from_db()
        assert proposal.hidden_at is None
        case = flag(reporters[2], proposal)
        proposal.refresh_from_db()
        assert proposal.hidden_at is not None
        assert (case.state, case.automated, case.decided_by) == (CaseState.HIDDEN, True, None)
        assert proposal.hidden_reason == case.reason != ""
        assert AuditEntry.objects.filter(
            action=AuditAction.CONTENT_HIDDEN, note="automated"
        ).exists()

    def test_the_same_member_twice_counts_once(self, proposal, reporters):
        flag(reporters[0], proposal)
        flag(reporters[0], proposal, reason="Igen.")
        flag(reporters[1], proposal)
        proposal.refresh_from_db()
        assert proposal.hidden_at is None
        assert ContentFlag.objects.count() == 2

    def test_the_threshold_is_a_setting(self, settings, proposal, reporters):
        settings.CONDUCT_HIDE_THRESHOLD = 1
        flag(reporters[0], proposal)
        proposal.refresh_from_db()
        assert proposal.hidden_at is not None

    def test_reports_before_a_restore_do_not_count_again(self, settings, proposal, reporters, host):
        for reporter in reporters[:3]:
            case = flag(reporter, proposal)
        moderation.restore(staff=host, case=case, reason="Inget regelbrott.")
        case = flag(reporters[3], proposal)
        proposal.refresh_from_db()
        assert proposal.hidden_at is None
        assert case.state == CaseState.OPEN


class TestBadInput:
    def test_an_unknown_kind_or_key_is_not_found(self, proposal, other_member):
        with refused("not_found"):
            moderation.report(reporter=other_member, kind_name="nope", key="1", reason="x")
        with refused("not_found"):
            moderation.report(reporter=other_member, kind_name="proposal", key="x", reason="x")
        with refused("not_found"):
            moderation.report(reporter=other_member, kind_name="argument", key="999", reason="x")

    def test_a_reason_is_required(self, proposal, other_member):
        with refused("text_missing", field="reason"):
            flag(other_member, proposal, reason="   ")

    def test_nobody_reports_their_own_content(self, proposal, member):
        with refused("not_allowed"):
            flag(member, proposal)

    def test_a_decision_needs_a_reason(self, proposal, other_member, host):
        case = flag(other_member, proposal)
        with refused("text_missing", field="reason"):
            moderation.hide(staff=host, case=case, reason="")


class TestStaffDecisions:
    def test_hide_and_restore_with_reasons_the_author_reads(
        self, proposal, member, other_member, host
    ):
        case = flag(other_member, proposal)
        moderation.hide(staff=host, case=case, reason="Personuppgifter om en granne.")
        proposal.refresh_from_db()
        assert proposal.hidden_reason == "Personuppgifter om en granne."
        seen = selectors.own_case(user=member, public_id=case.public_id)
        assert seen.reason == "Personuppgifter om en granne."
        assert seen.automated is False
        moderation.restore(staff=host, case=case, reason="Uppgifterna är borttagna.")
        proposal.refresh_from_db()
        assert proposal.hidden_at is None
        case.refresh_from_db()
        assert (case.state, case.reason) == (CaseState.RESTORED, "Uppgifterna är borttagna.")
        actions = set(AuditEntry.objects.values_list("action", flat=True))
        assert {"content_reported", "content_hidden", "content_restored"} <= actions

    def test_dismissing_an_automatically_hidden_item_shows_it(self, proposal, reporters, host):
        for reporter in reporters[:3]:
            case = flag(reporter, proposal)
        moderation.dismiss(staff=host, case=case, reason="Ett upprop, inget regelbrott.")
        proposal.refresh_from_db()
        assert proposal.hidden_at is None
        assert ContentFlag.objects.filter(handled_at__isnull=True).count() == 0

    def test_nobody_else_sees_the_authors_case(self, proposal, other_member, host):
        case = flag(other_member, proposal)
        moderation.hide(staff=host, case=case, reason="Nej.")
        with refused("not_found"):
            selectors.own_case(user=other_member, public_id=case.public_id)


class TestAppeal:
    def test_another_staff_member_answers(self, proposal, member, other_member, host, second_host):
        case = flag(other_member, proposal)
        moderation.hide(staff=host, case=case, reason="Hot.")
        appeal = moderation.appeal_make(member=member, case=case, text="Det var ett citat.")
        with refused("second_staff_needed"):
            moderation.appeal_decide(staff=host, appeal=appeal, outcome="restored", reply="Ja.")
        moderation.appeal_decide(
            staff=second_host, appeal=appeal, outcome="restored", reply="Ett citat, inget hot."
        )
        appeal.refresh_from_db()
        proposal.refresh_from_db()
        assert appeal.outcome == ContentAppealOutcome.RESTORED
        assert proposal.hidden_at is None
        with refused("appeal_decided"):
            moderation.appeal_decide(staff=second_host, appeal=appeal, outcome="kept", reply="x")

    def test_once_only_by_the_author_of_hidden_content(self, proposal, member, other_member, host):
        case = flag(other_member, proposal)
        with refused("appeal_too_late"):
            moderation.appeal_make(member=member, case=case, text="Varför?")
        moderation.hide(staff=host, case=case, reason="Hot.")
        with refused("not_found"):
            moderation.appeal_make(member=other_member, case=case, text="Varför?")
        moderation.appeal_make(member=member, case=case, text="Varför?")
        with refused("already_appealed"):
            moderation.appeal_make(member=member, case=case, text="Igen.")

    def test_an_invalid_outcome_is_refused(self, proposal, member, other_member, host, second_host):
        case = flag(other_member, proposal)
        moderation.hide(staff=host, case=case, reason="Hot.")
        appeal = moderation.appeal_make(member=member, case=case, text="Varför?")
        with refused("appeal_outcome_invalid"):
            moderation.appeal_decide(staff=second_host, appeal=appeal, outcome="pending", reply="x")


class TestOldReportForms:
    def test_dialogue_reports_become_flags(self, proposal, member, reporters):
        argument = Argument.objects.create(proposal=proposal, member=member, side="for", text="Ja")
        for reporter in reporters[:3]:
            dialogue_moderation.report(reporter=reporter, item=argument, reason="Spam.")
        argument.refresh_from_db()
        assert argument.hidden_at is not None
        case = ContentCase.objects.get(kind="argument")
        assert (case.office, case.author) == (proposal.office, member)

    def test_a_visitors_report_is_kept_but_not_counted(self, proposal):
        dialogue_moderation.report(reporter=None, item=proposal, reason="Spam.")
        assert not ContentFlag.objects.exists()

    def test_a_profile_report_becomes_a_flag(self, office, member, other_member):
        profile = profile_create(
            owner=member, kind="person", name="Amina", visibility="public", home_offices=[office]
        )
        abuse_report(reporter=other_member, profile=profile, reason="Falskt namn.")
        case = ContentCase.objects.get(kind="profile")
        assert (case.key, case.office, case.author) == (str(profile.public_id), office, member)


def test_every_kind_is_registered(db):
    for name in ("profile", "contact", "event", "proposal", "argument", "problem"):
        assert kind_named(name) is not None


def test_a_proposal_hidden_through_conduct_leaves_the_lists(office, proposal, reporters, host):
    for reporter in reporters[:3]:
        case = flag(reporter, proposal)
    assert list(dialogue_selectors.network_proposals()) == []
    with refused("proposal_not_found"):
        dialogue_selectors.proposal_get_visible(user=AnonymousUser(), public_id=proposal.public_id)
    moderation.restore(staff=host, case=case, reason="Inget regelbrott.")
    assert list(dialogue_selectors.network_proposals()) == [proposal]


def test_an_appeal_kept_by_a_person_leaves_the_queue(proposal, member, reporters, host):
    for reporter in reporters[:3]:
        case = flag(reporter, proposal)
    assert list(selectors.moderation_queue(user=host)) == [case]
    appeal = moderation.appeal_make(member=member, case=case, text="Det var ett skämt.")
    moderation.appeal_decide(staff=host, appeal=appeal, outcome="kept", reply="Det är kränkande.")
    case.refresh_from_db()
    proposal.refresh_from_db()
    assert (case.state, case.automated, case.decided_by) == (CaseState.HIDDEN, False, host)
    assert proposal.hidden_at is not None
    assert list(selectors.moderation_queue(user=host)) == []
    assert selectors.own_case(user=member, public_id=case.public_id).reason == "Det är kränkande."


def test_a_hide_from_the_proposal_page_is_a_decision_the_author_may_appeal(
    proposal, member, host, second_host
):
    dialogue_moderation.hide(staff=host, item=proposal, reason="Reklam för ett företag.")
    case = ContentCase.objects.get(kind="proposal")
    assert (case.state, case.decided_by, case.reason) == (
        CaseState.HIDDEN,
        host,
        "Reklam för ett företag.",
    )
    appeal = moderation.appeal_make(member=member, case=case, text="Det är en förening.")
    moderation.appeal_decide(staff=second_host, appeal=appeal, outcome="restored", reply="Ja.")
    proposal.refresh_from_db()
    assert proposal.hidden_at is None
