"""Typed shapes of the commissioning API: published calls and commissions, public parts only."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

from publicoffice.api.schemas import MunicipalityOut


class NamedOut(Schema):
    id: int
    name: str


class RubricLineOut(Schema):
    guideline: int = Field(..., description="The guideline's number (1–10).")
    title: str
    weight: int = Field(..., description="0 (not judged) to 10.")
    good_answer: str


class CriterionOut(Schema):
    title: str
    description: str
    weight: int


class CallSummaryOut(Schema):
    id: int
    ocid: str = Field(..., description="The process's Open Contracting id (OCDS).")
    kind: str = Field(..., description="`call` or `iop` (idea-driven public partnership).")
    status: str = Field(..., description="`open`, `review`, `decided` or `cancelled`.")
    title: str
    municipality: MunicipalityOut
    districts: list[str]
    deadline: datetime
    period_starts: date
    period_ends: date
    budget_sek: int
    published_at: datetime | None
    release_url: str = Field(..., description="The process as an OCDS release package.")


class CallOut(CallSummaryOut):
    summary: str
    area: str
    offices_wanted: int
    min_hours_per_week: int
    target_groups: str
    criteria: str
    decision_days: int
    rubric: list[RubricLineOut]
    own_criteria: list[CriterionOut]


class CallPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[CallSummaryOut]


class OfficeRefOut(Schema):
    slug: str
    name: str


class CommissionSummaryOut(Schema):
    id: int
    ocid: str = Field(..., description="The process's ocid; empty when not from a call.")
    title: str
    municipality: MunicipalityOut
    lead: NamedOut
    partners: list[NamedOut]
    offices: list[OfficeRefOut]
    starts_on: date
    ends_on: date
    funding_sek: int
    status: str = Field(..., description="`active`, `ended` or `terminated`.")
    version: int
    reports: int = Field(..., description="Reports scheduled.")
    accepted_reports: int


class ReadingTargetOut(Schema):
    measure: str
    label: str
    direction: str = Field(..., description="`at_least` or `at_most`.")
    target: float
    value: float | None = Field(..., description="The reading; null when hidden or unknown.")
    flag: str = Field(..., description="Empty when shown, else why the reading is hidden.")
    met: bool | None


class AcceptedReportOut(Schema):
    kind: str
    period_starts: date
    period_ends: date
    narrative: str


class CommissionOut(CommissionSummaryOut):
    conditions: str
    period: str = Field(..., description="The last whole quarter the readings cover.")
    targets: list[ReadingTargetOut]
    accepted: list[AcceptedReportOut]


class CommissionPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    next: str | None
    previous: str | None
    results: list[CommissionSummaryOut]
