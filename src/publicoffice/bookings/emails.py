"""The e-mails about bookings and waitlist offers, written when a task runs.

The tasks (:mod:`publicoffice.bookings.tasks`) call :func:`send_notice`,
:func:`send_reminder` or :func:`send_offer`, which load the booking afresh
and write in the member's own language (:mod:`publicoffice.core.mail`).

Work that has gone stale does nothing. Each notice and reminder carries the
booking's ``sequence`` from when it was queued; when the booking has changed
since, a newer notice is on its way with the truth, so the old one is
skipped. A reminder for a booking that was moved or cancelled is skipped the
same way, so there is never a job to unqueue.

Visitors booked for by staff have no account and no address: nothing is sent.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
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
from publicoffice.core.mail import address_of, calendar_part, in_language_of, send_templated
from publicoffice.core.time_format import format_moment, format_span, local, short_time
from publicoffice.places.models import Office

#: Kinds of notice about a booking that still holds its space.
LIVE_KINDS = frozenset({"confirmed", "pending", "changed", "approved"})
#: Kinds that end a booking; their calendar file removes the event.
ENDING_KINDS = frozenset({"cancelled", "rejected"})
KINDS = LIVE_KINDS | ENDING_KINDS

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


# -- formatting -----------------------------------------------------------------


def _office_context(office: Office) -> dict[str, Any]:
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
    to = address_of(booking.member)
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
    with in_language_of(booking.member):
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
        send_templated(
            to=to,
            subject=subject,
            template="bookings/email/notice",
            context=context,
            reply_to=booking.office.email,
            attachments=(calendar_part(ics, method, filename="booking.ics"),),
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
    with in_language_of(booking.member):
        context = _booking_context(booking)
        context.update(kind="reminder", lead=LEADS["reminder"], reason="", ics_note="")
        subject = SUBJECTS["reminder"] % {
            "space": booking.space.name,
            "time": short_time(booking.starts_at),
        }
        send_templated(
            to=to,
            subject=subject,
            template="bookings/email/notice",
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
    to = address_of(entry.member)
    if not to:
        return "skipped: no recipient"
    assert entry.offered_until is not None  # offer_open() checked it
    office = entry.space.office
    with in_language_of(entry.member):
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
        send_templated(
            to=to,
            subject=subject,
            template="bookings/email/offer",
            context=context,
            reply_to=office.email,
        )
    return "sent: offer"
