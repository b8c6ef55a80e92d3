"""The dialogue family: proposals, supports, first answers and the days they took.

Proposals count on the local day they were made, by kind; supports on the
day given (supports taken back are gone); first answers on the day given,
on time or late by the response clock (:mod:`publicoffice.dialogue.clock`:
on or before the day due), and ``dialogue.answer_days`` keeps, per answer
day, how many proposals waited how many calendar days. Proposals to a
whole operator or municipality have no office and are in no office's
figures; proposals left out by the moderators (or withdrawn before an
answer) count nowhere. See :mod:`publicoffice.dialogue.report_selectors`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date

from publicoffice.dialogue import report_selectors
from publicoffice.places.facts import Family
from publicoffice.reports.families import Row, register_family
from publicoffice.reports.metrics import AnswerTiming


def compute(office_ids: Sequence[int] | None, start: date, end: date) -> Iterator[Row]:
    for office_id, day, kind, count in report_selectors.proposal_counts(office_ids, start, end):
        yield Row(office_id, day, "dialogue.proposals", kind, count)
    for office_id, day, _key, count in report_selectors.support_counts(office_ids, start, end):
        yield Row(office_id, day, "dialogue.supports", "", count)
    sums: Counter[tuple[int, date, str, str]] = Counter()
    for wait in report_selectors.first_answer_waits(office_ids, start, end):
        timing = AnswerTiming.ON_TIME if wait.on_time else AnswerTiming.LATE
        sums[(wait.office_id, wait.day, "dialogue.answers", timing.value)] += wait.total
        sums[(wait.office_id, wait.day, "dialogue.answer_days", str(wait.days))] += wait.total
    for (office_id, day, metric, key), value in sorted(sums.items()):
        yield Row(office_id, day, metric, key, value)


register_family(Family.DIALOGUE, compute)
