"""How each family of figures is computed from the facts, one module per family.

A family's ``compute(office_ids, start, end)`` returns the rows of every
metric of the family (see :mod:`publicoffice.reports.metrics`) for those
offices (``None``: all) and the local days from ``start`` to ``end``
inclusive, reading only through the owning app's selectors. It returns the
non-zero numbers only: a missing row is a zero. The same function serves
the refresh of one stale day and the rebuild of years, so what the refresh
keeps and what a rebuild finds are the same by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import NamedTuple

from publicoffice.places.facts import Family


class Row(NamedTuple):
    office_id: int
    day: date
    metric: str
    key: str
    value: int


Compute = Callable[[Sequence[int] | None, date, date], Iterable[Row]]

_computers: dict[Family, Compute] = {}


def register_family(family: Family, compute: Compute) -> None:
    _computers[family] = compute


def computer(family: Family) -> Compute:
    return _computers[family]


def registered() -> list[Family]:
    return [family for family in Family if family in _computers]


def register_families() -> None:
    """Called once from ``ReportsConfig.ready``: each family module registers itself."""
    # app loading: the family modules import the apps' selectors and models.
    from publicoffice.reports.families import (  # noqa: F401
        bookings,
        community,
        conduct,
        dialogue,
        events,
        hours,
        problems,
        visits,
    )
