"""Planning's tables: where people live, where an office could be, and the scenarios."""

from publicoffice.planning.models.candidates import Candidate, CandidateKind
from publicoffice.planning.models.demand import DemandCell, DemandKind, DemandSource, ImportStatus
from publicoffice.planning.models.reach import TravelMatrix, TravelTime
from publicoffice.planning.models.scenarios import (
    PlanningModel,
    ReachKind,
    Run,
    RunSite,
    RunStatus,
    Scenario,
)

__all__ = [
    "Candidate",
    "CandidateKind",
    "DemandCell",
    "DemandKind",
    "DemandSource",
    "ImportStatus",
    "PlanningModel",
    "ReachKind",
    "Run",
    "RunSite",
    "RunStatus",
    "Scenario",
    "TravelMatrix",
    "TravelTime",
]
