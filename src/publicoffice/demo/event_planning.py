"""Planning the demo's events: rooms, times and people, and clearing the last run's.

Kept apart from the story in :mod:`publicoffice.demo.events`: what a host
checks before booking a room for an event (is it open, does the room fit,
is it free, may it be booked that far ahead), so the services refuse as
little as possible.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q

from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.bookings.models import Booking, BookingStatistic
from publicoffice.bookings.policies import can_book_on_behalf
from publicoffice.bookings.rules import Rules, rules_for_many
from publicoffice.demo import events_data as data
from publicoffice.demo.booking_calendar import open_periods, wall
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.events.models import Event
from publicoffice.places.models import Office, Space, SpaceKind

#: Kinds of room an event can be held in.
EVENT_ROOMS = (SpaceKind.MEETING_ROOM, SpaceKind.HALL, SpaceKind.WORKSHOP)
#: Events are planned this long before they start (or just before the demo
#: was loaded, for those further ahead).
LEAD = timedelta(days=8)
MINUTE = timedelta(minutes=1)
#: Events go this many days ahead (rooms booked no further than their rules allow).
AHEAD_DAYS = 27
#: Statuses that kept a room when the events were planned.
KEPT = ("pending", "confirmed", "no_show")


# -- clearing ---------------------------------------------------------------------


def event_titles() -> set[str]:
    """Every title the demo gives an event (Swedish), to find their rooms' bookings."""
    return {kind.title["sv"] for kind in data.KINDS}


def clear_events(*, office_ids: list[int]) -> None:
    """Delete the demo offices' events and the bookings that held their rooms.

    Registrations and their figures go with the events. A cancelled event
    no longer points at its (cancelled) booking, so the rooms' bookings are
    found by what the event service names them: the event's title, for no member.
    """
    titles = event_titles()
    events = Event.objects.filter(office_id__in=office_ids)
    bookings = Booking.objects.filter(
        Q(pk__in=events.exclude(booking=None).values("booking_id"))
        | Q(office_id__in=office_ids, member=None, visitor_name__in=titles)
    )
    booking_ids = list(bookings.values_list("pk", flat=True))
    events.delete()
    BookingStatistic.objects.filter(booking_id__in=booking_ids).delete()
    Booking.objects.filter(pk__in=booking_ids).delete()


# -- rooms and times --------------------------------------------------------------


@dataclass
class Rooms:
    """The event rooms, their rules, and what holds them, so planned times never clash."""

    rules: dict[int, Rules]
    taken: dict[int, list[tuple[datetime, datetime]]]

    @classmethod
    def of(cls, spaces: list[Space], start: datetime, end: datetime) -> Rooms:
        taken: dict[int, list[tuple[datetime, datetime]]] = {s.pk: [] for s in spaces}
        for space_id, starts_at, held in Booking.objects.filter(
            space__in=spaces, status__in=KEPT, starts_at__lt=end, blocked_until__gt=start
        ).values_list("space_id", "starts_at", "blocked_until"):
            taken[space_id].append((starts_at, held))
        return cls(rules_for_many(spaces), taken)

    def fits(self, space: Space, starts_at: datetime, ends_at: datetime) -> bool:
        rules = self.rules[space.pk]
        minutes = int((ends_at - starts_at) / MINUTE)
        if not rules.min_minutes <= minutes <= rules.max_minutes:
            return False
        if minutes % rules.slot_minutes or starts_at.minute % rules.slot_minutes:
            return False
        held = ends_at + rules.buffer_minutes * MINUTE
        return all(held <= start or until <= starts_at for start, until in self.taken[space.pk])

    def hold(self, space: Space, starts_at: datetime, ends_at: datetime) -> None:
        held = ends_at + self.rules[space.pk].buffer_minutes * MINUTE
        self.taken[space.pk].append((starts_at, held))

    def last_day(self, space: Space, today: date) -> date:
        """The last day of the demo's events in the room: four weeks ahead, or as far
        as the room may be booked from yesterday (the rule counts days)."""
        return today + timedelta(days=min(AHEAD_DAYS, self.rules[space.pk].max_days_ahead - 1))


def planned_at(starts_at: datetime, now: datetime) -> datetime:
    """When a host planned an event: a week or so before, never after ``now``."""
    return min(now - timedelta(hours=1), starts_at - LEAD)


def candidates(
    office: Office, kind: data.EventKind, days: list[date]
) -> Iterator[tuple[datetime, datetime]]:
    """Times for ``kind`` at ``office`` on ``days``: preferred hours first, inside opening hours."""
    length = kind.minutes * MINUTE
    for day in days:
        periods = open_periods(office, day)
        starts = [wall(day, hour) for hour in kind.hours]
        starts += [opens.replace(minute=0) + timedelta(hours=1) for opens, _closes in periods]
        for starts_at in dict.fromkeys(starts):
            if any(o <= starts_at and starts_at + length <= c for o, c in periods):
                yield starts_at, starts_at + length


def rooms_for(kind: data.EventKind, rooms: list[Space]) -> list[Space]:
    """Rooms that seat the event, the snuggest first (a café without seats: the largest)."""
    seats = kind.capacity
    if seats is None:
        return sorted(rooms, key=lambda r: (-r.capacity, r.pk))
    fitting = [r for r in rooms if r.capacity >= min(seats, 6)]
    return sorted(fitting, key=lambda r: (r.capacity < seats, r.capacity, r.pk))


# -- people --------------------------------------------------------------------------


def hosts_of(offices: list[Office]) -> dict[int, User]:
    """Who creates each office's events: a host who may book rooms for others, else an admin."""
    staff = list(
        RoleAssignment.objects.filter(
            Q(role=Role.HOST, office__in=offices)
            | Q(role__in=[Role.OPERATOR_ADMIN, Role.PLATFORM_ADMIN])
        )
        .select_related("user")
        .order_by("role", "pk")
    )
    people = list(dict.fromkeys(a.user for a in staff))
    chosen = {}
    for office in offices:
        fallback = next(u for u in people if u.is_superuser)
        chosen[office.pk] = next((u for u in people if can_book_on_behalf(u, office)), fallback)
    return chosen


def registrants() -> list[User]:
    """Members who register for events: the demo's members without a staff role."""
    staff = RoleAssignment.objects.values("user_id")
    return list(
        User.objects.filter(email__iendswith=f"@{DEMO_DOMAIN}", is_active=True)
        .exclude(pk__in=staff)
        .order_by("email")
    )
