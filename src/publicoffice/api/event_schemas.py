"""Typed shapes of the events API: lists, one event, registrations, new events."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from publicoffice.api.booking_schemas import OfficeRefOut
from publicoffice.api.schemas import MAX_PAGE, MAX_PAGE_SIZE


class EventQuery(Schema):
    office: str = Field("", description="Only this office (its slug).")
    from_: datetime | None = Field(
        None,
        alias="from",
        description="Events not ended by this time (ISO 8601 with offset, years 2000–2999, "
        "else `400 invalid_datetime`); now by default.",
    )
    to: datetime | None = Field(
        None,
        description="Events starting before this time (ISO 8601 with offset, years 2000–2999); "
        "after `from` (`400 invalid_range` otherwise).",
    )
    audience: str = Field("", description="everyone, adults, youth, children, families, …")
    language: str = Field("", description="Held in this language (code, e.g. ar).")
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)
    lang: str = ""


class RoomOut(Schema):
    id: int
    name: str
    capacity: int


class LanguageOut(Schema):
    code: str
    name: str
    endonym: str


class EventOut(Schema):
    id: str = Field(..., description="The event's public id (a UUID).")
    url: str = Field(..., description="The event's page.")
    ics_url: str = Field(..., description="The event as an iCalendar file.")
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    office: OfficeRefOut
    room: RoomOut | None
    address: str
    capacity: int | None = Field(..., description="Seats; null when anyone can come.")
    seats_taken: int
    seats_left: int | None
    waiting: int = Field(..., description="People on the waitlist.")
    languages: list[LanguageOut]
    audience: str
    audience_label: str
    accessibility_notes: str
    status: str = Field(..., description="scheduled, cancelled, postponed or moved.")
    status_label: str
    status_note: str
    sequence: int = Field(..., description="Raised on every change (iCalendar SEQUENCE).")
    updated_at: datetime


class EventPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[EventOut]


class EventIn(Schema):
    office: str = Field(..., description="The office's slug.")
    title: str = Field(..., description="1–120 characters.")
    starts_at: datetime = Field(..., description="ISO 8601 with offset.")
    ends_at: datetime = Field(..., description="ISO 8601 with offset; the end is not included.")
    room: int | None = Field(None, description="A room of the office (space id), or none.")
    capacity: int | None = Field(None, description="Seats, at most the room's capacity.")
    description: str = ""
    languages: list[str] = Field(default_factory=list, description="Language codes.")
    audience: str = "everyone"
    accessibility_notes: str = ""


class RegistrationOut(Schema):
    id: int
    event: EventOut
    status: str = Field(..., description="registered, waiting or cancelled.")
    status_label: str
    place_in_line: int = Field(..., description="1 is next for a freed seat; 0 if not waiting.")
    queued_at: datetime
    cancelled_at: datetime | None


class RegistrationPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    results: list[RegistrationOut]
