"""Selectors of the conduct transparency page: a year's figures, per quarter.

For one office or the whole network, per quarter of a year in Stockholm
time: incidents by the rule broken, decisions (sanctions) by kind and by how
far they reach, appeals by outcome, and the median days to handle a
visitor's report. Counts are made by the database (``values().annotate``),
four queries whatever the number of rows; every figure then goes through
:func:`~publicoffice.core.disclosure.disclose`, for every office at once,
so no page can be subtracted from another to find a hidden number.

Nothing here reads a name: only offices, categories, kinds and dates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, F, QuerySet, TextChoices
from django.db.models.functions import Coalesce, ExtractQuarter
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.conduct.models import (
    Appeal,
    AppealOutcome,
    Category,
    Incident,
    Sanction,
    SanctionKind,
    SanctionScope,
    SanctionState,
    Source,
)
from publicoffice.core.disclosure import Figure, Group, disclose
from publicoffice.places.models import Office

#: Quarters are counted in the network's own time, whatever the server's.
STOCKHOLM = ZoneInfo("Europe/Stockholm")
QUARTERS = (1, 2, 3, 4)
#: The place key of the whole network (office keys are their ids, from 1).
NETWORK = 0
#: The item of a total row.
TOTAL = ""
#: The family of the median days to handle a report.
MEDIAN = "median_days_to_handle_report"

#: (place, quarter, family, item): one cell of the year's figures.
Key = tuple[int, int, str, str]


@dataclass(frozen=True)
class Breakdown:
    """One table: a total family split by the items of ``choices``."""

    family: str
    total: str
    choices: type[TextChoices]
    caption: Promise
    heading: Promise
    total_label: Promise


BREAKDOWNS = (
    Breakdown(
        "category",
        "incidents",
        Category,
        _("Incidents by the rule broken"),
        pgettext_lazy("conduct figures", "Rule broken"),
        pgettext_lazy("conduct figures", "All incidents"),
    ),
    Breakdown(
        "kind",
        "decisions",
        SanctionKind,
        _("Decisions by kind"),
        pgettext_lazy("conduct figures", "Decision"),
        pgettext_lazy("conduct figures", "All decisions"),
    ),
    Breakdown(
        "scope",
        "decisions",
        SanctionScope,
        _("Decisions by how far they reach"),
        pgettext_lazy("conduct figures", "Holds at"),
        pgettext_lazy("conduct figures", "All decisions"),
    ),
    Breakdown(
        "outcome",
        "appeals",
        AppealOutcome,
        _("Appeals by outcome"),
        pgettext_lazy("conduct figures", "Outcome"),
        pgettext_lazy("conduct figures", "All appeals"),
    ),
)


@dataclass(frozen=True)
class Row:
    family: str
    item: str
    label: str | Promise
    figures: list[Figure]

    @property
    def is_total(self) -> bool:
        return self.item == TOTAL


@dataclass(frozen=True)
class Table:
    breakdown: Breakdown
    rows: list[Row]


@dataclass(frozen=True)
class Transparency:
    """What the page and the CSV publish for one office (or the network) and year."""

    year: int
    office: Office | None
    tables: list[Table]
    median: list[Figure]


def public_offices() -> QuerySet[Office]:
    """The offices to choose from, by name."""
    return Office.objects.public().order_by("name")


def year_span(year: int) -> tuple[datetime, datetime]:
    """The start of ``year`` and of the next, in Stockholm."""
    return datetime(year, 1, 1, tzinfo=STOCKHOLM), datetime(year + 1, 1, 1, tzinfo=STOCKHOLM)


def current_year(now: datetime) -> int:
    return now.astimezone(STOCKHOLM).year


def transparency(*, year: int, office: Office | None) -> Transparency:
    """The published figures of ``office`` (``None``: the network) in ``year``."""
    counts, durations = _year_counts(year)
    place = office.pk if office is not None else NETWORK
    offices = {key[0] for key in counts} | {key[0] for key in durations} | {place}
    offices.discard(NETWORK)
    figures = disclose(_fill(counts, offices), _groups(offices), _medians(durations, offices))
    tables = [Table(breakdown, _rows(figures, place, breakdown)) for breakdown in BREAKDOWNS]
    median = [figures[(place, quarter, MEDIAN, TOTAL)] for quarter in QUARTERS]
    return Transparency(year=year, office=office, tables=tables, median=median)


def _rows(figures: dict[Key, Figure], place: int, breakdown: Breakdown) -> list[Row]:
    rows = [
        Row(breakdown.family, str(value), label, _quarters(figures, place, breakdown.family, value))
        for value, label in breakdown.choices.choices
    ]
    total = _quarters(figures, place, breakdown.total, TOTAL)
    return [*rows, Row(breakdown.total, TOTAL, breakdown.total_label, total)]


def _quarters(figures: dict[Key, Figure], place: int, family: str, item: str) -> list[Figure]:
    return [figures[(place, quarter, family, item)] for quarter in QUARTERS]


def _year_counts(year: int) -> tuple[dict[Key, int], dict[Key, list[float]]]:
    """Counts per office, quarter and item, and report handling days: four queries."""
    start, end = year_span(year)
    counts: dict[Key, int] = {}
    incidents = (
        Incident.objects.filter(occurred_at__gte=start, occurred_at__lt=end)
        .order_by()
        .values(
            "category",
            place=F("office_id"),
            quarter=ExtractQuarter("occurred_at", tzinfo=STOCKHOLM),
        )
        .annotate(n=Count("pk"))
    )
    _add(counts, "category", "category", incidents)
    decisions = (
        Sanction.objects.exclude(state=SanctionState.AWAITING_APPROVAL)
        .alias(decided=Coalesce("approved_at", "created_at"))
        .filter(decided__gte=start, decided__lt=end)
        .order_by()
        .values(
            "kind",
            "scope",
            place=F("office_id"),
            quarter=ExtractQuarter("decided", tzinfo=STOCKHOLM),
        )
        .annotate(n=Count("pk"))
    )
    rows = list(decisions)
    _add(counts, "kind", "kind", rows)
    _add(counts, "scope", "scope", rows)
    appeals = (
        Appeal.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        .order_by()
        .values(
            "outcome",
            place=F("sanction__office_id"),
            quarter=ExtractQuarter("submitted_at", tzinfo=STOCKHOLM),
        )
        .annotate(n=Count("pk"))
    )
    _add(counts, "outcome", "outcome", appeals)
    return counts, _report_days(start, end)


def _add(
    counts: dict[Key, int], family: str, field: str, rows: Iterable[Mapping[str, Any]]
) -> None:
    for row in rows:
        key = (row["place"], row["quarter"], family, row[field])
        counts[key] = counts.get(key, 0) + row["n"]


def _report_days(start: datetime, end: datetime) -> dict[Key, list[float]]:
    """Days from each handled visitor's report to its handling, by office and quarter."""
    handled = Incident.objects.filter(
        source=Source.REPORT,
        handled_at__isnull=False,
        created_at__gte=start,
        created_at__lt=end,
    ).values_list("office_id", "created_at", "handled_at")
    days: dict[Key, list[float]] = defaultdict(list)
    for office_id, created_at, handled_at in handled.order_by():
        if handled_at is None:  # excluded by the filter; for the type checker
            continue
        quarter = (created_at.astimezone(STOCKHOLM).month - 1) // 3 + 1
        seconds = (handled_at - created_at).total_seconds()
        days[(office_id, quarter, MEDIAN, TOTAL)].append(seconds / 86400)
    return days


def _medians(days: dict[Key, list[float]], offices: set[int]) -> dict[Key, list[float]]:
    """The handling days of every office and quarter, and of the network."""
    every: dict[Key, list[float]] = {}
    for quarter in QUARTERS:
        network = every[(NETWORK, quarter, MEDIAN, TOTAL)] = []
        for office in offices:
            values = every[(office, quarter, MEDIAN, TOTAL)] = days.get(
                (office, quarter, MEDIAN, TOTAL), []
            )
            network.extend(values)
    return every


def _fill(counts: dict[Key, int], offices: set[int]) -> dict[Key, int]:
    """Every cell of every office, zeros included, their totals, and the network's sums."""
    cells: dict[Key, int] = {}
    for place in offices:
        for quarter in QUARTERS:
            for breakdown in BREAKDOWNS:
                parts = [(place, quarter, breakdown.family, str(v)) for v in breakdown.choices]
                for key in parts:
                    cells[key] = counts.get(key, 0)
                total = (place, quarter, breakdown.total, TOTAL)
                cells[total] = sum(cells[key] for key in parts)
    network: dict[Key, int] = {
        (NETWORK, quarter, family, item): 0
        for (_place, quarter, family, item) in _place_keys(NETWORK)
    }
    for (_place, quarter, family, item), n in cells.items():
        network[(NETWORK, quarter, family, item)] += n
    return {**cells, **network}


def _place_keys(place: int) -> list[Key]:
    """Every count cell of one place: each item of each table, and the totals."""
    keys: list[Key] = []
    for quarter in QUARTERS:
        for breakdown in BREAKDOWNS:
            keys += [(place, quarter, breakdown.family, str(v)) for v in breakdown.choices]
            keys.append((place, quarter, breakdown.total, TOTAL))
    return keys


def _groups(offices: set[int]) -> list[Group[Key]]:
    """Which cells add up to which: within a place and quarter, and over the offices."""
    groups: list[Group[Key]] = []
    places = [NETWORK, *sorted(offices)]
    for quarter in QUARTERS:
        for breakdown in BREAKDOWNS:
            for place in places:
                parts = tuple((place, quarter, breakdown.family, str(v)) for v in breakdown.choices)
                groups.append(Group((place, quarter, breakdown.total, TOTAL), parts))
            items = [(breakdown.family, str(v)) for v in breakdown.choices]
            if breakdown.family != "scope":  # the decisions' total once, with "kind"
                items.append((breakdown.total, TOTAL))
            for family, item in items:
                across = tuple((office, quarter, family, item) for office in sorted(offices))
                groups.append(Group((NETWORK, quarter, family, item), across))
    return groups
