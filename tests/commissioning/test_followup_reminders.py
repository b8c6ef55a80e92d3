"""The daily sweep: a report due soon, then overdue, then very late; each e-mail once."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from publicoffice.commissioning.models import ReportKind, ReportStatus
from publicoffice.commissioning.selectors.followup import State, state_of
from tests.commissioning.conftest import STOCKHOLM, make_commission

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE


def sweep_on(day: date, capture) -> list[str]:
    """Run the sweep on the morning of ``day``; who was e-mailed."""
    mail.outbox.clear()
    moment = datetime.combine(day, time(6), STOCKHOLM)
    with time_machine.travel(moment, tick=False), capture(execute=True):
        call_command("commissioning_sweep", stdout=StringIO())
    return sorted(m.to[0] for m in mail.outbox)


def test_a_report_becomes_overdue_then_very_late_and_each_email_goes_once(
    world, django_capture_on_commit_callbacks
):
    commission = make_commission(world)
    report = commission.reports.get(kind=ReportKind.YEARLY, period_starts=date(2026, 7, 1))
    commission.reports.exclude(pk=report.pk).update(status=ReportStatus.ACCEPTED)
    assert report.due_on == date(2027, 3, 1)
    operator, officer = world.operator_admin.email, world.officer.email
    sweep = lambda day: sweep_on(day, django_capture_on_commit_callbacks)  # noqa: E731

    assert sweep(date(2027, 2, 21)) == []
    assert sweep(date(2027, 2, 22)) == [operator]  # a week before
    assert sweep(date(2027, 2, 22)) == []  # not twice a day
    assert sweep(date(2027, 3, 1)) == []  # due today: nothing new
    assert sweep(date(2027, 3, 2)) == [operator]  # overdue
    assert sweep(date(2027, 3, 2)) == []
    assert sweep(date(2027, 3, 3)) == []
    report.refresh_from_db()
    assert state_of(report, date(2027, 3, 15)) is State.OVERDUE
    assert sweep(date(2027, 3, 15)) == []  # overdue by 14 days: not yet very late
    assert state_of(report, date(2027, 3, 16)) is State.VERY_LATE
    assert sweep(date(2027, 3, 16)) == sorted([operator, officer])
    assert sweep(date(2027, 3, 17)) == []
    assert sweep(date(2027, 5, 1)) == []
    report.refresh_from_db()
    assert report.reminded_on == date(2027, 3, 16)
    # nobody is reminded of a report handed in
    other = commission.reports.get(kind=ReportKind.FINAL)
    other.status = ReportStatus.SUBMITTED
    other.save()
    assert sweep(other.due_on + timedelta(days=1)) == []


def test_a_missed_day_is_caught_up_once(world, django_capture_on_commit_callbacks):
    commission = make_commission(world)
    report = commission.reports.get(kind=ReportKind.YEARLY, period_starts=date(2026, 7, 1))
    commission.reports.exclude(pk=report.pk).update(status=ReportStatus.ACCEPTED)
    sweep = lambda day: sweep_on(day, django_capture_on_commit_callbacks)  # noqa: E731
    assert sweep(date(2027, 3, 5)) == [world.operator_admin.email]
    assert sweep(date(2027, 3, 6)) == []


def test_the_sweep_is_queued_once_for_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    out = StringIO()
    call_command("commissioning_sweep", "--schedule", stdout=out)
    call_command("commissioning_sweep", "--schedule", stdout=out)
    assert "already queued" in out.getvalue()
    assert DBTaskResult.objects.filter(status="READY").count() == 1
