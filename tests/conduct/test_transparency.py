"""The conduct transparency page and CSV: counts per quarter, small numbers hidden.

:func:`disclose` is tested on its own (primary and secondary suppression,
zeros, medians, and by brute force that no hidden cell can be worked out);
then the page and the CSV in Swedish and Arabic, walking every cell.
"""

from __future__ import annotations

import csv
import io
import itertools
import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext, pgettext

from publicoffice.conduct.models import Appeal, Incident, Sanction, Source
from publicoffice.conduct.transparency import Transparency, transparency
from publicoffice.core.disclosure import Figure, Flag, Group, disclose
from publicoffice.places.models import Office
from tests.dialogue.factories import local, person

pytestmark = pytest.mark.django_db

SMALL = {"1", "2", "3", "4"}
YEAR_MESSAGE = "Choose a year from 2000 to 2999, written with the digits 0 to 9."


# --- makers -------------------------------------------------------------------------------


def incidents(
    office: Office,
    count: int,
    *,
    category: str = "violence",
    at: datetime | None = None,
    report_days: float | None = None,
) -> None:
    """``count`` incidents; with ``report_days``, visitors' reports handled that much later."""
    at = at or local(date(2026, 2, 10))
    for _ in range(count):
        incident = Incident.objects.create(
            office=office,
            category=category,
            occurred_at=at,
            source=Source.REPORT if report_days is not None else Source.STAFF,
        )
        if report_days is not None:
            Incident.objects.filter(pk=incident.pk).update(
                created_at=at, handled_at=at + timedelta(days=report_days)
            )


def decisions(
    office: Office,
    count: int,
    *,
    kind: str = "warning",
    scope: str = "office",
    at: datetime | None = None,
    appeal: str | None = None,
) -> None:
    at = at or local(date(2026, 5, 10))
    for number in range(count):
        sanction = Sanction.objects.create(
            member=person(f"m{office.pk}{kind}{scope}{number}{at:%m%d}"),
            kind=kind,
            scope=scope,
            office=office,
            operator=office.operator,
            municipality=office.municipality,
            starts_at=at,
            category="threat",
            facts="-",
            grounds="-",
            state="in_force",
        )
        Sanction.objects.filter(pk=sanction.pk).update(created_at=at)
        if appeal:
            Appeal.objects.create(
                sanction=sanction,
                text="-",
                submitted_at=at + timedelta(days=2),
                answer_due=at + timedelta(days=16),
                outcome=appeal,
            )


# --- disclose -----------------------------------------------------------------------------


class TestDisclose:
    def test_small_counts_are_hidden_and_zero_and_five_are_shown(self):
        figures = disclose({"zero": 0, "one": 1, "four": 4, "five": 5})
        assert figures["zero"] == Figure(0)
        assert figures["five"] == Figure(5)
        assert figures["one"] == figures["four"] == Figure(None, Flag.SMALL)

    def test_one_hidden_cell_hides_the_next_smallest_not_a_zero(self):
        counts = {"total": 20, "a": 3, "b": 7, "c": 10, "d": 0}
        figures = disclose(counts, [Group("total", ("a", "b", "c", "d"))])
        assert figures["a"].flag is Flag.SMALL
        assert figures["b"].flag is Flag.SECONDARY
        assert figures["c"] == Figure(10) and figures["d"] == Figure(0)
        assert figures["total"] == Figure(20)

    def test_two_hidden_cells_that_must_both_be_one_hide_a_third(self):
        counts = {"total": 12, "a": 1, "b": 1, "c": 10}
        figures = disclose(counts, [Group("total", ("a", "b", "c"))])
        assert [figures[k].flag for k in "abc"] == [Flag.SMALL, Flag.SMALL, Flag.SECONDARY]

    def test_the_total_is_hidden_when_no_other_cell_is_left(self):
        counts = {"total": 8, "a": 4, "b": 4, "c": 0}
        figures = disclose(counts, [Group("total", ("a", "b", "c"))])
        assert figures["total"].flag is Flag.SECONDARY
        assert figures["c"] == Figure(0)

    def test_two_hidden_cells_that_can_be_anything_are_enough(self):
        counts = {"total": 15, "a": 2, "b": 3, "c": 10}
        figures = disclose(counts, [Group("total", ("a", "b", "c"))])
        assert figures["c"] == Figure(10) and figures["total"] == Figure(15)

    def test_a_total_shared_by_two_groups_hides_in_both(self):
        """Decisions by kind and by reach add up to one total, and offices to the network."""
        counts = {"net": 13, "ronna": 3, "alby": 10}
        figures = disclose(counts, [Group("net", ("ronna", "alby"))])
        assert figures["alby"].flag is Flag.SECONDARY and figures["net"] == Figure(13)

    @pytest.mark.parametrize("seed", range(40))
    def test_no_hidden_cell_can_be_worked_out_by_brute_force(self, seed):
        rng = random.Random(seed)
        parts = [f"p{i}" for i in range(rng.randint(2, 4))]
        counts = {p: rng.choice([0, 1, 2, 3, 4, 5, 6, 9]) for p in parts}
        counts["total"] = sum(counts.values())
        figures = disclose(counts, [Group("total", tuple(parts))])
        for key, figure in figures.items():
            assert figure.hidden == (figure.value is None)
            assert figure.flag is not Flag.SMALL or 0 < counts[key] < 5
        assert all(len(values) > 1 for values in _possible(figures, parts).values()), figures

    @pytest.mark.parametrize("seed", range(30))
    def test_offices_and_the_network_cannot_be_subtracted_by_brute_force(self, seed):
        """Two offices by two categories, their totals, the network's sums: 9 published cells."""
        rng = random.Random(seed)
        base = {(o, c): rng.choice([0, 1, 2, 3, 4, 5, 7]) for o in "AB" for c in "xy"}
        figures = disclose(_table(base), _table_groups())
        ranges = {
            key: [f.value]
            if not f.hidden
            else range(1, 5)
            if f.flag is Flag.SMALL
            else range(5, 16)
            for key, f in figures.items()
            if key in base
        }
        seen: dict[tuple[str, str], set[int]] = {k: set() for k, f in figures.items() if f.hidden}
        for values in itertools.product(*ranges.values()):
            cells = _table(dict(zip(ranges, values, strict=True)))
            if all(_fits(figures[key], n) for key, n in cells.items()):
                for key in seen:
                    seen[key].add(cells[key])
        assert all(len(values) > 1 for values in seen.values()), (base, figures)

    def test_a_median_needs_five_reports_and_has_one_decimal(self):
        figures = disclose({}, (), {"few": [1, 2, 3, 4], "enough": [1, 2, 2.25, 3, 40]})
        assert figures["few"] == Figure(None, Flag.TOO_FEW)
        assert figures["enough"] == Figure(Decimal("2.3"))


def _possible(figures: dict[str, Figure], parts: list[str]) -> dict[str, set[int]]:
    """What a reader can tell each hidden cell is, from the published figures alone."""
    ranges = {
        key: [f.value] if not f.hidden else range(1, 5) if f.flag is Flag.SMALL else range(5, 60)
        for key, f in figures.items()
    }
    seen: dict[str, set[int]] = {key: set() for key, f in figures.items() if f.hidden}
    keys = list(ranges)
    for values in itertools.product(*(ranges[k] for k in keys)):
        cell = dict(zip(keys, values, strict=True))
        if cell["total"] == sum(cell[p] for p in parts):
            for key in seen:
                seen[key].add(cell[key])
    return seen


def _table(base: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    cells = dict(base)
    for o in "AB":
        cells[(o, "")] = base[(o, "x")] + base[(o, "y")]
    for c in "xy":
        cells[("", c)] = base[("A", c)] + base[("B", c)]
    cells[("", "")] = cells[("A", "")] + cells[("B", "")]
    return cells


def _table_groups() -> list[Group[tuple[str, str]]]:
    return [
        *(Group((o, ""), ((o, "x"), (o, "y"))) for o in ("A", "B", "")),
        *(Group(("", c), (("A", c), ("B", c))) for c in "xy"),
        Group(("", ""), (("A", ""), ("B", ""))),
    ]


def _fits(figure: Figure, n: int) -> bool:
    if figure.flag is Flag.SMALL:
        return 0 < n < 5
    if figure.flag is Flag.SECONDARY:
        return n >= 5
    return figure.value == n


# --- the page and the CSV -----------------------------------------------------------------


class Cells(HTMLParser):
    """The text of every ``th`` and ``td`` of the page's tables."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("td", "th"):
            self.cells.append("")
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.cells[-1] += data.strip()


def cells_of(html: str) -> list[str]:
    parser = Cells()
    parser.feed(html)
    return parser.cells


def csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def busy(office: Office, other_office: Office) -> None:
    """Ronna: 3 violence (hidden), 7 harassment, 12 damage in Q1; Alby: 6 violence."""
    incidents(office, 3)
    incidents(office, 7, category="harassment")
    incidents(office, 12, category="damage")
    incidents(other_office, 6)
    decisions(office, 2, kind="ban", scope="network", appeal="kept")
    decisions(office, 6, appeal="pending")


@pytest.mark.parametrize("language", ["sv", "ar"])
class TestPublished:
    def test_the_page_shows_no_count_from_1_to_4(self, client, busy, language):
        response = client.get(f"/{language}/transparency/conduct/?office=ronna&year=2026")
        assert response.status_code == 200
        cells = cells_of(response.content.decode())
        assert not SMALL & set(cells), cells
        with translation.override(language):
            assert pgettext("conduct figures", "fewer than 5") in cells
            assert pgettext("conduct figures", "hidden") in cells
        # 7 harassments hidden too, else 3 = 22 - 7 - 12; and Alby's 6 violence, else
        # Ronna's 3 = the network's 9 - 6.
        assert "7" not in cells and "22" not in cells

    def test_the_csv_has_no_count_from_1_to_4(self, client, busy, language):
        response = client.get(f"/{language}/transparency/conduct.csv?office=ronna&year=2026")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = csv_rows(response.content)
        assert len(rows) == 4 * (9 + 1 + 4 + 1 + 4 + 1 + 4 + 1 + 1)
        assert not any(row["value"] in SMALL for row in rows)
        hidden = [row for row in rows if row["flag"]]
        assert all(row["value"] == "" for row in hidden)
        q1 = {(r["table"], r["item"]): r for r in rows if r["quarter"] == "1"}
        assert q1[("category", "violence")]["flag"] == "fewer_than_5"
        assert q1[("category", "harassment")]["flag"] == "hidden"
        assert q1[("category", "other")]["value"] == "0"
        with translation.override(language):
            assert q1[("incidents", "")]["label"] == pgettext("conduct figures", "All incidents")

    def test_the_network_page_adds_up_every_office(self, client, busy, language):
        html = client.get(f"/{language}/transparency/conduct/?year=2026").content.decode()
        assert "28" in cells_of(html)  # 22 at Ronna, 6 at Alby
        assert 'value="ronna"' in html and 'value="alby"' in html  # the offices to choose


class TestFigures:
    def test_an_office_counts_only_its_own(self, office, other_office, sibling_office):
        incidents(office, 6)
        incidents(other_office, 9)
        incidents(sibling_office, 5, at=local(date(2026, 8, 1)))
        ronna = transparency(year=2026, office=office)
        assert _values(ronna, "violence") == [6, 0, 0, 0]
        network = transparency(year=2026, office=None)
        assert _values(network, "violence") == [15, 0, 5, 0]

    def test_quarters_are_in_stockholm_time(self, office):
        # 31 March 23:30 in Stockholm is 21:30 UTC: the first quarter still.
        incidents(office, 5, at=local(date(2026, 3, 31), 23, 30))
        incidents(office, 6, at=local(date(2027, 1, 1), 0, 30))  # next year
        assert _values(transparency(year=2026, office=office), "violence") == [5, 0, 0, 0]

    def test_the_median_is_shown_from_five_reports(self, client, office):
        for days in (1, 2, 3, 4, 5):
            incidents(office, 1, report_days=days)
        incidents(office, 4, report_days=2, at=local(date(2026, 5, 4)))
        report = transparency(year=2026, office=office)
        assert report.median[0] == Figure(Decimal("3.0"))
        assert report.median[1] == Figure(None, Flag.TOO_FEW)
        html = client.get("/en/transparency/conduct/?office=ronna&year=2026").content.decode()
        assert "too few reports" in cells_of(html) and "3.0" in cells_of(html)

    def test_decisions_and_appeals_are_counted(self, office):
        decisions(office, 5, kind="restriction", appeal="lifted")
        report = transparency(year=2026, office=office)
        kinds = {row.item: row.figures[1].value for row in report.tables[1].rows}
        assert kinds == {"note": 0, "warning": 0, "restriction": 5, "ban": 0, "": 5}
        outcomes = {row.item: row.figures[1].value for row in report.tables[3].rows}
        assert outcomes["lifted"] == 5 and outcomes["pending"] == 0

    def test_the_page_runs_as_many_queries_for_30_rows_as_for_3(
        self, client, office, sibling_office
    ):
        url = "/sv/transparency/conduct/?office=ronna&year=2026"

        def queries() -> int:
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            return len(captured)

        incidents(office, 3)
        decisions(office, 1, appeal="kept")
        few = queries()
        for number, category in enumerate(("harassment", "damage", "other")):
            incidents(office, 9, category=category, at=local(date(2026, 4 + number, 3)))
        incidents(sibling_office, 7, report_days=1)
        decisions(sibling_office, 3, kind="note", appeal="kept")
        assert queries() == few


def _values(report: Transparency, item: str) -> list[Any]:
    (row,) = [row for row in report.tables[0].rows if row.item == item]
    return [figure.value for figure in row.figures]


class TestBadInput:
    @pytest.mark.parametrize(
        "year", ["1999", "3000", "abc", "٢٠٢٦", "2026.0", " 2026", "<b>2026</b>", "-2026"]
    )
    @pytest.mark.parametrize("path", ["transparency/conduct/", "transparency/conduct.csv"])
    def test_a_bad_year_is_refused_with_a_message(self, client, office, year, path):
        response = client.get(f"/sv/{path}", {"year": year})
        assert response.status_code == 400
        with translation.override("sv"):
            assert gettext(YEAR_MESSAGE) in response.content.decode()
        assert "<b>2026" not in response.content.decode()

    @pytest.mark.parametrize("slug", ["nope", "<script>alert(1)</script>", "x" * 500, "ronna/"])
    def test_an_unknown_office_is_not_found(self, client, office, slug):
        for path in ("transparency/conduct/", "transparency/conduct.csv"):
            response = client.get(f"/ar/{path}", {"office": slug})
            assert response.status_code == 404
            assert "<script>alert" not in response.content.decode()

    def test_the_current_year_is_the_default(self, client, office):
        response = client.get("/sv/transparency/conduct/")
        assert response.status_code == 200
        assert response.context["year"] == str(datetime.now().year)
