"""What a demo day of visits looks like: when people arrive, how long they
stay, and what they answer in the survey.

Plain functions of a seeded ``random.Random``, used by
:mod:`publicoffice.demo.visits`. The numbers are invented but plausible for
a Swedish suburb: a morning and an after-lunch peak, quieter weekends, most
people walking or coming by public transport.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta
from typing import Any

from publicoffice.core.timeutils import local_zone
from publicoffice.places.models import Office
from publicoffice.visits.models import CommuteBand, TravelMode, Visit, WouldOtherwise

SEED = "publicoffice-demo-visits"
#: Days of history before today.
HISTORY_DAYS = 28
SLOT = timedelta(minutes=15)
#: Monday to Sunday.
WEEKDAY_FACTOR = (0.95, 1.05, 1.1, 1.0, 0.8, 0.45, 0.35)

WOULD_OTHERWISE = {
    WouldOtherwise.HOME: 55,
    WouldOtherwise.WORKPLACE: 20,
    WouldOtherwise.CAFE_LIBRARY: 15,
    WouldOtherwise.OTHER: 10,
}
TRAVEL_MODE = {
    TravelMode.WALK: 46,
    TravelMode.PUBLIC_TRANSPORT: 30,
    TravelMode.BIKE: 11,
    TravelMode.CAR: 10,
    TravelMode.OTHER: 3,
}
COMMUTE_BAND = {
    CommuteBand.NONE: 30,
    CommuteBand.UNDER_2: 4,
    CommuteBand.FROM_2_TO_5: 8,
    CommuteBand.FROM_5_TO_10: 16,
    CommuteBand.FROM_10_TO_20: 23,
    CommuteBand.FROM_20_TO_50: 15,
    CommuteBand.OVER_50: 4,
}
#: How people with a workplace usually get there (the commuting estimate's way of travelling).
USUAL_MODE = {
    TravelMode.PUBLIC_TRANSPORT: 44,
    TravelMode.CAR: 31,
    TravelMode.BIKE: 12,
    TravelMode.WALK: 9,
    TravelMode.OTHER: 4,
}
#: People who would otherwise be at their workplace have one.
COMMUTE_BAND_OF_COMMUTERS = {b: w for b, w in COMMUTE_BAND.items() if b != CommuteBand.NONE}

#: (slot start, slot end, closing time of the slot's interval), all local.
Slot = tuple[datetime, datetime, datetime]


def seeded(*parts: object) -> random.Random:
    """A generator seeded by text, so every run draws the same numbers."""
    # Demo data, not secrets: a reproducible generator is the point.
    return random.Random(":".join([SEED, *map(str, parts)]))  # noqa: S311


def busyness(day: date, today: date) -> float:
    """Fewer at weekends, and slowly growing as the office gets known."""
    age = min((today - day).days, HISTORY_DAYS)
    return WEEKDAY_FACTOR[day.weekday()] * (1.0 - 0.15 * age / HISTORY_DAYS)


def arrival_weight(hour: float, weekend: bool) -> float:
    """How many arrive around a local hour: morning and after-lunch peaks."""
    if weekend:
        return 0.4 + math.exp(-((hour - 12.0) ** 2) / 4.0)
    morning = math.exp(-((hour - 9.3) ** 2) / 0.8)
    after_lunch = 0.8 * math.exp(-((hour - 13.3) ** 2) / 0.7)
    after_work = 0.35 * math.exp(-((hour - 17.6) ** 2) / 1.5)
    return 0.15 + morning + after_lunch + after_work


def slots(office: Office, day: date) -> tuple[list[Slot], list[float]]:
    """Quarter hours of a day's opening intervals and how busy each one is."""
    found: list[Slot] = []
    weights: list[float] = []
    zone = local_zone()
    for interval in office.schedule().intervals_on(day):
        opens = datetime.combine(day, interval.opens, tzinfo=zone)
        closes = datetime.combine(day, interval.closes, tzinfo=zone)
        start = opens
        while start < closes:
            end = min(start + SLOT, closes)
            weight = arrival_weight(start.hour + start.minute / 60, day.weekday() >= 5)
            if closes - start <= timedelta(minutes=45):
                weight *= 0.3  # few arrive just before closing
            found.append((start, end, closes))
            weights.append(weight)
            start = end
    return found, weights


def open_hours(day_slots: list[Slot]) -> float:
    return sum((end - start).total_seconds() for start, end, _closes in day_slots) / 3600


def arrivals(
    rng: random.Random, day_slots: list[Slot], weights: list[float], count: int
) -> list[tuple[datetime, datetime]]:
    """``count`` sorted (arrival, closing time) pairs, in whole seconds."""
    picked = rng.choices(day_slots, weights=weights, k=count) if day_slots else []
    found = []
    for start, end, closes in picked:
        seconds = int((end - start).total_seconds())
        found.append((start + timedelta(seconds=rng.randrange(seconds)), closes))
    return sorted(found)


def stay(rng: random.Random) -> timedelta:
    """How long someone who checks out stays: 30 minutes to 6 hours."""
    roll = rng.random()
    if roll < 0.3:
        return timedelta(minutes=rng.randint(30, 90))
    if roll < 0.75:
        return timedelta(minutes=rng.randint(90, 210))
    return timedelta(minutes=rng.randint(210, 360))


def _weighted(rng: random.Random, weights: dict[Any, int]) -> str:
    return str(rng.choices(list(weights), weights=list(weights.values()))[0])


def answer_survey(visit: Visit, rng: random.Random) -> None:
    """Plausible answers; now and then a question is skipped."""
    would = _weighted(rng, WOULD_OTHERWISE)
    bands = COMMUTE_BAND_OF_COMMUTERS if would == WouldOtherwise.WORKPLACE else COMMUTE_BAND
    visit.would_otherwise = would if rng.random() > 0.05 else ""
    visit.travel_mode = _weighted(rng, TRAVEL_MODE) if rng.random() > 0.1 else ""
    visit.commute_band = _weighted(rng, bands) if rng.random() > 0.2 else ""
    if visit.commute_band not in ("", CommuteBand.NONE) and rng.random() > 0.15:
        visit.usual_mode = _weighted(rng, USUAL_MODE)
