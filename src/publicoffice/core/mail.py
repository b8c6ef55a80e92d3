"""Sending e-mail to people, in their own language, the same way for every app.

Each app writes its own templates; this module renders the ``.txt`` and
``.html`` pair in the active language and sends them with the headers every
automatic message needs: ``Auto-Submitted`` (RFC 3834: no out-of-office
replies, please) and ``Content-Language``. :func:`in_language_of` switches
to the recipient's language, so the subject and the body agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.text import one_line


class Person(Protocol):
    """The shape of an account as far as e-mail needs it.

    ``core`` sits below ``accounts`` and cannot name the user model; every
    account (``accounts.actors.Member``) has this shape.
    """

    email: str
    preferred_language: str
    is_active: bool


def language_of(person: Person | None) -> str:
    """The person's preferred interface language, or the site's default."""
    code = getattr(person, "preferred_language", "") or ""
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def address_of(person: Person | None) -> str:
    """Where to write to an active account; empty for nobody or a closed account."""
    if person is None or not getattr(person, "is_active", False):
        return ""
    return str(getattr(person, "email", "") or "")


@contextmanager
def in_language_of(person: Person | None) -> Iterator[str]:
    """Translate everything inside into the person's language."""
    language = language_of(person)
    with translation.override(language):
        yield language


def calendar_part(ics: bytes, method: str, *, filename: str) -> MIMEBase:
    """``text/calendar; method=...`` as an attachment (RFC 6047)."""
    part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def send_templated(
    *,
    to: str,
    subject: str,
    template: str,
    context: dict[str, Any],
    reply_to: str = "",
    attachments: tuple[MIMEBase, ...] = (),
) -> None:
    """Render ``template`` + ``.txt`` and ``.html`` in the active language and send it."""
    context = {
        **context,
        "language_code": translation.get_language(),
        "language_bidi": translation.get_language_bidi(),
    }
    message = EmailMultiAlternatives(
        subject=one_line(subject),
        body=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
        headers={
            "Auto-Submitted": "auto-generated",
            "Content-Language": translation.get_language() or settings.LANGUAGE_CODE,
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    for part in attachments:
        message.attach(part)
    message.send()
