"""What a report shows: its sections, their lines, the rates, and the keys of each line.

A *line* is a metric's total or one part of one breakdown ("bookings that
were no-shows", whatever the kind of space). Its key is the metric key with
``*`` for the parts summed over: ``*|no_show``; a metric with one part has
plain keys (``qr``), and the total's key is always ``""``. Staff reports
and the published figures share these definitions, so the public page and
the dashboard say the same things in the same order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.reports.metrics import METRICS, Metric


@dataclass(frozen=True)
class LineSpec:
    metric: str
    #: Which parts of the key get a line of their own (indices of the dimensions).
    breakdowns: tuple[int, ...] = ()
    #: Published to everyone (False: staff only, e.g. check-ins, which equal
    #: people for every kind but the staff headcount and would give hidden cells away).
    public: bool = True
    #: The key may leave parts empty (a survey question skipped): those get
    #: a line "no answer" (part ``-``), so the parts always add up to the total.
    unanswered: bool = False


@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: Promise
    lines: tuple[LineSpec, ...]


L = LineSpec
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "visits",
        _("Visits"),
        (
            L("visits.people", (0,)),
            L("visits.checkins", (0,), public=False),
            L("visits.unique"),
        ),
    ),
    SectionSpec(
        "bookings", _("Bookings"), (L("bookings.count", (1, 0)), L("bookings.waitlist_unmet"))
    ),
    SectionSpec(
        "events",
        _("Events"),
        (L("events.count", (0,)), L("events.registrations", (0,)), L("events.attendance")),
    ),
    SectionSpec(
        "meeting_place",
        _("The meeting place"),
        (L("community.profiles", (0,)), L("community.contact_requests", (0,))),
    ),
    SectionSpec(
        "dialogue",
        _("Proposals and answers"),
        (L("dialogue.proposals", (0,)), L("dialogue.supports"), L("dialogue.answers", (0,))),
    ),
    SectionSpec("problems", _("Problem reports"), (L("problems.reported", (1, 0)),)),
    SectionSpec(
        "conduct",
        pgettext_lazy("report section", "House rules"),
        (
            L("conduct.incidents", (0,)),
            L("conduct.sanctions", (0,)),
            L("conduct.appeals", (0,)),
        ),
    ),
    SectionSpec(
        "survey", _("The visitors' survey"), (L("survey.answers", (0, 1, 2, 3), unanswered=True),)
    ),
)

#: Minutes behind the rates: published only when the count they rest on is.
MINUTE_BASES: Mapping[str, str] = {
    "visits.person_minutes": "visits.people",
    "bookings.booked_minutes": "bookings.count",
}
PREMISES = ("hours.open_minutes", "hours.capacity_minutes", "hours.bookable_minutes")
HISTOGRAMS = ("dialogue.answer_days", "problems.fix_days")
#: The part of a breakdown for "no answer" (an empty part of the key).
UNANSWERED = "-"


#: The words for "by <dimension>", per metric and dimension index.
_BREAKDOWN_WORDS: Mapping[tuple[str, int], Promise] = {
    ("visits.people", 0): _("by way of checking in"),
    ("visits.checkins", 0): _("by way of checking in"),
    ("bookings.count", 0): _("by kind of space"),
    ("bookings.count", 1): _("by outcome"),
    ("events.count", 0): _("by outcome"),
    ("events.registrations", 0): _("by state"),
    ("community.profiles", 0): _("by kind of profile"),
    ("community.contact_requests", 0): _("by answer"),
    ("dialogue.proposals", 0): _("by subject"),
    ("dialogue.answers", 0): _("by timeliness"),
    ("problems.reported", 0): _("by kind of problem"),
    ("problems.reported", 1): _("by where it stands now"),
    ("conduct.incidents", 0): _("by rule"),
    ("conduct.sanctions", 0): _("by kind of decision"),
    ("conduct.appeals", 0): _("by outcome"),
    ("survey.answers", 0): _("where they would otherwise work"),
    ("survey.answers", 1): _("how they came today"),
    ("survey.answers", 2): _("how far their usual workplace is"),
    ("survey.answers", 3): _("how they usually travel there"),
}


def breakdown_words(metric: str, dimension: int) -> Promise | str:
    return _BREAKDOWN_WORDS.get((metric, dimension), "")


def marginal_key(metric: Metric, dimension: int, part: str) -> str:
    """The key of the line "part of dimension, every other part summed"."""
    if len(metric.dimensions) == 1:
        return part
    return "|".join(part if index == dimension else "*" for index in range(len(metric.dimensions)))


def line_keys(spec: LineSpec) -> list[tuple[str, int | None, str]]:
    """(key, dimension, part) of every line of a spec: the total first, then each breakdown."""
    metric = METRICS[spec.metric]
    keys: list[tuple[str, int | None, str]] = [("", None, "")]
    for dimension in spec.breakdowns:
        parts = list(metric.dimensions[dimension].values)
        if spec.unanswered:
            parts.append(UNANSWERED)
        for part in parts:
            keys.append((marginal_key(metric, dimension, part), dimension, part))
    return keys


def marginals(metric: Metric, full: Mapping[str, int], spec: LineSpec) -> dict[str, int]:
    """Every line's value of one spec from the metric's full keys (missing keys: zero)."""
    values = {key: 0 for key, _dimension, _part in line_keys(spec)}
    for key, value in full.items():
        values[""] += value
        parts = key.split("|") if metric.dimensions else []
        for dimension in spec.breakdowns:
            if dimension < len(parts):
                part = parts[dimension] or UNANSWERED
                line = marginal_key(metric, dimension, part)
                if line in values:
                    values[line] += value
    return values


def all_line_metrics() -> list[str]:
    return [line.metric for section in SECTIONS for line in section.lines]
