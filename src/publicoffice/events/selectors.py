"""Reads of events: lists, the week across the network, one event, registrations.

Every list loads its events with their office, room and languages and the
number of seats taken and people waiting, in a fixed number of queries
however many events there are (one for the events, one for the languages).
No event lasts longer than :data:`LONGEST_EVENT_DAYS`, so overlap queries
carry a lower bound on ``starts_at`` that lets the database use its index.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import Any
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from publicoffice.accounts.actors import AnyUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.events.models import LONGEST_EVENT_DAYS, Event, Registration, RegistrationStatus
from publicoffice.events.policies import can_edit_event
from publicoffice.places.models import Language, Office, Space, SpaceKind

LONGEST_EVENT = timedelta(days=LONGEST_EVENT_DAYS)

#: Feeds reach this far back, so an event just past stays in calendars a while.
FEED_DAYS_BACK = 30
#: ... and this far ahead.
FEED_DAYS_AHEAD = 366


def with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    """Annotate ``seats_taken`` and ``waiting_count`` and load what a list shows.

    Counted in subqueries rather than a join with GROUP BY, so further
    filters (languages, offices) can never multiply the counts.
    """
    registered = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.REGISTERED)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    waiting = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.WAITING)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        events.select_related("office", "space")
        .prefetch_related(Prefetch("languages", queryset=Language.objects.order_by("code")))
        .annotate(
            seats_taken=Coalesce(Subquery(registered), 0),
            waiting_count=Coalesce(Subquery(waiting), 0),
        )
    )


def _overlapping(events: QuerySet[Event], start: datetime, end: datetime) -> QuerySet[Event]:
    """Half-open overlap with ``[start, end)``, bounded for the ``starts_at`` index."""
    return events.filter(starts_at__lt=end, starts_at__gt=start - LONGEST_EVENT, ends_at__gt=start)


def events_between(
    *,
    start: datetime,
    end: datetime,
    office: Office | None = None,
    audience: str | None = None,
    language: str | None = None,
) -> QuerySet[Event]:
    """Published events overlapping ``[start, end)``, in time order.

    Cancelled, postponed and moved events stay in the list, marked by their
    status, so nobody travels to an event that no longer takes place.
    ``language`` is a language code (``"ar"``).
    """
    events = _overlapping(Event.objects.shown(), start, end)
    if office is not None:
        events = events.filter(office=office)
    if audience:
        events = events.filter(audience=audience)
    if language:
        events = events.filter(pk__in=Event.objects.filter(languages__code=language).values("pk"))
    return with_counts(events).order_by("starts_at", "id")


def week_bounds(at: datetime) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00 of ``at``'s week, Stockholm time.

    "This week" is the calendar week people plan by (and the one printed
    on a poster), so a week page read on Friday shows Monday's events too.
    """
    monday = timezone.localtime(at).date() - timedelta(days=timezone.localtime(at).weekday())
    start = timezone.make_aware(datetime.combine(monday, time.min))
    end = timezone.make_aware(datetime.combine(monday + timedelta(days=7), time.min))
    return start, end


def events_this_week(*, at: datetime) -> QuerySet[Event]:
    """Published events across the network from Monday to Sunday of ``at``'s week."""
    start, end = week_bounds(at)
    return events_between(start=start, end=end)


def events_upcoming(
    *,
    at: datetime,
    office: Office | None = None,
    audience: str | None = None,
    language: str | None = None,
) -> QuerySet[Event]:
    """Published events that have not ended at ``at`` (lists and the API)."""
    events = Event.objects.shown().filter(ends_at__gt=at)
    if office is not None:
        events = events.filter(office=office)
    if audience:
        events = events.filter(audience=audience)
    if language:
        events = events.filter(pk__in=Event.objects.filter(languages__code=language).values("pk"))
    return with_counts(events).order_by("starts_at", "id")


def _in_feed(at: datetime, office: Office | None) -> QuerySet[Event]:
    start = at - timedelta(days=FEED_DAYS_BACK)
    events = _overlapping(Event.objects.shown(), start, at + timedelta(days=FEED_DAYS_AHEAD))
    return events if office is None else events.filter(office=office)


def events_for_feed(*, at: datetime, office: Office | None = None) -> QuerySet[Event]:
    """Published events of the last :data:`FEED_DAYS_BACK` days and the coming year."""
    return with_counts(_in_feed(at, office)).order_by("starts_at", "id")


def events_feed_version(*, at: datetime, office: Office | None = None) -> tuple[object, ...]:
    """What changes whenever the feed's events change, in one query and without rendering.

    How many events, the sum of their ids (one leaving the window as another
    enters) and of their iCalendar sequences (every change a calendar must
    see bumps one, even within the same instant), their latest change and
    that of their offices and rooms (the location line): the feeds' ETag
    (events/feeds.py), so a calendar program polling an unchanged feed costs
    this query alone.
    """
    figures = (
        _in_feed(at, office)
        .order_by()
        .aggregate(
            count=Count("pk"),
            ids=Sum("pk"),
            sequences=Sum("sequence"),
            changed=Max("updated_at"),
            offices=Max("office__updated_at"),
            rooms=Max("space__updated_at"),
        )
    )
    return tuple(figures.values())


def _parse_public_id(public_id: Any) -> UUID:
    if isinstance(public_id, UUID):
        return public_id
    try:
        return UUID(str(public_id))
    except (ValueError, TypeError, AttributeError) as error:
        raise DomainError(ErrorCode.EVENT_NOT_FOUND) from error


def event_get(*, public_id: Any, user: AnyUser | None = None) -> Event:
    """The event with its counts (the event page, web and API); every event is public.

    One the moderators hid is "not found", except for ``user`` when they
    created it or run its office: they see it, with the reason.
    """
    event = with_counts(Event.objects.filter(public_id=_parse_public_id(public_id))).first()
    if event is None or (event.hidden_at is not None and not _sees_hidden(user, event)):
        raise DomainError(ErrorCode.EVENT_NOT_FOUND)
    return event


def _sees_hidden(user: AnyUser | None, event: Event) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return event.created_by_id == user.pk or can_edit_event(user, event)


def event_with_counts(event: Event) -> Event:
    """The event with the counts a list would have annotated (after a write)."""
    if hasattr(event, "seats_taken"):
        return event
    return with_counts(Event.objects.filter(pk=event.pk)).get()


def events_by_id(ids: Iterable[int]) -> dict[int, Event]:
    """Events with their counts, by id (the events of a page of registrations)."""
    return {event.pk: event for event in with_counts(Event.objects.filter(pk__in=list(ids)))}


#: Kinds of space an event can take place in (desks and quiet rooms cannot).
EVENT_SPACE_KINDS = (SpaceKind.MEETING_ROOM, SpaceKind.WORKSHOP, SpaceKind.HALL)


def offices_public() -> QuerySet[Office]:
    """Offices to filter events by, by name."""
    return Office.objects.public().order_by("name")


def event_rooms(office: Office) -> QuerySet[Space]:
    """The office's bookable rooms and halls, smallest first."""
    return Space.objects.filter(
        office=office, is_bookable=True, kind__in=EVENT_SPACE_KINDS
    ).order_by("capacity", "name")


def event_room_get(*, office: Office, space_id: int) -> Space:
    """A room of ``office`` for an event; any other id is refused as not in the office."""
    space = Space.objects.filter(pk=space_id, office=office).first() if space_id > 0 else None
    if space is None:
        raise DomainError(ErrorCode.SPACE_NOT_IN_OFFICE)
    return space


def languages() -> QuerySet[Language]:
    """Every language an event can be held in, by code."""
    return Language.objects.order_by("code")


def member_registrations(*, member: AnyUser, at: datetime) -> QuerySet[Registration]:
    """The member's seats and waitlist places for events that have not ended
    (and that the moderators have not hidden).

    Waiting registrations carry ``place_in_line`` (1 is next); registered
    ones carry 0.
    """
    if isinstance(member, AnonymousUser):
        return Registration.objects.none()
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=RegistrationStatus.WAITING)
        .filter(
            Q(queued_at__lt=OuterRef("queued_at"))
            | Q(queued_at=OuterRef("queued_at"), id__lt=OuterRef("id"))
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Registration.objects.filter(
            member=member,
            status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING],
            event__ends_at__gt=at,
            event__hidden_at__isnull=True,
        )
        .select_related("event", "event__office", "event__space")
        .annotate(
            place_in_line=Case(
                When(
                    status=RegistrationStatus.WAITING,
                    then=Coalesce(Subquery(ahead), 0) + 1,
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("event__starts_at", "event_id")
    )


def registration_for(*, event: Event, member: AnyUser) -> Registration | None:
    """The member's current (registered or waiting) registration, if any."""
    if isinstance(member, AnonymousUser):
        return None
    return (
        Registration.objects.filter(event=event, member=member)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def place_in_line(registration: Registration) -> int:
    """1 for the next to get a seat; 0 if the registration is not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return 0
    ahead = (
        Registration.objects.filter(
            event_id=registration.event_id, status=RegistrationStatus.WAITING
        )
        .filter(
            Q(queued_at__lt=registration.queued_at)
            | Q(queued_at=registration.queued_at, id__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


def registration_get(*, registration_id: int) -> Registration:
    """A registration by id; whether the caller may touch it is the service's to say."""
    registration = (
        Registration.objects.filter(pk=registration_id).first() if registration_id > 0 else None
    )
    if registration is None:
        raise DomainError(ErrorCode.REGISTRATION_NOT_FOUND)
    return registration


def seats_taken(event: Event) -> int:
    """Registered seats, from the annotation when the event came from a selector."""
    annotated = getattr(event, "seats_taken", None)
    if annotated is not None:
        return int(annotated)
    return Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED).count()


def seats_left(event: Event) -> int | None:
    """Free seats, or ``None`` when the event has no limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - seats_taken(event))


def event_registrations(*, event: Event) -> QuerySet[Registration]:
    """Everyone registered or waiting, in queue order: for the office's staff."""
    return (
        Registration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("member")
        .order_by("status", "queued_at", "id")
    )
