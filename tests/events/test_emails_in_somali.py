"""A member who reads Somali gets every e-mail about events in Somali.

The registration, the waitlist, the freed seat, the reminder, a host
cancelling the registration and a cancelled event: each subject and body is
compared with ``gettext`` of the notice's messages in Somali, no English
interface sentence may appear, and every link opens the Somali pages (the
check is :func:`tests.bookings.test_emails_in_somali.assert_somali_mail`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import translation

from publicoffice.core.time_format import short_time
from publicoffice.events.models import Event, EventStatus
from publicoffice.events.notifications import ICS_NOTES, LEADS, SUBJECTS
from publicoffice.events.services import (
    event_set_status,
    registration_cancel,
    registration_create,
    send_event_reminders,
)
from tests.bookings.test_emails_in_somali import BASE, assert_somali_mail, in_english, so
from tests.events.conftest import make_members

TITLE_SO = "Kafeega luqadda"


@pytest.fixture
def somali(member: Any, event: Any, office: Any, room: Any) -> Any:
    """Amina reads Somali; the event, its office and its room have Somali texts."""
    member.preferred_language = "so"
    member.save(update_fields=["preferred_language"])
    event.title_so = TITLE_SO
    event.description_so = "Waxaan ku hadalnaa af Iswiidhish anagoo shaah cabbayna."
    event.accessibility_notes_so = "Qalabka maqalka (hearing loop) waa la heli karaa."
    event.save()
    office.name_so = "Xafiiska Ronna"
    office.save()
    room.name_so = "Qolka shirka Geed"
    room.save()
    return member


def _expected(kind: str, event: Event, *lines: str) -> dict[str, Any]:
    """What a notice of ``kind`` about ``event`` must say, in Somali."""
    with translation.override("so"):
        somali_time = short_time(event.starts_at)
    with translation.override("en"):
        english_time = short_time(event.starts_at)
    return {
        "subject": so(SUBJECTS[kind], title=TITLE_SO, time=somali_time),
        "english_subject": in_english(SUBJECTS[kind], title=TITLE_SO, time=english_time),
        "texts": [
            so("Hello %(name)s,", name="Amina"),
            so(LEADS[kind]),
            TITLE_SO,
            f"{so('When')}: ",
            f"{so('Where')}: Xafiiska Ronna, Qolka shirka Geed",
            f"{so('Address')}: ",
            *lines,
        ],
        "body_texts": [
            f"{so('Event')}: {TITLE_SO}",
            so("The event page:"),
            f"{BASE}/so/events/{event.public_id}/",
        ],
        "day": event.starts_at.date(),
    }


def _only_mail_to(member: Any) -> Any:
    (message,) = [m for m in mail.outbox if m.to == [member.email]]
    return message


def test_registration(frozen, event, somali, notices, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, member=somali)
    expected = _expected("registered", event, so(ICS_NOTES["REQUEST"]))
    assert_somali_mail(_only_mail_to(somali), **expected)


def test_waitlist_and_the_freed_seat(
    frozen, event, somali, notices, django_capture_on_commit_callbacks
):
    seated = [registration_create(event=event, member=m) for m in make_members(6)]
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, member=somali)
    waiting = _expected("waiting", event, so("You are number %(place_in_line)s in line.",
                                              place_in_line=1))  # fmt: skip
    assert_somali_mail(_only_mail_to(somali), **waiting)

    mail.outbox.clear()
    frozen.shift(timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=seated[0], actor=seated[0].member)
    promoted = _expected("promoted", event, so(ICS_NOTES["REQUEST"]))
    assert_somali_mail(_only_mail_to(somali), **promoted)


def test_reminder(frozen, event, somali, notices, django_capture_on_commit_callbacks):
    registration_create(event=event, member=somali)
    mail.outbox.clear()
    frozen.move_to(event.starts_at - timedelta(hours=23))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_event_reminders() == 1
    assert_somali_mail(_only_mail_to(somali), **_expected("reminder", event))


def test_a_host_cancels_the_registration(
    frozen, event, somali, host, notices, django_capture_on_commit_callbacks
):
    registration = registration_create(event=event, member=somali)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=registration, actor=host)
    expected = _expected("cancelled_by_host", event, so(ICS_NOTES["CANCEL"]))
    assert_somali_mail(_only_mail_to(somali), **expected)


def test_the_event_is_cancelled(
    frozen, event, somali, host, notices, django_capture_on_commit_callbacks
):
    registration_create(event=event, member=somali)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_set_status(event=event, actor=host, status=EventStatus.CANCELLED, note="")
    expected = _expected("cancelled", event, so(ICS_NOTES["CANCEL"]))
    assert_somali_mail(_only_mail_to(somali), **expected)
