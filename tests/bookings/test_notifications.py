"""E-mails about bookings through the task queue; reminders; the sweep and its command.

Tasks run on django-tasks' immediate backend here, so the e-mail queued when
a service commits is in ``mail.outbox`` at once. Reminders need a backend
that can run work later: those tests use the dummy backend and look at what
was queued.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.mime.base import MIMEBase
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django_tasks import task_backends
from django_tasks.signals import task_finished
from icalendar import Calendar

from publicoffice.bookings import notifications, services, tasks, waitlist
from publicoffice.bookings.models import Booking, WaitlistEntry, WaitlistStatus
from tests.bookings.conftest import NOW, at

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _mail_and_tasks(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_BASE_URL = "https://kontor.example"
    settings.DEFAULT_FROM_EMAIL = "Public Office <noreply@kontor.example>"


@pytest.fixture(autouse=True)
def _no_task_fails():
    """The immediate backend swallows a task's exception; fail the test instead."""
    failed = []

    def remember(sender, task_result, **kwargs):
        if task_result.errors:
            failed.append(task_result.errors[-1].traceback)

    task_finished.connect(remember)
    yield
    task_finished.disconnect(remember)
    assert not failed, failed[0]


@pytest.fixture
def english(member):
    member.preferred_language = "en"
    member.save(update_fields=["preferred_language"])
    return member


def book(space, member, *, day=1, start=10, end=11, capture, **extra):
    with capture(execute=True):
        return services.booking_create(
            space=space,
            member=member,
            starts_at=at(day, start),
            ends_at=at(day, end),
            **extra,
        )


def calendar_of(message) -> tuple[str, Calendar]:
    """The one text/calendar attachment: its method parameter and its content."""
    parts = [
        part
        for part in message.attachments
        if isinstance(part, MIMEBase) and part.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1
    part = parts[0]
    assert part.get_filename() == "booking.ics"
    return part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True))


def html_of(message) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


class TestConfirmation:
    @pytest.mark.parametrize("language", ["so", "ti", "fa"])
    def test_links_in_the_mail_open_in_the_members_language(
        self, frozen, room, member, language, django_capture_on_commit_callbacks
    ):
        member.preferred_language = language
        member.save(update_fields=["preferred_language"])
        booking = book(room, member, capture=django_capture_on_commit_callbacks)
        (message,) = mail.outbox
        assert message.extra_headers["Content-Language"] == language
        address = f"/{language}/bookings/{booking.public_id}/"
        assert address in message.body
        assert address in html_of(message)
        assert "/sv/" not in message.body

    def test_confirmation_in_the_members_language_with_a_calendar_file(
        self, frozen, room, english, django_capture_on_commit_callbacks
    ):
        booking = book(room, english, capture=django_capture_on_commit_callbacks, attendees=2)
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["amina@example.org"]
        assert message.from_email == "Public Office <noreply@kontor.example>"
        assert message.subject == "Booked: Mötesrum Ek, November 26 10:00"
        assert message.extra_headers["Auto-Submitted"] == "auto-generated"
        assert message.extra_headers["Content-Language"] == "en"
        body = message.body
        assert body.startswith("Hello Amina,\n\nYour booking is confirmed.")
        assert "Ronna kontor (en)" in body  # the office's English name
        assert "Storgatan" in body and "151 00 Södertälje" in body
        assert "Thursday Nov. 26, 2026, 10:00–11:00" in body
        assert "People: 2" in body
        assert "Check in at the office by 10:15" in body
        assert f"https://kontor.example/en/bookings/{booking.public_id}/" in body
        method, cal = calendar_of(message)
        assert method == "REQUEST"
        assert cal["METHOD"] == "REQUEST"
        (event,) = cal.walk("VEVENT")
        assert event["UID"] == f"booking-{booking.public_id}@publicoffice"
        assert event["STATUS"] == "CONFIRMED"
        assert event.decoded("DTSTART") == at(1, 10)
        assert str(event["ORGANIZER"]) == "mailto:noreply@kontor.example"
        html = html_of(message)
        assert '<html lang="en" dir="ltr">' in html
        assert f'href="https://kontor.example/en/bookings/{booking.public_id}/"' in html

    def test_right_to_left_language_and_its_links(
        self, frozen, room, member, django_capture_on_commit_callbacks
    ):
        member.preferred_language = "ar"
        member.save()
        booking = book(room, member, capture=django_capture_on_commit_callbacks)
        (message,) = mail.outbox
        assert message.extra_headers["Content-Language"] == "ar"
        assert '<html lang="ar" dir="rtl">' in html_of(message)
        assert f"https://kontor.example/ar/bookings/{booking.public_id}/" in message.body

    def test_purpose_is_plain_in_text_and_escaped_in_html(
        self, frozen, room, english, django_capture_on_commit_callbacks
    ):
        purpose = "<b>Grannmöte</b> & plan 🎉 اجتماع"
        book(room, english, capture=django_capture_on_commit_callbacks, purpose=purpose)
        (message,) = mail.outbox
        assert f"Purpose: {purpose}" in message.body
        html = html_of(message)
        assert "<b>Grannmöte</b>" not in html
        assert "&lt;b&gt;Grannmöte&lt;/b&gt; &amp; plan 🎉 اجتماع" in html

    def test_office_contact_is_the_reply_address(
        self, frozen, room, english, django_capture_on_commit_callbacks
    ):
        room.office.email = "ronna@kontor.example"
        room.office.save()
        book(room, english, capture=django_capture_on_commit_callbacks)
        (message,) = mail.outbox
        assert message.reply_to == ["ronna@kontor.example"]
        assert "ronna@kontor.example" in message.body

    def test_visitor_without_account_gets_nothing(
        self, frozen, room, host, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_create(
                space=room,
                visitor_name="Sara",
                actor=host,
                starts_at=at(1, 10),
                ends_at=at(1, 11),
            )
        assert mail.outbox == []

    def test_a_queue_failure_does_not_undo_the_booking(
        self, frozen, room, english, django_capture_on_commit_callbacks, monkeypatch, caplog
    ):
        class Broken:
            def enqueue(self, **kwargs):
                raise RuntimeError("queue down")

        monkeypatch.setattr(tasks, "send_booking_notice", Broken())
        booking = book(room, english, capture=django_capture_on_commit_callbacks)
        assert Booking.objects.filter(pk=booking.pk).exists()
        assert "Could not queue the confirmed notice" in caplog.text
        assert mail.outbox == []

    def test_unknown_kind_is_a_programming_error(self):
        with pytest.raises(ValueError, match="unknown booking notice"):
            notifications.notify_later("celebrated", 1)


class TestChangesAndCancellations:
    def test_change_notice_carries_the_next_sequence(
        self, frozen, room, english, django_capture_on_commit_callbacks
    ):
        booking = book(room, english, capture=django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_change(
                booking=booking, actor=english, starts_at=at(1, 13), ends_at=at(1, 14)
            )
        confirmation, change = mail.outbox
        assert change.subject == "Booking changed: Mötesrum Ek, November 26 13:00"
        assert "13:00–14:00" in change.body
        method, cal = calendar_of(change)
        assert method == "REQUEST"
        (event,) = cal.walk("VEVENT")
        (first,) = calendar_of(confirmation)[1].walk("VEVENT")
        assert event["UID"] == first["UID"]
        assert (first["SEQUENCE"], event["SEQUENCE"]) == (0, 1)

    def test_cancellation_notice_cancels_the_calendar_event(
        self, frozen, room, english, django_capture_on_commit_callbacks
    ):
        booking = book(room, english, capture=django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_cancel(booking=booking, actor=english)
        notice = mail.outbox[-1]
        assert notice.subject.startswith("Booking cancelled: ")
        assert "Your booking has been cancelled." in notice.body
        assert "The booking was:" in notice.body
        method, cal = calendar_of(notice)
        assert method == "CANCEL"
        assert cal["METHOD"] == "CANCEL"
        (event,) = cal.walk("VEVENT")
        assert event["STATUS"] == "CANCELLED"
        assert event["SEQUENCE"] == 1
        assert event["UID"] == f"booking-{booking.public_id}@publicoffice"

    def test_staff_cancelling_is_said_so(
        self, frozen, room, english, host, django_capture_on_commit_callbacks
    ):
        booking = book(room, english, capture=django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_cancel(booking=booking, actor=host)
        assert "Staff have cancelled your booking." in mail.outbox[-1].body

    def test_approval_flow(self, frozen, hall, english, host, django_capture_on_commit_callbacks):
        booking = book(
            hall, english, day=5, start=10, end=12, capture=django_capture_on_commit_callbacks
        )
        (pending,) = mail.outbox
        assert pending.subject.startswith("Booking request received: ")
        method, cal = calendar_of(pending)
        assert method == "REQUEST"
        assert cal.walk("VEVENT")[0]["STATUS"] == "TENTATIVE"
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_decide(booking=booking, actor=host, approve=True)
        approved = mail.outbox[-1]
        assert approved.subject.startswith("Booking approved: ")
        method, cal = calendar_of(approved)
        assert (method, cal.walk("VEVENT")[0]["STATUS"]) == ("REQUEST", "CONFIRMED")

    def test_rejection_gives_the_reason_and_cancels_the_event(
        self, frozen, hall, english, host, django_capture_on_commit_callbacks
    ):
        booking = book(
            hall, english, day=5, start=10, end=12, capture=django_capture_on_commit_callbacks
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_decide(
                booking=booking, actor=host, approve=False, reason="The hall is being painted."
            )
        rejected = mail.outbox[-1]
        assert rejected.subject.startswith("Booking not approved: ")
        assert "Reason: The hall is being painted." in rejected.body
        method, cal = calendar_of(rejected)
        assert (method, cal.walk("VEVENT")[0]["STATUS"]) == ("CANCEL", "CANCELLED")

    def test_a_notice_overtaken_by_a_newer_change_is_skipped(
        self, frozen, room, english, django_capture_on_commit_callbacks
    ):
        booking = book(room, english, capture=django_capture_on_commit_callbacks)
        services.booking_cancel(booking=booking, actor=english)  # not committed-and-run
        outcome = tasks.send_booking_notice.call(
            booking_id=booking.pk, kind="confirmed", sequence=0
        )
        assert outcome == "skipped: booking changed since"
        assert len(mail.outbox) == 1


class TestReminders:
    def test_confirmation_queues_a_reminder_before_the_start(
        self, frozen, room, english, settings, django_capture_on_commit_callbacks
    ):
        settings.TASKS = DUMMY
        booking = book(room, english, capture=django_capture_on_commit_callbacks)
        # One task row on the booking's path: the notice carries when to remind.
        (notice,) = task_backends["default"].results
        remind_at = at(1, 10) - timedelta(hours=24)
        assert notice.task.name == "send_booking_notice"
        kwargs = dict(notice.kwargs)
        assert datetime.fromisoformat(kwargs.pop("remind_at")) == remind_at
        assert kwargs == {"booking_id": booking.pk, "kind": "confirmed", "sequence": 0}
        assert notice.task.run_after is None
        # The worker, running the notice, queues the reminder.
        assert tasks.send_booking_notice.call(**notice.kwargs) == "sent: confirmed"
        reminder = task_backends["default"].results[-1]
        assert reminder.task.name == "send_booking_reminder"
        assert reminder.kwargs == {"booking_id": booking.pk, "sequence": 0}
        assert reminder.task.run_after == remind_at

    def test_a_change_queues_a_new_reminder_and_the_old_one_does_nothing(
        self, frozen, room, english, settings, django_capture_on_commit_callbacks
    ):
        settings.TASKS = DUMMY
        booking = book(room, english, capture=django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_change(
                booking=booking, actor=english, starts_at=at(2, 13), ends_at=at(2, 14)
            )
        notices = list(task_backends["default"].results)
        for notice in notices:
            tasks.send_booking_notice.call(**notice.kwargs)  # the worker queues the reminders
        mail.outbox.clear()
        reminders = [
            r for r in task_backends["default"].results if r.task.name == "send_booking_reminder"
        ]
        assert [r.kwargs["sequence"] for r in reminders] == [0, 1]
        assert reminders[1].task.run_after == at(2, 13) - timedelta(hours=24)
        frozen.move_to(at(1, 10))
        stale = tasks.send_booking_reminder.call(**reminders[0].kwargs)
        assert stale == "skipped: booking changed since"
        assert mail.outbox == []
        frozen.move_to(at(1, 13))
        assert tasks.send_booking_reminder.call(**reminders[1].kwargs) == "sent: reminder"
        (message,) = mail.outbox
        assert message.subject == "Reminder: Mötesrum Ek, November 27 13:00"
        assert "A reminder of your booking." in message.body
        assert message.attachments == []

    def test_reminder_of_a_cancelled_booking_does_nothing(
        self, frozen, room, english, django_capture_on_commit_callbacks
    ):
        booking = book(room, english, capture=django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_cancel(booking=booking, actor=english)
        sent = len(mail.outbox)
        for sequence in (0, 1):
            outcome = tasks.send_booking_reminder.call(booking_id=booking.pk, sequence=sequence)
            assert outcome.startswith("skipped")
        assert len(mail.outbox) == sent

    def test_no_reminder_when_booked_at_short_notice_or_waiting_for_approval(
        self, frozen, room, hall, english, settings, django_capture_on_commit_callbacks
    ):
        settings.TASKS = DUMMY
        book(room, english, day=0, start=12, end=13, capture=django_capture_on_commit_callbacks)
        book(hall, english, day=5, start=10, end=12, capture=django_capture_on_commit_callbacks)
        names = [r.task.name for r in task_backends["default"].results]
        assert names == ["send_booking_notice", "send_booking_notice"]

    def test_a_backend_that_cannot_wait_still_sends_the_confirmation(
        self, frozen, room, english, django_capture_on_commit_callbacks
    ):
        book(room, english, capture=django_capture_on_commit_callbacks)  # immediate backend
        assert len(mail.outbox) == 1
        assert mail.outbox[0].subject == "Booked: Mötesrum Ek, November 26 10:00"


class TestWaitlistOffer:
    @pytest.fixture
    def waiting(self, frozen, room, member, other_member):
        other_member.preferred_language = "en"
        other_member.save()
        booking = services.booking_create(
            space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        entry = waitlist.waitlist_join(
            space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        return booking, entry

    def test_offer_says_which_slot_until_when_and_where_to_answer(
        self, waiting, member, other_member, django_capture_on_commit_callbacks
    ):
        booking, _entry = waiting
        with django_capture_on_commit_callbacks(execute=True):
            services.booking_cancel(booking=booking, actor=member)
        offers = [m for m in mail.outbox if m.to == ["johan@example.org"]]
        assert len(offers) == 1
        offer = offers[0]
        assert offer.subject == "A time you wanted is free: Mötesrum Ek, November 26 10:00"
        assert "Thursday Nov. 26, 2026, 10:00–11:00" in offer.body
        assert "It is held for you until Wednesday Nov. 25, 2026 at 10:00." in offer.body
        assert "https://kontor.example/en/me/bookings/" in offer.body
        assert 'href="https://kontor.example/en/me/bookings/"' in html_of(offer)
        assert offer.attachments == []

    def test_no_offer_mail_once_the_offer_is_gone(
        self, waiting, member, other_member, django_capture_on_commit_callbacks
    ):
        booking, entry = waiting
        services.booking_cancel(booking=booking, actor=member)  # callbacks not run
        waitlist.waitlist_withdraw(entry=entry, member=other_member)
        assert tasks.send_waitlist_offer.call(entry_id=entry.pk) == "skipped: offer not open"
        assert mail.outbox == []

    def test_no_offer_mail_after_the_hold_lapsed(self, waiting, member, frozen):
        booking, entry = waiting
        services.booking_cancel(booking=booking, actor=member)
        entry.refresh_from_db()
        assert entry.status == WaitlistStatus.OFFERED
        frozen.move_to(entry.offered_until)
        assert tasks.send_waitlist_offer.call(entry_id=entry.pk) == "skipped: offer not open"
        assert mail.outbox == []


class TestSweep:
    def test_sweep_records_no_shows_and_expires_offers(self, frozen, room, member, other_member):
        missed = services.booking_create(
            space=room, member=member, starts_at=at(0, 9), ends_at=at(0, 10)
        )
        held = services.booking_create(
            space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        entry = waitlist.waitlist_join(
            space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        services.booking_cancel(booking=held, actor=member)
        frozen.move_to(at(0, 10, 1))  # check-in window and two-hour hold both over
        result = tasks.sweep_bookings.call(reschedule=False)
        assert result == {
            "no_shows_released": 1,
            "offers_expired": 1,
            "bookings_purged": 0,
            "waitlist_entries_purged": 0,
        }
        missed.refresh_from_db()
        entry.refresh_from_db()
        assert missed.status == "no_show"
        assert entry.status == WaitlistStatus.EXPIRED

    def test_sweep_deletes_bookings_past_the_retention_period(self, frozen, room, member):
        old = services.booking_create(
            space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11)
        )
        Booking.objects.filter(pk=old.pk).update(
            starts_at=at(-400, 10), ends_at=at(-400, 11), blocked_until=at(-400, 11)
        )
        result = tasks.sweep_bookings.call(reschedule=False)
        assert result["bookings_purged"] == 1
        assert not Booking.objects.filter(pk=old.pk).exists()

    def test_sweep_queues_the_next_one_five_minutes_on(self, db, frozen, settings):
        settings.TASKS = DUMMY
        tasks.sweep_bookings.call(reschedule=True)
        (queued,) = task_backends["default"].results
        assert queued.task.name == "sweep_bookings"
        assert queued.kwargs == {"reschedule": True}
        assert queued.task.run_after == NOW + timedelta(minutes=5)

    def test_immediate_backend_does_not_loop(self, db, frozen):
        assert tasks.schedule_sweep() is None
        result = tasks.sweep_bookings.enqueue(reschedule=True)
        assert result.return_value["no_shows_released"] == 0

    def test_command_runs_once(self, db, frozen):
        out = StringIO()
        call_command("bookings_sweep", stdout=out)
        assert out.getvalue() == (
            "0 no-shows recorded, 0 waitlist offers expired, "
            "0 old bookings and 0 waitlist entries deleted.\n"
        )

    def test_command_schedules_one_chain_on_the_database_queue(self, db, frozen, settings):
        from django_tasks_db.models import DBTaskResult

        settings.TASKS = DATABASE
        out = StringIO()
        call_command("bookings_sweep", "--schedule", stdout=out)
        call_command("bookings_sweep", "--schedule", stdout=out)
        assert "Sweep queued; first run after 08:00" in out.getvalue()
        assert "A sweep is already queued" in out.getvalue()
        queued = DBTaskResult.objects.filter(task_path=tasks.sweep_bookings.module_path)
        assert queued.count() == 1
        # A running sweep does not add a second chain while one is waiting.
        tasks.sweep_bookings.call(reschedule=True)
        assert queued.count() == 1

    def test_command_refuses_to_schedule_where_nothing_can_wait(self):
        with pytest.raises(CommandError, match="cannot run work later"):
            call_command("bookings_sweep", "--schedule")


def test_waitlist_offer_is_skipped_for_a_deactivated_member_or_a_gone_entry(
    frozen, room, other_member
):
    entry = WaitlistEntry.objects.create(
        space=room,
        member=other_member,
        starts_at=at(1, 10),
        ends_at=at(1, 11),
        status=WaitlistStatus.OFFERED,
        offered_until=at(0, 10),
    )
    other_member.is_active = False
    other_member.save()
    assert tasks.send_waitlist_offer.call(entry_id=entry.pk) == "skipped: no recipient"
    assert tasks.send_waitlist_offer.call(entry_id=entry.pk + 1000) == "skipped: entry gone"
    assert mail.outbox == []
