"""Typed shapes of the content moderation API: staff's cases, the author's, a report.

No shape names a reporter: staff read what was reported and when, never by
whom, so a member can report a neighbour without fear. Texts are typed
``str`` and nothing more; their limits are the services', so an empty or
too long text is ``text_missing`` or ``text_too_long`` naming its ``field``.
Times carry their UTC offset.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from publicoffice.api.booking_schemas import OfficeRefOut

CASE_STATES = "open (waiting for review), hidden, restored (shown again) or dismissed."


class ContentAppealOut(Schema):
    text: str = Field(..., description="The author's own words.")
    submitted_at: datetime
    outcome: str = Field(..., description="pending, kept (hidden) or restored (shown again).")
    outcome_label: str
    reply: str = Field(..., description="The reasons for the answer (empty while pending).")
    decided_at: datetime | None


class CaseOut(Schema):
    id: str = Field(..., description="The case's public id (a UUID).")
    url: str = Field(..., description="The case's web page for staff.")
    kind: str = Field(..., description="proposal, argument, profile, event, contact or problem.")
    kind_label: str
    title: str = Field(..., description="The item's title or first words.")
    office: OfficeRefOut | None = Field(
        ..., description="None: an operator's or the whole network's content."
    )
    state: str = Field(..., description=CASE_STATES)
    state_label: str
    automated: bool = Field(..., description="Hidden by the count of reports, not by a person.")
    reason: str = Field(..., description="The reason the author reads (empty while open).")
    reports: int = Field(..., description="How many members reported it, all told.")
    open_reports: int = Field(..., description="Reports since staff last decided.")
    opened_at: datetime = Field(..., description="When the oldest open report came.")
    decided_at: datetime | None
    appeal: ContentAppealOut | None


class CasePageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[CaseOut]


class FlagOut(Schema):
    reason: str = Field(..., description="What the member said is wrong (never who they are).")
    reported_at: datetime
    handled: bool = Field(..., description="Whether a decision already answered this report.")


class CaseDetailOut(CaseOut):
    content_url: str = Field(..., description="The item's own page (empty once it was deleted).")
    content_exists: bool
    may_answer_appeal: bool = Field(
        ..., description="Whether the caller may answer a pending appeal (not who decided)."
    )
    flags: list[FlagOut] = Field(..., description="The reports, oldest first.")


class OwnCaseOut(Schema):
    id: str = Field(..., description="The case's public id (a UUID).")
    url: str = Field(..., description="The case's web page for the author.")
    kind: str
    kind_label: str
    title: str
    state: str = Field(..., description="hidden, restored or dismissed (open ones are not shown).")
    state_label: str
    automated: bool = Field(..., description="Decided automatically, by the count of reports.")
    reason: str = Field(..., description="Why it was decided so.")
    decided_at: datetime | None
    may_appeal: bool = Field(..., description="Hidden and not appealed yet.")
    appeal: ContentAppealOut | None


class OwnCasePageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[OwnCaseOut]


class CaseQuery(Schema):
    state: Literal["open", "hidden", "restored", "dismissed"] | None = Field(
        None,
        description="Only cases in this state. Without it: the cases waiting for a person "
        "(open, hidden by the count of reports, or appealed and not answered).",
    )
    lang: str = ""


class DecisionIn(Schema):
    action: Literal["hide", "restore", "dismiss"] = Field(
        ..., description="hide, restore (show again) or dismiss (the reports are unfounded)."
    )
    reason: str = Field(..., description="The reason the author reads, up to 300 characters.")


class ContentAppealAnswerIn(Schema):
    outcome: str = Field(..., description="kept (stays hidden) or restored (shown again).")
    reply: str = Field(..., description="The reasons for the answer, up to 2000 characters.")


class ContentAppealIn(Schema):
    text: str = Field(..., description="Why it should be shown, up to 3000 characters.")


class ReportIn(Schema):
    kind: str = Field(..., description="proposal, argument, profile, event, contact or problem.")
    key: str = Field(..., description="The item's id, as in its web address.")
    reason: str = Field(..., description="What is wrong, up to 1000 characters.")


class ReportOut(Schema):
    kind: str
    key: str
    message: str = Field(..., description="A thank-you, in the language asked for.")
