"""The visits family: check-ins, people, hours of arrival, unique visitors, time, survey.

Every figure is on the local day of arrival and counts only visits that
still count (not voided or removed by staff). Raw visits and the hourly
roll-up left by the retention are read alike
(:mod:`publicoffice.visits.report_selectors`), so rolling up changes no figure.

``survey.answers`` counts visits with at least one answer: a survey sent
with every question skipped cannot be told apart from no survey once the
visit is rolled up, so it is not counted before either.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date

from publicoffice.places.facts import Family
from publicoffice.reports.families import Row, register_family
from publicoffice.visits.report_selectors import unique_visitors_by_day, visit_cells

Cell = tuple[int, date, str, str]


def compute(office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[Row]:
    totals: dict[Cell, int] = defaultdict(int)
    for cell in visit_cells(office_ids=office_ids, start=start, end=end):
        office_day = (cell.office_id, cell.day)
        totals[(*office_day, "visits.checkins", cell.source)] += cell.visits
        totals[(*office_day, "visits.people", cell.source)] += cell.people
        totals[(*office_day, "visits.hourly", f"{cell.hour:02d}")] += cell.people
        totals[(*office_day, "visits.person_minutes", "")] += cell.person_minutes
        if any(cell.answers):
            totals[(*office_day, "survey.answers", "|".join(cell.answers))] += cell.visits
    unique = unique_visitors_by_day(office_ids=office_ids, start=start, end=end)
    for (office_id, day), visitors in unique.items():
        totals[(office_id, day, "visits.unique", "")] += visitors
    for (office_id, day, metric, key), value in sorted(totals.items()):
        if value:
            yield Row(office_id, day, metric, key, value)


register_family(Family.VISITS, compute)
