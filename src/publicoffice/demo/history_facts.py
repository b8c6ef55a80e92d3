"""The year of history's bookings, events, proposals, problem reports and incidents.

Used by :mod:`publicoffice.demo.history`, which says why and when. Each
function writes the demo offices' past from ``start`` up to the first day
its story tells, in bulk, and returns how many rows it wrote.

What is written is what the reports read, and no more:

* bookings as :class:`BookingStatistic` rows only (the figures without the
  person, as they stay once a booking is gone), with past outcomes:
  attended, no-show, cancelled, now and then not approved;
* events as :class:`Event` rows (held, a few cancelled) with their
  :class:`RegistrationStatistic` rows: seats, waitlist and cancellations;
* proposals and problem reports as their statistics rows
  (:class:`ProposalStatistic`, :class:`ProblemStatistic`), as they stay
  after the proposals and reports themselves are archived or deleted:
  answered on time or late, fixed or closed;
* a few incidents under the house rules, handled the next day, without
  any person or description.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta

from django.conf import settings

from publicoffice.bookings.models import BookingStatistic
from publicoffice.conduct.models import Category, Incident
from publicoffice.core.timeutils import local_zone
from publicoffice.demo import history_shapes as shapes
from publicoffice.demo import visit_shapes
from publicoffice.demo.bookings import PAST_DAYS as BOOKINGS_PAST_DAYS
from publicoffice.demo.event_changes import PAST_DAYS as EVENTS_PAST_DAYS
from publicoffice.demo.events_data import KINDS, EventKind
from publicoffice.demo.vocabulary import TEXT_LANGUAGES
from publicoffice.dialogue.models import (
    Kind,
    ProblemCategory,
    ProblemState,
    ProblemStatistic,
    ProposalStatistic,
    State,
)
from publicoffice.events.models import Event, EventStatus, RegistrationStatistic
from publicoffice.places.models import Office, OfficeKind, SpaceKind

#: The dialogue and conduct stories tell about the last three months.
STORIES_DAYS = 90
#: Registration ids of the history's figures: far above any real registration's.
REGISTRATION_IDS = 10**12
ROOMS = (SpaceKind.MEETING_ROOM, SpaceKind.WORKSHOP, SpaceKind.HALL)

PROPOSAL_KINDS = {Kind.ACTIVITY: 35, Kind.IMPROVEMENT: 25, Kind.OPENING_HOURS: 15}
PROPOSAL_KINDS |= {Kind.EQUIPMENT: 12, Kind.ACCESSIBILITY: 8, Kind.OTHER: 5}
ANSWERED = {State.DONE: 30, State.PLANNED: 20, State.BECAME_EVENT: 15, State.DECLINED: 35}
PROBLEM_CATEGORIES = {
    ProblemCategory.EQUIPMENT: 45,
    ProblemCategory.CLEANLINESS: 25,
    ProblemCategory.ACCESSIBILITY: 15,
    ProblemCategory.SAFETY: 5,
    ProblemCategory.OTHER: 10,
}
PROBLEM_ENDS = {ProblemState.FIXED: 82, ProblemState.NOT_A_PROBLEM: 10, ProblemState.DUPLICATE: 8}
INCIDENTS = {Category.DISTURBANCE: 45, Category.DAMAGE: 20, Category.DRUGS_ALCOHOL: 10}
INCIDENTS |= {Category.THREAT: 10, Category.HARASSMENT: 10, Category.OTHER: 5}


def _days(start: date, before: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((before - start).days)]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _how_many(rng: random.Random, expected: float) -> int:
    """A whole number around ``expected``, the fraction drawn."""
    whole = int(expected)
    return whole + (rng.random() < expected - whole)


def _open_at(office: Office, day: date, hour: int) -> bool:
    return any(i.opens <= time(hour) < i.closes for i in office.schedule().intervals_on(day))


def _busyness(office: Office, day: date, today: date) -> float:
    """How busy the office was that day; 0 when it was closed or not yet open."""
    if not office.schedule().intervals_on(day):
        return 0.0
    return shapes.busyness(office.slug, day, today)


# -- bookings -----------------------------------------------------------------------


def load_bookings(offices: list[Office], start: date, today: date) -> int:
    """Past bookings of the bookable spaces, as figures only."""
    rows = []
    for office in offices:
        spaces = [s for s in office.spaces.all() if s.is_bookable]
        for day in _days(start, today - timedelta(days=BOOKINGS_PAST_DAYS)):
            busy = _busyness(office, day, today)
            if not busy or not spaces:
                continue
            rng = shapes.seeded("bookings", office.slug, day.isoformat())
            for space in spaces:
                per_day = shapes.BOOKINGS_PER_DAY.get(SpaceKind(space.kind), 0.3)
                for _n in range(_how_many(rng, per_day * busy)):
                    rows.append(_booking(rng, office, space.kind, space.capacity, day))
    BookingStatistic.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _booking(
    rng: random.Random, office: Office, kind: str, capacity: int, day: date
) -> BookingStatistic:
    minutes = shapes.BOOKING_MINUTES.get(SpaceKind(kind), (60, 120))
    return BookingStatistic(
        office=office,
        space_kind=kind,
        starts_on=day,
        length_minutes=rng.choice(minutes),
        lead_minutes=rng.randint(30, 14 * 24 * 60),
        attendees=1 if capacity <= 1 else rng.randint(2, capacity),
        on_behalf=rng.random() < 0.1,
        outcome=shapes.pick(rng, shapes.PAST_BOOKING_OUTCOMES),
    )


# -- events -------------------------------------------------------------------------


def load_events(offices: list[Office], start: date, today: date) -> tuple[int, int]:
    """Past events at the offices with a room, and their registrations as figures."""
    planned: list[tuple[Event, EventKind, random.Random]] = []
    for office in offices:
        if not any(s.kind in ROOMS for s in office.spaces.all()):
            continue
        per_week = 3.0 if office.kind == OfficeKind.MEETING_PLACE else 1.5
        for day in _days(start, today - timedelta(days=EVENTS_PAST_DAYS)):
            busy = _busyness(office, day, today)
            rng = shapes.seeded("events", office.slug, day.isoformat())
            if not busy or rng.random() >= per_week / 5 * min(busy, 1.0):
                continue
            kind = rng.choices(KINDS, weights=[k.weight for k in KINDS])[0]
            hour = next((h for h in kind.hours if _open_at(office, day, h)), None)
            if hour is not None:
                planned.append((_event(rng, office, kind, day, hour), kind, rng))
    Event.objects.bulk_create([event for event, _kind, _rng in planned], batch_size=1000)
    figures: list[RegistrationStatistic] = []
    for event, kind, rng in planned:
        figures.extend(_registrations(rng, event, kind, REGISTRATION_IDS + len(figures)))
    RegistrationStatistic.objects.bulk_create(figures, batch_size=2000)
    return len(planned), len(figures)


def _event(rng: random.Random, office: Office, kind: EventKind, day: date, hour: int) -> Event:
    starts_at = datetime.combine(day, time(hour), tzinfo=local_zone())
    cancelled = rng.random() < 0.04
    texts = {
        **{f"title_{code}": kind.title.get(code, "") for code in TEXT_LANGUAGES},
        **{f"description_{code}": kind.description.get(code, "") for code in TEXT_LANGUAGES},
    }
    return Event(
        public_id=_uuid(rng),
        office=office,
        title=kind.title["sv"],
        description=kind.description["sv"],
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=kind.minutes),
        capacity=kind.capacity,
        audience=kind.audience,
        status=EventStatus.CANCELLED if cancelled else EventStatus.SCHEDULED,
        **texts,
    )


def _registrations(
    rng: random.Random, event: Event, kind: EventKind, first_id: int
) -> list[RegistrationStatistic]:
    """Seats first come, first served; the rest wait; about one in ten cancels."""
    seats = kind.capacity
    wanted = rng.randint(2, seats + 4) if seats else rng.randint(0, 14)
    day = event.starts_at.astimezone(local_zone()).date()
    figures = []
    taken = 0
    for n in range(wanted):
        cancelled = rng.random() < 0.1 or event.status == EventStatus.CANCELLED
        got_seat = seats is None or taken < seats
        taken += got_seat and not cancelled
        figures.append(
            RegistrationStatistic(
                registration_id=first_id + n,
                event=event,
                day=day - timedelta(days=rng.randint(1, 12)),
                got_seat=got_seat,
                cancelled=cancelled,
            )
        )
    return figures


# -- proposals and problem reports ---------------------------------------------------


def load_dialogue(offices: list[Office], start: date, today: date) -> tuple[int, int]:
    """Proposals answered on time or late, and problem reports fixed or closed."""
    proposals, problems = [], []
    before = today - timedelta(days=STORIES_DAYS)
    for office in offices:
        due_in = office.operator.answer_within_days or settings.DIALOGUE_ANSWER_DAYS
        # One operator answers late more often: a figure worth a question.
        late_share = 0.4 if office.slug in ("alby", "tensta-bibliotek") else 0.12
        for day in _days(start, before):
            busy = _busyness(office, day, today)
            rng = shapes.seeded("dialogue", office.slug, day.isoformat())
            if busy and rng.random() < 0.12 * busy:
                proposals.append(_proposal(rng, office, day, due_in, late_share))
            if busy and rng.random() < 0.06 * busy:
                problems.append(_problem(rng, office, day, due_in))
    ProposalStatistic.objects.bulk_create(proposals, batch_size=2000)
    ProblemStatistic.objects.bulk_create(problems, batch_size=2000)
    return len(proposals), len(problems)


def _proposal(
    rng: random.Random, office: Office, day: date, due_in: int, late_share: float
) -> ProposalStatistic:
    days = shapes.answer_days(rng, due_in, late_share)
    return ProposalStatistic(
        proposal_public_id=_uuid(rng),
        office=office,
        kind=shapes.pick(rng, PROPOSAL_KINDS),
        state=shapes.pick(rng, ANSWERED),
        created_on=day,
        answer_due=day + timedelta(days=due_in),
        days_to_first_answer=days,
        answered_on_time=days <= due_in,
        supports=rng.randint(0, 12),
    )


def _problem(rng: random.Random, office: Office, day: date, due_in: int) -> ProblemStatistic:
    state = shapes.pick(rng, PROBLEM_ENDS)
    first_answer = rng.randint(0, 4)
    return ProblemStatistic(
        report_public_id=_uuid(rng),
        office=office,
        category=shapes.pick(rng, PROBLEM_CATEGORIES),
        state=state,
        created_on=day,
        answer_due=day + timedelta(days=due_in),
        days_to_first_answer=first_answer,
        days_to_fix=first_answer + rng.randint(1, 25) if state == ProblemState.FIXED else None,
    )


# -- incidents ----------------------------------------------------------------------


def load_incidents(offices: list[Office], start: date, today: date) -> int:
    """A few incidents under the house rules, mostly disturbance, at the busier offices."""
    rows = []
    for office in offices:
        for day in _days(start, today - timedelta(days=STORIES_DAYS)):
            busy = _busyness(office, day, today)
            rng = shapes.seeded("incidents", office.slug, day.isoformat())
            if not busy or rng.random() >= 0.02 * busy * office.capacity / 40:
                continue
            day_slots, weights = visit_shapes.slots(office, day)
            (occurred_at, _closes), *_rest = visit_shapes.arrivals(rng, day_slots, weights, 1)
            rows.append(
                Incident(
                    public_id=_uuid(rng),
                    office=office,
                    category=shapes.pick(rng, INCIDENTS),
                    severity=rng.choices((1, 2, 3), weights=(70, 25, 5))[0],
                    occurred_at=occurred_at,
                    handled_at=occurred_at + timedelta(days=1),
                )
            )
    Incident.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
