"""E-mails about events, sent through the task queue.

The services publish what happened (:mod:`publicoffice.events.happenings`);
:mod:`publicoffice.events.tasks` listens and queues a task once the
transaction has committed, and the worker then calls the ``send_*``
functions here, which load everything afresh and write in each member's
own language.

Work that has gone stale does nothing: a notice about an event carries the
event's ``sequence`` from when it was queued, and when the event has changed
since, the newer notice tells the truth instead. A member whose registration
was cancelled meanwhile hears nothing more about the event.
"""

from __future__ import annotations

import logging
from email.mime.base import MIMEBase
from typing import Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from publicoffice.accounts.actors import Member
from publicoffice.core.mail import address_of, calendar_part, in_language_of, send_templated
from publicoffice.core.time_format import format_span, short_time
from publicoffice.events import ical
from publicoffice.events.models import Event, EventStatus, Registration, RegistrationStatus
from publicoffice.events.selectors import place_in_line

logger = logging.getLogger(__name__)

#: Notices to everyone registered or waiting, after a change to the event.
EVENT_KINDS = frozenset({"cancelled", "postponed", "moved", "scheduled"})
#: Notices to one member about their own registration.
REGISTRATION_KINDS = frozenset(
    {"registered", "waiting", "promoted", "cancelled_by_host", "reminder"}
)

SUBJECTS: dict[str, Promise] = {
    "registered": gettext_lazy("You are registered: %(title)s, %(time)s"),
    "waiting": gettext_lazy("On the waitlist: %(title)s, %(time)s"),
    "promoted": gettext_lazy("You got a seat: %(title)s, %(time)s"),
    "cancelled_by_host": gettext_lazy("Your registration was cancelled: %(title)s"),
    "reminder": gettext_lazy("Reminder: %(title)s, %(time)s"),
    "cancelled": gettext_lazy("Cancelled: %(title)s, %(time)s"),
    "postponed": gettext_lazy("Postponed: %(title)s"),
    "moved": gettext_lazy("Changed: %(title)s, now %(time)s"),
    "scheduled": gettext_lazy("Taking place after all: %(title)s, %(time)s"),
}

LEADS: dict[str, Promise] = {
    "registered": gettext_lazy("You have a seat at this event. Welcome!"),
    "waiting": gettext_lazy(
        "The event is full, so you are on the waitlist. If a seat is freed it goes to the "
        "first in line, and we will e-mail you."
    ),
    "promoted": gettext_lazy("A seat was freed and it is yours now. Welcome!"),
    "cancelled_by_host": gettext_lazy("The hosts have cancelled your registration."),
    "reminder": gettext_lazy("A reminder of the event you registered for."),
    "cancelled": gettext_lazy("This event has been cancelled. We are sorry."),
    "postponed": gettext_lazy(
        "This event has been postponed. You keep your registration; we will tell you the new date."
    ),
    "moved": gettext_lazy("This event has changed. This is how it looks now."),
    "scheduled": gettext_lazy("This event takes place as planned after all."),
}

ICS_NOTES: dict[str, Promise] = {
    ical.REQUEST: gettext_lazy(
        "The attached calendar file (event.ics) adds the event to your calendar, or updates it."
    ),
    ical.CANCEL: gettext_lazy(
        "The attached calendar file (event.ics) removes the event from your calendar."
    ),
}


# -- formatting and sending ---------------------------------------------------------


def _context(event: Event, member: Member) -> dict[str, Any]:
    office = event.office
    town = f"{office.postal_code} {office.city}".strip()
    return {
        "name": str(member),
        "title": event.title,
        "when": format_span(event.starts_at, event.ends_at),
        "office": office.name,
        "room": event.space.name if event.space is not None else "",
        "address": ", ".join(part for part in (office.street_address, town) if part),
        "office_email": office.email,
        "office_phone": office.phone,
        "status_note": event.status_note if event.status != EventStatus.SCHEDULED else "",
        "accessibility_notes": event.accessibility_notes,
        "event_url": ical.event_url(event),
    }


def _send(
    *,
    event: Event,
    member: Member,
    kind: str,
    method: str | None,
    extra: dict[str, Any] | None = None,
    partstat: str = "ACCEPTED",
) -> bool:
    """Write and send one e-mail in the member's language; False when nobody to send to."""
    to = address_of(member)
    if not to:
        return False
    with in_language_of(member):
        context = {
            **_context(event, member),
            "kind": kind,
            "lead": LEADS[kind],
            "ics_note": ICS_NOTES[method] if method else "",
            "ended": kind in ("cancelled", "cancelled_by_host"),
            **(extra or {}),
        }
        subject = SUBJECTS[kind] % {"title": event.title, "time": short_time(event.starts_at)}
        attachments: tuple[MIMEBase, ...] = ()
        if method:
            ics = ical.invitation_ics(
                event, at=timezone.now(), member=member, method=method, partstat=partstat
            )
            attachments = (calendar_part(ics, method, filename="event.ics"),)
        send_templated(
            to=to,
            subject=subject,
            template="events/email/notice",
            context=context,
            reply_to=event.office.email or "",
            attachments=attachments,
        )
    return True


def _load_event(event_id: int) -> Event | None:
    return (
        Event.objects.select_related("office", "space")
        .prefetch_related("languages")
        .filter(pk=event_id)
        .first()
    )


def send_event_notices(*, event_id: int, kind: str, sequence: int) -> str:
    """Tell everyone registered or waiting about a change; return what was done."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown event notice {kind!r}")
    event = _load_event(event_id)
    if event is None:
        return "skipped: event gone"
    if event.sequence != sequence:
        return "skipped: event changed since"
    registrations = (
        Registration.objects.filter(
            event=event, status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]
        )
        .select_related("member")
        .order_by("queued_at", "id")
    )
    sent = 0
    for registration in registrations:
        seated = registration.status == RegistrationStatus.REGISTERED
        method = None
        if seated:
            method = ical.CANCEL if kind == "cancelled" else ical.REQUEST
        try:
            sent += _send(event=event, member=registration.member, kind=kind, method=method)
        except Exception:  # one bad address must not stop the others
            logger.exception(
                "Could not send the %s notice to registration %s", kind, registration.pk
            )
    return f"sent: {kind} to {sent}"


def send_registration_notice(*, registration_id: int, kind: str) -> str:
    """Tell a member about their own seat, place in line, promotion or reminder."""
    if kind not in REGISTRATION_KINDS:
        raise ValueError(f"unknown registration notice {kind!r}")
    registration = (
        Registration.objects.select_related("member", "event__office", "event__space")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return "skipped: registration gone"
    event = registration.event
    expected = {
        "registered": RegistrationStatus.REGISTERED,
        "promoted": RegistrationStatus.REGISTERED,
        "reminder": RegistrationStatus.REGISTERED,
        "waiting": RegistrationStatus.WAITING,
        "cancelled_by_host": RegistrationStatus.CANCELLED,
    }[kind]
    if registration.status != expected:
        return "skipped: registration changed since"
    if kind == "reminder" and (
        event.starts_at <= timezone.now()
        or event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED)
    ):
        return "skipped: event not coming"
    method: str | None = ical.REQUEST
    partstat = "ACCEPTED"
    if kind == "waiting":
        method = None
    elif kind == "cancelled_by_host":
        method, partstat = ical.CANCEL, "DECLINED"
    extra = {"place_in_line": place_in_line(registration) if kind == "waiting" else 0}
    if not _send(
        event=event,
        member=registration.member,
        kind=kind,
        method=method,
        extra=extra,
        partstat=partstat,
    ):
        return "skipped: no recipient"
    return f"sent: {kind}"
