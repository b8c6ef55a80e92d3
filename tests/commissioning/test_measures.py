"""The targets' measures: worked out from the same day figures the reports read.

Hand-made roll-up rows for two offices over a four-week period, so each
measure can be checked against a sum worked out here by hand; and the
disclosure rule on a small count.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from publicoffice.commissioning.measures import is_met, read
from publicoffice.commissioning.models import Direction, Measure, Target
from publicoffice.conduct.models import Incident
from publicoffice.core.disclosure import Flag
from publicoffice.reports.periods import Period
from tests.commissioning.conftest import STOCKHOLM, publish_figures
from tests.factories import AccessibilityFactsFactory, OfficeFactory
from tests.reports.conftest import put

FEB = Period(date(2027, 2, 1), date(2027, 2, 28))  # four whole weeks


@pytest.fixture
def two_offices(world):
    second = OfficeFactory(
        municipality=world.municipality, operator=world.operator, slug="hovsjo", status="open"
    )
    for office, people in ((world.office, 70), (second, 30)):
        for week in range(4):
            day = FEB.start + timedelta(days=7 * week)
            put(office, day, "visits.people", "qr", people)
            put(office, day, "visits.person_minutes", "", people * 60)
            put(office, day, "hours.open_minutes", "", 30 * 60)
            put(office, day, "hours.capacity_minutes", "", 30 * 60 * 20)
    put(world.office, FEB.start, "events.count", "held", 6)
    put(world.office, FEB.start, "events.count", "cancelled", 2)
    put(world.office, FEB.start, "dialogue.answers", "on_time", 9)
    put(second, FEB.start, "dialogue.answers", "late", 1)
    return [world.office, second]


def test_each_measure_is_the_hand_worked_figure(two_offices):
    ids = [o.pk for o in two_offices]
    AccessibilityFactsFactory(office=two_offices[0])
    found = read(ids, FEB, public=False)
    assert found[Measure.VISITS_PER_WEEK].value == Decimal("100.0")  # (70 + 30) a week
    assert found[Measure.HOURS_PER_WEEK].value == Decimal("60.0")  # 30 h at each office
    assert found[Measure.EVENTS_PER_MONTH].value == Decimal("6.5")  # 6 held in 28 days
    assert found[Measure.ANSWERED_ON_TIME].value == Decimal("90.0")  # 9 of 10
    # 400 person-hours of 30 × 20 seat-hours a week at two offices, four weeks.
    assert found[Measure.OCCUPANCY].value == Decimal("8.3")
    assert found[Measure.INCIDENTS_HANDLED].value is None  # no incident: nothing to judge
    share = found[Measure.ACCESSIBILITY_COMPLETE].value
    assert share is not None and Decimal(0) < share < Decimal(100)


def test_incidents_handled_within_the_week(world):
    occurred = datetime(2027, 2, 3, 12, tzinfo=STOCKHOLM)
    for handled_after in (1, 2, 3, 6, 10, None):
        Incident.objects.create(
            office=world.office,
            category="other",
            occurred_at=occurred,
            handled_at=occurred + timedelta(days=handled_after) if handled_after else None,
        )
    reading = read([world.office.pk], FEB, public=False)[Measure.INCIDENTS_HANDLED]
    assert (reading.value, reading.basis) == (Decimal("66.7"), 6)  # 4 of 6 within 7 days


def test_public_readings_rest_only_on_months_the_statistics_show(world, two_offices):
    ids = [o.pk for o in two_offices]
    before = read(ids, FEB, public=True)
    assert before[Measure.VISITS_PER_WEEK].flag is Flag.NOT_PUBLISHED  # nothing published yet
    assert before[Measure.HOURS_PER_WEEK].value == Decimal("60.0")  # premises: always shown
    publish_figures(2027, now=datetime(2027, 3, 2, 12, tzinfo=STOCKHOLM))
    february = read(ids, FEB, public=True)
    assert february[Measure.VISITS_PER_WEEK].value == Decimal("100.0")
    assert february[Measure.EVENTS_PER_MONTH].value == Decimal("6.5")
    # A small March at Ronna: the statistics hide it, and February's Ronna total too
    # (else the year less February would give March away). The rates over those
    # months are hidden with them, and stay exact for staff.
    put(world.office, date(2027, 3, 1), "visits.people", "qr", 3)
    publish_figures(2027, now=datetime(2027, 4, 2, 12, tzinfo=STOCKHOLM))
    for period in (FEB, Period(FEB.start, date(2027, 3, 31))):
        assert read(ids, period, public=True)[Measure.VISITS_PER_WEEK].flag is Flag.SECONDARY
        assert read(ids, period, public=False)[Measure.VISITS_PER_WEEK].value
    # A count of 1–4 is hidden whatever the months: the rule of every public figure.
    march = Period(date(2027, 3, 1), date(2027, 3, 31))
    only_march = read([world.office.pk], march, public=True)[Measure.VISITS_PER_WEEK]
    assert only_march.value is None and only_march.hidden
    # A run of days that is not whole months is never published.
    days = read(ids, Period(date(2027, 2, 3), date(2027, 2, 20)), public=True)
    assert days[Measure.VISITS_PER_WEEK].flag is Flag.NOT_PUBLISHED


def test_a_target_is_met_in_its_direction(world):
    reading = read([world.office.pk], FEB, public=False)[Measure.HOURS_PER_WEEK]
    at_least = Target(measure=Measure.HOURS_PER_WEEK, direction=Direction.AT_LEAST, value=1)
    at_most = Target(measure=Measure.HOURS_PER_WEEK, direction=Direction.AT_MOST, value=1)
    assert reading.value == 0
    assert is_met(at_least, reading) is False
    assert is_met(at_most, reading) is True
    assert is_met(at_least, None) is None
