"""iCalendar (RFC 5545) text for bookings: e-mail invitations, downloads and feeds.

A booking is one VEVENT whose UID never changes (``booking-<public_id>@publicoffice``)
and whose SEQUENCE is the booking's ``sequence``, which the services raise on
every change the member is told about. That pair is what lets a calendar
program update the event it already has in place instead of adding a second
one, and drop it on ``METHOD:CANCEL``.

Times are written in local wall-clock time with ``TZID=Europe/Stockholm``
(the project's ``TIME_ZONE``) and a VTIMEZONE for the years involved, so an
event at 10:00 stays at 10:00 on either side of a daylight-saving change.
Text is built with the ``icalendar`` package, which escapes ``, ; \\`` and
newlines and folds lines at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress

from publicoffice.bookings.models import Booking, BookingStatus
from publicoffice.core.timeutils import local_zone

PRODID = "-//Public Office//Bookings//EN"

#: iTIP methods (RFC 5546) used in e-mails. Downloads and feeds carry none.
REQUEST = "REQUEST"
CANCEL = "CANCEL"

#: How often calendar programs should fetch a feed again.
FEED_REFRESH = timedelta(hours=1)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def site_url(path: str) -> str:
    """An absolute address for ``path``, for mail and calendars (no request at hand).

    Read from ``PUBLIC_BASE_URL``; the default suits a local demo only.
    """
    base = str(getattr(settings, "PUBLIC_BASE_URL", DEFAULT_BASE_URL)).rstrip("/")
    return f"{base}{path}"


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


def _plain(value: str) -> str:
    """Drop control characters RFC 5545 forbids in TEXT (newlines and tabs stay)."""
    return "".join(
        " " if unicodedata.category(char) == "Cc" and char not in "\n\t" else char for char in value
    )


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
    event.add("summary", _plain(_summary(booking, status)))
    event.add("location", _plain(office_location(booking)))
    event.add("geo", (float(booking.office.latitude), float(booking.office.longitude)))
    event.add("description", _plain(_description(booking, status, url)))
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


def _offset(zone: tzinfo, instant: datetime) -> timedelta:
    return instant.astimezone(zone).utcoffset() or timedelta(0)


def _transitions(zone: tzinfo, start: datetime, end: datetime) -> list[datetime]:
    """The instants (UTC, to the second) at which ``zone`` changes its offset."""
    found: list[datetime] = []
    day = timedelta(days=1)
    moment = start
    while moment < end:
        following = moment + day
        if _offset(zone, following) != _offset(zone, moment):
            low, high = int(moment.timestamp()), int(following.timestamp())
            before = _offset(zone, moment)
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(zone, datetime.fromtimestamp(middle, UTC)) == before:
                    low = middle
                else:
                    high = middle
            found.append(datetime.fromtimestamp(high, UTC))
        moment = following
    return found


def vtimezone(tzid: str, zone: tzinfo, first_year: int, last_year: int) -> Timezone:
    """A VTIMEZONE for ``zone`` from 1 January ``first_year`` to the end of ``last_year``.

    Built from the zone's own transitions, so it stays right if the rules
    change. Each observance starts at the onset in the local time *before*
    the change, with TZOFFSETFROM the offset before it (RFC 5545, 3.6.5):
    summer time in Stockholm begins 02:00 +0100 and ends 03:00 +0200.
    (``icalendar.Timezone.from_tzinfo`` writes 03:00 for the first: a
    known bug, so it is not used.)
    """
    start = datetime(first_year, 1, 1, tzinfo=zone).astimezone(UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(UTC)
    initial = start.astimezone(zone)
    # (daylight?, from, to, name) -> local onsets
    observances: dict[tuple[bool, timedelta, timedelta, str], list[datetime]] = {}
    key = (bool(initial.dst()), _offset(zone, start), _offset(zone, start), initial.tzname() or "")
    observances[key] = [initial.replace(tzinfo=None)]
    for instant in _transitions(zone, start, end):
        before = _offset(zone, instant - timedelta(seconds=1))
        after = instant.astimezone(zone)
        key = (bool(after.dst()), before, _offset(zone, instant), after.tzname() or "")
        observances.setdefault(key, []).append((instant + before).replace(tzinfo=None))
    component = Timezone()
    component.add("tzid", tzid)
    for (daylight, offset_from, offset_to, name), onsets in sorted(
        observances.items(), key=lambda item: item[1][0]
    ):
        observance = TimezoneDaylight() if daylight else TimezoneStandard()
        observance.add("dtstart", onsets[0])
        if onsets[1:]:
            observance.add("rdate", onsets[1:])
        observance.add("tzoffsetfrom", offset_from)
        observance.add("tzoffsetto", offset_to)
        if name:
            observance.add("tzname", name)
        component.add_component(observance)
    return component


def _calendar(
    bookings: Iterable[Booking],
    *,
    at: datetime,
    method: str | None,
    name: str | None,
) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.calendar_name = _plain(name)  # NAME and the older X-WR-CALNAME
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        cal.refresh_interval = FEED_REFRESH
        cal.add("x-published-ttl", FEED_REFRESH)
    bookings = list(bookings)
    if bookings:
        # Every TZID used needs its VTIMEZONE, for the years the events fall in.
        zone = local_zone()
        cal.add_component(
            vtimezone(
                settings.TIME_ZONE,
                zone,
                min(b.starts_at.astimezone(zone).year for b in bookings),
                max(b.ends_at.astimezone(zone).year for b in bookings),
            )
        )
    for booking in bookings:
        stamp = at if method else booking.updated_at
        cal.add_component(booking_event(booking, at=at, stamp=stamp, invitation=bool(method)))
    return bytes(cal.to_ical())


def invitation_ics(booking: Booking, *, at: datetime, method: str = REQUEST) -> bytes:
    """An iTIP message for an e-mail: REQUEST (new or changed) or CANCEL."""
    return _calendar([booking], at=at, method=method, name=None)


def booking_ics(booking: Booking, *, at: datetime) -> bytes:
    """One booking to download and import."""
    return _calendar([booking], at=at, method=None, name=None)


def feed_ics(bookings: Iterable[Booking], *, at: datetime, name: str) -> bytes:
    """A member's subscribed calendar: every recent and coming booking."""
    return _calendar(bookings, at=at, method=None, name=name)
