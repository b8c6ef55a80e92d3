"""Typed shapes of the proposals API: lists, one proposal, answers, arguments, writes.

Texts are typed ``str`` and nothing more: their limits (a title of 120
characters, a body of 4,000) are the services', so a text that is too long
or empty is refused with the same ``text_too_long`` or ``text_missing`` as
on the web, naming its ``field``, rather than with the schema's 422.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from publicoffice.api.booking_schemas import OfficeRefOut
from publicoffice.api.schemas import MunicipalityOut, OperatorOut

#: The states a list may be filtered by: every ``dialogue.models.State`` (a test compares them).
StateFilter = Literal[
    "",
    "new",
    "considering",
    "planned",
    "done",
    "became_event",
    "declined",
    "duplicate",
    "forwarded",
    "withdrawn",
]


class ProposalQuery(Schema):
    office: str = Field("", description="Only proposals made at this office (its slug).")
    municipality: str = Field(
        "",
        description="Only the municipality's: made at its offices or for its whole network "
        "(four-digit code, e.g. 0181). An unknown code lists nothing.",
    )
    family: Literal["", "open", "done", "closed"] = Field(
        "", description="open, done or closed; every family when left out."
    )
    state: StateFilter = Field("", description="Only proposals in this state.")
    order: Literal["support", "newest"] = Field(
        "support", description="support: most supporters first; newest: newest first."
    )
    lang: str = ""


class ProposalIn(Schema):
    office: str | None = Field(None, description="The office's slug. Give exactly one scope.")
    operator: int | None = Field(None, description="An operator's id: its whole network.")
    municipality: str | None = Field(None, description="A municipality's code: its whole network.")
    kind: str = Field(
        ...,
        description="activity, improvement, opening_hours, equipment, accessibility, "
        "house_rules or other.",
    )
    title: str = Field(..., description="One line, 1–120 characters.")
    body: str = Field(..., description="What and why, 1–4000 characters.")
    language: str = Field(..., description="The language it is written in: sv, en, ar, fa, so, ti.")


class ProposalPatch(Schema):
    title: str | None = Field(None, description="The new title; left out: unchanged.")
    body: str | None = Field(None, description="The new text; left out: unchanged.")


class WithdrawIn(Schema):
    reason: str = Field(..., description="Why, in one line of up to 300 characters.")


class ArgumentIn(Schema):
    side: str = Field(..., description="for or against.")
    text: str = Field(..., description="Up to 500 characters.")


class AnswerIn(Schema):
    state: str = Field(
        ...,
        description="The state it moves the proposal to: considering, planned, done, "
        "declined, duplicate or forwarded.",
    )
    text: str = Field(..., description="The public answer, up to 4000 characters.")
    draft: bool = Field(False, description="Keep it unpublished until published by hand.")
    publish_at: datetime | None = Field(
        None,
        description="Publish it by itself at this time (ISO 8601 with offset, in the future); "
        "saved as a draft until then.",
    )
    duplicate_of: str | None = Field(
        None, description="With state duplicate: the public id of the proposal it repeats."
    )
    forwarded_to: str = Field("", description="With state forwarded: to whom, in one line.")


class ProposalRefOut(Schema):
    id: str
    url: str
    title: str


class ProposalOut(Schema):
    id: str = Field(..., description="The proposal's public id (a UUID).")
    url: str = Field(..., description="The proposal's page.")
    title: str
    body: str
    language: str
    kind: str
    kind_label: str
    state: str = Field(..., description="new, considering, planned, done, became_event, …")
    state_label: str
    family: str = Field(..., description="open, done or closed.")
    family_label: str
    office: OfficeRefOut | None = Field(..., description="Made at this office, or null.")
    operator: OperatorOut | None = Field(..., description="For this operator's whole network.")
    municipality: MunicipalityOut | None = Field(
        ..., description="For this municipality's whole network."
    )
    author: str | None = Field(..., description="The author's shown name, or null.")
    version: int = Field(..., description="1, then one more each time supported text changed.")
    support_count: int
    supported: bool | None = Field(
        ..., description="Whether the caller supports it; null if anonymous."
    )
    created_at: datetime
    answer_due: date = Field(..., description="The day a first public answer is promised by.")
    answered_at: datetime | None = Field(..., description="When the first answer came.")
    state_changed_at: datetime | None
    overdue: bool = Field(..., description="Still unanswered after its day.")
    age_days: int = Field(..., description="Calendar days since it was made.")


class ProposalPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[ProposalOut]


class QueueItemOut(ProposalOut):
    has_draft: bool = Field(..., description="An unpublished answer is waiting.")


class QueuePageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[QueueItemOut]


class AnswerOut(Schema):
    id: int
    state: str
    state_label: str
    text: str
    draft: bool = Field(..., description="Not published yet: seen by the answering side only.")
    publish_at: datetime | None = Field(..., description="A draft's time to publish itself.")
    published_at: datetime | None


class VersionOut(Schema):
    number: int
    title: str
    body: str
    replaced_at: datetime
    supporters_then: int


class ArgumentOut(Schema):
    id: int
    side: str = Field(..., description="for or against.")
    side_label: str
    text: str
    author: str | None
    created_at: datetime
    hidden: bool = Field(..., description="Hidden by staff: seen by its writer and staff only.")
    hidden_reason: str


class AllowedOut(Schema):
    support: bool
    argue: bool
    edit: bool
    withdraw: bool
    answer: bool


class ProposalDetailOut(ProposalOut):
    following: bool | None = Field(..., description="Whether the caller follows it.")
    archived: bool
    hidden: bool = Field(..., description="Hidden by staff: seen by its author and staff only.")
    hidden_reason: str
    duplicate_of: ProposalRefOut | None
    forwarded_to: str
    answers: list[AnswerOut] = Field(..., description="Published answers, oldest first.")
    drafts: list[AnswerOut] = Field(..., description="Unpublished answers (answering side only).")
    versions: list[VersionOut] = Field(..., description="Earlier wordings, latest first.")
    arguments: list[ArgumentOut]
    allowed: AllowedOut = Field(..., description="What the caller may do with it.")


class SupportOut(Schema):
    proposal: str
    supported: bool
    support_count: int
    changed: bool = Field(..., description="False when it already was so.")


class FollowOut(Schema):
    proposal: str
    following: bool
    changed: bool = Field(..., description="False when it already was so.")
