from publicoffice.reports.models.commuting import EmissionFactor as EmissionFactor
from publicoffice.reports.models.figures import (
    DayFigure,
    Publication,
    PublishedFigure,
    RefreshLock,
    ScopeKind,
    StaleDay,
)

__all__ = ["DayFigure", "Publication", "PublishedFigure", "RefreshLock", "ScopeKind", "StaleDay"]
