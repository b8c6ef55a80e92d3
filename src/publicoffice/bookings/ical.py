"""iCalendar (RFC 5545) text for bookings: e-mail invitations, downloads and feeds.

A booking is one VEVENT whose UID never changes (``booking-<public_id>@publicoffice``)
and whose SEQUENCE is the booking's ``sequence``, which the services raise on
every change the member is told about. That pair is what lets a calendar
program update the event it already has in place instead of adding a second
one, and drop it on ``METHOD:CANCEL``.

The calendar around the events (time zone, feed name, text cleaning) comes
from :mod:`publicoffice.core.ical`, shared with the events' calendars.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from icalendar import Event, vCalAddress

from publicoffice.bookings.models import Booking, BookingStatus
from publicoffice.core.ical import CANCEL, REQUEST, calendar_ics, plain, site_url, vtimezone
from publicoffice.core.timeutils import local_zone

PRODID = "-//Public Office//Bookings//EN"

__all__ = [
    "CANCEL",
    "PRODID",
    "REQUEST",
    "booking_event",
    "booking_ics",
    "booking_uid",
    "booking_url",
    "feed_ics",
    "ical_status",
    "invitation_ics",
    "office_location",
    "site_url",
    "vtimezone",
]


def booking_uid(booking: Booking) -> str:
    """The same for every version of one booking, so calendars update in place."""
    return f"booking-{booking.public_id}@publicoffice"


def booking_url(booking: Booking) -> str:
    """The booking's page in the active language."""
    return site_url(reverse("bookings:detail", kwargs={"public_id": booking.public_id}))


def ical_status(booking: Booking, at: datetime) -> str:
    """CONFIRMED, TENTATIVE (waiting for approval) or CANCELLED.

    A booking released for a missed check-in counts as cancelled even before
    a write has marked it a no-show: the clock decides, as everywhere else.
    """
    if not booking.holds_at(at):
        return "CANCELLED"
    if booking.status == BookingStatus.PENDING:
        return "TENTATIVE"
    return "CONFIRMED"


def office_location(booking: Booking) -> str:
    """Office name and street address on one line."""
    office = booking.office
    town = f"{office.postal_code} {office.city}".strip()
    return ", ".join(part for part in (str(office.name), office.street_address, town) if part)


def _summary(booking: Booking, status: str) -> str:
    summary = _("%(space)s, %(office)s") % {
        "space": booking.space.name,
        "office": booking.office.name,
    }
    if status == "CANCELLED":
        return _("Cancelled: %(summary)s") % {"summary": summary}
    if status == "TENTATIVE":
        return _("Waiting for approval: %(summary)s") % {"summary": summary}
    return summary


def _description(booking: Booking, status: str, url: str) -> str:
    lines: list[str] = []
    if status == "CANCELLED":
        lines.append(_("This booking is cancelled."))
    elif status == "TENTATIVE":
        lines.append(_("Staff have not approved this booking yet."))
    if booking.purpose:
        lines.append(_("Purpose: %(purpose)s") % {"purpose": booking.purpose})
    if booking.attendees > 1:
        lines.append(_("People: %(count)d") % {"count": booking.attendees})
    if booking.checkin_deadline and status != "CANCELLED":
        deadline = booking.checkin_deadline.astimezone(local_zone())
        lines.append(
            _("Check in by %(time)s, or the space is released.")
            % {"time": formats.time_format(deadline)}
        )
    lines.append(_("Booking: %(url)s") % {"url": url})
    return "\n".join(lines)


def _organizer(booking: Booking) -> vCalAddress:
    """The office, reached through the no-reply sender: replies are not read."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return vCalAddress.new(address or "noreply@localhost", cn=str(booking.office.name))


def _attendee(booking: Booking, status: str) -> vCalAddress | None:
    member = booking.member
    if member is None or not member.email:
        return None
    partstat = {"CONFIRMED": "ACCEPTED", "TENTATIVE": "TENTATIVE"}.get(status, "DECLINED")
    return vCalAddress.new(
        member.email,
        cn=str(member),
        role="REQ-PARTICIPANT",
        partstat=partstat,
        rsvp=False,
    )


def booking_event(
    booking: Booking, *, at: datetime, stamp: datetime, invitation: bool = False
) -> Event:
    """One VEVENT for ``booking`` as it is now, in the active language.

    ``stamp`` is DTSTAMP: when the message was made for an e-mail, when the
    booking last changed for a feed (RFC 5545, 3.8.7.2). ``invitation`` adds
    the ORGANIZER and ATTENDEE that iTIP messages need; feeds leave the
    member's address out.
    """
    zone = local_zone()
    status = ical_status(booking, at)
    url = booking_url(booking)
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("created", booking.created_at.astimezone(UTC))
    event.add("last-modified", booking.updated_at.astimezone(UTC))
    event.add("sequence", booking.sequence)
    event.add("dtstart", booking.starts_at.astimezone(zone))
    event.add("dtend", booking.ends_at.astimezone(zone))
    event.add("summary", plain(_summary(booking, status)))
    event.add("location", plain(office_location(booking)))
    event.add("geo", (float(booking.office.latitude), float(booking.office.longitude)))
    event.add("description", plain(_description(booking, status, url)))
    event.add("status", status)
    event.add("transp", "TRANSPARENT" if status == "CANCELLED" else "OPAQUE")
    event.add("class", "PRIVATE")
    event.add("url", url)
    if invitation:
        event.add("organizer", _organizer(booking))
        attendee = _attendee(booking, status)
        if attendee is not None:
            event.add("attendee", attendee)
    return event


def _calendar(
    bookings: Iterable[Booking],
    *,
    at: datetime,
    method: str | None,
    name: str | None,
) -> bytes:
    """An invitation (with ``method``), a download, or a feed (with ``name``).

    An invitation is stamped now and names its attendee; a download or feed
    is stamped with each booking's last change, so fetching it again without
    a change gives the same bytes.
    """
    events = [
        booking_event(
            booking,
            at=at,
            stamp=at if method else booking.updated_at,
            invitation=bool(method),
        )
        for booking in bookings
    ]
    return calendar_ics(events, prodid=PRODID, method=method, name=name)


def invitation_ics(booking: Booking, *, at: datetime, method: str = REQUEST) -> bytes:
    """An iTIP message for an e-mail: REQUEST (new or changed) or CANCEL."""
    return _calendar([booking], at=at, method=method, name=None)


def booking_ics(booking: Booking, *, at: datetime) -> bytes:
    """One booking to download and import."""
    return _calendar([booking], at=at, method=None, name=None)


def feed_ics(bookings: Iterable[Booking], *, at: datetime, name: str) -> bytes:
    """A member's subscribed calendar: every recent and coming booking."""
    return _calendar(bookings, at=at, method=None, name=name)
