"""The commuting a plan might avoid: the newly reached residents times a daily uptake.

What a visit avoids comes from the network's own check-in survey, worked out
by :func:`publicoffice.reports.commuting.estimate` with the emission factors
in force: its CO₂ range divided by the survey answers is the CO₂ avoided per
visit, an average over every visitor who answered (most avoid nothing: they
would otherwise have worked at home). How many newly reached residents would
come on a working day is not known before the office opens, so it is a range
of assumptions (:data:`UPTAKE`), stated with the figures. The result is a
range, rounded outwards like every published commuting figure.

:func:`commute_range` is pure (a worked example is a test);
:func:`survey_basis` reads the answers of the last year and the factors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from publicoffice.reports import figures
from publicoffice.reports.commuting import FactorData, Range, estimate, rounded
from publicoffice.reports.commuting_selectors import factors_in_force
from publicoffice.reports.periods import Period
from publicoffice.reports.scopes import network_scope

#: Share of the newly reached residents who would work from the office on a
#: working day (visits per resident per working day), low and high. Not
#: measured: about half of residents work, a third of those could work away
#: from their workplace a day or two a week, and a few in a hundred of those
#: days at a nearby free office gives 0.1 %–0.5 %. Stated with every figure.
UPTAKE = Range(Decimal("0.001"), Decimal("0.005"))
#: Working days in a year (Sweden: about 250 after weekends and public holidays).
WORKING_DAYS_PER_YEAR = 250
#: The survey answers read: the last year of the whole network.
SURVEY_DAYS = 365


def _pair(span: Range | None) -> list[str] | None:
    """A range as two decimal strings: JSON keeps them exact and small."""
    return None if span is None else [str(span.low), str(span.high)]


def commute_range(
    residents: int,
    answers: Mapping[str, int],
    factors: Sequence[FactorData],
    *,
    uptake: Range = UPTAKE,
) -> dict[str, Any]:
    """Visits and CO₂ per working day and per year for ``residents`` newly reached.

    JSON-ready: ranges are ``[low, high]`` decimal strings. The CO₂ figures
    are ``None`` when the survey has too few commuters to say anything.
    """
    found = estimate(answers, factors)
    visits = Range(residents * uptake.low, residents * uptake.high)
    per_visit: Range | None = None
    per_day: Range | None = None
    per_year: Range | None = None
    if not found.too_few and found.answers > 0:
        per_visit = Range(found.co2_kg.low / found.answers, found.co2_kg.high / found.answers)
        day = Range(visits.low * per_visit.low, visits.high * per_visit.high)
        per_day = rounded(day)
        per_year = rounded(Range(day.low * WORKING_DAYS_PER_YEAR, day.high * WORKING_DAYS_PER_YEAR))
    return {
        "residents": residents,
        "uptake": _pair(uptake),
        "visits_per_day": _pair(rounded(visits)),
        "kg_per_visit": _pair(None if per_visit is None else rounded(per_visit)),
        "kg_per_day": _pair(per_day),
        "kg_per_year": _pair(per_year),
        "answers": found.answers,
        "commuters": found.commuters,
        "too_few": found.too_few,
        "working_days": WORKING_DAYS_PER_YEAR,
    }


def survey_basis() -> tuple[dict[str, int], list[FactorData]]:
    """The whole network's survey answers of the last year, and the factors in force."""
    today = timezone.localdate()
    period = Period.custom(today - timedelta(days=SURVEY_DAYS - 1), today)
    totals = figures.totals(network_scope(), period, ["survey.answers"])
    return dict(totals.get("survey.answers", {})), factors_in_force()


def commute_for(residents: int) -> dict[str, Any]:
    """The estimate for ``residents`` newly reached, from the survey as it stands."""
    answers, factors = survey_basis()
    return commute_range(residents, answers, factors)


def assumptions(uptake: Range = UPTAKE) -> list[str]:
    """What the estimate assumes, in the active language, to print beside it."""
    return [
        gettext(
            "Between %(low)s %% and %(high)s %% of the newly reached residents would work "
            "from the office on a given working day. This is an assumption, not a "
            "measurement: about half of residents work, a third of them could work away "
            "from their workplace a day or two a week, and a few of those days would be "
            "spent at a nearby free office."
        )
        % {
            "low": number_format(uptake.low * 100, decimal_pos=1),
            "high": number_format(uptake.high * 100, decimal_pos=1),
        },
        gettext(
            "The CO₂ a visit avoids is the average over every visitor who answered the "
            "check-in survey at the network's offices in the last year; most would "
            "otherwise have worked at home and avoided nothing."
        ),
        gettext("A year counts %(days)s working days.") % {"days": WORKING_DAYS_PER_YEAR},
        gettext(
            "With too few survey answers about commuting, only the visits are estimated, "
            "not the CO₂."
        ),
    ]
