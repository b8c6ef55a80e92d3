"""The house-rules gate costs nothing before the first rules are published."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache

from publicoffice.conduct import rules
from publicoffice.conduct.models import RuleScope, RuleVersion
from tests.conduct.conftest import NOW

pytestmark = pytest.mark.django_db


def test_no_rules_no_queries(member: Any, django_assert_num_queries: Any) -> None:
    cache.delete(rules.GATE_KEY)
    assert rules.pending_network_version(member, NOW) is None
    with django_assert_num_queries(0):
        assert rules.pending_network_version(member, NOW) is None


def test_publishing_rules_opens_the_gate_at_once(member: Any) -> None:
    cache.delete(rules.GATE_KEY)
    assert rules.pending_network_version(member, NOW) is None
    version = RuleVersion.objects.create(
        scope=RuleScope.NETWORK,
        number=1,
        effective_from=NOW - timedelta(days=1),
        summary_sv="Var snälla.",
        full_text_sv="Var snälla mot alla.",
    )
    assert rules.pending_network_version(member, NOW) == version
    rules.accept(member, version, NOW)
    assert rules.pending_network_version(member, NOW) is None
    version.acceptances.all().delete()
    version.delete()
    assert rules.any_material_network_version() is False
