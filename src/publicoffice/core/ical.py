"""iCalendar (RFC 5545) building blocks shared by every kind of calendar file.

Bookings and events each write their own VEVENTs, but the file around them
must be the same for both: calendar programs and subscribers should not be
able to tell which app made a file by how its shell, time zone or text is
written. So the parts that know nothing about bookings or events live here,
and both apps build their files with :func:`calendar_ics`.

Times are written in local wall-clock time with ``TZID`` set to the project's
``TIME_ZONE`` and a VTIMEZONE for the years involved, so an event at 10:00
stays at 10:00 on either side of a daylight-saving change. Text is built with
the ``icalendar`` package, which escapes ``, ; \\`` and newlines and folds
lines at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo

from django.conf import settings
from icalendar import Calendar, Component, Timezone, TimezoneDaylight, TimezoneStandard, vDuration

from publicoffice.core.timeutils import local_zone

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


def plain(value: str) -> str:
    """Drop control characters RFC 5545 forbids in TEXT (newlines and tabs stay).

    Each becomes a space rather than vanishing, so words either side of it
    stay apart.
    """
    return "".join(
        " " if unicodedata.category(char) == "Cc" and char not in "\n\t" else char for char in value
    )


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


def _local_year(value: date, zone: tzinfo) -> int:
    """The year of ``value`` on the local calendar (a date is already local)."""
    if isinstance(value, datetime):
        return value.astimezone(zone).year
    return value.year


def calendar_ics(
    events: Sequence[Component],
    *,
    prodid: str,
    method: str | None = None,
    name: str | None = None,
) -> bytes:
    """A whole VCALENDAR around ``events``, as bytes to send or serve.

    ``method`` (an iTIP method, for e-mails only) is written only when given:
    a download or feed that carried one would be taken for an invitation.
    ``name`` marks a subscribed feed and adds its display name, its zone and
    how often to fetch it again. The VTIMEZONE covers the local years from
    the earliest DTSTART to the latest DTEND, because every TZID used needs
    one; an empty calendar has none. It is the project's ``TIME_ZONE``, the
    only zone the events' times are written in.
    """
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    if name:
        cal.calendar_name = plain(name)  # NAME and the older X-WR-CALNAME
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        cal.refresh_interval = FEED_REFRESH
        # An X- property has no known type, so give the value as a duration;
        # a bare timedelta would be written as Python's "1:00:00".
        cal.add("x-published-ttl", vDuration(FEED_REFRESH))
    if events:
        zone = local_zone()
        starts = [event.decoded("dtstart") for event in events]
        ends = [
            event.decoded("dtend") if "dtend" in event else start
            for event, start in zip(events, starts, strict=True)
        ]
        cal.add_component(
            vtimezone(
                settings.TIME_ZONE,
                zone,
                min(_local_year(start, zone) for start in starts),
                max(_local_year(end, zone) for end in ends),
            )
        )
    for event in events:
        cal.add_component(event)
    return bytes(cal.to_ical())
