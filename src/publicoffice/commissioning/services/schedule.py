"""The reporting schedule of a commission, made when it starts and when its period changes.

One report per calendar quarter, except that the quarter ending a year is
covered by that year's report, and the last stretch by the final report:

* **quarterly**: each quarter (clipped to the commission), due 30 days after;
* **yearly**: each calendar year the commission runs in, except the year it
  ends, due 60 days after the year;
* **final**: the whole period, due 60 days after the end.

Reports already submitted or accepted are never touched; reports still to
write that no longer fit the period are removed, and missing ones added.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from django.db import transaction

from publicoffice.commissioning.models import Commission, Report, ReportKind, ReportStatus
from publicoffice.reports.periods import Grain, Period

QUARTERLY_DUE_DAYS = 30
YEARLY_DUE_DAYS = 60
FINAL_DUE_DAYS = 60


class Slot(NamedTuple):
    kind: ReportKind
    start: date
    end: date
    due: date


def _clip(period: Period, start: date, end: date) -> tuple[date, date]:
    return max(period.start, start), min(period.end, end)


def slots(start: date, end: date) -> list[Slot]:
    """Every report a commission running from ``start`` to ``end`` (inclusive) owes."""
    found: list[Slot] = []
    quarter = Period.containing(Grain.QUARTER, start)
    while quarter.start <= end:
        first, last = _clip(quarter, start, end)
        closes_year = quarter.end.month == 12
        if quarter.end < end and not closes_year:
            found.append(
                Slot(ReportKind.QUARTERLY, first, last, last + timedelta(QUARTERLY_DUE_DAYS))
            )
        quarter = Period.containing(Grain.QUARTER, quarter.end + timedelta(days=1))
    for year in range(start.year, end.year):
        first, last = _clip(Period.containing(Grain.YEAR, date(year, 1, 1)), start, end)
        found.append(Slot(ReportKind.YEARLY, first, last, last + timedelta(YEARLY_DUE_DAYS)))
    found.append(Slot(ReportKind.FINAL, start, end, end + timedelta(FINAL_DUE_DAYS)))
    return sorted(found, key=lambda s: (s.due, s.kind))


@transaction.atomic
def schedule_reports(commission: Commission) -> list[Report]:
    """Bring the commission's reports in line with its period; every report, in order."""
    wanted = {(s.kind, s.start): s for s in slots(commission.starts_on, commission.ends_on)}
    existing = {(r.kind, r.period_starts): r for r in commission.reports.all()}
    for key, report in existing.items():
        if report.status == ReportStatus.DUE and key not in wanted:
            report.delete()
    for key, slot in wanted.items():
        found = existing.get(key)
        if found is None:
            Report.objects.create(
                commission=commission,
                kind=slot.kind,
                period_starts=slot.start,
                period_ends=slot.end,
                due_on=slot.due,
            )
        elif found.status == ReportStatus.DUE and (found.period_ends, found.due_on) != (
            slot.end,
            slot.due,
        ):
            found.period_ends, found.due_on = slot.end, slot.due
            found.save(update_fields=["period_ends", "due_on", "updated_at"])
    return list(commission.reports.order_by("due_on", "pk"))
