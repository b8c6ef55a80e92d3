"""The public figures: whole months only, small counts hidden, nothing recoverable."""

from __future__ import annotations

import math
import random
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from publicoffice.core.disclosure import Figure, Flag
from publicoffice.places.report_selectors import office_by_slug
from publicoffice.reports.models import Publication, PublishedFigure, ScopeKind
from publicoffice.reports.periods import Period
from publicoffice.reports.publication import publish
from publicoffice.reports.published import PublishedSource, latest_published, published_rows
from publicoffice.reports.scopes import office_scope
from tests.reports.conftest import put

STOCKHOLM = ZoneInfo("Europe/Stockholm")
LATE_2026 = datetime(2026, 12, 5, 12, tzinfo=STOCKHOLM)


def _value(office_or_scope, metric, key="", month=3, year=2026):
    kind, pk = office_or_scope
    row = PublishedFigure.objects.get(
        year=year, month=month, scope=kind, scope_id=pk, metric=metric, key=key
    )
    return row.value, row.flag


def _office(office):
    return (ScopeKind.OFFICE, office.pk)


class TestWholeMonths:
    def test_only_months_that_have_ended_are_published(self, network):
        put(network["ronna"], date(2026, 11, 3), "visits.people", "qr", 40)
        put(network["ronna"], date(2026, 12, 2), "visits.people", "qr", 40)
        publish(2026, now=LATE_2026)
        assert Publication.objects.get(year=2026).through_month == 11
        assert not PublishedFigure.objects.filter(year=2026, month=12).exists()
        assert _value(_office(network["ronna"]), "visits.people", month=11) == (40, "")
        assert latest_published().slug == "2026-11"

    def test_nothing_is_published_before_the_first_month_ends(self, network):
        put(network["ronna"], date(2026, 1, 3), "visits.people", "qr", 40)
        assert publish(2026, now=datetime(2026, 1, 20, tzinfo=STOCKHOLM)) == 0
        assert not Publication.objects.exists()

    def test_a_day_of_the_next_month_in_stockholm_is_not_in_the_month(self, network):
        # 31 March, 23:30 local is still March; 1 April 00:10 local is April.
        put(network["ronna"], date(2026, 3, 31), "visits.people", "qr", 10)
        put(network["ronna"], date(2026, 4, 1), "visits.people", "qr", 7)
        publish(2026, now=LATE_2026)
        assert _value(_office(network["ronna"]), "visits.people", month=3) == (10, "")
        assert _value(_office(network["ronna"]), "visits.people", month=4) == (7, "")


class TestSmallCounts:
    def test_a_count_from_1_to_4_is_hidden_and_cannot_be_subtracted(self, network):
        put(network["ronna"], date(2026, 3, 3), "visits.people", "qr", 3)
        put(network["hovsjo"], date(2026, 3, 3), "visits.people", "qr", 20)
        put(network["fittja"], date(2026, 3, 3), "visits.people", "qr", 30)
        publish(2026, now=LATE_2026)
        ronna = _value(_office(network["ronna"]), "visits.people")
        assert ronna == (None, Flag.SMALL)
        hovsjo = _value(_office(network["hovsjo"]), "visits.people")
        soder = _value((ScopeKind.MUNICIPALITY, network["ronna"].municipality_id), "visits.people")
        # Södertälje = Ronna + Hovsjö: both shown would give Ronna away.
        assert None in (hovsjo[0], soder[0])

    def test_zero_is_shown_as_zero(self, network):
        put(network["ronna"], date(2026, 3, 3), "visits.people", "qr", 30)
        publish(2026, now=LATE_2026)
        scope = office_scope(office_by_slug(slug="ronna"))
        cells = PublishedSource(scope).cells(Period.parse("2026-03"))
        assert cells.get(("bookings.count", ""), Figure(0)) == Figure(0)
        assert cells[("visits.people", "")] == Figure(30)

    def test_a_month_not_published_is_flagged_never_zero(self, network):
        put(network["ronna"], date(2026, 3, 3), "visits.people", "qr", 30)
        publish(2026, now=LATE_2026)
        scope = office_scope(office_by_slug(slug="ronna"))
        for text in ("2026-12", "2026", "2026-03-01..2026-03-31", "2026-W10", "2027-01"):
            cells = PublishedSource(scope).cells(Period.parse(text))
            assert cells.get(("visits.people", "")) == Figure(None, Flag.NOT_PUBLISHED)


def _attack(rows):
    """What a reader can work out from the published table: interval propagation.

    Written apart from the code under test: every group of the publication
    (months to the year, offices to their municipality and the network,
    breakdown parts to their total), bounds narrowed until nothing moves.
    """
    known = {}
    for row in rows:
        cell = (row.metric, row.scope, row.scope_ref, row.month, row.key)
        if row.value is not None:
            known[cell] = (float(row.value), float(row.value))
        elif row.flag == Flag.SMALL:
            known[cell] = (1.0, 4.0)
        else:
            known[cell] = (5.0, math.inf) if row.flag == Flag.SECONDARY else (0.0, math.inf)
    return known


def _groups(rows, offices):
    """The sums a reader knows hold between published cells."""
    by_cell = {(r.metric, r.scope, r.scope_ref, r.month, r.key) for r in rows}
    groups = []
    for metric, scope, ref, month, key in by_cell:
        if month == 0 and scope in ("office", "municipality", "network"):
            parts = [(metric, scope, ref, m, key) for m in range(1, 13)]
            parts = [p for p in parts if p in by_cell]
            if parts:
                groups.append(((metric, scope, ref, 0, key), parts))
        if scope == "municipality" and key == "":  # offices publish no breakdowns
            parts = [
                (metric, "office", o.slug, month, key)
                for o in offices
                if o.municipality.code == ref
            ]
            groups.append(((metric, scope, ref, month, key), [p for p in parts if p in by_cell]))
        if scope == "network":
            refs = sorted({o.municipality.code for o in offices})
            parts = [(metric, "municipality", r, month, key) for r in refs]
            groups.append(((metric, scope, ref, month, key), [p for p in parts if p in by_cell]))
    return groups


def _narrow(bounds, groups):
    for _ in range(50):
        moved = False
        for total, parts in groups:
            lows = sum(bounds[p][0] for p in parts)
            highs = sum(bounds[p][1] for p in parts)
            t_low, t_high = bounds[total]
            new_total = (max(t_low, lows), min(t_high, highs))
            if new_total != bounds[total]:
                bounds[total], moved = new_total, True
            for part in parts:
                low, high = bounds[part]
                others_low = lows - low
                others_high = highs - high
                new = (max(low, new_total[0] - others_high), min(high, new_total[1] - others_low))
                if new != (low, high) and new[0] <= new[1]:
                    bounds[part], moved = new, True
        if not moved:
            return bounds
    return bounds


@pytest.mark.parametrize("seed", range(6))
def test_no_hidden_count_can_be_worked_out_from_the_published_table(network, seed):
    rng = random.Random(seed)
    for office in network.values():
        for month in range(1, 4):
            for source in ("qr", "kiosk", "staff"):
                n = rng.choice([0, 0, 1, 2, 3, 4, 5, 7, 12, 30])
                if n:
                    put(office, date(2026, month, rng.randint(1, 28)), "visits.people", source, n)
    publish(2026, now=datetime(2026, 4, 2, tzinfo=STOCKHOLM))
    rows = [r for r in published_rows(2026) if r.metric == "visits.people"]
    assert all(not (r.value is not None and 1 <= r.value <= 4) for r in rows)
    bounds = _narrow(_attack(rows), _groups(rows, list(network.values())))
    for row in rows:
        cell = (row.metric, row.scope, row.scope_ref, row.month, row.key)
        if row.value is None:
            low, high = bounds[cell]
            assert low < high, f"{cell} can be worked out: {low}"


class TestCommuting:
    def test_the_estimate_is_published_from_enough_answers_only(self, network):
        ronna, hovsjo = network["ronna"], network["hovsjo"]
        put(ronna, date(2026, 3, 3), "survey.answers", "workplace|bike|10-20|car", 40)
        put(hovsjo, date(2026, 3, 3), "survey.answers", "workplace|bike|10-20|car", 6)
        publish(2026, now=LATE_2026)
        march = Period.parse("2026-03")
        found = PublishedSource(office_scope(office_by_slug(slug="ronna"))).commuting(march)
        assert found.commuters == 40
        assert 0 < found.co2_kg_low < found.co2_kg_high
        hovsjo_scope = office_scope(office_by_slug(slug="hovsjo"))
        assert PublishedSource(hovsjo_scope).commuting(march) is None
        assert _value(_office(hovsjo), "commuting.commuters") == (None, Flag.TOO_FEW)
