"""The open-data files: every published release valid, one process per ocid, CSV, ETag, 404s."""

from __future__ import annotations

import csv
import io

import pytest
import time_machine

from publicoffice.commissioning.models import CallStatus
from tests.commissioning.conftest import NOW, make_call, make_commission
from tests.commissioning.ocds.builders import EMAILS, SECRET, errors, make_process

pytestmark = pytest.mark.django_db
BASE = "/open-data/commissioning/"


@time_machine.travel(NOW, tick=False)
def test_the_package_of_every_published_call_and_of_one_process(client, world):
    process = make_process(world)
    open_call = make_call(world, title="Kontor i Hovsjö")
    cancelled = make_call(world, status=CallStatus.CANCELLED, title="Inställd")
    draft = make_call(world, status=CallStatus.DRAFT, title="Utkast")

    response = client.get(BASE + "releases.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    package = response.json()
    assert package["version"] == "1.1"
    assert package["uri"] == "http://testserver/open-data/commissioning/releases.json"
    assert package["publisher"] == {"name": "Public Office"}
    assert package["publishedDate"]
    releases = package["releases"]
    for release in releases:  # every exported release against the OCDS 1.1 rules
        assert errors(release) == [], release["ocid"]
    by_ocid = {r["ocid"]: r for r in releases}
    assert set(by_ocid) == {process.call.ocid, open_call.ocid, cancelled.ocid}
    assert draft.ocid not in response.content.decode()
    assert by_ocid[cancelled.ocid]["tender"]["status"] == "cancelled"
    assert by_ocid[open_call.ocid]["tender"]["status"] == "active"
    text = response.content.decode()
    assert SECRET not in text and not any(email in text for email in EMAILS)

    one = client.get(f"{BASE}{process.call.ocid}.json")
    assert one.status_code == 200
    assert [r["ocid"] for r in one.json()["releases"]] == [process.call.ocid]
    assert one.json()["releases"][0] == by_ocid[process.call.ocid]
    assert errors(one.json()["releases"][0]) == []

    again = client.get(BASE + "releases.json", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again.content == b""


def test_no_process_for_a_draft_or_a_stranger_ocid(client, world):
    draft = make_call(world, status=CallStatus.DRAFT)
    for ocid in (draft.ocid, "ocds-abcdef-call-1", "nothing", "ocds-pub0ff-call-99999999999"):
        assert client.get(f"{BASE}{ocid}.json").status_code == 404, ocid
    assert client.post(BASE + "releases.json").status_code == 405


@time_machine.travel(NOW, tick=False)
def test_the_commissions_csv(client, world):
    process = make_process(world)
    make_commission(world)  # one that did not come from a call
    response = client.get(BASE + "commissions.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    row = next(r for r in rows if r["commission_id"] == str(process.commission.pk))
    assert row["ocid"] == process.call.ocid
    assert row["municipality_code"] == "0181"
    assert row["municipality_name"] == "Södertälje"
    assert row["lead_operator"] == world.operator.name
    assert row["partners"] == process.co_applicant_name
    assert row["offices"] == "ronna"
    assert (row["starts"], row["ends"]) == ("2026-07-01", "2028-06-30")
    assert row["funding_sek"] == "900000"
    assert row["status"] == "active"
    assert int(row["accepted_reports"]) == 1 <= int(row["reports"])
    assert next(r for r in rows if r is not row)["ocid"] == ""
    assert SECRET not in text
