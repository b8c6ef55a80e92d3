"""A small, independent evaluator of OpenStreetMap ``opening_hours`` text.

It understands the subset our export writes (weekday ranges, ``PH``,
``YYYY Mon DD`` dates, ``off`` and comma-separated time ranges) and follows
the specification's rule: a later rule that matches a day replaces what
earlier rules said about that day. Written separately from the exporter so
that the property tests compare two independent readings of the hours.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

import holidays

DAYS = {"Mo": 0, "Tu": 1, "We": 2, "Th": 3, "Fr": 4, "Sa": 5, "Su": 6}
MONTHS = {
    name: index
    for index, name in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        start=1,
    )
}
DATE_RULE = re.compile(r"^(\d{4}) ([A-Z][a-z]{2}) (\d{2}) (.+)$")
WEEKDAY_RULE = re.compile(r"^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))? (.+)$")


@lru_cache(maxsize=16)
def _public_holidays(year: int) -> frozenset[date]:
    """``PH`` as other readers of the text understand it: the public holidays
    in law. Midsummer Eve, Christmas Eve and New Year's Eve are not among them."""
    return frozenset(holidays.country_holidays("SE", years=year, categories=("public",)))


def is_public_holiday(day: date) -> bool:
    return day in _public_holidays(day.year)


def _times(text: str) -> list[tuple[time, time]]:
    if text == "off":
        return []
    ranges = []
    for part in text.split(","):
        start, end = part.split("-")
        ranges.append((time.fromisoformat(start), time.fromisoformat(end)))
    return ranges


def intervals_on(rules_text: str, day: date) -> list[tuple[time, time]]:
    state: list[tuple[time, time]] = []
    if rules_text == "off":
        return state
    for rule in rules_text.split("; "):
        if match := DATE_RULE.match(rule):
            year, month, dom, times = match.groups()
            if day == date(int(year), MONTHS[month], int(dom)):
                state = _times(times)
        elif rule.startswith("PH "):
            if is_public_holiday(day):
                state = _times(rule[3:])
        elif match := WEEKDAY_RULE.match(rule):
            first, last, times = match.groups()
            low, high = DAYS[first], DAYS[last or first]
            if low <= day.weekday() <= high:
                state = _times(times)
        else:
            raise ValueError(f"rule not understood: {rule!r}")
    return state


def is_open(rules_text: str, local: datetime) -> bool:
    wall = local.time().replace(tzinfo=None)
    return any(start <= wall < end for start, end in intervals_on(rules_text, local.date()))
