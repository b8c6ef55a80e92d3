"""House rules in versions: which are in force where and when, acceptance, the admin."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from publicoffice.accounts.models import Role
from publicoffice.conduct import rules
from publicoffice.conduct.models import AuditEntry, RuleAcceptance, RuleScope, RuleVersion
from publicoffice.places.models import Office
from publicoffice.staff.services import role_assign
from tests.conduct.conftest import NOW, refused
from tests.conduct.rules_makers import version
from tests.dialogue.factories import person

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)
ADMIN = "/sv/admin/conduct/ruleversion/"


class TestLayers:
    def test_each_series_in_force_by_date(self, office: Office, other_office: Office):
        v1 = version(effective_from=NOW - 30 * DAY)
        v2 = version(number=2, effective_from=NOW + 10 * DAY)
        op = version(RuleScope.OPERATOR, operator=office.operator, effective_from=NOW - DAY)
        own = version(RuleScope.OFFICE, office=office, effective_from=NOW + DAY)
        version(RuleScope.OFFICE, office=other_office, effective_from=NOW - DAY)
        with time_machine.travel(NOW, tick=False):
            assert rules.versions_in_force(office) == [v1, op]
            assert rules.versions_in_force(None) == [v1]
            assert rules.network_version_in_force() == v1
        with time_machine.travel(NOW + 2 * DAY, tick=False):
            assert rules.versions_in_force(office) == [v1, op, own]
        with time_machine.travel(NOW + 11 * DAY, tick=False):
            assert rules.versions_in_force(office) == [v2, op, own]
            assert [v.number for v in rules.network_history()] == [2, 1]

    def test_nothing_published_nothing_in_force(self, office: Office):
        assert rules.versions_in_force(office, NOW) == []
        assert rules.network_version_in_force(NOW) is None


class TestAcceptance:
    def test_a_material_change_is_pending_until_accepted(self, member: Any):
        first = version(effective_from=NOW - 30 * DAY)
        rules.accept(member, first, NOW - 20 * DAY)
        assert rules.pending_network_version(member, NOW) is None
        wording = version(number=2, effective_from=NOW - 10 * DAY, material=False)
        assert rules.pending_network_version(member, NOW) is None  # a wording fix: no
        changed = version(number=3, effective_from=NOW - DAY)
        assert rules.pending_network_version(member, NOW) == changed
        rules.accept(member, changed, NOW)
        rules.accept(member, changed, NOW)  # again is harmless
        assert rules.pending_network_version(member, NOW) is None
        assert RuleAcceptance.objects.filter(member=member).count() == 2
        assert wording.acceptances.count() == 0

    def test_an_office_version_is_not_accepted(self, member: Any, office: Office):
        own = version(RuleScope.OFFICE, office=office, effective_from=NOW - DAY)
        with refused("rules_not_found"):
            rules.accept(member, own, NOW)

    def test_accept_by_id_ignores_what_is_not_the_networks(self, member: Any, office: Office):
        own = version(RuleScope.OFFICE, office=office, effective_from=NOW - DAY)
        rules.accept_version_id(member, own.pk)
        rules.accept_version_id(member, 999999)
        assert not RuleAcceptance.objects.exists()
        network = version(effective_from=NOW - DAY)
        rules.accept_version_id(member, network.pk, NOW)
        assert RuleAcceptance.objects.get().version == network


def _form(scope: str, *, operator: Any = None, office: Any = None) -> dict[str, Any]:
    return {
        "scope": scope,
        "operator": operator.pk if operator else "",
        "office": office.pk if office else "",
        "effective_from_0": "2026-12-01",
        "effective_from_1": "08:00:00",
        "material": "on",
        "summary_sv": "Var snäll.",
        "full_text_sv": "Behandla alla med respekt.",
        "changes_sv": "",
    }


class TestAdmin:
    def _staff(self, client: Client, user: Any) -> Client:
        client.force_login(user)
        return client

    def test_platform_admin_writes_network_rules_audited(self, client: Client):
        admin = person("Pia")
        role_assign(user=admin, role=Role.PLATFORM_ADMIN)
        self._staff(client, admin)
        response = client.post(f"{ADMIN}add/", _form("network"))
        assert response.status_code == 302, response.context["adminform"].form.errors
        written = RuleVersion.objects.get()
        assert (written.scope, written.number, written.created_by) == ("network", 1, admin)
        assert AuditEntry.objects.filter(target=f"rules:{written.pk}").exists()
        client.post(f"{ADMIN}add/", _form("network"))
        assert sorted(RuleVersion.objects.values_list("number", flat=True)) == [1, 2]

    def test_operator_admin_writes_only_their_own(
        self, client: Client, operator_admin: Any, office: Office, other_office: Office
    ):
        self._staff(client, operator_admin)
        assert client.get(f"{ADMIN}add/").status_code == 200
        for refused_form in (
            _form("network"),
            _form("operator", operator=other_office.operator),
            _form("office", office=other_office),
        ):
            assert client.post(f"{ADMIN}add/", refused_form).status_code == 200  # form errors
        assert not RuleVersion.objects.exists()
        assert client.post(f"{ADMIN}add/", _form("office", office=office)).status_code == 302
        assert (
            client.post(f"{ADMIN}add/", _form("operator", operator=office.operator)).status_code
            == 302
        )
        assert RuleVersion.objects.count() == 2

    def test_operator_admin_reads_but_cannot_change_network_rules(
        self, client: Client, operator_admin: Any, other_office: Office
    ):
        network = version(effective_from=NOW - DAY)
        foreign = version(RuleScope.OFFICE, office=other_office, effective_from=NOW - DAY)
        self._staff(client, operator_admin)
        listed = client.get(ADMIN).context["cl"].result_list
        assert list(listed) == [network]
        client.post(f"{ADMIN}{network.pk}/change/", {"summary_sv": "Ändrad."})
        network.refresh_from_db()
        assert network.summary_sv == "Be kind."
        assert client.get(f"{ADMIN}{foreign.pk}/change/").status_code == 302

    def test_scope_and_target_must_agree(self, client: Client):
        admin = person("Pia")
        role_assign(user=admin, role=Role.PLATFORM_ADMIN)
        self._staff(client, admin)
        response = client.post(f"{ADMIN}add/", _form("operator"))
        assert response.status_code == 200
        assert response.context["adminform"].form.non_field_errors()
        assert not RuleVersion.objects.exists()

    def test_host_cannot_write_rules(self, client: Client, host: Any, office: Office):
        own = version(RuleScope.OFFICE, office=office, effective_from=NOW - DAY)
        self._staff(client, host)
        assert client.get(f"{ADMIN}add/").status_code == 403
        assert client.post(f"{ADMIN}add/", _form("office", office=office)).status_code == 403
        client.post(f"{ADMIN}{own.pk}/change/", {"summary_sv": "Ändrad."})
        own.refresh_from_db()
        assert own.summary_sv == "Be kind."
        assert RuleVersion.objects.count() == 1

    def test_operator_conduct_settings_are_the_operators(
        self, client: Client, operator_admin: Any, office: Office, other_office: Office
    ):
        self._staff(client, operator_admin)
        url = "/sv/admin/conduct/operatorconduct/add/"
        other = {"operator": other_office.operator.pk, "appeal_answer_days": 3}
        assert client.post(url, other).status_code == 200
        mine = {"operator": office.operator.pk, "appeal_answer_days": 7}
        assert client.post(url, mine).status_code == 302
