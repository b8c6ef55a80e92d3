"""The roll-ups: marks in the writer's transaction, refresh and rebuild agree."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction

from publicoffice.places.facts import Family, fact_changed, facts_changed
from publicoffice.reports import families
from publicoffice.reports.models import DayFigure, ScopeKind, StaleDay
from publicoffice.reports.rollup import rebuild, refresh_stale

DAY = date(2026, 3, 29)  # the clock goes forward in Stockholm


@pytest.fixture
def facts(monkeypatch):
    """A fake conduct family reading a dict of facts: {(office_id, day): incidents}."""
    store: dict[tuple[int, date], int] = {}

    def compute(office_ids, start, end):
        for (office_id, day), n in sorted(store.items()):
            if start <= day <= end and (office_ids is None or office_id in office_ids):
                yield families.Row(office_id, day, "conduct.incidents", "threat", n)

    monkeypatch.setitem(families._computers, Family.CONDUCT, compute)
    return store


def _rows():
    return set(
        DayFigure.objects.filter(metric="conduct.incidents").values_list(
            "scope", "scope_id", "day", "key", "value"
        )
    )


def test_a_changed_fact_marks_its_office_day_with_one_insert(
    network, facts, django_assert_num_queries
):
    with django_assert_num_queries(1):
        fact_changed(office_id=network["ronna"].pk, when=DAY, family=Family.CONDUCT)
    assert list(StaleDay.objects.values_list("office_id", "day", "family")) == [
        (network["ronna"].pk, DAY, "conduct")
    ]


def test_a_rolled_back_fact_leaves_no_mark(network, facts):
    with pytest.raises(RuntimeError), transaction.atomic():
        fact_changed(office_id=network["ronna"].pk, when=DAY, family=Family.CONDUCT)
        raise RuntimeError
    assert not StaleDay.objects.exists()


def test_nothing_is_marked_for_a_fact_of_no_office(db, facts):
    facts_changed(office_id=None, when=[DAY], family=Family.CONDUCT)
    assert not StaleDay.objects.exists()


def test_refresh_recomputes_the_office_and_every_wider_scope(network, facts):
    ronna, hovsjo, fittja = network["ronna"], network["hovsjo"], network["fittja"]
    facts.update({(ronna.pk, DAY): 2, (hovsjo.pk, DAY): 3, (fittja.pk, DAY): 7})
    for office in network.values():
        fact_changed(office_id=office.pk, when=DAY, family=Family.CONDUCT)
    done = refresh_stale()
    assert (done.marks, done.office_days) == (3, 3)
    assert _rows() == {
        (ScopeKind.OFFICE, ronna.pk, DAY, "threat", 2),
        (ScopeKind.OFFICE, hovsjo.pk, DAY, "threat", 3),
        (ScopeKind.OFFICE, fittja.pk, DAY, "threat", 7),
        (ScopeKind.OPERATOR, ronna.operator_id, DAY, "threat", 5),
        (ScopeKind.OPERATOR, fittja.operator_id, DAY, "threat", 7),
        (ScopeKind.MUNICIPALITY, ronna.municipality_id, DAY, "threat", 5),
        (ScopeKind.MUNICIPALITY, fittja.municipality_id, DAY, "threat", 7),
        (ScopeKind.NETWORK, 0, DAY, "threat", 12),
    }
    assert not StaleDay.objects.exists()


def test_a_fact_gone_to_zero_leaves_no_row_and_the_sums_follow(network, facts):
    ronna, hovsjo = network["ronna"], network["hovsjo"]
    facts.update({(ronna.pk, DAY): 2, (hovsjo.pk, DAY): 3})
    rebuild(start=DAY, end=DAY, families=[Family.CONDUCT])
    del facts[(ronna.pk, DAY)]
    fact_changed(office_id=ronna.pk, when=DAY, family=Family.CONDUCT)
    refresh_stale()
    assert (ScopeKind.NETWORK, 0, DAY, "threat", 3) in _rows()
    assert not any(row[:2] == (ScopeKind.OFFICE, ronna.pk) for row in _rows())


def test_refreshing_twice_changes_nothing_and_equals_a_rebuild(network, facts):
    ronna = network["ronna"]
    facts.update({(ronna.pk, DAY): 4, (ronna.pk, date(2026, 1, 1)): 1})
    facts_changed(office_id=ronna.pk, when=[DAY, date(2026, 1, 1)], family=Family.CONDUCT)
    refresh_stale()
    refreshed = _rows()
    assert refresh_stale().marks == 0
    assert _rows() == refreshed
    rebuild(start=date(2025, 12, 30), end=date(2026, 4, 2), families=[Family.CONDUCT])
    assert _rows() == refreshed


def test_refresh_for_some_offices_leaves_the_other_marks(network, facts):
    for office in network.values():
        fact_changed(office_id=office.pk, when=DAY, family=Family.CONDUCT)
    refresh_stale(office_ids={network["ronna"].pk})
    assert set(StaleDay.objects.values_list("office_id", flat=True)) == {
        network["hovsjo"].pk,
        network["fittja"].pk,
    }
