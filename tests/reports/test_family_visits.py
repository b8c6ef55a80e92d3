"""The visits family against hand-counted days: DST changes, the year boundary, the roll-up."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from publicoffice.places.facts import Family
from publicoffice.reports.families import Row
from publicoffice.reports.families.visits import compute
from publicoffice.reports.models import StaleDay
from publicoffice.visits import services
from publicoffice.visits.models import DailyUniqueVisitors, Source, Visit, VisitAggregate
from publicoffice.visits.retention import visits_roll_up
from publicoffice.visits.selectors import count_unique
from tests.factories import HoursExceptionFactory, OfficeFactory, UserFactory, WeeklyHoursFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SPRING = date(2026, 3, 29)  # clocks go from 02:00 to 03:00
AUTUMN = date(2026, 10, 25)  # clocks go from 03:00 back to 02:00
NEW_YEARS_EVE = date(2025, 12, 31)
NEW_YEAR = date(2026, 1, 1)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=STOCKHOLM)


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


@pytest.fixture
def office():
    """Open every day 00:00–23:59, also on the two holidays of the year boundary."""
    office = OfficeFactory(capacity=10)
    for weekday in range(7):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(0), closes=time(23, 59))
    for day in (NEW_YEARS_EVE, NEW_YEAR):
        HoursExceptionFactory(
            office=office, date=day, is_closed=False, opens=time(0), closes=time(23, 59)
        )
    return office


@pytest.fixture
def other_office():
    office = OfficeFactory(capacity=5)
    for weekday in range(7):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(18))
    return office


def qr(office, at: datetime, device: str):
    return services.visit_check_in(office=office, source=Source.QR, at=at, device_hash=device).visit


@pytest.fixture
def history(office, other_office):
    host = UserFactory()
    member = UserFactory()
    # Spring: 01:30 winter time, out at 03:10 summer time = 40 real minutes.
    early = qr(office, local(SPRING, 1, 30), "a")
    services.visit_check_out(visit=early, at=local(SPRING, 3, 10))
    later = qr(office, local(SPRING, 3, 15), "b")
    services.visit_answer_survey(
        visit=later,
        would_otherwise="home",
        travel_mode="walk",
        commute_band="5-10",
        usual_mode="car",
        at=local(SPRING, 3, 20),
    )
    services.visit_check_out(visit=later, at=local(SPRING, 4, 15))
    # The member stays until the maximum stay (8 hours).
    services.visit_check_in(
        office=office, source=Source.MEMBER, at=local(SPRING, 10), member=member
    )
    services.headcount_add(office=office, people=3, by=host, at=local(SPRING, 12))
    wrong = services.headcount_add(office=office, people=5, by=host, at=local(SPRING, 13))
    services.headcount_correct(visit=wrong, people=0, by=host, reason="Fel kontor")
    # Autumn: both arrivals at 02:30 on the wall clock, an hour apart.
    first = qr(office, utc(AUTUMN, 0, 30), "c")
    services.visit_check_out(visit=first, at=utc(AUTUMN, 1, 45))  # 75 real minutes
    second = qr(office, utc(AUTUMN, 1, 30), "d")
    services.visit_answer_survey(visit=second, travel_mode="bike", at=utc(AUTUMN, 1, 35))
    services.visit_check_out(visit=second, at=utc(AUTUMN, 1, 40))
    skipped = qr(other_office, local(AUTUMN, 9), "e")
    services.visit_answer_survey(visit=skipped, at=local(AUTUMN, 9, 5))
    # The year boundary: 23:30 on New Year's Eve, closing at 23:59.
    services.headcount_add(office=office, people=2, by=host, at=local(NEW_YEARS_EVE, 23, 30))
    # 00:10 local on New Year's Day is still 31 December in UTC.
    new_year = qr(office, local(NEW_YEAR, 0, 10), "f")
    services.visit_check_out(visit=new_year, at=local(NEW_YEAR, 0, 40))
    return office


def expected(office, other_office) -> set[Row]:
    a, b = office.pk, other_office.pk
    return {
        # Spring day.
        Row(a, SPRING, "visits.checkins", "qr", 2),
        Row(a, SPRING, "visits.checkins", "member", 1),
        Row(a, SPRING, "visits.checkins", "staff", 1),
        Row(a, SPRING, "visits.people", "qr", 2),
        Row(a, SPRING, "visits.people", "member", 1),
        Row(a, SPRING, "visits.people", "staff", 3),
        Row(a, SPRING, "visits.hourly", "01", 1),
        Row(a, SPRING, "visits.hourly", "03", 1),
        Row(a, SPRING, "visits.hourly", "10", 1),
        Row(a, SPRING, "visits.hourly", "12", 3),
        Row(a, SPRING, "visits.unique", "", 2 + 1 + 3),
        Row(a, SPRING, "visits.person_minutes", "", 40 + 60 + 480 + 3 * 480),
        Row(a, SPRING, "survey.answers", "home|walk|5-10|car", 1),
        # Autumn day.
        Row(a, AUTUMN, "visits.checkins", "qr", 2),
        Row(a, AUTUMN, "visits.people", "qr", 2),
        Row(a, AUTUMN, "visits.hourly", "02", 2),
        Row(a, AUTUMN, "visits.unique", "", 2),
        Row(a, AUTUMN, "visits.person_minutes", "", 75 + 10),
        Row(a, AUTUMN, "survey.answers", "|bike||", 1),
        Row(b, AUTUMN, "visits.checkins", "qr", 1),
        Row(b, AUTUMN, "visits.people", "qr", 1),
        Row(b, AUTUMN, "visits.hourly", "09", 1),
        Row(b, AUTUMN, "visits.unique", "", 1),
        Row(b, AUTUMN, "visits.person_minutes", "", 8 * 60),  # the maximum stay
        # The year boundary.
        Row(a, NEW_YEARS_EVE, "visits.checkins", "staff", 1),
        Row(a, NEW_YEARS_EVE, "visits.people", "staff", 2),
        Row(a, NEW_YEARS_EVE, "visits.hourly", "23", 2),
        Row(a, NEW_YEARS_EVE, "visits.unique", "", 2),
        Row(a, NEW_YEARS_EVE, "visits.person_minutes", "", 2 * 29),
        Row(a, NEW_YEAR, "visits.checkins", "qr", 1),
        Row(a, NEW_YEAR, "visits.people", "qr", 1),
        Row(a, NEW_YEAR, "visits.hourly", "00", 1),
        Row(a, NEW_YEAR, "visits.unique", "", 1),
        Row(a, NEW_YEAR, "visits.person_minutes", "", 30),
    }


def test_every_metric_is_hand_counted(history, other_office):
    rows = set(compute(None, date(2025, 12, 1), date(2026, 11, 30)))
    assert rows == expected(history, other_office)


def test_offices_and_days_narrow_the_rows(history, other_office):
    rows = set(compute([other_office.pk], AUTUMN, AUTUMN))
    assert rows == {r for r in expected(history, other_office) if r.office_id == other_office.pk}
    assert set(compute(None, NEW_YEAR, NEW_YEAR)) == {
        r for r in expected(history, other_office) if r.day == NEW_YEAR
    }


def test_unique_visitors_agree_with_count_unique(history):
    rows = {
        (r.day, r.value)
        for r in compute([history.pk], SPRING, SPRING)
        if r.metric == "visits.unique"
    }
    counted = Visit.objects.filter(
        office=history,
        removed_at__isnull=True,
        started_at__gte=local(SPRING, 0),
        started_at__lt=local(date(2026, 3, 30), 0),
    )
    assert rows == {(SPRING, count_unique(counted))}


def test_the_figures_do_not_change_when_the_visits_are_rolled_up(history, other_office):
    before = set(compute(None, date(2025, 12, 1), date(2026, 11, 30)))
    StaleDay.objects.all().delete()
    with time_machine.travel(datetime(2027, 6, 1, 12, tzinfo=STOCKHOLM), tick=False):
        visits_roll_up()
    assert not Visit.objects.exists()
    assert VisitAggregate.objects.exists() and DailyUniqueVisitors.objects.exists()
    assert set(compute(None, date(2025, 12, 1), date(2026, 11, 30))) == before
    # The roll-up tells the reports about every office day it rolled up.
    marked = set(StaleDay.objects.values_list("office_id", "day", "family"))
    assert marked == {(office_id, day, Family.VISITS.value) for office_id, day, *_rest in before}


def test_a_year_for_every_office_is_a_few_queries(history, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        rows = list(compute(None, date(2025, 6, 1), date(2026, 5, 31)))
    assert rows
