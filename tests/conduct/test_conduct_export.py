"""A member's conduct data in their export, and what account deletion keeps."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from publicoffice.accounts.privacy import account_delete, account_export
from publicoffice.conduct import moderation
from publicoffice.conduct.models import Incident, RuleAcceptance, Sanction
from publicoffice.conduct.rules import accept
from tests.conduct import notice_makers
from tests.conduct.notice_makers import (
    answer,
    appeal,
    decide,
    handle,
    network_rules,
    record,
    report,
)
from tests.dialogue.factories import NOW, propose

pytestmark = pytest.mark.django_db

# The shared fixtures, by name.
clock = notice_makers.clock


@pytest.fixture
def story(clock, office, host, second_host, member, other_member):
    """Amina: a decision she appealed, rules accepted, a report; Johan: his own decision."""
    version = network_rules(host)
    accept(member, version, now=NOW - timedelta(days=30))
    involved = handle(host, record(host, office, member=member))
    sanction = decide(host, member, office, incidents=[involved])
    answer(second_host, appeal(member, sanction, text="Jag var inte där."), "kept")
    report(office, reporter=member, description="Johan hotade Sara vid skrivaren.")
    decide(host, other_member, office, kind="warning", facts="Johan sparkade på dörren.")
    report(office, reporter=other_member, description="Någon rökte på toaletten.")
    return sanction


def test_the_export_holds_her_decisions_rules_reports_and_log(story, member, office):
    data = account_export(user=member)["conduct"]
    (decision,) = data["decisions"]
    assert decision["id"] == str(story.public_id)
    assert decision["facts"] == "Skrek åt en annan besökare vid köket."
    assert decision["grounds"].startswith("Andra gången")
    assert decision["stops"] == ["book", "register"]
    assert decision["house_rules_version"] == 1
    assert decision["decided_automatically"] is False
    assert decision["appeal"]["text"] == "Jag var inte där."
    assert decision["appeal"]["outcome"] == "kept"
    assert decision["appeal"]["reasons"] == "Vi har sett på det igen."
    assert [a["version"] for a in data["house_rules_accepted"]] == [1]
    (reported,) = data["incidents_reported"]
    assert (reported["rule_broken"], reported["office"]) == ("threat", office.name)
    assert [i["rule_broken"] for i in data["incidents_involved_in"]] == ["harassment"]
    actions = [entry["action"] for entry in data["log"]]
    assert actions == [
        "incident_recorded",
        "incident_handled",
        "sanction_decided",
        "appeal_made",
        "appeal_decided",
    ]
    assert json.dumps(data)  # what the export writes


def test_the_export_says_nothing_about_other_people(story, member, host, second_host):
    text = json.dumps(account_export(user=member)["conduct"], ensure_ascii=False)
    for other in (
        "Johan sparkade",  # another member's decision
        "Johan hotade",  # what she wrote about others
        "Någon rökte",  # another member's report
        "Amina skrek",  # the staff's account of the incident
        "Johan fick en varning",  # what staff did about it
        host.display_name,
        second_host.display_name,
        host.email,
    ):
        assert other not in text, other


def test_deleting_the_account_keeps_the_decisions_without_her(story, member):
    account_delete(user=member)
    sanction = Sanction.objects.get(pk=story.pk)
    assert sanction.member is None and sanction.facts != ""
    assert Incident.objects.filter(reporter__isnull=True, source="report").count() == 1
    assert Incident.objects.count() == 3
    assert not RuleAcceptance.objects.exists()


def test_the_export_holds_her_hidden_content_and_her_reports(office, host, member, other_member):
    hers = propose(member, office=office)
    his = propose(other_member, office=office)
    case = moderation.report(
        reporter=other_member, kind_name="proposal", key=str(hers.public_id), reason="Rude."
    )
    moderation.hide(staff=host, case=case, reason="Names a neighbour.")
    moderation.report(reporter=member, kind_name="proposal", key=str(his.public_id), reason="Spam")
    data = account_export(user=member)["conduct"]
    (moderated,) = data["content_moderated"]
    assert (moderated["kind"], moderated["state"]) == ("proposal", "hidden")
    assert moderated["reason"] == "Names a neighbour." and moderated["appeal"] is None
    assert data["content_reported"] == [
        {
            "kind": "proposal",
            "what_is_wrong": "Spam",
            "reported": data["content_reported"][0]["reported"],
        }
    ]
    assert "Rude." not in json.dumps(data)  # who reported her, and why, is not hers
