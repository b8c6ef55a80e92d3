"""Writes to events: create, update and change status.

Each service is one transaction. Status changes and updates lock the event
row first, so they queue behind registrations (and the other way round).
People who registered are told about every change that matters to them
once the transaction has committed; nothing is sent for a write that was
refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, Required, TypedDict, Unpack

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now
from publicoffice.events import happenings, policies
from publicoffice.events.models import Event, EventStatus, Registration
from publicoffice.events.models import RegistrationStatus as RS
from publicoffice.events.services import _common as common
from publicoffice.events.services.registrations import promote_waiting
from publicoffice.events.services.rooms import room_move, room_release, room_reserve
from publicoffice.places.facts import Family, fact_changed, facts_changed
from publicoffice.places.models import Language, Office, OfficeStatus, Space

#: Fields :func:`event_update` accepts.
UPDATABLE = frozenset(
    {
        "title",
        "description",
        "starts_at",
        "ends_at",
        "space",
        "capacity",
        "languages",
        "audience",
        "accessibility_notes",
        "note",
    }
)


def _check_space(office: Office, space: Space | None) -> None:
    if space is not None and space.office_id != office.pk:
        raise DomainError(ErrorCode.SPACE_NOT_IN_OFFICE)


class EventDetails(TypedDict, total=False):
    """What a host fills in for a new event (the dialogue's "make this an event" too)."""

    title: Required[str]
    starts_at: Required[datetime]
    ends_at: Required[datetime]
    space: Space | None
    capacity: int | None
    description: str
    languages: Iterable[Language | str]
    audience: str
    accessibility_notes: str


def _new_event(
    *, office: Office, now: datetime, details: EventDetails
) -> tuple[Event, list[Language]]:
    """A validated, unsaved event and its languages; refuses bad input before any write."""
    if office.status != OfficeStatus.OPEN:
        raise DomainError(ErrorCode.OFFICE_NOT_OPEN, _("This office does not hold events now."))
    space = details.get("space")
    _check_space(office, space)
    title = common.clean_title(details["title"])
    starts_at, ends_at = common.clean_times(details["starts_at"], details["ends_at"], now=now)
    event = Event(
        office=office,
        space=space,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=common.clean_capacity(
            details.get("capacity"), room_capacity=space.capacity if space is not None else None
        ),
        audience=common.clean_audience(details.get("audience", "everyone")),
    )
    common.set_text(event, "title", title)
    for name in ("description", "accessibility_notes"):
        common.set_text(event, name, common.clean_text(name, details.get(name, "")))
    return event, common.clean_languages(details.get("languages", ()))


def _validate(event: Event) -> None:
    """Field checks of the model; relations and uniqueness are the services' own."""
    event.full_clean(
        exclude=["office", "space", "booking", "created_by"],
        validate_unique=False,
        validate_constraints=False,
    )


def _save_new(event: Event, languages: list[Language]) -> Event:
    _validate(event)
    event.save()
    if languages:
        event.languages.set(languages)
    return event


def _tell_registered(event: Event, kind: str) -> None:
    """Everyone registered or waiting hears of the change, once it has committed."""
    happenings.event_changed.publish(
        event_id=int(event.pk), kind=kind, sequence=int(event.sequence)
    )


def _refuse_if_cancelled(event: Event) -> None:
    if event.status == EventStatus.CANCELLED:
        raise DomainError(
            ErrorCode.EVENT_CANCELLED,
            _("A cancelled event cannot be changed. Create a new one instead."),
        )


@transaction.atomic
def event_create(
    *,
    office: Office,
    actor: StaffUser,
    at: datetime | None = None,
    **details: Unpack[EventDetails],
) -> Event:
    """A host's event, published at once; its room is booked in the same transaction.

    Without a room the event is still fine: outdoors, the whole office, a walk.
    """
    now = acting_now(at)
    if not policies.can_run_events(actor, office):
        raise DomainError(
            ErrorCode.NOT_ALLOWED, _("Only the office's hosts can create events here.")
        )
    event, languages = _new_event(office=office, now=now, details=details)
    event.created_by = actor
    event.booking = room_reserve(event=event, actor=actor, now=now)
    _save_new(event, languages)
    fact_changed(office_id=event.office_id, when=event.starts_at, family=Family.EVENTS)
    return event


def _apply_fields(event: Event, fields: dict[str, Any], *, now: datetime) -> tuple[bool, bool]:
    """Write ``fields`` onto the (locked) event; return (changed, moved)."""
    unknown = set(fields) - UPDATABLE
    if unknown:
        raise DomainError(
            ErrorCode.FIELD_UNKNOWN, _("This field cannot be changed."), fields=sorted(unknown)
        )
    changed = False
    old_start, old_end, old_space = event.starts_at, event.ends_at, event.space_id
    if "space" in fields:
        _check_space(event.office, fields["space"])
        event.space = fields["space"]
    if "starts_at" in fields or "ends_at" in fields:
        starts_at, ends_at = common.clean_times(
            fields.get("starts_at", event.starts_at),
            fields.get("ends_at", event.ends_at),
            now=now,
            allow_past=True,
        )
        if (starts_at, ends_at) != (old_start, old_end):
            # Only a new time must lie ahead: fixing a typo in a past event's text is fine.
            common.clean_times(starts_at, ends_at, now=now)
            event.starts_at, event.ends_at = starts_at, ends_at
    moved = (event.starts_at, event.ends_at, event.space_id) != (old_start, old_end, old_space)
    if "title" in fields:
        common.set_text(event, "title", common.clean_title(fields["title"]))
        changed = True
    for name in ("description", "accessibility_notes"):
        if name in fields:
            common.set_text(event, name, common.clean_text(name, fields[name]))
            changed = True
    if "note" in fields:
        note = common.clean_text("status_note", fields["note"], multiline=False, field="note")
        common.set_text(event, "status_note", note)
        changed = True
    if "audience" in fields:
        event.audience = common.clean_audience(fields["audience"])
        changed = True
    if "capacity" in fields or "space" in fields:
        capacity = fields.get("capacity", event.capacity)
        room = event.space.capacity if event.space is not None else None
        event.capacity = common.clean_capacity(capacity, room_capacity=room)
        taken = Registration.objects.filter(event=event, status=RS.REGISTERED).count()
        if event.capacity is not None and event.capacity < taken:
            raise DomainError(
                ErrorCode.CAPACITY_BELOW_REGISTERED,
                _("%(count)d people have a seat already; give at least that many seats.")
                % {"count": taken},
                registered=taken,
            )
        changed = True
    if "languages" in fields:
        event.languages.set(common.clean_languages(fields["languages"]))
        changed = True
    return changed or moved, moved


@transaction.atomic
def event_update(
    *, event: Event, actor: Member, at: datetime | None = None, **fields: Any
) -> Event:
    """Change an event. A new time or room moves its booking and tells those registered.

    A published event that people registered for (or that was postponed)
    becomes *moved* when its time or room changes; ``note`` says what
    changed, in the words the registrants will read.
    """
    now = acting_now(at)
    event = common.lock_event(event)
    if not policies.can_edit_event(actor, event):
        raise DomainError(ErrorCode.EVENT_NOT_FOUND)
    _refuse_if_cancelled(event)
    old_space_id, old_start = event.space_id, event.starts_at
    changed, moved = _apply_fields(event, fields, now=now)
    if not changed:
        return event
    registered = Registration.objects.filter(event=event, status__in=[RS.REGISTERED, RS.WAITING])
    if moved:
        room_move(event=event, actor=actor, now=now, old_space_id=old_space_id)
        if event.status == EventStatus.POSTPONED or registered.exists():
            event.status = EventStatus.MOVED
    event.sequence += 1
    _validate(event)
    event.save()
    promoted = promote_waiting(event=event, now=now)
    if moved or promoted:
        # The figures count on the start day: a new day, and seats given on.
        facts_changed(
            office_id=event.office_id, when=(old_start, event.starts_at), family=Family.EVENTS
        )
    if moved:
        _tell_registered(event, "moved")
    return event


@transaction.atomic
def event_set_status(
    *,
    event: Event,
    actor: StaffUser,
    status: str,
    note: str = "",
    at: datetime | None = None,
) -> Event:
    """Cancel, postpone, mark moved, or schedule again. Registrants are told.

    Cancelling and postponing give the room back: the time no longer holds.
    Cancelling is final (a new date is a new event); a postponed event gets
    its new time through :func:`event_update`, or is scheduled again for
    the old time here, which books its room again.
    """
    now = acting_now(at)
    event = common.lock_event(event)
    if not policies.can_run_events(actor, event.office):
        raise DomainError(ErrorCode.EVENT_NOT_FOUND)
    if status not in EventStatus.values:
        raise DomainError(ErrorCode.STATUS_INVALID)
    _refuse_if_cancelled(event)
    if event.ends_at <= now:
        raise DomainError(ErrorCode.EVENT_OVER)
    note = common.clean_text("status_note", note, multiline=False, field="note")
    if status in (EventStatus.POSTPONED, EventStatus.MOVED) and not note:
        raise DomainError(
            ErrorCode.TEXT_MISSING,
            _("Say what happens now, for example “new date to be announced”."),
            field="note",
        )
    if status == event.status and note == event.status_note:
        return event
    if status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        room_release(event=event, actor=actor, now=now)
    elif event.space is not None and event.booking is None:
        if event.starts_at < now:
            raise DomainError(ErrorCode.IN_PAST)
        event.booking = room_reserve(event=event, actor=actor, now=now)
    event.status = status
    common.set_text(event, "status_note", note)
    event.sequence += 1
    event.save()
    fact_changed(office_id=event.office_id, when=event.starts_at, family=Family.EVENTS)
    _tell_registered(event, status)
    return event
