"""The problem reports family: reports by category and where they stand, days to fix.

``problems.reported`` counts reports on the local day reported, keyed
"category|now", where *now* is the family of the report's current state:
open (reported, known, being fixed), fixed, or closed without a fix (not a
problem, already reported, forwarded). ``problems.fix_days`` counts reports
that are fixed now on the local day they were fixed, keyed by the calendar
days it took; a reopened report leaves it until it is fixed again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date

from publicoffice.dialogue import report_selectors
from publicoffice.dialogue.models import Family as StateFamily
from publicoffice.places.facts import Family
from publicoffice.reports.families import Row, register_family
from publicoffice.reports.metrics import ProblemOutcome

NOW: dict[str, str] = {
    StateFamily.OPEN: ProblemOutcome.OPEN,
    StateFamily.DONE: ProblemOutcome.FIXED,
    StateFamily.CLOSED: ProblemOutcome.CLOSED,
}


def compute(office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[Row]:
    sums: Counter[tuple[int, date, str, str]] = Counter()
    for office_id, day, key, count in report_selectors.problem_counts(office_ids, start, end):
        category, family = key.split("|")
        sums[(office_id, day, "problems.reported", f"{category}|{NOW[family]}")] += count
    for wait in report_selectors.fix_waits(office_ids, start, end):
        sums[(wait.office_id, wait.day, "problems.fix_days", str(wait.days))] += wait.total
    for (office_id, day, metric, key), value in sorted(sums.items()):
        yield Row(office_id, day, metric, key, value)


register_family(Family.PROBLEMS, compute)
