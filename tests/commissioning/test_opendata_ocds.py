"""The OCDS releases: valid against the 1.1 rules at every stage, one ocid, nothing private."""

from __future__ import annotations

import copy
import json

import pytest
import time_machine

from publicoffice.commissioning import ocds
from publicoffice.commissioning.models import ApplicationStatus, CallStatus, Outcome
from publicoffice.commissioning.selectors import opendata as selectors
from tests.commissioning.conftest import NOW, make_application, make_call, make_commission
from tests.commissioning.ocds.builders import EMAILS, SECRET, decide, errors, make_process

pytestmark = pytest.mark.django_db


def released(call) -> dict:
    return ocds.release(selectors.calls_for_release().get(pk=call.pk))


@time_machine.travel(NOW, tick=False)
def test_every_stage_is_a_valid_release_of_one_process(world):
    call = make_call(world)
    stages = [released(call)]
    application = make_application(world, call, status=ApplicationStatus.SUBMITTED)
    stages.append(released(call))
    call.status = CallStatus.DECIDED
    call.save()
    decide(application, Outcome.APPROVED, world.officer)
    stages.append(released(call))
    commission = make_commission(world)
    commission.application = application
    commission.save()
    stages.append(released(call))

    for stage in stages:
        assert errors(stage) == [], stage["tag"]
    assert {s["ocid"] for s in stages} == {call.ocid}
    assert call.ocid.startswith("ocds-pub0ff-call-")
    assert [s["tag"] for s in stages] == [["tender"], ["tender"], ["award"], ["implementation"]]
    assert len({s["id"] for s in stages}) == 4  # a new release id at each change
    assert stages[0]["tender"]["numberOfTenderers"] == 0
    assert stages[1]["tender"]["numberOfTenderers"] == 1
    assert [t["name"] for t in stages[1]["tender"]["tenderers"]] == [world.operator.name]
    buyer = stages[0]["buyer"]
    assert buyer == {"id": "SE-KOM-0181", "name": "Södertälje"}
    assert stages[0]["planning"]["budget"]["amount"] == {"amount": 1_200_000, "currency": "SEK"}
    assert stages[0]["tender"]["procurementMethod"] == "open"
    contract = stages[3]["contracts"][0]
    assert contract["awardID"] == stages[3]["awards"][0]["id"]
    assert contract["description"] == "Öppet minst 30 timmar i veckan."
    statuses = [m["status"] for m in contract["implementation"]["milestones"]]
    assert "notMet" in statuses and "scheduled" in statuses  # Q3 2026 is overdue on NOW


@time_machine.travel(NOW, tick=False)
def test_a_whole_process_awards_only_the_approved_and_publishes_nothing_private(world):
    process = make_process(world)
    release = released(process.call)
    assert errors(release) == []

    assert release["tag"] == ["implementation"]
    assert release["tender"]["numberOfTenderers"] == 2
    assert [a["id"] for a in release["awards"]] == [f"award-{process.decision.pk}"]
    award = release["awards"][0]
    suppliers = {s["name"] for s in award["suppliers"]}
    assert suppliers == {world.operator.name, process.co_applicant_name}  # unconfirmed left out
    assert world.other_operator.name not in suppliers
    assert award["description"] == process.decision.reasons
    roles = {p["name"]: p["roles"] for p in release["parties"]}
    assert roles[world.other_operator.name] == ["tenderer"]
    assert roles[world.operator.name] == ["tenderer", "supplier"]
    partner = next(p for p in release["parties"] if p["name"] == process.co_applicant_name)
    assert partner["identifier"] == {
        "scheme": "SE-BLV",
        "id": "5560125790",
        "legalName": process.co_applicant_name,
    }
    implementation = release["contracts"][0]["implementation"]
    met = [m for m in implementation["milestones"] if m["status"] == "met"]
    assert [m["id"] for m in met] == [f"report-{process.accepted.pk}"]
    titles = [d["title"] for d in implementation["documents"]]
    assert "Besöksstatistik" in titles

    text = json.dumps(release, ensure_ascii=False)
    assert SECRET not in text
    for email in EMAILS:
        assert email not in text
    assert "Bra." not in text  # the officer's comment stays inside


def test_the_rules_catch_a_wrong_release(world):
    """Mutation check: our schema fails releases that break the OCDS rules."""
    with time_machine.travel(NOW, tick=False):
        good = released(make_call(world))
    assert errors(good) == []

    def broken(change) -> list[str]:
        release = copy.deepcopy(good)
        change(release)
        return errors(release)

    assert broken(lambda r: r.update(tag=["finished"]))
    assert broken(lambda r: r.update(tag=[]))
    assert broken(lambda r: r.pop("ocid"))
    assert broken(lambda r: r.update(ocid="call-1"))
    assert broken(lambda r: r.pop("date"))
    assert broken(lambda r: r.update(date="2027-03-10"))  # a date-time, not a day
    assert broken(lambda r: r.update(initiationType="auction"))
    assert broken(lambda r: r["tender"].update(status="open"))
    assert broken(lambda r: r["tender"].update(procurementMethod="call"))
    assert broken(lambda r: r["tender"]["value"].update(currency="kr"))
    assert broken(lambda r: r["tender"].update(tendr="typo"))
    assert broken(lambda r: r["buyer"].pop("name"))
    assert broken(lambda r: r["parties"][0].update(roles=["owner"]))
    assert broken(lambda r: r.update(awards=[{"status": "active"}]))  # no id
    assert broken(lambda r: r.update(contracts=[{"id": "c"}]))  # no awardID
    milestone = {"id": "m", "status": "late"}
    assert broken(
        lambda r: r.update(
            awards=[{"id": "a"}],
            contracts=[{"id": "c", "awardID": "a", "implementation": {"milestones": [milestone]}}],
        )
    )


def test_drafts_are_never_exported(world):
    draft = make_call(world, status=CallStatus.DRAFT)
    assert not selectors.calls_for_release().filter(pk=draft.pk).exists()
    assert selectors.call_for_release(draft.ocid) is None
    assert selectors.call_for_release("ocds-other-call-1") is None
    assert selectors.call_for_release(draft.ocid + "0" * 20) is None
