"""Typed shapes of the bookings API: availability, suggestions, bookings."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

#: The most days one availability request may cover.
MAX_AVAILABILITY_DAYS = 14


class AvailabilityQuery(Schema):
    start: date | None = Field(
        None,
        description="First day (YYYY-MM-DD); today by default. From 31 days back to 366 days "
        "ahead; another day is `422 invalid_start`.",
    )
    days: int = Field(7, ge=1, le=MAX_AVAILABILITY_DAYS, description="How many days, 1–14.")
    lang: str = ""


class FindQuery(Schema):
    duration: int = Field(..., ge=5, le=24 * 60, description="Length of the stay in minutes.")
    attendees: int = Field(1, ge=1, le=10_000)
    kind: str = Field("", description="Kind of space, e.g. desk or meeting_room.")
    office: str = Field("", description="Only this office (its slug).")
    needs: list[str] = Field(
        default_factory=list,
        description="Accessibility needs: step_free_entrance, accessible_toilet, hearing_loop.",
    )
    lang: str = ""


class OfficeRefOut(Schema):
    id: int
    slug: str
    name: str


class SpaceRefOut(Schema):
    id: int
    name: str
    kind: str
    capacity: int


class SlotOut(Schema):
    starts_at: datetime
    ends_at: datetime
    state: str = Field(..., description="free, mine, taken, closed, past or unavailable.")
    code: str = Field(..., description="Why it cannot be booked: a booking error code, or empty.")
    reason: str = Field(..., description="The same, in words (translated).")


class AvailabilityDayOut(Schema):
    date: date
    slots: list[SlotOut]


class RangeOut(Schema):
    starts_at: datetime
    ends_at: datetime


class SpaceAvailabilityOut(Schema):
    space: SpaceRefOut
    office: OfficeRefOut
    slot_minutes: int
    min_minutes: int
    max_minutes: int
    days: list[AvailabilityDayOut]
    free: list[RangeOut] = Field(..., description="Consecutive free slots merged.")


class OfficeAvailabilityOut(Schema):
    office: OfficeRefOut
    start: date
    days: int
    spaces: list[SpaceAvailabilityOut]


class SuggestionOut(Schema):
    space: SpaceRefOut
    office: OfficeRefOut
    starts_at: datetime
    ends_at: datetime


class BookingIn(Schema):
    space: int
    starts_at: datetime = Field(
        ...,
        description="ISO 8601 with offset, e.g. 2026-11-26T10:00+01:00, in the years 2000–2999 "
        "(`400 invalid_datetime` otherwise). The booking rules decide the rest: a time in the "
        "past or outside opening hours is refused with its booking error code.",
    )
    ends_at: datetime = Field(
        ..., description="ISO 8601 with offset, years 2000–2999; the end is not included."
    )
    attendees: int = 1
    purpose: str = ""


class BookingPatch(Schema):
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    attendees: int | None = None
    purpose: str | None = None


class BookingOut(Schema):
    id: str = Field(..., description="The booking's public id (a UUID).")
    url: str
    space: SpaceRefOut
    office: OfficeRefOut
    starts_at: datetime
    ends_at: datetime
    attendees: int
    purpose: str
    status: str = Field(..., description="pending, confirmed, cancelled, rejected or no_show.")
    status_label: str
    checkin_deadline: datetime | None
    checked_in_at: datetime | None
    cancelled_at: datetime | None
    created_at: datetime


class BookingPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    results: list[BookingOut]
