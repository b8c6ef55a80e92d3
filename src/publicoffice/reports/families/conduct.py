"""The conduct family, in counts only: incidents, decisions and appeals per office.

Incidents count at their office on the local day they happened, by
category; decisions under the house rules at the office where they were
taken (whatever their scope: a ban for the whole network still counts once,
at its office) on the local day they held (an indefinite ban on the day it
was approved; one still waiting is not counted), by kind; appeals at their
decision's office on the local day made, by outcome now. See
:mod:`publicoffice.conduct.report_selectors`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from publicoffice.conduct import report_selectors
from publicoffice.places.facts import Family
from publicoffice.reports.families import Row, register_family


def compute(office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[Row]:
    figures = (
        ("conduct.incidents", report_selectors.incident_counts),
        ("conduct.sanctions", report_selectors.sanction_counts),
        ("conduct.appeals", report_selectors.appeal_counts),
    )
    for metric, counts in figures:
        for office_id, day, key, count in counts(office_ids, start, end):
            yield Row(office_id, day, metric, key, count)


register_family(Family.CONDUCT, compute)
