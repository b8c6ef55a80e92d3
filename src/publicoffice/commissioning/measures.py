"""The figures a commission's targets are tied to, read from what the platform measures.

Every measure of :class:`~publicoffice.commissioning.models.Measure` is
worked out here from the reports' day figures of the commission's offices
(``reports.figures.offices_totals``, the selector the reports pages use
too), from the accessibility facts as they stand, and from the incidents'
handling times. A commission's report is prefilled from :func:`read`, and
its transparency page shows the same readings.

Public readings follow the disclosure rule of ``core.disclosure`` twice
over. A reading worked out from a count of 1 to 4 people or acts (visits,
events, answers, incidents) is hidden. And a reading is shown only when the
count it rests on is a sum of office totals the public statistics already
show for every whole month of the period (``reports.published``): a
quarter's visits a week, times thirteen, would otherwise give away a month
the statistics hide. Opening hours and the accessibility facts describe the
premises, not people, and are always shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from publicoffice.commissioning.models import Direction, Measure, Target
from publicoffice.conduct.report_selectors import incidents_handled_within
from publicoffice.core.disclosure import SMALLEST_SHOWN, Flag
from publicoffice.places.report_selectors import accessibility_answered
from publicoffice.reports.figures import Totals, offices_totals
from publicoffice.reports.periods import Period
from publicoffice.reports.published import shown_throughout

METRICS = (
    "visits.people",
    "visits.person_minutes",
    "hours.open_minutes",
    "hours.capacity_minutes",
    "events.count",
    "dialogue.answers",
)
#: Measures given as a percentage.
SHARES = (
    Measure.ANSWERED_ON_TIME,
    Measure.ACCESSIBILITY_COMPLETE,
    Measure.OCCUPANCY,
    Measure.INCIDENTS_HANDLED,
)
#: Measures that describe premises, never people: shown whatever the counts.
ABOUT_PREMISES = (Measure.HOURS_PER_WEEK, Measure.ACCESSIBILITY_COMPLETE)
#: The published office total each count-based measure rests on.
BASIS_METRIC = {
    Measure.VISITS_PER_WEEK: "visits.people",
    Measure.OCCUPANCY: "visits.people",
    Measure.EVENTS_PER_MONTH: "events.count",
    Measure.ANSWERED_ON_TIME: "dialogue.answers",
    Measure.INCIDENTS_HANDLED: "conduct.incidents",
}
DAYS_PER_MONTH = Decimal("30.436875")  # 365.2425 / 12
ONE_PLACE = Decimal("0.1")


@dataclass(frozen=True)
class Reading:
    """One measure over one period: its value, or why there is none."""

    measure: Measure
    value: Decimal | None
    #: The count of people or acts the value is worked out from (None: premises).
    basis: int | None
    flag: Flag = Flag.SHOWN

    @property
    def hidden(self) -> bool:
        return self.flag is not Flag.SHOWN

    @property
    def is_share(self) -> bool:
        return self.measure in SHARES

    def as_json(self) -> dict[str, object]:
        return {
            "measure": str(self.measure),
            "value": None if self.value is None else str(self.value),
            "basis": self.basis,
            "flag": str(self.flag),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Reading:
        value = data.get("value")
        basis = data.get("basis")
        return cls(
            Measure(str(data["measure"])),
            None if value is None else Decimal(str(value)),
            None if basis is None else int(str(basis)),
            Flag(str(data.get("flag", ""))),
        )


def _sum(totals: Totals, metric: str, key: str | None = None) -> int:
    values = totals.get(metric, {})
    if key is None:
        return sum(values.values())
    return sum(v for k, v in values.items() if k == key or k.endswith(f"|{key}"))


def _round(value: Decimal) -> Decimal:
    return value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def _ratio(part: int, whole: int, scale: Decimal = Decimal(1)) -> Decimal | None:
    return None if whole == 0 else _round(Decimal(part) * scale / Decimal(whole))


def _readings(office_ids: set[int], period: Period, totals: Totals) -> list[Reading]:
    weeks = Decimal(period.days) / 7
    months = Decimal(period.days) / DAYS_PER_MONTH
    people = _sum(totals, "visits.people")
    answers = _sum(totals, "dialogue.answers")
    held = _sum(totals, "events.count", "held")
    asked, answered = accessibility_answered(office_ids=office_ids)
    incidents, in_time = incidents_handled_within(
        sorted(office_ids), period.start, period.end, days=settings.COMMISSIONING_INCIDENT_DAYS
    )
    hundred = Decimal(100)
    return [
        Reading(Measure.VISITS_PER_WEEK, _round(people / weeks), people),
        Reading(
            Measure.HOURS_PER_WEEK,
            _round(Decimal(_sum(totals, "hours.open_minutes")) / 60 / weeks),
            None,
        ),
        Reading(
            Measure.ANSWERED_ON_TIME,
            _ratio(_sum(totals, "dialogue.answers", "on_time"), answers, hundred),
            answers,
        ),
        Reading(Measure.EVENTS_PER_MONTH, _round(held / months), held),
        Reading(Measure.ACCESSIBILITY_COMPLETE, _ratio(answered, asked, hundred), None),
        Reading(
            Measure.OCCUPANCY,
            _ratio(
                _sum(totals, "visits.person_minutes"),
                _sum(totals, "hours.capacity_minutes"),
                hundred,
            ),
            people,
        ),
        Reading(Measure.INCIDENTS_HANDLED, _ratio(in_time, incidents, hundred), incidents),
    ]


def disclosed(reading: Reading) -> Reading:
    """The reading as it may be published: hidden when its count is 1 to 4."""
    if reading.basis is not None and 0 < reading.basis < SMALLEST_SHOWN:
        return Reading(reading.measure, None, None, Flag.SMALL)
    return reading


def publishable(
    readings: Mapping[Measure, Reading], office_ids: Iterable[int], period: Period
) -> dict[Measure, Reading]:
    """The readings as they may be published (see the module's docstring)."""
    shown = shown_throughout(office_ids, period, set(BASIS_METRIC.values()))
    found: dict[Measure, Reading] = {}
    for measure, reading in readings.items():
        basis = BASIS_METRIC.get(measure)
        if basis is not None and (shown is None or basis not in shown):
            flag = Flag.NOT_PUBLISHED if shown is None else Flag.SECONDARY
            found[measure] = Reading(measure, None, None, flag)
        else:
            found[measure] = disclosed(reading)
    return found


def read(office_ids: Iterable[int], period: Period, *, public: bool) -> dict[Measure, Reading]:
    """Every measure for the offices over the period; ``public``: as it may be published."""
    ids = set(office_ids)
    totals = offices_totals(ids, period, METRICS)
    readings = {r.measure: r for r in _readings(ids, period, totals)}
    return publishable(readings, ids, period) if public else readings


def is_met(target: Target, reading: Reading | None) -> bool | None:
    """Whether the reading meets the target; None when there is nothing to compare."""
    if reading is None or reading.value is None:
        return None
    if target.direction == Direction.AT_LEAST:
        return reading.value >= target.value
    return reading.value <= target.value
