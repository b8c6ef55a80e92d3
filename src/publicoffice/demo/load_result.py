"""What a demo load wrote, and the totals ``publicoffice demo`` prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models

from publicoffice.demo import network, people, vocabulary
from publicoffice.demo.bookings import BookingsResult
from publicoffice.demo.bookings import totals as booking_totals
from publicoffice.demo.community import CommunityResult
from publicoffice.demo.dialogue import DialogueResult
from publicoffice.demo.events import EventsResult
from publicoffice.demo.visits import VisitsResult, kiosk_unlock_path
from publicoffice.places.models import (
    AccessibilityFacts,
    HoursException,
    Office,
    Space,
    WeeklyHours,
)


@dataclass
class LoadResult:
    """What a load wrote: rows created and updated per model, and the demo's size."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    totals: dict[str, int] = field(default_factory=dict)
    today: date | None = None
    #: (office name, date) of special hours on a public holiday.
    holiday_specials: list[tuple[str, date]] = field(default_factory=list)
    #: (office name, path) of every demo kiosk's unlock link; the key is in the path.
    kiosk_links: list[tuple[str, str]] = field(default_factory=list)
    #: Refusal code -> demo booking events the services refused (expected: none).
    booking_refusals: Counter[str] = field(default_factory=Counter)
    #: Refusal code -> demo writes the community services refused (expected: none).
    community_refusals: Counter[str] = field(default_factory=Counter)
    #: Refusal code -> times the event services refused a planned time (another was tried).
    event_refusals: Counter[str] = field(default_factory=Counter)
    #: Refusal code -> demo writes the dialogue services refused (expected: none).
    dialogue_refusals: Counter[str] = field(default_factory=Counter)

    def note(self, obj: models.Model, created: bool) -> None:
        label = type(obj)._meta.verbose_name_plural
        (self.created if created else self.updated)[str(label)] += 1


@dataclass
class Stories:
    """What the optional stories loaded (``None`` for a story left out)."""

    history: VisitsResult | None
    booked: BookingsResult | None
    meeting_place: CommunityResult | None
    calendar: EventsResult | None
    dialogue: DialogueResult | None = None


def add_stories(
    result: LoadResult, stories: Stories, *, offices: dict[str, Office], now: datetime
) -> None:
    """Add each loaded story's totals and refusals to ``result``."""
    history, booked = stories.history, stories.booked
    meeting_place, calendar = stories.meeting_place, stories.calendar
    if history is not None:
        result.totals.update(history.totals())
        result.kiosk_links = [
            (getattr(office, "name_sv", office.name), kiosk_unlock_path(key))
            for office, key in history.kiosks
        ]
    if booked is not None:
        result.totals.update(booked.totals)
        result.booking_refusals = booked.refused
    if meeting_place is not None:
        result.totals.update(meeting_place.totals)
        result.community_refusals = meeting_place.refused
        if history is not None:  # members checked in to be shown here today
            result.totals["people checked in now"] += meeting_place.checked_in
    if calendar is not None:
        result.totals.update(calendar.totals)
        result.event_refusals = calendar.refused
    if stories.dialogue is not None:
        result.totals.update(stories.dialogue.totals)
        result.dialogue_refusals = stories.dialogue.refused
    if booked is not None and calendar is not None:  # the events' rooms are bookings too
        office_ids = [office.pk for office in offices.values()]
        result.totals.update(booking_totals(office_ids, now, booked.totals["booking rules"]))


def network_totals(offices: dict[str, Office]) -> dict[str, int]:
    """How big the demo network is, for the summary `publicoffice demo` prints."""
    office_ids = [office.pk for office in offices.values()]
    statuses = Counter(office.status for office in offices.values())
    return {
        "municipalities": len(network.MUNICIPALITIES),
        "districts": sum(len(d) for _name, d in network.MUNICIPALITIES.values()),
        "operators": len(network.OPERATORS),
        "offices": len(offices),
        "open offices": statuses["open"],
        "planned offices": statuses["planned"],
        "paused offices": statuses["paused"],
        "spaces": Space.objects.filter(office_id__in=office_ids).count(),
        "weekly opening hours": WeeklyHours.objects.filter(office_id__in=office_ids).count(),
        "exceptions to opening hours": HoursException.objects.filter(
            office_id__in=office_ids
        ).count(),
        "accessibility facts": AccessibilityFacts.objects.filter(office_id__in=office_ids).count(),
        "amenities": len(vocabulary.AMENITIES),
        "languages": len(vocabulary.LANGUAGES),
        "demo logins": len(people.USERS),
    }
