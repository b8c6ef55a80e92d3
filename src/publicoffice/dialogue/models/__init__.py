"""The dialogue's tables: proposals with their supports and answers (:mod:`.proposals`)."""

from publicoffice.dialogue.models.proposals import (
    FAMILIES,
    OPEN_STATES,
    Answer,
    Argument,
    ContentReport,
    Family,
    Follow,
    Kind,
    Proposal,
    ProposalQuerySet,
    ProposalStatistic,
    ProposalVersion,
    Side,
    State,
    Support,
)

__all__ = [
    "FAMILIES",
    "OPEN_STATES",
    "Answer",
    "Argument",
    "ContentReport",
    "Family",
    "Follow",
    "Kind",
    "Proposal",
    "ProposalQuerySet",
    "ProposalStatistic",
    "ProposalVersion",
    "Side",
    "State",
    "Support",
]
