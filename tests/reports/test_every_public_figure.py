"""The disclosure rule, end to end: every public figure endpoint, every published period.

A small network with many small counts is published; then every public
page, its print version, its CSV and JSON, the API and the open-data files
are fetched for every published month and year and every office,
municipality and the network. No count from 1 to 4 may appear anywhere, and
an attacker who knows every sum the tables obey (months to the year,
offices to their municipality and the network, the parts of a breakdown to
their total) must not be able to pin down any hidden count.
"""

from __future__ import annotations

import csv
import io
import math
import random
import re
from collections import defaultdict
from datetime import date, datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from publicoffice.core.disclosure import Flag
from publicoffice.reports.publication import publish
from tests.reports.conftest import put

PUBLISHED_ON = datetime(2026, 4, 2, 9, tzinfo=ZoneInfo("Europe/Stockholm"))
PERIODS = ("2026-01", "2026-02", "2026-03")
#: The counts about people: their values are the ones the rule protects.
COUNT_METRICS = (
    "visits.people",
    "visits.unique",
    "bookings.count",
    "conduct.incidents",
    "dialogue.answers",
    "survey.answers",
)
SMALL = {1, 2, 3, 4}


@pytest.fixture
def published(network):
    rng = random.Random(15)
    choices = [0, 0, 1, 1, 2, 3, 4, 5, 6, 9, 14, 40]
    for office in network.values():
        for month in (1, 2, 3):
            day = date(2026, month, rng.randint(1, 28))
            for source in ("qr", "kiosk", "staff"):
                if n := rng.choice(choices):
                    put(office, day, "visits.people", source, n)
            for key in ("desk|attended", "desk|no_show", "meeting_room|attended"):
                if n := rng.choice(choices):
                    put(office, day, "bookings.count", key, n)
            for key in ("threat", "harassment"):
                if n := rng.choice(choices):
                    put(office, day, "conduct.incidents", key, n)
            for key in ("on_time", "late"):
                if n := rng.choice(choices):
                    put(office, day, "dialogue.answers", key, n)
            if n := rng.choice(choices):
                put(office, day, "visits.unique", "", n)
            if n := rng.choice(choices):
                put(office, day, "survey.answers", "workplace|bike|5-10|car", n)
    publish(2026, now=PUBLISHED_ON)
    return network


def _scopes(network):
    yield "office", "ronna"
    yield "office", "hovsjo"
    yield "office", "fittja"
    yield "municipality", "0181"
    yield "municipality", "0127"
    yield "network", "network"


def _page(kind, ref, *, printable=False):
    suffix = "_print" if printable else ""
    if kind == "office":
        return reverse(f"reports:office{suffix}", kwargs={"slug": ref})
    if kind == "municipality":
        return reverse(f"reports:municipality{suffix}", kwargs={"code": ref})
    return reverse(f"reports:network{suffix}")


class _Cells(HTMLParser):
    """The text of every table data cell of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self._depth += 1
            self._text = []

    def handle_endtag(self, tag):
        if tag == "td" and self._depth:
            self._depth -= 1
            self.cells.append("".join(self._text).strip())

    def handle_data(self, data):
        if self._depth:
            self._text.append(data)


def _small_numbers_in(html: str) -> list[str]:
    parser = _Cells()
    parser.feed(html)
    plain = [re.sub(r"\s+", "", cell.replace("\u00a0", "")) for cell in parser.cells]
    return [cell for cell in plain if cell in {"1", "2", "3", "4"}]


def _counts(rows):
    """(metric, key, value) of every count line of an answer's rows."""
    return [
        (row["metric"], row["key"], row["value"])
        for row in rows
        if row["metric"] in COUNT_METRICS and row.get("section") != "rates"
    ]


def test_no_public_page_file_or_answer_shows_a_count_from_1_to_4(client, published):
    for kind, ref in _scopes(published):
        for period in (*PERIODS, "2026"):
            for printable in (False, True):
                page = client.get(_page(kind, ref, printable=printable), {"period": period})
                assert page.status_code == 200, (kind, ref, period)
                assert _small_numbers_in(page.content.decode()) == [], (kind, ref, period)
            data = client.get(_page(kind, ref), {"period": period, "format": "json"}).json()
            assert data["rows"], (kind, ref, period)
            assert not [c for c in _counts(data["rows"]) if c[2] in SMALL], (kind, ref, period)
            text = client.get(_page(kind, ref), {"period": period, "format": "csv"})
            table = list(csv.DictReader(io.StringIO(text.content.decode("utf-8-sig"))))
            assert not [
                r
                for r in table
                if r["metric"] in COUNT_METRICS and r["value"] in {"1", "2", "3", "4"}
            ], (kind, ref, period)
            api = client.get(f"/api/v1/statistics/{kind}/{ref}", {"period": period}).json()
            assert not [c for c in _counts(api["lines"]) if c[2] in SMALL], (kind, ref, period)
            assert not [t for t in api["trend"] if t["value"] in SMALL]
            assert not [w for w in api["week_hours"] if w["value"] in SMALL]
    files = client.get(reverse("opendata:figures_json")).json()["figures"]
    assert files, "the open-data file has the figures"
    assert not [f for f in files if f["metric"] in COUNT_METRICS and f["value"] in SMALL]


def _known(rows):
    """What a reader knows of each cell: its value, 1–4, 5 or more, or "0 or more"."""
    bounds = {}
    for row in rows:
        cell = (row["metric"], row["scope"], row["scope_ref"], row["month"], row["key"])
        if row["value"] is not None:
            bounds[cell] = (float(row["value"]), float(row["value"]))
        elif row["flag"] == Flag.SMALL:
            bounds[cell] = (1.0, 4.0)
        elif row["flag"] == Flag.SECONDARY:
            bounds[cell] = (5.0, math.inf)
    return bounds


def _sums(cells, network):
    """Every sum a reader knows the published cells obey (a missing cell is a zero)."""
    offices = {o.slug: o.municipality.code for o in network.values()}
    by_line = defaultdict(set)
    for metric, scope, ref, month, key in cells:
        by_line[(metric, key)].add((scope, ref, month))
    sums = []
    for metric, key in by_line:
        for scope, ref in {(s, r) for s, r, _m in by_line[(metric, key)]}:
            sums.append(
                ((metric, scope, ref, 0, key), [(metric, scope, ref, m, key) for m in (1, 2, 3)])
            )
        for month in (0, 1, 2, 3):
            for code in set(offices.values()) if not key else ():  # offices: totals only
                parts = [(metric, "office", s, month, key) for s, c in offices.items() if c == code]
                sums.append(((metric, "municipality", code, month, key), parts))
            parts = [(metric, "municipality", c, month, key) for c in set(offices.values())]
            sums.append(((metric, "network", "network", month, key), parts))
    for metric, scope, ref, month, key in cells:
        if key or scope == "office":  # an office's breakdowns are not published
            continue
        keys = {k for (m, k) in by_line if m == metric and k}
        for position in range(max((len(k.split("|")) for k in keys), default=0)):
            parts = [
                (metric, scope, ref, month, k)
                for k in keys
                if len(k.split("|")) > position
                and k.split("|")[position] not in ("*",)
                and all(p == "*" for i, p in enumerate(k.split("|")) if i != position)
            ]
            if parts:
                sums.append(((metric, scope, ref, month, ""), parts))
    return sums


def _narrow(bounds, sums):
    def get(cell):
        return bounds.get(cell, (0.0, 0.0))

    for _ in range(100):
        moved = False
        for total, parts in sums:
            lows = sum(get(p)[0] for p in parts)
            highs = sum(get(p)[1] for p in parts)
            t_low, t_high = get(total)
            new_total = (max(t_low, lows), min(t_high, highs))
            if total in bounds and new_total != bounds[total]:
                bounds[total], moved = new_total, True
            for part in parts:
                if part not in bounds:
                    continue
                low, high = bounds[part]
                new = (
                    max(low, new_total[0] - (highs - high)),
                    min(high, new_total[1] - (lows - low)),
                )
                if new != (low, high):
                    bounds[part], moved = new, True
        if not moved:
            break
    return bounds


def test_no_hidden_count_can_be_worked_out_from_the_open_data(client, published):
    rows = [
        row
        for row in client.get(reverse("opendata:figures_json")).json()["figures"]
        if row["metric"] in COUNT_METRICS
    ]
    hidden = [r for r in rows if r["value"] is None]
    assert any(r["flag"] == Flag.SMALL for r in hidden), "the fixture has small counts"
    assert any(r["flag"] == Flag.SECONDARY for r in hidden), "and cells hidden to protect them"
    bounds = _narrow(_known(rows), _sums(_known(rows), published))
    for row in hidden:
        cell = (row["metric"], row["scope"], row["scope_ref"], row["month"], row["key"])
        low, high = bounds[cell]
        assert low < high, f"{cell} can be worked out: {low}"
