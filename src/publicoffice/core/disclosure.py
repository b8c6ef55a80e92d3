"""The one gate every published figure goes through: :func:`disclose`.

Why: the public statistics tell everyone how many visits, bookings,
incidents or decisions an office had. At a small office, "2 bans for
discrimination in spring" or "3 visitors who came by car from 20–50 km" can
point at a person the neighbourhood knows. So, for every figure on a public
page, in a CSV, an API answer or a chart (the reports app and the conduct
transparency page both publish through this module):

* **Small counts are hidden.** A count from 1 to 4 is not published: the
  page says "fewer than 5" and the CSV leaves the value empty with the flag
  ``fewer_than_5``. A 0 is shown as 0: it names nobody, and hiding it would
  make every empty table look suspicious.
* **A hidden count cannot be worked out from a total.** Counts come in
  groups that add up to a published total (the categories of a quarter add
  up to the quarter's incidents; each office's figures add up to the
  network's). If the other cells and the total are shown, one hidden cell is
  simply the difference, and two hidden cells that add up to 2 must both be
  1. Whenever a hidden cell could be worked out like that, the smallest
  shown non-zero cell of its group is hidden too (flag ``hidden``), or the
  group's total when no such cell is left, and the check runs again.
  Hidden cells are never zero, so a reader knows a "fewer than 5" is 1 to 4
  and a second hidden cell is 5 or more: the check uses exactly that.
* **A median needs five reports.** The time to handle a report is published
  only as the median of at least five reports (flag ``too_few_reports``):
  with fewer, one slow case is one identifiable case.

Every count of a table goes through one call, every office of the network
at once, so that an office's page and the network's page (and the other
offices' pages) cannot be subtracted from each other to find a hidden
number. The rule is explained for readers in ``docs/reports.md``.
"""

from __future__ import annotations

import math
import statistics
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Generic, TypeVar

#: The smallest count published; 1 to this minus one is hidden.
SMALLEST_SHOWN = 5
#: The fewest reports a median is published from.
MEDIAN_MIN_REPORTS = 5

K = TypeVar("K", bound=Hashable)
Bounds = tuple[float, float]


class Flag(StrEnum):
    """Why a figure is not published (the CSV's flag column); empty when it is."""

    SHOWN = ""
    SMALL = "fewer_than_5"
    SECONDARY = "hidden"
    TOO_FEW = "too_few_reports"
    #: The period is not published (yet): public figures cover whole months that have ended.
    NOT_PUBLISHED = "not_published"


@dataclass(frozen=True)
class Figure:
    """One published figure: its value, or ``None`` and the reason it is hidden."""

    value: int | Decimal | None
    flag: Flag = Flag.SHOWN

    @property
    def hidden(self) -> bool:
        return self.flag is not Flag.SHOWN


@dataclass(frozen=True)
class Group(Generic[K]):
    """Cells that add up to a total: ``counts[total] == sum(counts[p] for p in parts)``."""

    total: K
    parts: tuple[K, ...]

    def cells(self) -> tuple[K, ...]:
        return (self.total, *self.parts)


def disclose(
    counts: Mapping[K, int],
    groups: Iterable[Group[K]] = (),
    medians: Mapping[K, Sequence[float]] | None = None,
) -> dict[K, Figure]:
    """Every figure of ``counts`` and ``medians``, as it may be published.

    ``groups`` says which counts add up to which (a key may be in several
    groups, as a part in one and the total of another). ``medians`` maps a
    key to the values (days) whose median is published.
    """
    flags = {key: Flag.SMALL if 0 < n < SMALLEST_SHOWN else Flag.SHOWN for key, n in counts.items()}
    for component in _components(groups):
        _protect(counts, flags, component)
    figures: dict[K, Figure] = {
        key: Figure(None, flags[key]) if flags[key] else Figure(n) for key, n in counts.items()
    }
    for key, values in (medians or {}).items():
        figures[key] = _median(values)
    return figures


def _components(groups: Iterable[Group[K]]) -> list[list[Group[K]]]:
    """The groups in sets that share no cell (each quarter's tables apart): checked apart."""
    parent: dict[K, K] = {}

    def root(key: K) -> K:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    group_list = list(groups)
    for group in group_list:
        for cell in group.parts:
            parent[root(cell)] = root(group.total)
    components: dict[K, list[Group[K]]] = {}
    for group in group_list:
        components.setdefault(root(group.total), []).append(group)
    return list(components.values())


def _protect(counts: Mapping[K, int], flags: dict[K, Flag], groups: list[Group[K]]) -> None:
    """Hide cells of these groups until no hidden cell can be worked out."""
    membership: dict[K, list[int]] = {}
    for index, group in enumerate(groups):
        for cell in group.cells():
            membership.setdefault(cell, []).append(index)
    # Each round hides at least one more cell, so this ends within len(membership) rounds.
    for _ in range(len(membership) + 1):
        extra = _complements(counts, flags, groups, membership)
        if not extra:  # nothing can be worked out (or nothing is left to hide)
            break
        flags.update(dict.fromkeys(extra, Flag.SECONDARY))


def _median(values: Sequence[float]) -> Figure:
    if not values:
        return median_figure(0, None)
    middle = Decimal(str(statistics.median(values)))
    return median_figure(len(values), middle)


def median_figure(count: int, median: Decimal | None) -> Figure:
    """A median of ``count`` values as it may be published: only from five values or more."""
    if count < MEDIAN_MIN_REPORTS or median is None:
        return Figure(None, Flag.TOO_FEW)
    return Figure(median.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _complements(
    counts: Mapping[K, int],
    flags: Mapping[K, Flag],
    groups: Sequence[Group[K]],
    membership: Mapping[K, list[int]],
) -> set[K]:
    """One more cell to hide for each cell that could be worked out, one per group a round.

    A group that got a hidden cell this round is looked at again next round,
    with that cell hidden, rather than given a second one straight away.
    """
    extra: set[K] = set()
    touched: set[int] = set()
    for leaked in _recoverable(counts, flags, groups, membership):
        around = membership[leaked]
        if touched.intersection(around):
            continue
        cell = _complement(counts, flags, [groups[i] for i in around])
        if cell is not None:
            extra.add(cell)
            touched.update(around, membership[cell])
    return extra


def _start_bounds(n: int, flag: Flag) -> Bounds:
    """What a reader knows of a cell: its value, 1–4, or "5 or more"."""
    if flag is Flag.SMALL:
        return (1.0, float(SMALLEST_SHOWN - 1))
    if flag is Flag.SECONDARY:
        return (float(SMALLEST_SHOWN), math.inf)
    return (float(n), float(n))


def _recoverable(
    counts: Mapping[K, int],
    flags: Mapping[K, Flag],
    groups: Sequence[Group[K]],
    membership: Mapping[K, list[int]],
) -> list[K]:
    """The hidden cells a reader could work out from the published ones.

    Interval propagation: each group's sum narrows what its cells can be;
    a group is looked at again whenever one of its cells narrowed.
    """
    bounds = {key: _start_bounds(counts[key], flags[key]) for key in membership}
    pending = deque(i for i, g in enumerate(groups) if any(flags[c] for c in g.cells()))
    queued = set(pending)
    while pending:
        index = pending.popleft()
        queued.discard(index)
        for cell in _tighten(bounds, groups[index]):
            for other in membership[cell]:
                if other not in queued:
                    queued.add(other)
                    pending.append(other)
    return [key for key, (low, high) in bounds.items() if flags[key] and low == high]


def _tighten(bounds: dict[K, Bounds], group: Group[K]) -> list[K]:
    """Narrow the bounds of a group's cells by its sum; the cells that narrowed."""
    changed: list[K] = []
    part_bounds = [bounds[p] for p in group.parts]
    low_sum = sum(low for low, _ in part_bounds)
    open_ended = sum(1 for _, high in part_bounds if high == math.inf)
    finite_high = sum(high for _, high in part_bounds if high != math.inf)
    total_low, total_high = bounds[group.total]
    new_total = (
        max(total_low, low_sum),
        total_high if open_ended else min(total_high, finite_high),
    )
    if new_total != bounds[group.total]:
        bounds[group.total] = new_total
        changed.append(group.total)
    total_low, total_high = new_total
    for part, (low, high) in zip(group.parts, part_bounds, strict=True):
        others_open = open_ended - (high == math.inf)
        new = (
            low if others_open else max(low, total_low - (finite_high - _finite(high))),
            high if total_high == math.inf else min(high, total_high - (low_sum - low)),
        )
        if new != (low, high):
            bounds[part] = new
            changed.append(part)
    return changed


def _finite(value: float) -> float:
    return 0.0 if value == math.inf else value


def _complement(
    counts: Mapping[K, int], flags: Mapping[K, Flag], groups: Sequence[Group[K]]
) -> K | None:
    """The cell to hide next: the smallest shown non-zero part, else a shown total."""
    parts = [p for g in groups for p in g.parts if not flags[p] and counts[p] > 0]
    if parts:
        return min(parts, key=lambda key: counts[key])
    totals = [g.total for g in groups if not flags[g.total] and counts[g.total] > 0]
    return min(totals, key=lambda key: counts[key]) if totals else None
