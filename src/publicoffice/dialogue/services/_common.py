"""What the dialogue services share: the text checks and the row lock."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import one_line, paragraphs, within_limit
from publicoffice.dialogue.models import Proposal, ProposalStatistic

TITLE_MAX = 120
BODY_MAX = 4000
ANSWER_MAX = 4000
ARGUMENT_MAX = 500
REASON_MAX = 300


def clean_line(value: Any, *, field: str, limit: int, missing: str | Promise) -> str:
    """One line of required text (a title, a reason), cleaned and within ``limit``."""
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, _("This text could not be read."), field=field)
    text = one_line(value)
    if not text:
        raise DomainError(ErrorCode.TEXT_MISSING, missing, field=field)
    return within_limit(text, field=field, limit=limit)


def clean_paragraphs(value: Any, *, field: str, limit: int, missing: str | Promise) -> str:
    """Several lines of required text (a proposal, an answer), cleaned and within ``limit``."""
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, _("This text could not be read."), field=field)
    text = paragraphs(value)
    if not text:
        raise DomainError(ErrorCode.TEXT_MISSING, missing, field=field)
    return within_limit(text, field=field, limit=limit)


def locked(proposal: Proposal) -> Proposal:
    """The proposal's row, locked until the transaction ends, as it is now."""
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def statistic_of(proposal: Proposal) -> ProposalStatistic:
    return ProposalStatistic.objects.get(proposal_public_id=proposal.public_id)
