"""The commissioning process, one stage a module, as Open Contracting names them.

planning = :mod:`calls`, tender = :mod:`applications`, evaluation =
:mod:`reviews`, award = :mod:`decisions`, contract = :mod:`commissions`,
implementation = :mod:`followup`.
"""

from publicoffice.commissioning.models.applications import (
    Application,
    ApplicationStatus,
    CoApplicant,
    GuidelinePlan,
    InfoRequest,
    PlannedOffice,
    Section,
)
from publicoffice.commissioning.models.calls import (
    Call,
    CallCriterion,
    CallDocument,
    CallFollower,
    CallGuideline,
    CallKind,
    CallStatus,
)
from publicoffice.commissioning.models.commissions import (
    Amendment,
    Commission,
    CommissionStatus,
    Direction,
    Measure,
    Target,
)
from publicoffice.commissioning.models.decisions import Decision, Outcome
from publicoffice.commissioning.models.followup import (
    Assessment,
    Party,
    Rating,
    Report,
    ReportAttachment,
    ReportKind,
    ReportStatus,
)
from publicoffice.commissioning.models.reviews import Reviewer, Score

__all__ = [
    "Amendment",
    "Application",
    "ApplicationStatus",
    "Assessment",
    "Call",
    "CallCriterion",
    "CallDocument",
    "CallFollower",
    "CallGuideline",
    "CallKind",
    "CallStatus",
    "CoApplicant",
    "Commission",
    "CommissionStatus",
    "Decision",
    "Direction",
    "GuidelinePlan",
    "InfoRequest",
    "Measure",
    "Outcome",
    "Party",
    "PlannedOffice",
    "Rating",
    "Report",
    "ReportAttachment",
    "ReportKind",
    "ReportStatus",
    "Reviewer",
    "Score",
    "Section",
    "Target",
]
