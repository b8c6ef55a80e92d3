"""Writes to an event's attendance: how many people came, as the hosts counted.

Attendance is a figure for the reports, not a list of people: the number
only, with who recorded it and when. It may be recorded once the event has
started (people are in the room) and corrected as often as needed; the last
count stands. A cancelled or postponed event did not take place at its time,
so it has no attendance to record.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import StaffUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import acting_now
from publicoffice.events import policies
from publicoffice.events.models import MOST_ATTENDANCE, Event, EventStatus
from publicoffice.events.services import _common as common
from publicoffice.places.facts import Family, fact_changed


def clean_attendance(value: Any) -> int:
    """A whole number from 0 (nobody came) up to :data:`MOST_ATTENDANCE`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(ErrorCode.ATTENDEES_INVALID, field="attendance")
    if value < 0 or value > MOST_ATTENDANCE:
        raise DomainError(
            ErrorCode.ATTENDEES_INVALID,
            _("Give a number from 0 to %(count)d.") % {"count": MOST_ATTENDANCE},
            field="attendance",
            limit=MOST_ATTENDANCE,
        )
    return value


def _refuse_if_not_held(event: Event, now: datetime) -> None:
    """Only an event that has begun, at the time it was held, has people to count."""
    if event.status == EventStatus.CANCELLED:
        raise DomainError(
            ErrorCode.EVENT_CANCELLED, _("A cancelled event has no attendance to record.")
        )
    if event.status == EventStatus.POSTPONED:
        raise DomainError(
            ErrorCode.EVENT_POSTPONED,
            _("A postponed event has no attendance yet: record it once it has taken place."),
        )
    if event.starts_at > now:
        raise DomainError(
            ErrorCode.EVENT_NOT_STARTED,
            _("Attendance can be recorded once the event has started."),
        )


@transaction.atomic
def event_record_attendance(
    *, event: Event, attendance: int, by: StaffUser, at: datetime | None = None
) -> Event:
    """Record how many came to ``event`` (or correct an earlier count).

    The reports count attendance on the event's start day, so that day of
    its office is marked for recounting in the same transaction.
    """
    now = acting_now(at)
    event = common.lock_event(event)
    if not policies.can_record_attendance(by, event):
        raise DomainError(
            ErrorCode.NOT_ALLOWED, _("Only the hosts of this office can record attendance.")
        )
    _refuse_if_not_held(event, now)
    event.attendance = clean_attendance(attendance)
    event.attendance_recorded_at = now
    event.attendance_recorded_by = by
    event.full_clean(
        exclude=["office", "space", "booking", "created_by", "attendance_recorded_by"],
        validate_unique=False,
        validate_constraints=False,
    )
    event.save(
        update_fields=[
            "attendance",
            "attendance_recorded_at",
            "attendance_recorded_by",
            "updated_at",
        ]
    )
    fact_changed(office_id=event.office_id, when=event.starts_at, family=Family.EVENTS)
    return event
