"""How much commuting the offices saved, and the CO₂ it would have caused.

The estimate rests on the optional check-in survey, kept by the reports as
``survey.answers`` with the key ``would_otherwise|travel_mode|commute_band|
usual_mode``. It is a range, never one number: the survey gives distances
in bands and the emission factors (``reports.models.EmissionFactor``) have a
low and a high value, and a figure that looks exact would claim more than
the answers know. :func:`estimate` is pure (answers and factors in, figures
out) so the worked example in the docs is a test; the factors come from
``reports/commuting_selectors.py``.

Who counts: only a visitor who would otherwise have worked at their usual
workplace, and who said how far it is and how they usually travel there,
avoided one round trip by that way of travelling. Everybody else is
counted apart and said to be so (see :func:`assumptions`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext

from publicoffice.reports import config
from publicoffice.visits.models import CommuteBand, TravelMode, WouldOtherwise

#: Upper bound of "more than 50 km", one way: beyond it people rarely commute daily.
CAP_KM = Decimal(100)
#: One-way distance per band (low, high) in km. "Less than 2 km" starts at
#: 0.5 km: somebody who gives a band at all lives a walk away at least.
BAND_KM: dict[str, tuple[Decimal, Decimal]] = {
    CommuteBand.UNDER_2: (Decimal("0.5"), Decimal(2)),
    CommuteBand.FROM_2_TO_5: (Decimal(2), Decimal(5)),
    CommuteBand.FROM_5_TO_10: (Decimal(5), Decimal(10)),
    CommuteBand.FROM_10_TO_20: (Decimal(10), Decimal(20)),
    CommuteBand.FROM_20_TO_50: (Decimal(20), Decimal(50)),
    CommuteBand.OVER_50: (Decimal(50), CAP_KM),
}
#: Significant figures of the published ranges.
SIGNIFICANT = 2
ZERO = Decimal(0)


@dataclass(frozen=True)
class FactorData:
    """One emission factor, g CO₂e per passenger-km, detached from the database."""

    mode: str
    variant: str
    low: Decimal
    central: Decimal
    high: Decimal
    share: Decimal = Decimal(1)
    source: str = ""
    source_url: str = ""
    year: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Range:
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class CommutingEstimate:
    """The estimate of a period; ``*_rounded`` are the figures to publish."""

    answers: int
    commuters: int
    without_usual_mode: int
    without_distance: int
    home: int
    third_places: int
    elsewhere: int
    pkm: dict[str, Range]
    co2_kg: Range
    pkm_rounded: dict[str, Range]
    co2_kg_rounded: Range
    per_working_day_kg: Range | None
    modes_without_factor: tuple[str, ...]
    too_few: bool
    assumptions: tuple[str, ...] = field(default=())


def round_down(value: Decimal, figures: int = SIGNIFICANT) -> Decimal:
    return _round(value, figures, ROUND_FLOOR)


def round_up(value: Decimal, figures: int = SIGNIFICANT) -> Decimal:
    return _round(value, figures, ROUND_CEILING)


def _round(value: Decimal, figures: int, rounding: str) -> Decimal:
    if value == 0:
        return ZERO
    quantum = Decimal(1).scaleb(value.adjusted() - figures + 1)
    rounded = (value / quantum).to_integral_value(rounding=rounding) * quantum
    return rounded.quantize(min(quantum, Decimal(1)))


def rounded(span: Range) -> Range:
    """Widen a range to ``SIGNIFICANT`` figures: the low end down, the high end up."""
    return Range(round_down(span.low), round_up(span.high))


def mode_factors(factors: Sequence[FactorData]) -> dict[str, Range]:
    """Low and high g CO₂e per passenger-km of each way of travelling, weighted by share.

    Shares are divided by their sum, so a mode whose shares are being
    rebalanced still gets an average; a mode whose shares are all 0 has none.
    """
    weights: dict[str, Decimal] = {}
    low: dict[str, Decimal] = {}
    high: dict[str, Decimal] = {}
    for factor in factors:
        weights[factor.mode] = weights.get(factor.mode, ZERO) + factor.share
        low[factor.mode] = low.get(factor.mode, ZERO) + factor.share * factor.low
        high[factor.mode] = high.get(factor.mode, ZERO) + factor.share * factor.high
    return {
        mode: Range(low[mode] / total, high[mode] / total)
        for mode, total in weights.items()
        if total > 0
    }


@dataclass
class _Tally:
    answers: int = 0
    commuters: int = 0
    without_usual_mode: int = 0
    without_distance: int = 0
    home: int = 0
    third_places: int = 0
    elsewhere: int = 0
    pkm_low: dict[str, Decimal] = field(default_factory=dict)
    pkm_high: dict[str, Decimal] = field(default_factory=dict)

    def add(self, key: str, count: int) -> None:
        parts = key.split("|")
        if len(parts) != 4 or count <= 0:
            return
        would_otherwise, _came_by, band, usual_mode = parts
        self.answers += count
        if would_otherwise == WouldOtherwise.HOME:
            self.home += count
        elif would_otherwise == WouldOtherwise.CAFE_LIBRARY:
            self.third_places += count
        elif would_otherwise == WouldOtherwise.OTHER:
            self.elsewhere += count
        elif would_otherwise == WouldOtherwise.WORKPLACE:
            self._commute(band, usual_mode, count)

    def _commute(self, band: str, usual_mode: str, count: int) -> None:
        if band not in BAND_KM:
            self.without_distance += count
            return
        if usual_mode not in TravelMode.values:
            self.without_usual_mode += count
            return
        self.commuters += count
        near, far = BAND_KM[band]
        # One round trip: there and back.
        self.pkm_low[usual_mode] = self.pkm_low.get(usual_mode, ZERO) + 2 * near * count
        self.pkm_high[usual_mode] = self.pkm_high.get(usual_mode, ZERO) + 2 * far * count


def estimate(
    answers: Mapping[str, int],
    factors: Sequence[FactorData],
    *,
    working_days: int | None = None,
) -> CommutingEstimate:
    """The commuting avoided in a period, from survey answer counts and emission factors.

    ``working_days`` (the office's working days in the period) adds the
    CO₂ range per working day; without it that figure is ``None``.
    """
    tally = _Tally()
    for key, count in answers.items():
        tally.add(key, count)
    per_mode = mode_factors(factors)
    pkm = {mode: Range(tally.pkm_low[mode], tally.pkm_high[mode]) for mode in tally.pkm_low}
    missing = tuple(sorted(mode for mode in pkm if mode not in per_mode))
    grams = Range(
        sum((pkm[m].low * per_mode[m].low for m in pkm if m in per_mode), ZERO),
        sum((pkm[m].high * per_mode[m].high for m in pkm if m in per_mode), ZERO),
    )
    co2 = Range(grams.low / 1000, grams.high / 1000)
    per_day = None
    if working_days:
        per_day = rounded(Range(co2.low / working_days, co2.high / working_days))
    return CommutingEstimate(
        answers=tally.answers,
        commuters=tally.commuters,
        without_usual_mode=tally.without_usual_mode,
        without_distance=tally.without_distance,
        home=tally.home,
        third_places=tally.third_places,
        elsewhere=tally.elsewhere,
        pkm=pkm,
        co2_kg=co2,
        pkm_rounded={mode: rounded(span) for mode, span in pkm.items()},
        co2_kg_rounded=rounded(co2),
        per_working_day_kg=per_day,
        modes_without_factor=missing,
        too_few=tally.commuters < config.commuting_min_answers(),
        assumptions=assumptions(),
    )


def assumptions() -> tuple[str, ...]:
    """The assumptions of :func:`estimate`, in the active language, to show with it."""
    first, cap = BAND_KM[CommuteBand.UNDER_2][0], CAP_KM
    return (
        gettext(
            "Only visitors who would otherwise have worked at their usual workplace, and who "
            "said how far it is and how they usually travel there, count as a commute "
            "avoided: one round trip by their usual way of travelling."
        ),
        gettext(
            "Visitors who would otherwise have worked at home, in a café or library, or "
            "somewhere else are not counted as avoided commuting: we do not know what "
            "travel, if any, they saved."
        ),
        gettext(
            "Visitors who did not say how they usually travel are left out and counted "
            "apart, rather than guessed from how they came today."
        ),
        gettext(
            "A distance band counts from its lower to its upper bound, one way; less than "
            "2 km counts from %(first)s km, and more than 50 km is capped at %(cap)s km."
        )
        % {"first": number_format(first), "cap": number_format(cap)},
        gettext(
            "The low end takes the shortest distances with the low emission factors, the "
            "high end the longest distances with the high ones; the factors of one way of "
            "travelling are weighted by their shares."
        ),
        gettext(
            "Walking and cycling count as no emissions; a way of travelling without an "
            "emission factor adds distance but no CO₂."
        ),
        gettext(
            "Published figures are rounded to two significant figures, the low end down "
            "and the high end up."
        ),
    )
