""" "This week" is the calendar week, Monday to Sunday, on the Stockholm clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from publicoffice.events.selectors import week_bounds

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(
    ("reading_at", "monday", "next_monday"),
    [
        # A Wednesday morning.
        (datetime(2026, 11, 25, 8, 0), datetime(2026, 11, 23), datetime(2026, 11, 30)),
        # Sunday just before midnight still belongs to the week that began on Monday.
        (datetime(2026, 11, 29, 23, 59), datetime(2026, 11, 23), datetime(2026, 11, 30)),
        # Monday at midnight starts a new week.
        (datetime(2026, 11, 30, 0, 0), datetime(2026, 11, 30), datetime(2026, 12, 7)),
        # The week of the autumn clock change has 169 hours.
        (datetime(2026, 10, 28, 12, 0), datetime(2026, 10, 26), datetime(2026, 11, 2)),
        (datetime(2026, 10, 20, 12, 0), datetime(2026, 10, 19), datetime(2026, 10, 26)),
    ],
)
def test_the_week_runs_from_monday_to_monday_local_time(settings, reading_at, monday, next_monday):
    start, end = week_bounds(reading_at.replace(tzinfo=STOCKHOLM))
    assert start == monday.replace(tzinfo=STOCKHOLM)
    assert end == next_monday.replace(tzinfo=STOCKHOLM)
    assert start.astimezone(STOCKHOLM).hour == 0
    assert end.astimezone(STOCKHOLM).weekday() == 0


def test_the_week_with_the_spring_change_is_an_hour_shorter(settings):
    start, end = week_bounds(datetime(2026, 3, 25, 12, 0, tzinfo=STOCKHOLM))
    assert end.timestamp() - start.timestamp() == 7 * 24 * 3600 - 3600
