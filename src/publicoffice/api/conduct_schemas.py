"""Typed shapes of the conduct API: a member's decisions and appeals, staff's queues.

A decision comes with its whole statement of reasons (what it stops, where,
from when until when, the rule and its version, the facts, the grounds,
whether it was automated, how to appeal): the member reads the same
account here as on their page. Texts are typed ``str`` and nothing more:
their limits are the services', so a text that is too long or empty is
refused with ``text_too_long`` or ``text_missing`` naming its ``field``.
Times carry their UTC offset.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from publicoffice.api.booking_schemas import OfficeRefOut


class PersonOut(Schema):
    id: int
    name: str = Field(..., description="The name the person shows (never an e-mail address).")


class RuleVersionOut(Schema):
    number: int = Field(..., description="The version of the house rules the decision applied.")
    scope: str = Field(..., description="network, operator or office.")
    effective_from: datetime


class AppealOut(Schema):
    id: str = Field(..., description="The appeal's public id (a UUID).")
    text: str = Field(..., description="The member's own words.")
    submitted_at: datetime
    answer_due: datetime = Field(..., description="When the answer is promised by.")
    outcome: str = Field(..., description="pending, kept, shortened or lifted.")
    outcome_label: str
    reply: str = Field(..., description="The reasons for the answer (empty while pending).")
    new_ends_at: datetime | None = Field(..., description="The new end of a shortened decision.")
    decided_at: datetime | None


class DecisionOut(Schema):
    id: str = Field(..., description="The decision's public id (a UUID).")
    url: str = Field(..., description="The decision's web page (the member's, or staff's).")
    kind: str = Field(..., description="note, warning, restriction or ban.")
    kind_label: str
    actions: list[str] = Field(
        ...,
        description="What it stops: book, register, contact, check_in, propose "
        "(a ban stops them all; a note or warning nothing).",
    )
    scope: str = Field(..., description="Where it holds: office, operator, municipality, network.")
    scope_label: str
    office: OfficeRefOut = Field(..., description="The office where it was decided.")
    starts_at: datetime
    ends_at: datetime | None = Field(..., description="None: until lifted (a ban under review).")
    review_at: datetime | None = Field(..., description="When a ban without an end is reviewed.")
    category: str = Field(..., description="The rule broken: threat, violence, harassment, …")
    category_label: str
    rule_version: RuleVersionOut | None
    facts: str = Field(..., description="What happened.")
    grounds: str = Field(..., description="Why this decision.")
    automated: bool = Field(..., description="Whether it was decided automatically.")
    state: str = Field(..., description="awaiting (approval), in_force or lifted.")
    state_label: str
    appeal_deadline: datetime = Field(..., description="The last moment to appeal.")
    may_appeal: bool = Field(..., description="Whether an appeal can be made now.")
    appeal: AppealOut | None


class DecisionPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[DecisionOut]


class StaffDecisionOut(DecisionOut):
    member: PersonOut | None = Field(..., description="None once the account is deleted.")
    may_approve: bool = Field(
        ..., description="Whether the caller may approve it (not the one who decided)."
    )


class StaffDecisionPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[StaffDecisionOut]


class IncidentOut(Schema):
    id: str = Field(..., description="The incident's public id (a UUID).")
    office: OfficeRefOut
    category: str
    category_label: str
    severity: int = Field(..., description="1 minor, 2 serious, 3 very serious.")
    severity_label: str
    occurred_at: datetime
    description: str = Field(..., description="What happened (empty once erased).")
    member: PersonOut | None = Field(..., description="The member involved, if one.")
    person_description: str = Field(..., description="The person involved, if not a member.")
    source: str = Field(..., description="staff (recorded) or report (by a visitor).")
    rule_version: RuleVersionOut | None
    handled_at: datetime | None
    outcome: str = Field(..., description="What staff did.")
    erased: bool = Field(..., description="Its details were erased after the retention period.")


class IncidentPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[IncidentOut]


class StaffAppealOut(AppealOut):
    decision: StaffDecisionOut
    may_decide: bool = Field(
        ..., description="Whether the caller may answer it (not who decided or approved)."
    )


class StaffAppealPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[StaffAppealOut]


class IncidentQuery(Schema):
    office: str = Field("", description="Only this office's (its slug; one you handle).")
    open: bool = Field(False, description="Only incidents not handled yet.")
    lang: str = ""


class AppealQuery(Schema):
    pending: bool = Field(False, description="Only appeals waiting for an answer.")
    lang: str = ""


class AppealIn(Schema):
    text: str = Field(..., description="Why the decision is wrong, in up to 3000 characters.")


class AppealDecisionIn(Schema):
    outcome: str = Field(..., description="kept, shortened or lifted.")
    reply: str = Field(..., description="The reasons for the answer, up to 2000 characters.")
    new_ends_at: datetime | None = Field(
        None,
        description="With shortened: the new end, with its UTC offset, after now and "
        "before the old end.",
    )
