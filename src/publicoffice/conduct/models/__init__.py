"""The conduct app's tables: house rules (:mod:`.rules`), incidents (:mod:`.incidents`),
sanctions and appeals (:mod:`.sanctions`), and the audit trail (:mod:`.audit`)."""

from publicoffice.conduct.models.audit import AuditAction, AuditEntry
from publicoffice.conduct.models.content import (
    CaseState,
    ContentAppeal,
    ContentAppealOutcome,
    ContentCase,
    ContentFlag,
)
from publicoffice.conduct.models.incidents import (
    Category,
    Incident,
    IncidentQuerySet,
    Severity,
    Source,
)
from publicoffice.conduct.models.rules import RuleAcceptance, RuleScope, RuleVersion
from publicoffice.conduct.models.sanctions import (
    RESTRICTING_KINDS,
    Appeal,
    AppealOutcome,
    OperatorConduct,
    Sanction,
    SanctionKind,
    SanctionScope,
    SanctionState,
)

__all__ = [
    "RESTRICTING_KINDS",
    "Appeal",
    "AppealOutcome",
    "AuditAction",
    "AuditEntry",
    "CaseState",
    "Category",
    "ContentAppeal",
    "ContentAppealOutcome",
    "ContentCase",
    "ContentFlag",
    "Incident",
    "IncidentQuerySet",
    "OperatorConduct",
    "RuleAcceptance",
    "RuleScope",
    "RuleVersion",
    "Sanction",
    "SanctionKind",
    "SanctionScope",
    "SanctionState",
    "Severity",
    "Source",
]
