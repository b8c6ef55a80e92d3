"""iCalendar (RFC 5545) text for events: feeds, downloads and e-mail attachments.

An event is one VEVENT whose UID never changes (``event-<public_id>@publicoffice``)
and whose SEQUENCE is the event's ``sequence``, raised by the services on
every change, so a calendar program that subscribed to a feed or imported
an e-mail's file updates the event in place. A cancelled event stays in the
feeds with ``STATUS:CANCELLED`` so calendars show it struck through rather
than silently dropping it.

The calendar around the events (the VTIMEZONE, the feed name and refresh
interval, absolute addresses, text cleaning) comes from
:mod:`publicoffice.core.ical`, so bookings' and events' calendar files are
written the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Event as VEvent
from icalendar import vCalAddress

from publicoffice.accounts.actors import Member
from publicoffice.core.ical import CANCEL, REQUEST, calendar_ics, plain, site_url
from publicoffice.core.timeutils import local_zone
from publicoffice.events.models import Event, EventStatus

PRODID = "-//Public Office//Events//EN"

__all__ = [
    "CANCEL",
    "REQUEST",
    "event_ics",
    "event_uid",
    "event_url",
    "event_vevent",
    "feed_ics",
    "invitation_ics",
]


def event_uid(event: Event) -> str:
    """The same for every version of one event, so calendars update in place."""
    return f"event-{event.public_id}@publicoffice"


def event_url(event: Event) -> str:
    """The event's page, absolute, in the active language."""
    return site_url(reverse("events:detail", kwargs={"public_id": event.public_id}))


def ical_status(event: Event) -> str:
    """CONFIRMED, CANCELLED, or TENTATIVE for a postponed event (its date will change)."""
    if event.status == EventStatus.CANCELLED:
        return "CANCELLED"
    if event.status == EventStatus.POSTPONED:
        return "TENTATIVE"
    return "CONFIRMED"


def event_location(event: Event) -> str:
    """Office, room, street and town on one line."""
    office = event.office
    town = f"{office.postal_code} {office.city}".strip()
    room = str(event.space.name) if event.space_id and event.space is not None else ""
    parts = (str(office.name), room, office.street_address, town)
    return ", ".join(part for part in parts if part)


def _summary(event: Event) -> str:
    title = str(event.title)
    if event.status == EventStatus.CANCELLED:
        return _("Cancelled: %(title)s") % {"title": title}
    if event.status == EventStatus.POSTPONED:
        return _("Postponed: %(title)s") % {"title": title}
    if event.status == EventStatus.MOVED:
        return _("Moved: %(title)s") % {"title": title}
    return title


def _description(event: Event, url: str) -> str:
    lines: list[str] = []
    if event.status_note and event.status != EventStatus.SCHEDULED:
        lines.append(str(event.status_note))
    if event.description:
        lines.append(str(event.description))
    languages = [str(language.name) for language in event.languages.all()]
    if languages:
        lines.append(_("Languages: %(languages)s") % {"languages": ", ".join(languages)})
    lines.append(_("For: %(audience)s") % {"audience": event.get_audience_display()})
    if event.accessibility_notes:
        lines.append(_("Accessibility: %(notes)s") % {"notes": event.accessibility_notes})
    if event.capacity:
        lines.append(_("Seats: %(count)d") % {"count": event.capacity})
    lines.append(_("Free of charge."))
    lines.append(_("Event page: %(url)s") % {"url": url})
    return "\n\n".join(lines)


def _organizer(event: Event) -> vCalAddress:
    """The office, reached through the no-reply sender."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return vCalAddress.new(address or "noreply@localhost", cn=str(event.office.name))


def _attendee(member: Member | None, partstat: str) -> vCalAddress | None:
    if member is None or not getattr(member, "email", ""):
        return None
    return vCalAddress.new(
        member.email, cn=str(member), role="REQ-PARTICIPANT", partstat=partstat, rsvp=False
    )


def event_vevent(
    event: Event,
    *,
    stamp: datetime,
    member: Member | None = None,
    partstat: str = "ACCEPTED",
) -> VEvent:
    """One VEVENT for ``event`` as it is now, in the active language.

    ``stamp`` is DTSTAMP: when the message was made for an e-mail, when the
    event last changed for a feed. ``member`` (e-mails only) adds the
    ORGANIZER and ATTENDEE iTIP needs; feeds name nobody.
    """
    zone = local_zone()
    url = event_url(event)
    status = ical_status(event)
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp.astimezone(UTC))
    vevent.add("created", event.created_at.astimezone(UTC))
    vevent.add("last-modified", event.updated_at.astimezone(UTC))
    vevent.add("sequence", event.sequence)
    vevent.add("dtstart", event.starts_at.astimezone(zone))
    vevent.add("dtend", event.ends_at.astimezone(zone))
    vevent.add("summary", plain(_summary(event)))
    vevent.add("location", plain(event_location(event)))
    office = event.office
    if office.latitude is not None and office.longitude is not None:
        vevent.add("geo", (float(office.latitude), float(office.longitude)))
    vevent.add("description", plain(_description(event, url)))
    vevent.add("status", status)
    vevent.add("transp", "TRANSPARENT" if status == "CANCELLED" else "OPAQUE")
    vevent.add("class", "PUBLIC")
    vevent.add("categories", [plain(event.get_audience_display())])
    vevent.add("url", url)
    if member is not None:
        vevent.add("organizer", _organizer(event))
        attendee = _attendee(member, partstat)
        if attendee is not None:
            vevent.add("attendee", attendee)
    return vevent


def _calendar(
    events: Iterable[Event],
    *,
    at: datetime,
    method: str | None = None,
    name: str | None = None,
    member: Member | None = None,
    partstat: str = "ACCEPTED",
) -> bytes:
    """An invitation (with ``method``), a download, or a feed (with ``name``).

    An invitation is stamped now; a download or feed is stamped with each
    event's last change, so fetching it again without a change gives the
    same bytes.
    """
    vevents = [
        event_vevent(
            event,
            stamp=at if method else event.updated_at,
            member=member,
            partstat=partstat,
        )
        for event in events
    ]
    return calendar_ics(vevents, prodid=PRODID, method=method, name=name)


def event_ics(event: Event, *, at: datetime) -> bytes:
    """One event to download and import (no METHOD: not an invitation)."""
    return _calendar([event], at=at)


def invitation_ics(
    event: Event, *, at: datetime, member: Member, method: str = REQUEST, partstat: str = "ACCEPTED"
) -> bytes:
    """An iTIP message for an e-mail: REQUEST (your seat, or a change) or CANCEL."""
    return _calendar([event], at=at, method=method, member=member, partstat=partstat)


def feed_ics(events: Iterable[Event], *, at: datetime, name: str) -> bytes:
    """A subscribable calendar of an office's or the network's events."""
    return _calendar(events, at=at, name=name)
