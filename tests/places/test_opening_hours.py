"""Opening hours: examples, daylight-saving edges and property tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from publicoffice.places.opening_hours import (
    DayException,
    Interval,
    OpeningSchedule,
)
from tests.places import osm_evaluator

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WEEKDAYS_9_TO_17 = {d: (Interval(time(9), time(17)),) for d in range(5)}


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=STOCKHOLM)  # type: ignore[misc]


def schedule(**kwargs) -> OpeningSchedule:
    kwargs.setdefault("weekly", WEEKDAYS_9_TO_17)
    return OpeningSchedule(zone=STOCKHOLM, **kwargs)


class TestIsOpen:
    def test_open_inside_hours_closed_outside(self):
        s = schedule()
        assert s.is_open(at(2026, 11, 25, 9, 0))  # Wednesday
        assert s.is_open(at(2026, 11, 25, 16, 59, 59))
        assert not s.is_open(at(2026, 11, 25, 17, 0))  # half-open: closes at 17
        assert not s.is_open(at(2026, 11, 25, 8, 59))
        assert not s.is_open(at(2026, 11, 28, 12, 0))  # Saturday

    def test_public_holiday_is_closed_unless_stated(self):
        christmas_day = date(2026, 12, 25)  # a Friday
        assert not schedule().is_open(at(2026, 12, 25, 12))
        special = schedule(
            exceptions={christmas_day: DayException(False, (Interval(time(10), time(14)),))}
        )
        assert special.is_open(at(2026, 12, 25, 12))
        assert not special.is_open(at(2026, 12, 25, 15))

    def test_closed_exception_wins_over_weekly_hours(self):
        s = schedule(exceptions={date(2026, 11, 25): DayException(True)})
        assert not s.is_open(at(2026, 11, 25, 12))
        assert s.is_open(at(2026, 11, 26, 12))

    def test_same_moment_in_another_zone_gives_same_answer(self):
        s = schedule()
        assert s.is_open(datetime(2026, 11, 25, 8, 30, tzinfo=UTC))  # 09:30 in Stockholm

    def test_naive_datetime_is_refused(self):
        with pytest.raises(ValueError, match="naive"):
            schedule().is_open(datetime(2026, 11, 25, 12))


class TestNextChange:
    def test_closes_at_five_then_opens_next_morning(self):
        s = schedule()
        assert s.next_change(at(2026, 11, 25, 12)) == at(2026, 11, 25, 17)
        assert s.next_change(at(2026, 11, 25, 17)) == at(2026, 11, 26, 9)

    def test_skips_weekend_and_holiday(self):
        s = schedule()
        # Friday 2026-12-25 and Saturday are closed; Monday 28th opens.
        assert s.next_change(at(2026, 12, 24, 18)) == at(2026, 12, 28, 9)

    def test_no_hours_means_no_change(self):
        assert OpeningSchedule(weekly={}, zone=STOCKHOLM).next_change(at(2026, 1, 1)) is None

    def test_open_until_only_when_open(self):
        s = schedule()
        assert s.open_until(at(2026, 11, 25, 10)) == at(2026, 11, 25, 17)
        assert s.open_until(at(2026, 11, 25, 18)) is None


class TestDaylightSaving:
    """Europe/Stockholm: 2026-03-29 02:00→03:00 and 2026-10-25 03:00→02:00."""

    def test_interval_in_skipped_spring_hour_starts_when_clock_jumps(self):
        # Sunday 29 March 2026, open 01:00–04:00 by wall clock.
        s = OpeningSchedule(weekly={6: (Interval(time(1), time(4)),)}, zone=STOCKHOLM)
        before = at(2026, 3, 29, 0, 30)
        assert s.next_change(before) == at(2026, 3, 29, 1, 0)
        opened = s.next_change(before)
        # Open for only two real hours: 01:00 CET to 04:00 CEST.
        assert s.next_change(opened) == at(2026, 3, 29, 4, 0)
        assert s.next_change(opened) - opened == timedelta(hours=2)

    def test_opening_inside_the_gap_means_opening_at_three(self):
        s = OpeningSchedule(weekly={6: (Interval(time(2, 30), time(5)),)}, zone=STOCKHOLM)
        change = s.next_change(at(2026, 3, 29, 1, 0))
        assert change == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 03:00 CEST
        assert s.is_open(change)
        assert not s.is_open(change - timedelta(seconds=1))

    def test_repeated_autumn_hour_is_open_twice(self):
        # Sunday 25 October 2026, open 02:15–02:45 by wall clock: happens twice.
        s = OpeningSchedule(weekly={6: (Interval(time(2, 15), time(2, 45)),)}, zone=STOCKHOLM)
        start = datetime(2026, 10, 24, 23, 0, tzinfo=UTC)
        changes = []
        moment = start
        for _ in range(4):
            moment = s.next_change(moment)
            changes.append(moment)
        assert changes == [
            datetime(2026, 10, 25, 0, 15, tzinfo=UTC),  # 02:15 CEST
            datetime(2026, 10, 25, 0, 45, tzinfo=UTC),  # 02:45 CEST
            datetime(2026, 10, 25, 1, 15, tzinfo=UTC),  # 02:15 CET
            datetime(2026, 10, 25, 1, 45, tzinfo=UTC),  # 02:45 CET
        ]

    def test_booking_style_interval_over_autumn_change_lasts_an_hour_longer(self):
        s = OpeningSchedule(weekly={6: (Interval(time(1), time(4)),)}, zone=STOCKHOLM)
        opens = s.next_change(datetime(2026, 10, 24, 22, 0, tzinfo=UTC))
        closes = s.next_change(opens)
        assert closes - opens == timedelta(hours=4)


class TestExports:
    def test_osm_text_groups_days_and_lists_exceptions(self):
        s = schedule(
            weekly={**WEEKDAYS_9_TO_17, 5: (Interval(time(10), time(14)),)},
            exceptions={
                date(2026, 12, 24): DayException(False, (Interval(time(10), time(13)),)),
                date(2026, 11, 30): DayException(True),
                date(2025, 1, 1): DayException(True),  # past: left out
            },
        )
        assert s.to_osm(date(2026, 11, 23)) == (
            "Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off; 2026 Nov 30 off; 2026 Dec 24 10:00-13:00; "
            # The eves are no PH: written out where the week would open (not on Sundays).
            "2026 Dec 31 off; 2027 Jun 25 off; 2027 Dec 24 off; 2027 Dec 31 off; 2028 Jun 23 off"
        )

    @pytest.mark.parametrize(
        "eve",
        [date(2026, 6, 19), date(2026, 12, 24), date(2026, 12, 31), date(2027, 12, 24)],
        ids=["midsummer-eve", "christmas-eve", "new-years-eve", "christmas-eve-next-year"],
    )
    def test_osm_readers_see_the_eves_closed(self, eve):
        """``PH`` is the public holidays in law; other parsers read the eves as open."""
        s = schedule()
        assert eve.weekday() < 5 and not s.is_open(at(eve.year, eve.month, eve.day, 12))
        assert not osm_evaluator.is_public_holiday(eve)
        text = s.to_osm(date(2026, 1, 1))
        assert f"{eve.year} {eve:%b} {eve.day:02d} off" in text
        assert not osm_evaluator.is_open(text, at(eve.year, eve.month, eve.day, 12))
        # An ordinary Friday stays open, and hours given for an eve win.
        assert osm_evaluator.is_open(text, at(2026, 6, 12, 12))
        special = schedule(exceptions={eve: DayException(False, (Interval(time(9), time(13)),))})
        assert osm_evaluator.is_open(special.to_osm(date(2026, 1, 1)), at(*eve.timetuple()[:3], 12))

    def test_osm_lunch_break_and_empty(self):
        lunch = {0: (Interval(time(9), time(12)), Interval(time(13), time(17)))}
        assert OpeningSchedule(weekly=lunch, zone=STOCKHOLM).to_osm(date(2026, 1, 1)) == (
            "Mo 09:00-12:00,13:00-17:00; PH off"
        )
        assert OpeningSchedule(weekly={}, zone=STOCKHOLM).to_osm(date(2026, 1, 1)) == "off"

    def test_schema_org_weekly_and_closed_dates(self):
        s = schedule(exceptions={date(2026, 11, 30): DayException(True)})
        specs = s.to_schema_org(date(2026, 11, 23), days=40)
        weekly = specs[0]
        assert weekly["dayOfWeek"] == [
            f"https://schema.org/{d}"
            for d in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        ]
        assert (weekly["opens"], weekly["closes"]) == ("09:00", "17:00")
        closed = [sp for sp in specs if sp.get("validFrom") == "2026-11-30"]
        assert closed == [
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": "2026-11-30",
                "validThrough": "2026-11-30",
                "opens": "00:00",
                "closes": "00:00",
            }
        ]
        # Christmas Eve and Day fall inside the window and are listed as closed.
        assert {sp.get("validFrom") for sp in specs} >= {"2026-12-24", "2026-12-25"}


# -- property tests --------------------------------------------------------

minutes = st.integers(min_value=0, max_value=24 * 60 - 1)


@st.composite
def intervals(draw) -> tuple[Interval, ...]:
    points = sorted(draw(st.sets(minutes, min_size=0, max_size=4)))
    if len(points) % 2:
        points = points[:-1]
    return tuple(
        Interval(time(a // 60, a % 60), time(b // 60, b % 60))
        for a, b in zip(points[::2], points[1::2], strict=True)
    )


# Moments between late 2025 and 2027 cover both daylight-saving changes
# twice; the dates below are forced in as well.
DST_DAYS = [date(2026, 3, 29), date(2026, 10, 25), date(2027, 3, 28), date(2027, 10, 31)]
START = datetime(2025, 12, 1, tzinfo=UTC)
SPAN_SECONDS = int((datetime(2027, 11, 30, tzinfo=UTC) - START).total_seconds())


@st.composite
def moments(draw) -> datetime:
    if draw(st.booleans()):
        day = draw(st.sampled_from(DST_DAYS))
        base = datetime.combine(day, time(0), tzinfo=STOCKHOLM).astimezone(UTC)
        return base + timedelta(minutes=draw(st.integers(min_value=-60, max_value=5 * 60)))
    return START + timedelta(seconds=draw(st.integers(min_value=0, max_value=SPAN_SECONDS)))


@st.composite
def schedules(draw) -> OpeningSchedule:
    weekly = {day: draw(intervals()) for day in range(7)}
    exception_days = draw(
        st.lists(
            st.one_of(
                st.sampled_from([*DST_DAYS, date(2026, 12, 25), date(2026, 6, 19)]),
                st.dates(min_value=date(2025, 12, 1), max_value=date(2027, 11, 30)),
            ),
            max_size=6,
            unique=True,
        )
    )
    exceptions = {}
    for day in exception_days:
        hours = draw(intervals())
        exceptions[day] = DayException(not hours, hours)
    return OpeningSchedule(weekly=weekly, exceptions=exceptions, zone=STOCKHOLM)


@settings(max_examples=300, deadline=None)
@given(s=schedules(), moment=moments())
def test_is_open_agrees_with_the_osm_export(s: OpeningSchedule, moment: datetime) -> None:
    text = s.to_osm(date(2025, 1, 1))
    assert s.is_open(moment) == osm_evaluator.is_open(text, moment.astimezone(STOCKHOLM))


@settings(max_examples=300, deadline=None)
@given(s=schedules(), moment=moments(), fraction=st.floats(min_value=0, max_value=1))
def test_next_change_is_the_first_moment_the_answer_changes(
    s: OpeningSchedule, moment: datetime, fraction: float
) -> None:
    state = s.is_open(moment)
    change = s.next_change(moment)
    if change is None:
        return
    assert change > moment
    assert s.is_open(change) != state
    # Nothing changes in between: probe a random moment and the last second.
    between = moment + (change - moment) * fraction
    if between < change:
        assert s.is_open(between) == state
    if change - timedelta(seconds=1) > moment:
        assert s.is_open(change - timedelta(seconds=1)) == state
    # And the OSM reading agrees at the change.
    text = s.to_osm(date(2025, 1, 1))
    assert osm_evaluator.is_open(text, change.astimezone(STOCKHOLM)) == s.is_open(change)
