"""E-mails about bookings, sent through the task queue.

Services call :func:`notify_later` and :func:`notify_offer_later` once their
transaction has committed. Those only queue tasks
(:mod:`publicoffice.bookings.tasks`); the worker then calls
:func:`send_notice`, :func:`send_reminder` or :func:`send_offer`, which load
the booking afresh and write in the member's own language.

Work that has gone stale does nothing. Each notice and reminder carries the
booking's ``sequence`` from when it was queued; when the booking has changed
since, a newer notice is on its way with the truth, so the old one is
skipped. A reminder for a booking that was moved or cancelled is skipped the
same way, so there is never a job to unqueue.

Visitors booked for by staff have no account and no address: nothing is sent.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from publicoffice.bookings import ical
from publicoffice.bookings.models import (
    HOLDING_STATUSES,
    Booking,
    BookingLogEntry,
    BookingStatus,
    LogAction,
    WaitlistEntry,
    WaitlistStatus,
)
from publicoffice.core.mail import language_of as member_language
from publicoffice.core.time_format import format_moment, format_span, local, short_time

logger = logging.getLogger(__name__)

#: Kinds of notice about a booking that still holds its space.
LIVE_KINDS = frozenset({"confirmed", "pending", "changed", "approved"})
#: Kinds that end a booking; their calendar file removes the event.
ENDING_KINDS = frozenset({"cancelled", "rejected"})
KINDS = LIVE_KINDS | ENDING_KINDS
#: After these a reminder is queued, when the booking is confirmed.
REMINDED_KINDS = frozenset({"confirmed", "changed", "approved"})

SUBJECTS: dict[str, Promise] = {
    "confirmed": gettext_lazy("Booked: %(space)s, %(time)s"),
    "pending": gettext_lazy("Booking request received: %(space)s, %(time)s"),
    "changed": gettext_lazy("Booking changed: %(space)s, %(time)s"),
    "cancelled": gettext_lazy("Booking cancelled: %(space)s, %(time)s"),
    "approved": gettext_lazy("Booking approved: %(space)s, %(time)s"),
    "rejected": gettext_lazy("Booking not approved: %(space)s, %(time)s"),
    "reminder": gettext_lazy("Reminder: %(space)s, %(time)s"),
}

LEADS: dict[str, Promise] = {
    "confirmed": gettext_lazy("Your booking is confirmed."),
    "pending": gettext_lazy(
        "We have received your booking. Staff need to approve it; you will get an e-mail "
        "either way. Until then the time is kept for you."
    ),
    "changed": gettext_lazy("Your booking has been changed. This is how it looks now."),
    "cancelled": gettext_lazy("Your booking has been cancelled. The time is free for others."),
    "cancelled_by_staff": gettext_lazy(
        "Staff have cancelled your booking. The time is free for others."
    ),
    "approved": gettext_lazy("Staff have approved your booking. It is confirmed."),
    "rejected": gettext_lazy("Staff could not approve your booking."),
    "reminder": gettext_lazy("A reminder of your booking."),
}

ICS_NOTES: dict[str, Promise] = {
    ical.REQUEST: gettext_lazy(
        "The attached calendar file (booking.ics) adds the booking to your calendar, "
        "or updates it there."
    ),
    ical.CANCEL: gettext_lazy(
        "The attached calendar file (booking.ics) removes the booking from your calendar."
    ),
}


# -- queueing (called by services after commit) -------------------------------


def notify_later(kind: str, booking_id: int) -> None:
    """Queue the e-mail of ``kind`` about a booking, and its reminder.

    Runs after the booking's transaction has committed. A failure to queue is
    logged and swallowed: the booking itself has been made and stays made.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown booking notice {kind!r}")
    from publicoffice.bookings import tasks

    try:
        row = (
            Booking.objects.filter(pk=booking_id, member__isnull=False)
            .values("sequence", "starts_at", "status")
            .first()
        )
        if row is None:  # gone, or a visitor without an account
            return
        tasks.send_booking_notice.enqueue(
            booking_id=booking_id, kind=kind, sequence=row["sequence"]
        )
        if kind in REMINDED_KINDS and row["status"] == BookingStatus.CONFIRMED:
            _queue_reminder(booking_id, starts_at=row["starts_at"], sequence=row["sequence"])
    except Exception:
        logger.exception("Could not queue the %s notice for booking %s", kind, booking_id)


def _queue_reminder(booking_id: int, *, starts_at: datetime, sequence: int) -> None:
    from publicoffice.bookings import tasks

    run_after = starts_at - timedelta(hours=settings.BOOKINGS_REMINDER_HOURS)
    if run_after <= timezone.now():
        return  # booked at short notice: the confirmation is reminder enough
    reminder = tasks.send_booking_reminder
    if not reminder.get_backend().supports_defer:
        logger.info("Task backend cannot defer; no reminder for booking %s", booking_id)
        return
    reminder.using(run_after=run_after).enqueue(booking_id=booking_id, sequence=sequence)


def notify_offer_later(entry_id: int) -> None:
    """Queue the e-mail offering a freed slot to a waitlisted member."""
    from publicoffice.bookings import tasks

    try:
        tasks.send_waitlist_offer.enqueue(entry_id=entry_id)
    except Exception:
        logger.exception("Could not queue the offer for waitlist entry %s", entry_id)


# -- formatting -----------------------------------------------------------------


def _one_line(text: str) -> str:
    """Headers may not break lines; a space name must not be able to do it."""
    return " ".join(text.split())


def _office_context(office: Any) -> dict[str, Any]:
    town = f"{office.postal_code} {office.city}".strip()
    return {
        "office": office.name,
        "address": ", ".join(part for part in (office.street_address, town) if part),
        "office_email": office.email,
        "office_phone": office.phone,
    }


def _booking_context(booking: Booking) -> dict[str, Any]:
    return {
        **_office_context(booking.office),
        "name": str(booking.member) if booking.member_id else booking.visitor_name,
        "space": booking.space.name,
        "when": format_span(booking.starts_at, booking.ends_at),
        "attendees": booking.attendees,
        "purpose": booking.purpose,
        "checkin_by": (
            formats.time_format(local(booking.checkin_deadline))
            if booking.checkin_deadline and booking.status == BookingStatus.CONFIRMED
            else ""
        ),
        "booking_url": ical.booking_url(booking),
    }


def _calendar_part(ics: bytes, method: str) -> MIMEBase:
    """``text/calendar; method=...`` as an attachment named booking.ics."""
    part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="booking.ics")
    return part


def _send(
    *,
    to: str,
    subject: str,
    template: str,
    context: dict[str, Any],
    reply_to: str = "",
    attachments: tuple[MIMEBase, ...] = (),
) -> None:
    """Render ``template`` (.txt and .html) in the active language and send it."""
    context = {
        **context,
        "language_code": translation.get_language(),
        "language_bidi": translation.get_language_bidi(),
    }
    message = EmailMultiAlternatives(
        subject=_one_line(subject),
        body=render_to_string(f"bookings/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
        headers={
            # RFC 3834: no out-of-office replies to this, please.
            "Auto-Submitted": "auto-generated",
            "Content-Language": translation.get_language(),
        },
    )
    message.attach_alternative(
        render_to_string(f"bookings/email/{template}.html", context), "text/html"
    )
    for part in attachments:
        message.attach(part)
    message.send()


def _recipient(member: Any) -> str:
    if member is None or not getattr(member, "is_active", False):
        return ""
    return str(member.email or "")


def _load_booking(booking_id: int) -> Booking | None:
    return Booking.objects.select_related("space", "office", "member").filter(pk=booking_id).first()


def _rejection_reason(booking: Booking) -> str:
    entry = (
        BookingLogEntry.objects.filter(booking=booking, action=LogAction.REJECTED)
        .order_by("-at", "-pk")
        .first()
    )
    return entry.reason if entry else ""


def _cancelled_by_staff(booking: Booking) -> bool:
    entry = (
        BookingLogEntry.objects.filter(booking=booking, action=LogAction.CANCELLED)
        .order_by("-at", "-pk")
        .first()
    )
    return bool(entry and entry.actor_id and entry.actor_id != booking.member_id)


# -- sending (called by the tasks) ------------------------------------------------


def _deliverable(booking_id: int, sequence: int) -> tuple[Booking | None, str, str]:
    """The booking and its member's address, or why nothing should be sent.

    A notice queued before a later change (``sequence`` differs) is stale.
    """
    booking = _load_booking(booking_id)
    if booking is None:
        return None, "", "skipped: booking gone"
    to = _recipient(booking.member)
    if not to:
        return None, "", "skipped: no recipient"
    if booking.sequence != sequence:
        return None, "", "skipped: booking changed since"
    return booking, to, ""


def send_notice(*, booking_id: int, kind: str, sequence: int) -> str:
    """Tell the member what happened to their booking; return what was done."""
    if kind not in KINDS:
        raise ValueError(f"unknown booking notice {kind!r}")
    booking, to, skipped = _deliverable(booking_id, sequence)
    if booking is None:
        return skipped
    if kind in LIVE_KINDS and booking.status not in HOLDING_STATUSES:
        return "skipped: booking no longer active"
    now = timezone.now()
    method = ical.CANCEL if kind in ENDING_KINDS else ical.REQUEST
    with translation.override(member_language(booking.member)):
        context = _booking_context(booking)
        lead_key = kind
        if kind == "cancelled" and _cancelled_by_staff(booking):
            lead_key = "cancelled_by_staff"
        context.update(
            kind=kind,
            lead=LEADS[lead_key],
            reason=_rejection_reason(booking) if kind == "rejected" else "",
            ics_note=ICS_NOTES[method],
            ended=kind in ENDING_KINDS,
        )
        subject = SUBJECTS[kind] % {
            "space": booking.space.name,
            "time": short_time(booking.starts_at),
        }
        ics = ical.invitation_ics(booking, at=now, method=method)
        _send(
            to=to,
            subject=subject,
            template="notice",
            context=context,
            reply_to=booking.office.email,
            attachments=(_calendar_part(ics, method),),
        )
    return f"sent: {kind}"


def send_reminder(*, booking_id: int, sequence: int) -> str:
    """Remind the member of a coming booking, unless it changed since queued."""
    booking, to, skipped = _deliverable(booking_id, sequence)
    if booking is None:
        return skipped
    now = timezone.now()
    if booking.status != BookingStatus.CONFIRMED or booking.starts_at <= now:
        return "skipped: booking not coming"
    with translation.override(member_language(booking.member)):
        context = _booking_context(booking)
        context.update(kind="reminder", lead=LEADS["reminder"], reason="", ics_note="")
        subject = SUBJECTS["reminder"] % {
            "space": booking.space.name,
            "time": short_time(booking.starts_at),
        }
        _send(
            to=to,
            subject=subject,
            template="notice",
            context=context,
            reply_to=booking.office.email,
        )
    return "sent: reminder"


def send_offer(*, entry_id: int) -> str:
    """Offer a freed slot to a waitlisted member, while the offer is open."""
    entry = (
        WaitlistEntry.objects.select_related("space__office", "member").filter(pk=entry_id).first()
    )
    if entry is None:
        return "skipped: entry gone"
    now = timezone.now()
    if entry.status != WaitlistStatus.OFFERED or not entry.offer_open(now):
        return "skipped: offer not open"
    to = _recipient(entry.member)
    if not to:
        return "skipped: no recipient"
    assert entry.offered_until is not None  # offer_open() checked it
    office = entry.space.office
    with translation.override(member_language(entry.member)):
        context = {
            **_office_context(office),
            "name": str(entry.member),
            "space": entry.space.name,
            "when": format_span(entry.starts_at, entry.ends_at),
            "attendees": entry.attendees,
            "held_until": format_moment(entry.offered_until),
            "mine_url": ical.site_url(reverse("bookings:mine")),
        }
        subject = _("A time you wanted is free: %(space)s, %(time)s") % {
            "space": entry.space.name,
            "time": short_time(entry.starts_at),
        }
        _send(
            to=to,
            subject=subject,
            template="offer",
            context=context,
            reply_to=office.email,
        )
    return "sent: offer"
