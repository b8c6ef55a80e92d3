"""The public figures: whole months and years, every office at once, through the one rule.

Why whole months, worked out once: if anyone could ask for any run of days,
"Monday to Wednesday" minus "Monday to Tuesday" would give Wednesday's
count however small. So the public sees months and years only, and only
months that have ended (the current month appears the night after it
ends). :func:`publish` computes a year's table for every office, every
municipality and the network in one call of
:func:`publicoffice.core.disclosure.disclose`, with the groups that add up
(months to the year, offices to their municipality, municipalities to the
network, the parts of a breakdown to its total), so no page, CSV or API
answer can be subtracted from another to find a hidden count. The result
is stored in :class:`~publicoffice.reports.models.PublishedFigure` and
every public page, file and API answer reads only that table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from publicoffice.core.disclosure import Figure, Flag, Group, disclose, median_figure
from publicoffice.core.timeutils import acting_now
from publicoffice.places.report_selectors import office_places
from publicoffice.reports import published
from publicoffice.reports.commuting import FactorData, estimate
from publicoffice.reports.commuting_selectors import factors_in_force
from publicoffice.reports.exact import cells_from_totals, needed_metrics
from publicoffice.reports.figures import Totals
from publicoffice.reports.metrics import METRICS
from publicoffice.reports.models import DayFigure, Publication, PublishedFigure, ScopeKind
from publicoffice.reports.published import PublishedRow
from publicoffice.reports.report import Cells, median_of
from publicoffice.reports.scopes import NETWORK_ID
from publicoffice.reports.sections import HISTOGRAMS, MINUTE_BASES, PREMISES, SECTIONS, line_keys

ScopeRef = tuple[str, int]
#: (metric, scope kind, scope id, month, key); month 0 is the whole year.
CellRef = tuple[str, str, int, int, str]
MONTHS = range(1, 13)
#: The commuting estimate as published: how many commuters it rests on, and CO₂ low–high.
COMMUTING = ("commuting.commuters", "commuting.co2_kg_low", "commuting.co2_kg_high")


def last_whole_month(year: int, now: datetime | None = None) -> int:
    """The last month of ``year`` that has ended (0: none yet)."""
    today = timezone.localtime(acting_now(now)).date()
    if year < today.year:
        return 12
    if year > today.year:
        return 0
    return today.month - 1


def _after(year: int, through: int) -> date:
    """The first day after the published months."""
    return date(year + 1, 1, 1) if through == 12 else date(year, through + 1, 1)


def _office_totals(year: int, through: int) -> dict[tuple[int, int], Totals]:
    """(office, month) → metric → key → sum, for the months published."""
    rows = (
        DayFigure.objects.filter(
            scope=ScopeKind.OFFICE,
            day__gte=date(year, 1, 1),
            day__lt=_after(year, through),
            metric__in=needed_metrics(),
        )
        .order_by()
        .annotate(month=ExtractMonth("day"))
        .values_list("scope_id", "month", "metric", "key")
        .annotate(total=Sum("value"))
    )
    found: dict[tuple[int, int], Totals] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    for office_id, month, metric, key, total in rows:
        found[(office_id, month)][metric][key] += int(total)
    return found


def _add(into: Totals, other: Totals) -> None:
    for metric, keys in other.items():
        for key, value in keys.items():
            into[metric][key] += value


def _empty() -> Totals:
    return defaultdict(lambda: defaultdict(int))


class _Table:
    """Every scope's exact cells of one year, and the groups that add up."""

    def __init__(self, year: int, through: int) -> None:
        self.through = through
        self.offices = office_places()
        self.munis = sorted({o.municipality_id for o in self.offices})
        office_totals = _office_totals(year, through)
        totals: dict[tuple[ScopeRef, int], Totals] = defaultdict(_empty)
        for office in self.offices:
            for month in range(1, through + 1):
                month_totals = office_totals.get((office.id, month), {})
                for scope in self._scopes_of(office.id, office.municipality_id):
                    _add(totals[(scope, month)], month_totals)
                    _add(totals[(scope, 0)], month_totals)
        self.survey: dict[tuple[ScopeRef, int], dict[str, int]] = {
            key: dict(found.get("survey.answers", {})) for key, found in totals.items()
        }
        self.cells: dict[tuple[ScopeRef, int], Cells] = {
            (scope, month): cells_from_totals(totals[(scope, month)])
            for scope in self.scopes()
            for month in (0, *range(1, through + 1))
        }
        self.medians: dict[tuple[ScopeRef, int, str], Figure] = {
            (scope, month, name): median_figure(*median_of(totals[(scope, month)][name]))
            for scope in self.scopes()
            for month in self.months()
            for name in HISTOGRAMS
        }

    @staticmethod
    def _scopes_of(office_id: int, municipality_id: int) -> list[ScopeRef]:
        return [
            (ScopeKind.OFFICE, office_id),
            (ScopeKind.MUNICIPALITY, municipality_id),
            (ScopeKind.NETWORK, NETWORK_ID),
        ]

    def scopes(self) -> list[ScopeRef]:
        return [
            *((ScopeKind.OFFICE, o.id) for o in self.offices),
            *((ScopeKind.MUNICIPALITY, m) for m in self.munis),
            (ScopeKind.NETWORK, NETWORK_ID),
        ]

    def wide_scopes(self) -> list[ScopeRef]:
        """The municipalities and the network: the scopes with public breakdowns."""
        return [scope for scope in self.scopes() if scope[0] != ScopeKind.OFFICE]

    def months(self) -> list[int]:
        return [0, *range(1, self.through + 1)]

    # -- what goes through the rule ------------------------------------------------

    def counts(self) -> dict[CellRef, int]:
        """Every published count about people, zeros included (they are part of the sums)."""
        found: dict[CellRef, int] = {}
        for (scope, month), cells in self.cells.items():
            for section in SECTIONS:
                for spec in section.lines:
                    if not spec.public or not METRICS[spec.metric].about_people:
                        continue
                    for key, dimension, _part in line_keys(spec):
                        if dimension is not None and scope[0] == ScopeKind.OFFICE:
                            continue  # an office's breakdowns stay with its staff
                        figure = cells.get((spec.metric, key), Figure(0))
                        found[(spec.metric, *scope, month, key)] = int(figure.value or 0)
        return found

    def groups(self, counts: dict[CellRef, int]) -> list[Group[CellRef]]:
        groups: list[Group[CellRef]] = []
        line_cells: dict[tuple[str, str], list[CellRef]] = defaultdict(list)
        for cell in counts:
            metric, _kind, _id, _month, key = cell
            line_cells[(metric, key)].append(cell)
        for metric, key in line_cells:
            groups.extend(self._across(metric, key))
        groups.extend(self._breakdowns())
        return groups

    def _across(self, metric: str, key: str) -> list[Group[CellRef]]:
        """Months add up to the year; offices to their municipality; municipalities to all.

        Breakdowns (``key`` not empty) are published for municipalities and
        the network only: at an office they are mostly small counts, and
        hiding them would spread up to the network's totals.
        """
        scopes = self.scopes() if not key else self.wide_scopes()
        groups = [
            Group(
                (metric, *scope, 0, key), tuple((metric, *scope, m, key) for m in self.months()[1:])
            )
            for scope in scopes
        ]
        for month in self.months():
            for muni in self.munis if not key else ():
                parts = tuple(
                    (metric, ScopeKind.OFFICE, o.id, month, key)
                    for o in self.offices
                    if o.municipality_id == muni
                )
                groups.append(Group((metric, ScopeKind.MUNICIPALITY, muni, month, key), parts))
            groups.append(
                Group(
                    (metric, ScopeKind.NETWORK, NETWORK_ID, month, key),
                    tuple((metric, ScopeKind.MUNICIPALITY, m, month, key) for m in self.munis),
                )
            )
        return groups

    def _breakdowns(self) -> list[Group[CellRef]]:
        """The parts of each breakdown add up to the line's total."""
        groups: list[Group[CellRef]] = []
        for section in SECTIONS:
            for spec in section.lines:
                if not spec.public or not METRICS[spec.metric].about_people:
                    continue
                by_dimension: dict[int, list[str]] = defaultdict(list)
                for key, dimension, _part in line_keys(spec):
                    if dimension is not None:
                        by_dimension[dimension].append(key)
                for scope in self.wide_scopes():
                    for month in self.months():
                        for keys in by_dimension.values():
                            parts = tuple((spec.metric, *scope, month, k) for k in keys)
                            groups.append(Group((spec.metric, *scope, month, ""), parts))
        return groups


def _commuting(
    answers: dict[str, int], factors: list[FactorData], scope: ScopeRef, month: int
) -> dict[CellRef, Figure]:
    """The commuting estimate, rounded, only when it rests on enough answers."""
    found = estimate(answers, factors)
    if found.too_few:
        hidden = Figure(None, Flag.TOO_FEW)
        return {(name, *scope, month, ""): hidden for name in COMMUTING}
    low, high = found.co2_kg_rounded.low, found.co2_kg_rounded.high
    return {
        ("commuting.commuters", *scope, month, ""): Figure(found.commuters),
        ("commuting.co2_kg_low", *scope, month, ""): Figure(low),
        ("commuting.co2_kg_high", *scope, month, ""): Figure(high),
    }


def _published(table: _Table, figures: dict[CellRef, Figure]) -> list[PublishedFigure]:
    """The rows to store: the disclosed counts, and what rests on them."""
    rows: dict[CellRef, Figure] = dict(figures)
    factors = factors_in_force()
    for (scope, month), cells in table.cells.items():
        for name, base in MINUTE_BASES.items():
            base_figure = figures.get((base, *scope, month, ""), Figure(None, Flag.SECONDARY))
            minutes = cells.get((name, ""), Figure(0))
            rows[(name, *scope, month, "")] = (
                minutes if base_figure.value else Figure(None, Flag.SECONDARY)
            )
        for name in PREMISES:
            rows[(name, *scope, month, "")] = cells.get((name, ""), Figure(0))
        for name in HISTOGRAMS:
            rows[(name, *scope, month, "")] = table.medians[(scope, month, name)]
        rows.update(_commuting(table.survey.get((scope, month), {}), factors, scope, month))
    return [
        PublishedFigure(
            year=0,
            month=month,
            scope=kind,
            scope_id=scope_id,
            metric=metric,
            key=key,
            value=None if figure.value is None else Decimal(figure.value),
            flag=str(figure.flag),
        )
        for (metric, kind, scope_id, month, key), figure in rows.items()
        # A zero is not stored: a published month without a row is a zero.
        if figure.value != 0 or figure.flag
    ]


@transaction.atomic
def publish(year: int, *, now: datetime | None = None) -> int:
    """Work out and store the public figures of ``year``'s whole months; rows stored."""
    through = last_whole_month(year, now)
    PublishedFigure.objects.filter(year=year).delete()
    if not through:
        Publication.objects.filter(year=year).delete()
        return 0
    table = _Table(year, through)
    counts = table.counts()
    figures = disclose(counts, table.groups(counts))
    rows = _published(table, figures)
    for row in rows:
        row.year = year
    PublishedFigure.objects.bulk_create(rows, batch_size=2000)
    Publication.objects.update_or_create(
        year=year, defaults={"through_month": through, "published_at": acting_now(now)}
    )
    return len(rows)


def years_with_figures() -> list[int]:
    """The years that have any office figure: what :func:`publish_all` publishes."""
    days = DayFigure.objects.filter(scope=ScopeKind.NETWORK).order_by("day")
    first = days.values_list("day", flat=True).first()
    last = days.reverse().values_list("day", flat=True).first()
    if first is None or last is None:
        return []
    return list(range(first.year, last.year + 1))


def publish_all(*, now: datetime | None = None) -> dict[int, int]:
    """Publish every year with figures (the nightly task and the demo call this)."""
    return {year: publish(year, now=now) for year in years_with_figures()}


def published_rows(year: int | None = None) -> Iterator[PublishedRow]:
    """Every published figure of ``year`` (or all years), for the open-data files."""
    return published.published_rows(year)


def published_on(year: int) -> datetime | None:
    """When ``year``'s public figures were last worked out (None: never)."""
    return Publication.objects.filter(year=year).values_list("published_at", flat=True).first()
