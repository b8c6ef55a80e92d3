"""Reminders before an event: once per seat, within the window, through the sweep."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from publicoffice.events import tasks
from publicoffice.events.models import EventStatus, Registration
from publicoffice.events.services import (
    event_set_status,
    registration_cancel,
    registration_create,
    send_event_reminders,
)
from tests.events.conftest import make_members

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def seated(frozen, event, member):
    """The member has a seat; the event starts tomorrow at 17:00 (33 hours away)."""
    return registration_create(event=event, member=member)


def test_nothing_is_due_before_the_window(frozen, seated):
    assert send_event_reminders() == 0
    seated.refresh_from_db()
    assert seated.reminded_at is None


def test_seats_are_reminded_once_within_the_window(
    frozen, event, seated, notices, django_capture_on_commit_callbacks
):
    frozen.move_to(event.starts_at - timedelta(hours=23))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_event_reminders() == 1
    seated.refresh_from_db()
    assert seated.reminded_at is not None
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert "Språkcafé" in mail.outbox[0].subject
    assert send_event_reminders() == 0


def test_the_window_is_read_when_the_sweep_runs(frozen, seated, settings):
    settings.EVENTS_REMINDER_HOURS = 48
    assert send_event_reminders() == 1


def test_only_seats_at_events_taking_place_are_reminded(frozen, event, host, settings):
    settings.EVENTS_REMINDER_HOURS = 48
    seats = [registration_create(event=event, member=m) for m in make_members(6)]
    waiting = registration_create(event=event, member=make_members(1, "queue")[0])
    registration_cancel(registration=seats[0], actor=seats[0].member)  # the waiting one moves up
    waiting.refresh_from_db()
    assert waiting.status == "registered"
    assert send_event_reminders() == 6
    assert Registration.objects.filter(reminded_at__isnull=False).count() == 6

    event_set_status(event=event, actor=host, status=EventStatus.POSTPONED, note="Senare.")
    Registration.objects.update(reminded_at=None)
    assert send_event_reminders() == 0


def test_a_reminder_for_an_event_cancelled_meanwhile_is_skipped(
    frozen, event, seated, host, notices
):
    from publicoffice.events import notifications

    event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
    assert (
        notifications.send_registration_notice(registration_id=seated.pk, kind="reminder")
        == "skipped: event not coming"
    )


def test_the_sweep_task_reminds_and_the_command_runs_it_once(frozen, event, seated, settings):
    settings.TASKS = DUMMY
    frozen.move_to(event.starts_at - timedelta(hours=2))
    assert tasks.sweep_events.call(reschedule=False) == {"reminders_queued": 1}
    output = StringIO()
    call_command("events_sweep", stdout=output)
    assert output.getvalue().strip() == "0 event reminders queued."


def test_the_sweep_schedules_itself_once(db, frozen, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    output = StringIO()
    call_command("events_sweep", "--schedule", stdout=output)
    assert "Events sweep queued" in output.getvalue()
    again = StringIO()
    call_command("events_sweep", "--schedule", stdout=again)
    assert "already queued" in again.getvalue()


def test_scheduling_needs_a_backend_that_can_wait(frozen, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(CommandError):
        call_command("events_sweep", "--schedule")


def test_a_hidden_event_reminds_nobody_until_shown_again(frozen, event, seated, settings):
    settings.EVENTS_REMINDER_HOURS = 48
    event.hidden_at, event.hidden_reason = event.starts_at, "Reported."
    event.save(update_fields=["hidden_at", "hidden_reason"])
    assert send_event_reminders() == 0
    event.hidden_at = None
    event.save(update_fields=["hidden_at"])
    assert send_event_reminders() == 1
