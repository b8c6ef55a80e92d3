"""Deciding sanctions: what each kind needs, the second approval, the history staff see."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from publicoffice.conduct import policies
from publicoffice.conduct.models import AuditEntry, Sanction, SanctionState
from publicoffice.conduct.services.incidents import incident_record
from publicoffice.conduct.services.sanctions import (
    counts_towards_escalation,
    is_in_force,
    prior_sanctions,
    sanction_approve,
    sanction_decide,
)
from tests.conduct.conftest import NOW, refused
from tests.conduct.makers import indefinite_ban, restriction
from tests.dialogue.factories import host_of

pytestmark = pytest.mark.django_db

BASE: dict[str, Any] = {
    "category": "threat",
    "facts": "Threatened a visitor.",
    "grounds": "Threats break the rules.",
}


def test_a_restriction_holds_from_now_with_its_statement(
    host: Any, member: Any, office: Any
) -> None:
    sanction = restriction(staff=host, member=member, office=office)
    assert sanction.state == SanctionState.IN_FORCE
    assert sanction.actions == ["book"]
    assert sanction.operator_id == office.operator_id
    assert sanction.municipality_id == office.municipality_id
    assert sanction.facts and sanction.grounds and not sanction.automated
    assert is_in_force(sanction, NOW + timedelta(days=29))
    assert not is_in_force(sanction, NOW + timedelta(days=30))
    entry = AuditEntry.objects.get(target=str(sanction.public_id))
    assert (entry.action, entry.actor, entry.subject) == ("sanction_decided", host, member)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"kind": "restriction", "scope": "office", "actions": []}, "sanction_actions_missing"),
        (
            {"kind": "restriction", "scope": "office", "actions": ["fly"]},
            "sanction_actions_missing",
        ),
        ({"kind": "restriction", "scope": "office", "actions": ["book"]}, "sanction_end_invalid"),
        ({"kind": "ban", "scope": "network"}, "sanction_end_invalid"),
        ({"kind": "exile", "scope": "network"}, "sanction_kind_invalid"),
        ({"kind": "warning", "scope": "planet"}, "sanction_scope_invalid"),
        ({"kind": "warning", "scope": "office", "facts": "   "}, "text_missing"),
        ({"kind": "warning", "scope": "office", "grounds": "x" * 2001}, "text_too_long"),
        (
            {"kind": "warning", "scope": "office", "category": "<script>"},
            "incident_category_invalid",
        ),
        ({"kind": "warning", "scope": "office", "facts": ["a list"]}, "text_invalid"),
    ],
)
def test_bad_decisions_are_refused_and_change_nothing(
    host: Any, member: Any, office: Any, fields: dict[str, Any], code: str
) -> None:
    with refused(code):
        sanction_decide(staff=host, member=member, office=office, now=NOW, **{**BASE, **fields})
    assert not Sanction.objects.exists()
    assert not AuditEntry.objects.exists()


def test_an_end_in_the_past_is_refused(host: Any, member: Any, office: Any) -> None:
    with refused("sanction_end_invalid"):
        restriction(staff=host, member=member, office=office, days=-1)


def test_a_ban_stops_everything_and_a_warning_nothing(host: Any, member: Any, office: Any) -> None:
    ban = sanction_decide(
        staff=host,
        member=member,
        office=office,
        kind="ban",
        scope="office",
        ends_at=NOW + timedelta(days=7),
        now=NOW,
        **BASE,
    )
    warning = sanction_decide(
        staff=host,
        member=member,
        office=office,
        kind="warning",
        scope="office",
        actions=["book"],
        ends_at=NOW + timedelta(days=7),
        now=NOW,
        **BASE,
    )
    assert set(ban.actions) == {"book", "register", "contact", "check_in", "propose"}
    assert ban.state == SanctionState.IN_FORCE
    assert (warning.actions, warning.ends_at) == ([], None)


def test_an_indefinite_ban_waits_for_a_second_staff_member(
    host: Any, second_host: Any, other_host: Any, member: Any, office: Any
) -> None:
    ban = indefinite_ban(staff=host, member=member, office=office)
    assert ban.state == SanctionState.AWAITING_APPROVAL
    assert ban.review_at == NOW + timedelta(days=90)
    assert not policies.can_approve(host, ban)
    assert not policies.can_approve(other_host, ban)
    assert policies.can_approve(second_host, ban)
    with refused("second_staff_needed"):
        sanction_approve(staff=host, sanction=ban, now=NOW)
    approved = sanction_approve(staff=second_host, sanction=ban, now=NOW + timedelta(hours=1))
    assert approved.state == SanctionState.IN_FORCE
    assert approved.approved_by == second_host
    with refused("sanction_not_awaiting"):
        sanction_approve(staff=second_host, sanction=ban, now=NOW)


def test_wide_scopes_need_an_operator_admin(host: Any, operator_admin: Any, office: Any) -> None:
    assert policies.can_decide_scope(host, office, "operator")
    assert not policies.can_decide_scope(host, office, "municipality")
    assert not policies.can_decide_scope(host, office, "network")
    assert policies.can_decide_scope(operator_admin, office, "network")


def test_staff_see_earlier_decisions_that_reach_their_office(
    host: Any, member: Any, office: Any, sibling_office: Any, other_office: Any, other_host: Any
) -> None:
    sibling_host = host_of(sibling_office, "Sid")
    at_office = restriction(staff=host, member=member, office=office)
    operator_wide = restriction(staff=host, member=member, office=office, scope="operator")
    visible_to_sibling = Sanction.objects.filter(policies.sanctions_visible_to_staff(sibling_host))
    assert set(visible_to_sibling) == {operator_wide}
    assert not Sanction.objects.filter(policies.sanctions_visible_to_staff(other_host)).exists()
    assert policies.can_see_sanction(member, at_office)
    assert not policies.can_see_sanction(other_host, at_office)


def test_old_decisions_stop_counting_after_the_forgiveness_period(
    host: Any, member: Any, office: Any
) -> None:
    old = restriction(staff=host, member=member, office=office, now=NOW - timedelta(days=500))
    recent = restriction(staff=host, member=member, office=office)
    assert not counts_towards_escalation(old, NOW)
    assert counts_towards_escalation(recent, NOW)
    rows = prior_sanctions(member, policies.sanctions_visible_to_staff(host), NOW)
    assert rows == [(recent, True), (old, False)]


def test_an_incident_is_recorded_with_the_rules_in_force(
    host: Any, member: Any, office: Any
) -> None:
    incident = incident_record(
        staff=host,
        office=office,
        category="harassment",
        severity="2",
        description="Followed a visitor around.",
        member=member,
        now=NOW,
    )
    assert (incident.severity, incident.member, incident.recorded_by) == (2, member, host)
    with refused("in_past"):
        incident_record(
            staff=host,
            office=office,
            category="harassment",
            severity=1,
            description="x",
            occurred_at=NOW + timedelta(hours=1),
            now=NOW,
        )
    with refused("severity_invalid"):
        incident_record(
            staff=host, office=office, category="threat", severity="🔥", description="x", now=NOW
        )
