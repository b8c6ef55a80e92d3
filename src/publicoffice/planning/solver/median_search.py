"""The p-median's primal side: greedy opening, then fast vertex substitution.

Both work on the sorted sparse lists of :mod:`median_lists`, so one pass
costs O(pairs), not O(n × m). The interchange is Whitaker's (1983) fast
interchange in the form of Resende & Werneck (2007): for every closed site
``a`` the saving of opening it (``gain``), for every open site ``r`` the
loss of closing it (``loss``), and a sparse correction ``extra[r, a]`` for
rows that lose ``r`` but find ``a`` closer than their second site. The best
swap ``(r, a)`` is taken while it lowers the total (Teitz & Bart 1968).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from publicoffice.planning.solver.median_lists import (
    Assignment,
    BoolArray,
    MedianLists,
    assign,
)
from publicoffice.planning.solver.types import FloatArray

#: A swap must lower the total by more than this share of it (guards float noise).
TOLERANCE = 1e-9


def opening_gain(lists: MedianLists, current: Assignment) -> FloatArray:
    """For each site, the weighted cost saved by opening it now."""
    saving = np.maximum(current.first[lists.row] - lists.wcost, 0.0)
    return np.bincount(lists.col, weights=saving, minlength=lists.m).astype(np.float64)


def greedy(lists: MedianLists, p: int, start: BoolArray | None = None) -> BoolArray:
    """Fixed sites open, then add the site that saves the most, ``p`` times."""
    is_open = np.zeros(lists.m, dtype=bool)
    is_open[lists.fixed] = True
    if start is not None:
        is_open |= start
    candidates = np.zeros(lists.m, dtype=bool)
    candidates[lists.free] = True
    for _ in range(p - int(is_open[lists.free].sum())):
        choosable = candidates & ~is_open
        if not choosable.any():
            break
        gain = opening_gain(lists, assign(lists, is_open))
        gain[~choosable] = -1.0
        is_open[int(np.argmax(gain))] = True
    return is_open


def best_swap(lists: MedianLists, is_open: BoolArray) -> tuple[int, int, float, Assignment]:
    """The swap (close r, open a) that lowers the total most, its change, and the assignment."""
    current = assign(lists, is_open)
    closed = np.zeros(lists.m, dtype=bool)
    closed[lists.free] = True
    closed &= ~is_open
    removable = np.zeros(lists.m, dtype=bool)
    removable[lists.free] = True
    removable &= is_open
    open_free = np.flatnonzero(removable)
    if open_free.size == 0 or not closed.any():
        return -1, -1, 0.0, current
    gain = opening_gain(lists, current)
    served = current.site >= 0
    loss = np.bincount(
        current.site[served],
        weights=(current.second - current.first)[served],
        minlength=lists.m,
    )
    slot = np.full(lists.m, -1, dtype=np.int64)
    slot[open_free] = np.arange(open_free.size)
    owner = current.site[lists.row]
    owner_slot = np.where(owner >= 0, slot[np.maximum(owner, 0)], -1)
    second = current.second[lists.row]
    hit = (owner_slot >= 0) & closed[lists.col] & (lists.wcost < second)
    value = second[hit] - np.maximum(lists.wcost[hit], current.first[lists.row[hit]])
    extra = np.bincount(
        owner_slot[hit] * lists.m + lists.col[hit],
        weights=value,
        minlength=open_free.size * lists.m,
    ).reshape(open_free.size, lists.m)
    delta = loss[open_free][:, None] - gain[None, :] - extra
    delta[:, ~closed] = np.inf
    flat = int(np.argmin(delta))
    r, a = divmod(flat, lists.m)
    return int(open_free[r]), int(a), float(delta[r, a]), current


def interchange(
    lists: MedianLists,
    is_open: BoolArray,
    should_stop: Callable[[], bool],
) -> tuple[BoolArray, Assignment, int]:
    """Best-improvement swaps until none helps (a local optimum) or ``should_stop``."""
    is_open = is_open.copy()
    swaps = 0
    while True:
        r, a, change, current = best_swap(lists, is_open)
        if r < 0 or change >= -TOLERANCE * max(current.total, 1.0) or should_stop():
            return is_open, current, swaps
        is_open[r] = False
        is_open[a] = True
        swaps += 1
