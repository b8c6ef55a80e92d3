"""Commission pages: who sees which, targets read live, amendments with before and after."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from publicoffice.commissioning.models import Amendment, Commission, Measure
from publicoffice.commissioning.services.commissions import (
    amend_commission,
    create_commission,
    set_targets,
)
from publicoffice.core.errors import DomainError, ErrorCode
from tests.commissioning.conftest import NOW, make_commission
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db


@time_machine.travel(NOW, tick=False)
def test_amendments_are_versioned_with_before_and_after(world):
    commission = make_commission(world)
    finals_before = commission.reports.filter(kind="final").get().period_ends
    amendment = amend_commission(
        officer=world.officer,
        commission=commission,
        reason="Förlängt ett år.",
        starts_on=commission.starts_on,
        ends_on=date(2029, 6, 30),
        funding_sek=1_000_000,
        conditions="Nya villkor.",
        status="active",
    )
    commission.refresh_from_db()
    assert (commission.version, amendment.version) == (2, 2)
    assert (
        amendment.before["ends_on"] == "2028-06-30" and amendment.after["ends_on"] == "2029-06-30"
    )
    assert (
        amendment.before["funding_sek"] == 900_000 and amendment.after["funding_sek"] == 1_000_000
    )
    assert amendment.before["targets"]["visits_per_week"]["value"] == "50.00"
    assert amendment.after["offices"] == [world.office.pk]
    assert commission.reports.filter(kind="final").get().period_ends != finals_before
    second = set_targets(
        officer=world.officer,
        commission=commission,
        targets={"visits_per_week": ("at_least", "80"), "occupancy": ("at_most", "95,5")},
        reason="Högre mål.",
    )
    assert second.version == 3
    assert set(second.after["targets"]) == {"visits_per_week", "occupancy"}
    assert "hours_per_week" in second.before["targets"]
    for targets in (
        {"visits_per_week": ("at_least", "-1")},
        {"visits_per_week": ("at_least", "many")},
        {"occupancy": ("at_least", "101")},
        {"visits_per_week": ("sideways", "5")},
        {"visits_per_week": ("at_least", "NaN")},
    ):
        with pytest.raises(DomainError) as refused:
            set_targets(officer=world.officer, commission=commission, targets=targets, reason="x")
        assert refused.value.code == ErrorCode.TARGET_INVALID
    with pytest.raises(DomainError) as refused:
        set_targets(officer=world.other_officer, commission=commission, targets={}, reason="x")
    assert refused.value.code == ErrorCode.NOT_ALLOWED
    with pytest.raises(DomainError) as refused:
        set_targets(officer=world.officer, commission=commission, targets={}, reason=" ")
    assert refused.value.code == ErrorCode.TEXT_MISSING
    assert Amendment.objects.count() == 2
    made = create_commission(
        municipality=world.municipality,
        lead=world.other_operator,
        title="Före plattformen",
        offices=[OfficeFactory(municipality=world.municipality, operator=world.other_operator)],
        starts_on=date(2025, 1, 1),
        ends_on=date(2027, 12, 31),
        funding_sek=0,
        targets={Measure.VISITS_PER_WEEK: ("at_least", 10)},
    )
    assert made.version == 1 and made.reports.exists() and made.targets.count() == 1


@time_machine.travel(NOW, tick=False)
def test_commission_pages_for_officer_and_operator(client, world):
    commission = make_commission(world)
    url = reverse("commissioning:commission", args=[commission.pk])
    for user in (world.officer, world.operator_admin):
        client.force_login(user)
        page = client.get(url)
        assert page.status_code == 200, user
        text = page.content.decode()
        assert reverse("places:office", kwargs={"slug": "ronna"}) in text
        assert "Öppet minst 30 timmar" in text
    assert "commission_targets" not in text  # the operator gets no officer links
    assert reverse("commissioning:commission_targets", args=[commission.pk]) not in text
    client.force_login(world.officer)
    targets_url = reverse("commissioning:commission_targets", args=[commission.pk])
    assert client.get(targets_url).status_code == 200
    refused = client.post(
        targets_url,
        {"visits_per_week_direction": "at_least", "visits_per_week_value": "-5", "reason": "x"},
    )
    assert refused.status_code == 400 and b"error-summary" in refused.content
    done = client.post(
        targets_url,
        {
            "visits_per_week_direction": "at_least",
            "visits_per_week_value": "60",
            "hours_per_week_direction": "at_least",
            "hours_per_week_value": "35",
            "reason": "Nya mål 🎯 <b>nu</b>",
        },
    )
    assert done.status_code == 302
    amend_url = reverse("commissioning:commission_amend", args=[commission.pk])
    assert client.get(amend_url).status_code == 200
    bad = client.post(
        amend_url,
        {
            "starts_on": "2026-07-01",
            "ends_on": "2026-01-01",
            "funding_sek": "5",
            "status": "ended",
            "reason": "Slut.",
        },
    )
    assert bad.status_code == 400
    ok = client.post(
        amend_url,
        {
            "starts_on": "2026-07-01",
            "ends_on": "2027-06-30",
            "funding_sek": "500000",
            "conditions": "",
            "status": "terminated",
            "reason": "Avslutat i förtid.",
        },
    )
    assert ok.status_code == 302
    commission.refresh_from_db()
    assert (commission.version, commission.status) == (3, "terminated")
    page = client.get(url).content.decode()
    assert "Avslutat i förtid." in page and "&lt;b&gt;nu&lt;/b&gt;" in page


@time_machine.travel(NOW, tick=False)
def test_commission_refusals(client, world):
    commission = make_commission(world)
    pages = [
        reverse(name, args=[commission.pk])
        for name in (
            "commissioning:commission",
            "commissioning:commission_targets",
            "commissioning:commission_amend",
        )
    ]
    for user, status in (
        (world.other_admin, 404),
        (world.other_officer, 404),
        (world.reviewer, 403),
        (world.stranger, 403),
    ):
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code == status, (user, url)
        assert client.post(pages[2], {"reason": "x"}).status_code == status
    client.force_login(world.operator_admin)
    assert client.get(pages[1]).status_code == 403
    assert client.post(pages[2], {"reason": "x"}).status_code == 403
    for user in (world.reviewer, world.stranger):
        client.force_login(user)
        assert client.get(reverse("commissioning:commissions")).status_code == 403
    assert Commission.objects.get().version == 1


@time_machine.travel(NOW, tick=False)
def test_commission_list_scopes_and_query_count(client, world, django_assert_max_num_queries):
    make_commission(world)
    url = reverse("commissioning:commissions")
    client.force_login(world.officer)
    with django_assert_max_num_queries(12):
        assert "Allmänt kontor Ronna" in client.get(url).content.decode()
    for _ in range(5):
        extra = make_commission(world)
        extra.partners.add(world.other_operator)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    client.force_login(world.other_admin)
    assert client.get(url).content.decode().count("Allmänt kontor Ronna") == 5
    client.force_login(world.other_officer)
    assert "Allmänt kontor Ronna" not in client.get(url).content.decode()
