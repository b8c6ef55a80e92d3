"""Typed shapes of the problem reports API: the list, one report, reporting, updates.

As for proposals, texts are typed ``str`` and nothing more: their limits (a
title of 120 characters, a description of 4,000) are the services', so a
text that is too long or empty is refused with the same ``text_too_long``
or ``text_missing`` as on the web, naming its ``field``. Nothing here holds
an e-mail address: neither a visitor's address for updates nor a member's.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from publicoffice.api.booking_schemas import OfficeRefOut

#: The states a list may be filtered by: every ``ProblemState`` (a test compares them).
ProblemStateFilter = Literal[
    "",
    "new",
    "acknowledged",
    "in_progress",
    "fixed",
    "not_a_problem",
    "duplicate",
    "forwarded",
]
#: The kinds of problem a list may be filtered by: every ``ProblemCategory``.
CategoryFilter = Literal["", "equipment", "cleanliness", "accessibility", "safety", "other"]


class ProblemQuery(Schema):
    office: str = Field("", description="Only reports made at this office (its slug).")
    family: Literal["", "open", "done", "closed"] = Field(
        "", description="open, done (fixed) or closed; every family when left out."
    )
    state: ProblemStateFilter = Field("", description="Only reports in this state.")
    category: CategoryFilter = Field("", description="Only reports of this kind.")
    lang: str = ""


class ProblemIn(Schema):
    office: str = Field(..., description="The office's slug (open or paused offices).")
    category: str = Field(
        ..., description="equipment, cleanliness, accessibility, safety or other."
    )
    title: str = Field(..., description="What is wrong, in one line of 1–120 characters.")
    description: str = Field(..., description="What and where in the place, 1–4000 characters.")
    language: str = Field(..., description="The language it is written in: sv, en, ar, fa, so, ti.")


class ProblemUpdateIn(Schema):
    state: str = Field(
        ...,
        description="acknowledged, in_progress, fixed, not_a_problem, duplicate or forwarded "
        "(the same state again is a plain update).",
    )
    text: str = Field(..., description="The public answer, up to 4000 characters.")
    duplicate_of: str | None = Field(
        None, description="With state duplicate: the public id of a report of the same office."
    )
    forwarded_to: str = Field("", description="With state forwarded: to whom, in one line.")


class ReopenIn(Schema):
    reason: str = Field(..., description="What is still wrong, in up to 300 characters.")


class ProblemRefOut(Schema):
    id: str
    url: str
    title: str


class ProblemUpdateOut(Schema):
    id: int
    state: str = Field(..., description="The state the report was given.")
    state_label: str
    text: str
    reopening: bool = Field(..., description="Somebody said the fixed problem is not fixed.")
    published_at: datetime


class ProblemOut(Schema):
    id: str = Field(..., description="The report's public id (a UUID).")
    url: str = Field(..., description="The report's page.")
    title: str
    description: str
    language: str
    category: str
    category_label: str
    state: str = Field(..., description="new, acknowledged, in_progress, fixed, …")
    state_label: str
    family: str = Field(..., description="open, done or closed.")
    family_label: str
    office: OfficeRefOut
    created_at: datetime
    answer_due: date = Field(..., description="The day a first public answer is promised by.")
    answered_at: datetime | None = Field(..., description="When the first update came.")
    state_changed_at: datetime | None
    fixed_at: datetime | None
    reopened_count: int
    overdue: bool = Field(..., description="Still unanswered after its day.")
    age_days: int = Field(..., description="Calendar days since it was reported.")
    photo_url: str | None = Field(..., description="The photo sent with it, if any.")


class ProblemPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[ProblemOut]


class ProblemAllowedOut(Schema):
    update: bool = Field(..., description="Publish updates (the office's people).")
    reopen: bool = Field(..., description="Say it is not fixed (fixed, within the window).")


class ProblemDetailOut(ProblemOut):
    hidden: bool = Field(..., description="Hidden by staff: seen by its reporter and staff only.")
    hidden_reason: str
    duplicate_of: ProblemRefOut | None
    forwarded_to: str
    reopen_until: datetime | None = Field(
        ..., description="While fixed: until when it may be reopened."
    )
    updates: list[ProblemUpdateOut] = Field(..., description="Public updates, oldest first.")
    allowed: ProblemAllowedOut = Field(..., description="What the caller may do with it.")
