"""Typed shapes of the planning API: population sources, candidate sites, scenarios and runs.

Coordinates come twice: ``latitude``/``longitude`` (WGS 84) for maps, and
``x``/``y`` in SWEREF 99 TM metres, the system every figure of planning is
computed in. Input limits are the pages' limits, so a script cannot save a
scenario the pages would refuse.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import field_validator

from publicoffice.api.schemas import MunicipalityOut

#: At most this many sites in one scenario's pool.
MAX_POOL = 5000
#: An id no row can have is refused before it reaches the database.
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class SourceOut(Schema):
    id: int
    name: str
    kind: str = Field(..., description="`scb_grid`, `csv`, `geopackage` or `synthetic`.")
    synthetic: bool = Field(..., description="Made up for the demo: never real residents.")
    municipality: MunicipalityOut | None = Field(None, description="None for a national grid.")
    status: str = Field(..., description="`importing`, `ready` or `failed`.")
    progress: int = Field(..., description="0–100 while importing.")
    error_code: str
    error_message: str
    cell_size_m: int | None
    cell_count: int
    population: int
    groups: list[dict[str, str]] = Field(..., description='[{"key": "age_20_24", "label": …}]')
    attribution: str
    created_at: datetime


class SourceListOut(Schema):
    count: int
    results: list[SourceOut]


class CandidateOut(Schema):
    id: int
    kind: str = Field(..., description="`existing`, `proposed` or `imported`.")
    name: str
    address: str
    ref: str
    batch: str = Field(..., description="The imported list the site came from, if any.")
    office: str | None = Field(None, description="The existing office's slug.")
    municipality: MunicipalityOut
    latitude: float
    longitude: float
    x: int
    y: int
    capacity: int | None = Field(None, description="Residents it can serve; None: no limit.")


class CandidateListOut(Schema):
    count: int
    results: list[CandidateOut]


class ScenarioIn(Schema):
    """A new scenario; ``candidates`` and ``fixed`` are site ids of the same municipality."""

    name: str = Field(..., min_length=1, max_length=200)
    description: str = Field("", max_length=4000)
    municipality: str = Field(
        "", max_length=10, description="The municipality's code; needed only by a platform admin."
    )
    model: str = Field("max_cover", description="`max_cover`, `p_median` or `set_cover`.")
    demand: Id = Field(..., description="The population source's id.")
    sites: int | None = Field(
        None, ge=0, le=500, description="New sites to choose (maximal covering, p-median)."
    )
    share: float | None = Field(
        None, ge=0, le=1, description="Set covering: the share of residents to reach (0–1]."
    )
    reach: str = Field("straight", description="`straight` (a radius) or `matrix`.")
    preset: str = Field("", max_length=10, description="`walk` or `cycle`, or empty.")
    radius_m: int | None = Field(None, ge=0, le=1_000_000, description="Straight-line reach.")
    matrix: Id | None = Field(None, description="With reach `matrix`: the matrix's id.")
    minutes: int | None = Field(None, ge=0, le=10_000, description="With a matrix: the reach.")
    candidates: list[Id] = Field(..., max_length=MAX_POOL, description="The pool to choose from.")
    fixed: list[Id] = Field(
        default_factory=list, max_length=MAX_POOL, description="Sites kept open whatever happens."
    )
    group_weights: dict[str, float] = Field(
        default_factory=dict,
        max_length=50,
        description='Count some residents more: {"age_20_24": 2}.',
    )
    use_capacities: bool = False
    gap_target: float = Field(1.0, ge=0, le=100, description="Stop at this proven gap, 0–50 (%).")
    time_limit_s: int = Field(60, ge=0, le=100_000, description="Stop after 1–600 seconds.")

    @field_validator("name", "description", "municipality", "preset", "model", "reach")
    @classmethod
    def _no_nul(cls, value: str) -> str:
        """No database stores a NUL character in text; refuse it as bad input, not a crash."""
        if "\x00" in value:
            raise ValueError("NUL characters are not allowed")
        return value


class RunSummaryOut(Schema):
    id: int
    status: str = Field(..., description="`queued`, `running`, `done`, `cancelled`, `failed`.")
    progress: int
    objective: float | None
    bound: float | None
    gap: float | None = Field(None, description="Proven relative gap, in percent.")
    seconds: float | None
    created_at: datetime


class ScenarioOut(Schema):
    id: int
    name: str
    description: str
    municipality: MunicipalityOut | None
    model: str
    model_label: str
    demand: int
    sites: int | None
    share: float | None
    reach: str
    preset: str
    radius_m: int | None
    matrix: int | None
    minutes: int | None
    candidates: list[int]
    fixed: list[int]
    group_weights: dict[str, Any]
    use_capacities: bool
    gap_target: float
    time_limit_s: int
    created_at: datetime
    runs: list[RunSummaryOut] = Field(..., description="Newest first.")


class ScenarioListOut(Schema):
    count: int
    results: list[ScenarioOut]


class RunSiteOut(Schema):
    candidate: int
    name: str
    kind: str
    is_new: bool = Field(..., description="Newly chosen, or kept open.")
    rank: int
    reached: int = Field(..., description="Residents it reaches that sites before it did not.")
    latitude: float
    longitude: float


class RunOut(RunSummaryOut):
    scenario: int
    stage: str
    method: str
    error_code: str
    cancel_requested: bool
    started_at: datetime | None
    finished_at: datetime | None
    sites: list[RunSiteOut]
    summary: dict[str, Any] = Field(
        ..., description="Who gains access: totals, per district and group, commuting range."
    )
