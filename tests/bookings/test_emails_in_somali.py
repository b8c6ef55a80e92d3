"""A member who reads Somali gets every booking e-mail in Somali.

Subject and body are compared with ``gettext`` of the templates' own
messages in Somali, no English interface sentence may appear, and every
link opens the Somali pages. :func:`assert_somali_mail` is shared with the
event e-mails (``tests/events/test_emails_in_somali.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.utils import formats, translation
from django.utils.functional import Promise
from django.utils.translation import gettext
from django_tasks.signals import task_finished

from publicoffice.bookings import emails, services, waitlist
from publicoffice.core.time_format import short_time
from tests.bookings.conftest import at
from tests.language_checks import english_sentences, visible_text

BASE = "https://kontor.example"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def so(message: str | Promise, **values: Any) -> str:
    """``message`` in Somali, with its placeholders filled in."""
    with translation.override("so"):
        text = gettext(str(message)) if isinstance(message, str) else str(message)
    return text % values if values else text


def in_english(message: str | Promise, **values: Any) -> str:
    with translation.override("en"):
        text = str(message)
    return text % values if values else text


def _loose(text: str) -> str:
    return " ".join(text.replace(":", " ").split())


def assert_somali_mail(
    message: Any,
    *,
    subject: str,
    english_subject: str,
    texts: Iterable[str],
    day: date,
    body_texts: Iterable[str] = (),
) -> None:
    """The message is Somali through and through, and links to the Somali pages.

    ``texts`` are in the plain-text body and the HTML part alike; ``body_texts``
    only in the plain text (the HTML has a link or a heading in their place).
    """
    assert message.extra_headers["Content-Language"] == "so"
    assert message.subject == subject
    assert subject != english_subject, "the subject is not translated into Somali"
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert re.search(r'<html lang="so" dir="ltr">', html)
    html_text = visible_text(html, "so")
    loose_html = _loose(html_text)  # the HTML lays "Label: value" out as a table
    for text in [*texts, *body_texts]:
        assert text in message.body, f"not in the body: {text!r}\n{message.body}"
    for text in texts:
        assert _loose(text) in loose_html, f"not in the HTML: {text!r}\n{html_text}"
    for where, content in (("subject", subject), ("body", message.body), ("HTML", html_text)):
        english = [s for s in english_sentences() if s in content]
        assert english == [], f"English in the {where}: {english}"
        with translation.override("en"):
            names = {formats.date_format(day, "l"), formats.date_format(day, "F")}
        assert not [name for name in names if name in content], f"English date in the {where}"
    links = re.findall(r"https?://[^\s\"'<>]+", message.body + html)
    assert links, "no link to the site"
    assert all(link.startswith(f"{BASE}/so/") for link in links), links


@pytest.fixture(autouse=True)
def _mail_and_tasks(settings: Any) -> Iterable[None]:
    """Tasks run at once, e-mail lands in ``mail.outbox``; a failing task fails the test."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_BASE_URL = BASE
    settings.DEFAULT_FROM_EMAIL = "Public Office <noreply@kontor.example>"
    failed: list[str] = []

    def remember(sender: Any, task_result: Any, **kwargs: Any) -> None:
        if task_result.errors:
            failed.append(task_result.errors[-1].traceback)

    task_finished.connect(remember)
    yield
    task_finished.disconnect(remember)
    assert not failed, failed[0]


@pytest.fixture
def somali(member: Any, office: Any, room: Any) -> Any:
    """Amina reads Somali; the office and the room have Somali names."""
    member.preferred_language = "so"
    member.save(update_fields=["preferred_language"])
    office.name_so = "Xafiiska Ronna"
    office.save()
    room.name_so = "Qolka shirka Geed"
    room.save()
    return member


def _book(room: Any, member: Any, capture: Any, **extra: Any) -> Any:
    with capture(execute=True):
        return services.booking_create(
            space=room, member=member, starts_at=at(1, 10), ends_at=at(1, 11), **extra
        )


def _notice(
    kind: str, room: Any, starts_at: Any, *lines: str, body: tuple[str, ...] = ()
) -> dict[str, Any]:
    """What a booking notice of ``kind`` must say, in Somali and (for contrast) English."""
    with translation.override("so"):
        somali_time = short_time(starts_at)
    with translation.override("en"):
        english_time = short_time(starts_at)
    return {
        "subject": so(emails.SUBJECTS[kind], space=room.name_so, time=somali_time),
        "english_subject": in_english(emails.SUBJECTS[kind], space=room.name_so, time=english_time),
        "texts": [
            so("Hello %(name)s,", name="Amina"),
            f"{so('Space')}: {room.name_so}",
            f"{so('Office')}: Xafiiska Ronna",
            f"{so('Address')}: ",
            f"{so('When')}: ",
            *lines,
        ],
        "body_texts": body,
        "day": starts_at.date(),
    }


def test_confirmation(frozen, room, somali, django_capture_on_commit_callbacks):
    _book(room, somali, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    expected = _notice(
        "confirmed",
        room,
        at(1, 10),
        so(emails.LEADS["confirmed"]),
        so("Your booking:"),
        so("See or change it here:"),
        so("Check in at the office by %(checkin_by)s at the latest, or the space is released "
           "for others.", checkin_by="10:15"),
        so(emails.ICS_NOTES["REQUEST"]),
    )  # fmt: skip
    assert_somali_mail(message, **expected)


def test_change(frozen, room, somali, django_capture_on_commit_callbacks):
    booking = _book(room, somali, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_change(
            booking=booking, actor=somali, starts_at=at(1, 13), ends_at=at(1, 14)
        )
    change = mail.outbox[-1]
    expected = _notice(
        "changed",
        room,
        at(1, 13),
        so(emails.LEADS["changed"]),
        so("Your booking:"),
        so("See or change it here:"),
    )
    assert_somali_mail(change, **expected)


def test_cancellation(frozen, room, somali, django_capture_on_commit_callbacks):
    booking = _book(room, somali, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=booking, actor=somali)
    notice = mail.outbox[-1]
    expected = _notice(
        "cancelled",
        room,
        at(1, 10),
        so(emails.LEADS["cancelled"]),
        so("The booking was:"),
        so(emails.ICS_NOTES["CANCEL"]),
        body=(so("See it here:"),),
    )
    assert_somali_mail(notice, **expected)


def test_reminder(frozen, room, somali, django_capture_on_commit_callbacks):
    booking = _book(room, somali, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert (
        emails.send_reminder(booking_id=booking.pk, sequence=booking.sequence) == "sent: reminder"
    )
    (reminder,) = mail.outbox
    expected = _notice(
        "reminder", room, at(1, 10), so(emails.LEADS["reminder"]), so("Your booking:")
    )
    assert_somali_mail(reminder, **expected)


def test_waitlist_offer(frozen, room, somali, other_member, django_capture_on_commit_callbacks):
    booking = services.booking_create(
        space=room, member=other_member, starts_at=at(1, 10), ends_at=at(1, 11)
    )
    waitlist.waitlist_join(space=room, member=somali, starts_at=at(1, 10), ends_at=at(1, 11))
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=booking, actor=other_member)
    (offer,) = [m for m in mail.outbox if m.to == [somali.email]]
    subject = "A time you wanted is free: %(space)s, %(time)s"
    with translation.override("so"):
        time = short_time(at(1, 10))
    assert_somali_mail(
        offer,
        subject=so(subject, space=room.name_so, time=time),
        english_subject=in_english(subject, space=room.name_so, time=time),
        texts=[
            so("Hello %(name)s,", name="Amina"),
            so("A time you were waiting for has become free, and it is offered to you first."),
            f"{so('Space')}: {room.name_so}",
        ],
        body_texts=[so("Book it or say no on your bookings page:")],
        day=at(1, 10).date(),
    )


def test_the_check_is_not_blind_to_an_english_mail(
    frozen, room, somali, django_capture_on_commit_callbacks
):
    somali.preferred_language = "en"
    somali.save(update_fields=["preferred_language"])
    _book(room, somali, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert [s for s in english_sentences() if s in message.body]
    assert not message.subject.startswith(so(emails.SUBJECTS["confirmed"]).split("%")[0])
