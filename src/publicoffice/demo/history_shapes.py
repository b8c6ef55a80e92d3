"""What the demo's year looks like: seasons, school holidays, a growing and a small office.

Plain functions of dates and seeded generators, used by
:mod:`publicoffice.demo.history`. The numbers are invented but shaped like
a Swedish year: quiet in July and over Christmas, a little quieter in the
school holidays (sportlov, påsklov, höstlov), and the network slowly
growing. Hovsjö opened about eight months ago and grows month by month;
Hallunda is a small meeting place whose counts are so small that the
disclosure rule hides some of them in the public tables.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from publicoffice.demo import visit_shapes
from publicoffice.places.models import SpaceKind

SEED = "publicoffice-demo-history"
#: The office that opened during the year, and how many days before today.
NEW_OFFICE = "hovsjo"
NEW_OFFICE_OPENED_DAYS_AGO = 240
#: The small office: a fraction of the visitors its size would suggest.
SMALL_OFFICE = "hallunda"
SMALL_FACTOR = 0.15
#: The busiest office, where many would otherwise have commuted to a workplace.
BUSIEST_OFFICE = "flemingsberg"
#: The whole network a year ago, as a share of its size today.
YEAR_AGO = 0.8

#: Booking outcomes of past days and their shares (per cent).
PAST_BOOKING_OUTCOMES = {"attended": 78, "no_show": 8, "cancelled": 12, "rejected": 2}
#: Bookings per bookable space and open day, by kind of space.
BOOKINGS_PER_DAY = {
    SpaceKind.DESK: 0.7,
    SpaceKind.MEETING_ROOM: 1.2,
    SpaceKind.WORKSHOP: 0.5,
    SpaceKind.HALL: 0.4,
}
BOOKING_MINUTES = {
    SpaceKind.DESK: (120, 180, 240, 480),
    SpaceKind.MEETING_ROOM: (60, 60, 90, 120),
    SpaceKind.WORKSHOP: (120, 180),
    SpaceKind.HALL: (120, 180, 240),
}


def seeded(*parts: object) -> random.Random:
    """A generator seeded by text, so every run draws the same numbers."""
    # Demo data, not secrets: a reproducible generator is the point.
    return random.Random(":".join([SEED, *map(str, parts)]))  # noqa: S311


def first_day(today: date) -> date:
    """The first day of history: the first of the month a year before this month."""
    return date(today.year - 1, today.month, 1)


def easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def school_holiday(day: date) -> bool:
    """Stockholm-area school holidays, roughly: sportlov, påsklov, höstlov, Christmas."""
    week = day.isocalendar().week
    if week in (9, 44):
        return True
    monday_after_easter = easter(day.year) + timedelta(days=1)
    if monday_after_easter <= day < monday_after_easter + timedelta(days=5):
        return True
    return (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 6)


def season(day: date) -> float:
    """Summer and holidays are quieter; July is the quietest month."""
    if day.month == 7:
        return 0.45
    if (day.month == 6 and day.day >= 15) or (day.month == 8 and day.day <= 15):
        return 0.7
    return 0.75 if school_holiday(day) else 1.0


def growth(slug: str, day: date, today: date) -> float:
    """How far along the office is: the network grows slowly, the new office fast."""
    age = (today - day).days
    if slug == NEW_OFFICE:
        if age > NEW_OFFICE_OPENED_DAYS_AGO:
            return 0.0
        return 1.0 - 0.75 * age / NEW_OFFICE_OPENED_DAYS_AGO
    trend = 1.0 - (1.0 - YEAR_AGO) * min(age, 365) / 365
    return trend * size(slug)


def size(slug: str) -> float:
    """The small office has a fraction of the visitors its size suggests, all year."""
    return SMALL_FACTOR if slug == SMALL_OFFICE else 1.0


def busyness(slug: str, day: date, today: date) -> float:
    """Weekday, season and growth together: the ``busyness`` of a demo day of visits."""
    return visit_shapes.WEEKDAY_FACTOR[day.weekday()] * season(day) * growth(slug, day, today)


def pick(rng: random.Random, weights: Mapping[Any, int]) -> str:
    return str(rng.choices(list(weights), weights=list(weights.values()))[0])


def answer_days(rng: random.Random, due_in: int, late_share: float) -> int:
    """Calendar days to a first answer: mostly within ``due_in``, sometimes late."""
    if rng.random() < late_share:
        return due_in + rng.randint(1, 12)
    return rng.randint(1, due_in)
