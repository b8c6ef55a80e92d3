"""The one table of the performance goals, row by row.

Each bench prints the rows it measures with :func:`table_row`; ``bench/table.py``
runs the benches and gathers those lines into one table with each goal beside
its measure, so a single run says which goals are met. A line is
``TABLE {json}`` on standard output, easy to find among a bench's other
figures and easy to parse.

Not a benchmark itself (the leading underscore keeps the test suite from
running it).
"""

from __future__ import annotations

import json
import operator
from dataclasses import asdict, dataclass
from typing import Literal

PREFIX = "TABLE "

#: How a measured value compares with its goal.
Comparison = Literal[">=", "<=", "=="]

_COMPARE = {">=": operator.ge, "<=": operator.le, "==": operator.eq}


@dataclass(frozen=True)
class Row:
    """One measure: its value, the goal it is held to, and the figures behind it."""

    key: str  # stable name, e.g. "booking.service_vs_raw"
    measure: str  # what a reader sees, e.g. "booking create, service ÷ raw, 4 clients"
    value: float
    comparison: Comparison
    goal: float
    detail: str = ""  # the figures the value comes from, e.g. "76/s ÷ 1,140/s"

    @property
    def met(self) -> bool:
        return bool(_COMPARE[self.comparison](self.value, self.goal))


def table_row(
    key: str,
    measure: str,
    value: float,
    comparison: Comparison,
    goal: float,
    detail: str = "",
) -> Row:
    """Print one row for ``bench/table.py`` to gather, and return it."""
    row = Row(key, measure, float(value), comparison, float(goal), detail)
    print(PREFIX + json.dumps(asdict(row), ensure_ascii=False), flush=True)
    return row


def parse_rows(output: str) -> list[Row]:
    """The rows a bench printed, in order."""
    return [
        Row(**json.loads(line[len(PREFIX) :]))
        for line in output.splitlines()
        if line.startswith(PREFIX)
    ]
