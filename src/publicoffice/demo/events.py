"""Demo events: a month of cafés, workshops and evenings at the open offices.

From two weeks back to four weeks ahead, every open office with a room
for events holds three or four events a week (one or two in the weeks gone
by), of the kinds in
:mod:`publicoffice.demo.events_data`. Everything goes through the event
services with ``at=`` set to when a host would have done it:
:func:`event_create` reserves the room through the booking service (so the
booking rules and the double-booking guard apply), members register with
:func:`registration_create` (two events fill up and get a waitlist, and a
cancelled seat goes to the first in line), and hosts cancel, postpone and
move an event.

Times are chosen to keep every booking rule without an override: inside
opening hours, on the room's slots, within how far ahead the room may be
booked, and clear of the demo's other bookings (those still holding the
room and the no-shows, which held it when the event was planned). A time
the booking service still refuses is counted and the next one is tried.

The load's state and the hosts' later changes (cancel, postpone, move)
are in :mod:`publicoffice.demo.event_changes`.

On every run the demo offices' events (and the bookings of their rooms) are
deleted and made again; for a given ``today`` and ``now`` they are the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import TypeVar

from django.db.models import Case, Value, When

from publicoffice.accounts.models import User
from publicoffice.bookings.models import Booking, BookingLogEntry
from publicoffice.demo import events_data as data
from publicoffice.demo.booking_calendar import open_periods
from publicoffice.demo.event_changes import PAST_DAYS, EventChanges, EventsResult, now_minus
from publicoffice.demo.event_planning import MINUTE, candidates, clear_events, planned_at, rooms_for
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.demo.vocabulary import TEXT_LANGUAGES
from publicoffice.events.models import Event, EventStatus, Registration
from publicoffice.events.services import event_create, registration_cancel, registration_create
from publicoffice.places.models import Office, OfficeStatus, Space

T = TypeVar("T")

# -- the load ------------------------------------------------------------------------


class _Loader(EventChanges):
    """Plans the events, registers members and finishes the records; see the module docstring."""

    # events

    def week_days(self, office: Office, monday: date) -> list[date]:
        last = max(
            (self.rooms.last_day(room, self.today) for room in self.rooms_of[office.pk]),
            default=self.today,
        )
        first = self.today - timedelta(days=PAST_DAYS)
        days = [monday + timedelta(days=n) for n in range(7)]
        return [d for d in days if first <= d <= last and open_periods(office, d)]

    def place(self, office: Office, kind: data.EventKind, days: list[date]) -> Event | None:
        host = self.hosts[office.pk]
        shuffled = self.rng.sample(days, len(days))
        for starts_at, ends_at in candidates(office, kind, shuffled):
            for room in rooms_for(kind, self.rooms_of[office.pk]):
                if starts_at.date() > self.rooms.last_day(room, self.today):
                    continue
                if not self.rooms.fits(room, starts_at, ends_at):
                    continue
                capacity = min(kind.capacity, room.capacity) if kind.capacity else None
                at = planned_at(starts_at, self.now)
                event = self.attempt(
                    event_create,
                    office=office,
                    actor=host,
                    title=kind.title["sv"],
                    description=kind.description["sv"],
                    starts_at=starts_at,
                    ends_at=ends_at,
                    space=room,
                    capacity=capacity,
                    languages=kind.languages,
                    audience=kind.audience,
                    accessibility_notes=kind.accessibility.get("sv", ""),
                    at=at,
                )
                if event is None:
                    continue
                self.rooms.hold(room, starts_at, ends_at)
                self.kind_of[event.pk] = kind
                self.dated.append((event, at))
                if event.booking_id is not None:
                    self.booked.append((event.booking_id, at))
                return event
        return None

    def schedule(self) -> list[Event]:
        monday = self.today - timedelta(days=self.today.weekday() + 7 * 2)
        weights = [kind.weight for kind in data.KINDS]
        events = []
        for office in self.offices:
            rooms = self.rooms_of.get(office.pk, [])
            if not rooms:
                continue
            for week in range(7):
                days = self.week_days(office, monday + timedelta(weeks=week))
                if not days:
                    continue
                count = self.rng.randint(*self.per_week(rooms, past=days[-1] < self.today))
                for kind in self.rng.choices(data.KINDS, weights=weights, k=count):
                    event = self.place(office, kind, days)
                    if event is not None:
                        events.append(event)
        return events

    @staticmethod
    def per_week(rooms: list[Space], *, past: bool) -> tuple[int, int]:
        """How many events an office holds a week (fewest, most).

        Offices with more than one room hold more. Weeks gone by have fewer:
        they only show in statistics and "past events", and every event
        costs the demo's load a room booking.
        """
        if past:
            return (1, 2)
        return (3, 4) if len(rooms) >= 2 else (3, 3)

    # registrations

    def sample(self, count: int, *, leave_out: tuple[User, ...] = ()) -> list[User]:
        people = [u for u in self.members if u not in leave_out]
        return self.rng.sample(people, min(count, len(people)))

    def register(self, event: Event, members: list[User], until: datetime) -> int:
        """Register ``members`` in turn between the event's planning and ``until``."""
        start = next(at for e, at in self.dated if e.pk == event.pk)
        done = 0
        for index, member in enumerate(members):
            at = start + (until - start) * ((index + 1) / (len(members) + 1))
            if self.attempt(registration_create, event=event, member=member, at=at):
                done += 1
        return done

    def fill(self, events: list[Event], special: set[int]) -> None:
        """Registrations for events with seats: some coming ones fill up, past ones less.

        Events without a seat limit get none (anyone can come), and one event
        in three none yet: each registration is a service call, and the
        demo should load in seconds.
        """
        for event in events:
            if event.pk in special or event.capacity is None or self.rng.random() < 1 / 3:
                continue
            shares = (0.25, 0.5) if event.starts_at < self.now else (0.25, 0.5, 0.75, 1.0)
            count = round(event.capacity * self.rng.choice(shares))
            until = min(event.starts_at - timedelta(hours=1), self.now - MINUTE)
            self.register(event, self.sample(count), until)

    # the whole story

    def run(self) -> EventsResult:
        events = self.schedule()
        now = self.now
        future = [e for e in events if e.starts_at > now + timedelta(days=2)]
        full = self.to_fill(future)
        # Changed a day ago, planned a week before they start: from two to six days ahead.
        soon = [e for e in future if e.starts_at < now + timedelta(days=6) and e not in full]
        changed = [soon[0], soon[len(soon) // 2], soon[-1]] if len(soon) >= 3 else []
        special = {e.pk for e in [*full, *changed]}
        self.fill(events, special)
        self.waitlists(full)
        self.logins(events, special)
        for event in changed:
            self.register(event, self.sample(4), now - timedelta(days=2))
        if changed:
            cancelled, postponed, moved = changed
            self.change(cancelled, EventStatus.CANCELLED, data.CANCEL_NOTE)
            self.change(postponed, EventStatus.POSTPONED, data.POSTPONE_NOTE)
            self.move(moved)
        self.redate()
        self.translate()
        self.result.totals = self.totals()
        return self.result

    def to_fill(self, future: list[Event]) -> list[Event]:
        """A CV workshop and a start-up advice, at two offices: more people than seats."""
        full: list[Event] = []
        for key in data.FILLED_KINDS:
            event = next(
                (
                    e
                    for e in future
                    if self.kind_of[e.pk].key == key
                    and e.capacity
                    and e.office_id not in {f.office_id for f in full}
                ),
                None,
            )
            if event is not None:
                full.append(event)
        return full

    def waitlists(self, full: list[Event]) -> None:
        """Two events get more registrations than seats; one seat is given back."""
        johan = User.objects.get(email=f"johan@{DEMO_DOMAIN}")
        for number, event in enumerate(full):
            crowd = self.sample((event.capacity or 0) + 3, leave_out=(johan,))
            if number == 0:
                crowd.append(johan)
            self.register(event, crowd, now_minus(self.now, minutes=30))
            self.result.waitlisted.append(event)
        first = Registration.objects.filter(event__in=full[:1], status="registered").first()
        if first is not None:
            self.attempt(
                registration_cancel,
                registration=first,
                actor=first.member,
                at=now_minus(self.now, hours=5),
            )

    def logins(self, events: list[Event], special: set[int]) -> None:
        """The demo logins' own registrations, in events that still have room."""
        for name, keys in data.LOGIN_REGISTRATIONS.items():
            member = User.objects.get(email=f"{name}@{DEMO_DOMAIN}")
            for key in keys:
                event = next(
                    (
                        e
                        for e in events
                        if self.kind_of[e.pk].key == key
                        and e.starts_at > self.now
                        and e.pk not in special
                        and not Registration.objects.filter(event=e, member=member).exists()
                    ),
                    None,
                )
                if event is not None:
                    self.attempt(
                        registration_create,
                        event=event,
                        member=member,
                        at=now_minus(self.now, hours=3),
                    )

    # finishing touches

    def redate(self) -> None:
        """Events, their rooms' bookings and the bookings' log say when they were made."""
        for chunk in _chunks(self.dated):
            when = Case(*(When(pk=e.pk, then=Value(at)) for e, at in chunk))
            Event.objects.filter(pk__in=[e.pk for e, _ in chunk]).update(created_at=when)
        for booked in _chunks(self.booked):
            made = Case(*(When(pk=pk, then=Value(at)) for pk, at in booked))
            logged = Case(*(When(booking_id=pk, then=Value(at)) for pk, at in booked))
            ids = [pk for pk, _at in booked]
            Booking.objects.filter(pk__in=ids).update(created_at=made)
            BookingLogEntry.objects.filter(booking_id__in=ids, action="created").update(at=logged)

    def translate(self) -> None:
        """Titles and texts in the other languages, as a translator adds them in the admin.

        A text left empty in a language (the demo's one deliberate gap) is
        stored empty, so that language falls back.
        """
        for kind in data.KINDS:
            ids = [pk for pk, k in self.kind_of.items() if k.key == kind.key]
            texts = {
                f"{name}_{code}": getattr(kind, field).get(code, "")
                for name, field in (
                    ("title", "title"),
                    ("description", "description"),
                    ("accessibility_notes", "accessibility"),
                )
                for code in TEXT_LANGUAGES
                if code != "sv"
            }
            Event.objects.filter(pk__in=ids).update(**texts)

    def totals(self) -> dict[str, int]:
        events = Event.objects.filter(office__in=self.offices)
        statuses = Counter(events.values_list("status", flat=True))
        registrations = Registration.objects.filter(event__in=events)
        return {
            "events": events.count(),
            "events cancelled, postponed or moved": statuses[EventStatus.CANCELLED]
            + statuses[EventStatus.POSTPONED]
            + statuses[EventStatus.MOVED],
            "event registrations": registrations.filter(status="registered").count(),
            "on event waitlists": registrations.filter(status="waiting").count(),
        }


def _chunks(items: list[T], size: int = 200) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_events(offices: dict[str, Office], *, today: date, now: datetime) -> EventsResult:
    """Replace the demo offices' events; see the module docstring."""
    fresh = list(
        Office.objects.filter(pk__in=[o.pk for o in offices.values()])
        .prefetch_related("weekly_hours", "hours_exceptions")
        .order_by("slug")
    )
    clear_events(office_ids=[office.pk for office in fresh])
    open_offices = [office for office in fresh if office.status == OfficeStatus.OPEN]
    return _Loader(open_offices, today, now).run()
