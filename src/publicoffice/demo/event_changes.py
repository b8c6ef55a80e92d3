"""The state of a demo events load, and what hosts change once events are planned.

Kept apart from the planning and registrations in
:mod:`publicoffice.demo.events` so neither module grows past a readable
length. Here a host cancels, postpones and moves an event, each through
the event services with ``at=`` set to when the host would have done it.
(Members' proposals, some of which became events, are the dialogue demo's.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

from publicoffice.core.errors import DomainError
from publicoffice.demo import events_data as data
from publicoffice.demo.booking_calendar import open_periods, wall
from publicoffice.demo.event_planning import EVENT_ROOMS, Rooms, hosts_of, registrants
from publicoffice.demo.visit_shapes import seeded
from publicoffice.demo.vocabulary import TEXT_LANGUAGES
from publicoffice.events.models import Event
from publicoffice.events.services import event_set_status, event_update
from publicoffice.places.models import Office, Space

PAST_DAYS = 14
T = TypeVar("T")


@dataclass
class EventsResult:
    totals: dict[str, int] = field(default_factory=dict)
    #: Refusal code -> times a service refused a demo write (a room taken: next time).
    refused: Counter[str] = field(default_factory=Counter)
    #: Title (Swedish) -> events that got a waitlist.
    waitlisted: list[Event] = field(default_factory=list)


class EventChanges:
    """The offices, rooms, people and records of one load, and the hosts' changes."""

    def __init__(self, offices: list[Office], today: date, now: datetime) -> None:
        self.today, self.now = today, now
        self.rng = seeded("events", today)
        self.offices = offices
        self.result = EventsResult()
        spaces = list(
            Space.objects.filter(office__in=offices, is_bookable=True, kind__in=EVENT_ROOMS)
            .select_related("office")
            .order_by("office__slug", "pk")
        )
        by_pk = {o.pk: o for o in offices}
        for space in spaces:
            space.office = by_pk[space.office_id]  # with its hours loaded
        self.rooms_of: dict[int, list[Space]] = {}
        for space in spaces:
            self.rooms_of.setdefault(space.office_id, []).append(space)
        first = wall(today - timedelta(days=PAST_DAYS + 1), 0)
        self.rooms = Rooms.of(spaces, first, wall(today + timedelta(days=40), 0))
        self.hosts = hosts_of(offices)
        self.members = registrants()
        self.kind_of: dict[int, data.EventKind] = {}
        #: (event, when it was planned), in the order they were made.
        self.dated: list[tuple[Event, datetime]] = []
        #: (booking id, when it was made) of every room booked for an event.
        self.booked: list[tuple[int, datetime]] = []

    def attempt(self, service: Callable[..., T], **arguments: Any) -> T | None:
        """Call a service; a refusal is counted and ``None`` returned."""
        try:
            return service(**arguments)
        except DomainError as error:
            self.result.refused[error.code] += 1
            return None

    # hosts' changes

    def change(self, event: Event, status: str, notes: dict[str, str]) -> None:
        host = self.hosts[event.office_id]
        changed = self.attempt(
            event_set_status,
            event=event,
            actor=host,
            status=status,
            note=notes["sv"],
            at=now_minus(self.now, days=1),
        )
        if changed is not None:
            translate_note(event, notes)

    def move(self, event: Event) -> None:
        """Move an event to another day at the same time, in its room or another one."""
        host = self.hosts[event.office_id]
        office = next(o for o in self.offices if o.pk == event.office_id)
        local = timezone.localtime(event.starts_at)
        rooms = sorted(self.rooms_of[office.pk], key=lambda r: (r.pk != event.space_id, r.pk))
        for days in range(1, 8):
            day = local.date() + timedelta(days=days)
            starts_at = wall(day, local.hour, local.minute)
            ends_at = starts_at + (event.ends_at - event.starts_at)
            if not any(o <= starts_at and ends_at <= c for o, c in open_periods(office, day)):
                continue
            for room in rooms:
                if day > self.rooms.last_day(room, self.today):
                    continue
                if room.capacity < (event.capacity or 1):
                    continue
                if not self.rooms.fits(room, starts_at, ends_at):
                    continue
                notes = move_notes(starts_at, room)
                at = now_minus(self.now, hours=20)
                moved = self.attempt(
                    event_update,
                    event=event,
                    actor=host,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    space=room,
                    note=notes["sv"],
                    at=at,
                )
                if moved is not None:
                    translate_note(event, notes)
                    self.rooms.hold(room, starts_at, ends_at)
                    if moved.booking_id not in (None, event.booking_id):  # another room
                        self.booked.append((moved.booking_id, at))
                    return


def move_notes(starts_at: datetime, room: Space) -> dict[str, str]:
    """Where a moved event is now, in every language, with the day's name in it."""
    notes = {}
    for code in TEXT_LANGUAGES:
        with translation.override(code):
            notes[code] = data.MOVE_NOTE[code] % {
                "day": date_format(starts_at, "l j F"),
                "time": date_format(starts_at, "H.i" if code == "sv" else "H:i"),
                "room": room.name,  # in the active language, or its fallback
            }
    return notes


def translate_note(event: Event, notes: dict[str, str]) -> None:
    """The host's note in the other languages, as a translator adds them in the admin."""
    Event.objects.filter(pk=event.pk).update(
        **{f"status_note_{code}": notes[code] for code in TEXT_LANGUAGES if code != "sv"}
    )


def now_minus(now: datetime, **delta: float) -> datetime:
    return now - timedelta(**delta)
