"""Figures by hour, unique visitors, and the retention roll-up."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from publicoffice.visits import services
from publicoffice.visits.models import DailyUniqueVisitors, Source, Visit, VisitAggregate
from publicoffice.visits.retention import retention_cutoff, visits_roll_up
from publicoffice.visits.selectors import figures, unique_visitors, visits_by_hour
from publicoffice.visits.tasks import next_night, roll_up_visits_nightly
from tests.factories import UserFactory
from tests.visits.conftest import STOCKHOLM

pytestmark = pytest.mark.django_db

DAY = date(2026, 8, 12)  # a Wednesday, more than 90 days before November


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


@pytest.fixture
def history(office, host):
    """A day of varied visits: repeat devices, a member, survey answers, staff counts."""
    member = UserFactory()
    for n, (hour, device, answers) in enumerate(
        [
            (9, "a", {"would_otherwise": "home", "travel_mode": "walk", "commute_band": "5-10"}),
            (9, "b", {"travel_mode": "bike"}),
            (10, "c", {}),
            (11, "a", {}),  # device a again, after checking out
            (13, "d", {"would_otherwise": "cafe_library", "commute_band": "0-2"}),
        ]
    ):
        visit = services.visit_check_in(
            office=office, source=Source.QR, at=at(hour, n), device_hash=f"hash-{device}"
        ).visit
        if answers:
            services.visit_answer_survey(visit=visit, at=at(hour, n), **answers)
        services.visit_check_out(visit=visit, at=at(hour, 30 + n))
    services.visit_check_in(office=office, source=Source.MEMBER, at=at(10, 15), member=member)
    services.headcount_add(office=office, people=3, by=host, at=at(14))
    removed = services.headcount_add(office=office, people=5, by=host, at=at(15))
    services.headcount_correct(visit=removed, people=0, by=host, reason="Fel kontor")
    # Another day, inside the retention period, that must stay raw.
    services.headcount_add(office=office, people=2, by=host, at=at(10, day=date(2026, 11, 20)))


def test_figures_by_hour_and_unique_visitors(office, history):
    assert [(hour.hour, people) for hour, people in visits_by_hour(office=office, day=DAY)] == [
        (9, 2),
        (10, 2),
        (11, 1),
        (13, 1),
        (14, 3),
    ]
    # Devices a, b, c, d; one member; three people counted by staff.
    assert unique_visitors(office=office, day=DAY) == 8
    result = figures(office=office, start=DAY, end=DAY)
    assert (result["visits"], result["people"]) == (7, 9)
    assert result["source"] == {"member": 1, "qr": 5, "staff": 3}
    assert result["travel_mode"] == {"bike": 1, "walk": 1}
    assert result["would_otherwise"] == {"cafe_library": 1, "home": 1}


def test_roll_up_keeps_every_figure_and_deletes_the_raw_rows(office, history):
    before_hours = visits_by_hour(office=office, day=DAY)
    before_figures = figures(
        office=office, start=DAY - timedelta(days=1), end=DAY + timedelta(days=1)
    )
    before_unique = unique_visitors(office=office, day=DAY)
    with time_machine.travel(datetime(2026, 11, 25, 3, 15, tzinfo=STOCKHOLM), tick=False):
        result = visits_roll_up()
    assert result.cutoff == datetime(2026, 8, 27, tzinfo=STOCKHOLM)
    assert not Visit.objects.filter(started_at__lt=result.cutoff).exists()
    assert Visit.objects.count() == 1  # the recent headcount stays raw
    assert VisitAggregate.objects.exists()
    assert DailyUniqueVisitors.objects.get(office=office, date=DAY).visitors == before_unique
    assert visits_by_hour(office=office, day=DAY) == before_hours
    assert (
        figures(office=office, start=DAY - timedelta(days=1), end=DAY + timedelta(days=1))
        == before_figures
    )
    assert unique_visitors(office=office, day=DAY) == before_unique


def test_roll_up_twice_counts_nothing_twice(office, history):
    with time_machine.travel(datetime(2026, 11, 25, 3, 15, tzinfo=STOCKHOLM), tick=False):
        visits_roll_up()
        after_first = figures(office=office, start=DAY, end=DAY)
        second = visits_roll_up()
    assert second.visits_deleted == 0
    assert figures(office=office, start=DAY, end=DAY) == after_first


def test_rows_inside_the_retention_period_stay(office, history, settings):
    settings.VISITS_RETENTION_DAYS = 365
    with time_machine.travel(datetime(2026, 11, 25, 3, 15, tzinfo=STOCKHOLM), tick=False):
        assert visits_roll_up().visits_deleted == 0
    assert Visit.objects.count() == 9


def test_cutoff_is_local_midnight(settings):
    settings.VISITS_RETENTION_DAYS = 90
    moment = datetime(2026, 11, 25, 0, 30, tzinfo=STOCKHOLM)
    assert retention_cutoff(moment) == datetime(2026, 8, 27, 0, 0, tzinfo=STOCKHOLM)


def test_the_command_rolls_up(office, history, capsys):
    with time_machine.travel(datetime(2026, 11, 25, 3, 15, tzinfo=STOCKHOLM), tick=False):
        call_command("rollup_visits")
    assert "rows deleted" in capsys.readouterr().out
    assert Visit.objects.count() == 1


def test_the_nightly_task_rolls_up_and_schedules_itself(office, history, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with time_machine.travel(datetime(2026, 11, 25, 3, 15, tzinfo=STOCKHOLM), tick=False):
        result = roll_up_visits_nightly.call(reschedule=True)
        assert result["visits_deleted"] >= 8
        assert next_night() == datetime(2026, 11, 26, 3, 15, tzinfo=STOCKHOLM)
    assert Visit.objects.count() == 1
    from django_tasks import default_task_backend

    queued = default_task_backend.results
    assert len(queued) == 1
    assert queued[0].task.run_after == datetime(2026, 11, 26, 3, 15, tzinfo=STOCKHOLM)
