"""The commissioning API: published calls and commissions, read only, public parts only."""

from __future__ import annotations

import pytest
import time_machine

from publicoffice.commissioning.models import CallStatus
from tests.commissioning import conftest as commissioning
from tests.commissioning.conftest import NOW, make_call, make_commission
from tests.commissioning.ocds.builders import EMAILS, SECRET, make_process
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/commissioning"
world = commissioning.world  # the commissioning tests' small world


@time_machine.travel(NOW, tick=False)
def test_published_calls_only(client, world):
    published = make_call(world)
    draft = make_call(world, status=CallStatus.DRAFT, title="Utkast")
    listed = client.get(f"{API}/calls")
    assert listed.status_code == 200
    assert [c["id"] for c in listed.json()["results"]] == [published.pk]
    assert listed.json()["results"][0]["ocid"] == published.ocid
    assert listed.json()["results"][0]["release_url"].endswith(f"/{published.ocid}.json")

    one = client.get(f"{API}/calls/{published.pk}")
    assert one.status_code == 200
    body = one.json()
    assert body["budget_sek"] == 1_200_000
    assert len(body["rubric"]) == 10 and body["rubric"][0]["weight"] == 2
    assert "contact_email" not in body

    missing = client.get(f"{API}/calls/{draft.pk}")
    assert missing.status_code == 404 and missing.json()["code"] == "call_not_found"
    assert client.get(f"{API}/calls/99999999999").status_code == 404
    assert client.get(f"{API}/calls?page=0").status_code == 422
    assert client.get(f"{API}/calls?page_size=101").status_code == 422
    assert client.post(f"{API}/calls").status_code == 405
    client.force_login(world.other_officer)  # signed in or not, the same public answer
    assert client.get(f"{API}/calls/{draft.pk}").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_commissions_with_public_parts_targets_and_readings(client, world):
    process = make_process(world)
    one = client.get(f"{API}/commissions/{process.commission.pk}")
    assert one.status_code == 200
    body = one.json()
    assert body["ocid"] == process.call.ocid
    assert body["offices"] == [{"slug": "ronna", "name": world.office.name}]
    assert body["period"] == "2026-Q4"
    assert {t["measure"] for t in body["targets"]} == {"visits_per_week", "hours_per_week"}
    assert [a["narrative"] for a in body["accepted"]] == [process.accepted.narrative]
    assert body["accepted_reports"] == 1
    text = one.content.decode()
    assert SECRET not in text and not any(email in text for email in EMAILS)
    assert client.get(f"{API}/commissions/0").status_code == 404
    missing = client.get(f"{API}/commissions/{process.commission.pk + 100}")
    assert missing.json()["code"] == "commission_not_found"


def test_lists_are_paginated_in_few_queries(client, world, django_assert_max_num_queries):
    make_commission(world)
    with django_assert_max_num_queries(12):
        first = client.get(f"{API}/commissions?page_size=1")
    assert first.json()["count"] == 1 and first.json()["next"] is None
    for _ in range(6):
        make_commission(world, offices=[OfficeFactory(municipality=world.municipality)])
        make_call(world)
    with django_assert_max_num_queries(12):
        many = client.get(f"{API}/commissions?page_size=3&page=2")
    assert many.json()["count"] == 7 and len(many.json()["results"]) == 3
    assert "page=3" in many.json()["next"]
    with django_assert_max_num_queries(6):
        calls = client.get(f"{API}/calls")
    assert calls.json()["count"] == 6
