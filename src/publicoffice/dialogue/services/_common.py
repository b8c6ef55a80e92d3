"""What the dialogue services share: the text checks and the row lock."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_line, clean_paragraphs
from publicoffice.dialogue import report_selectors
from publicoffice.dialogue.models import Proposal, ProposalStatistic
from publicoffice.places.facts import Family, facts_changed

TITLE_MAX = 120
BODY_MAX = 4000
ANSWER_MAX = 4000
ARGUMENT_MAX = 500
REASON_MAX = 300

__all__ = ["clean_line", "clean_paragraphs"]


def locked(proposal: Proposal) -> Proposal:
    """The proposal's row, locked until the transaction ends, as it is now."""
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def statistic_of(proposal: Proposal) -> ProposalStatistic:
    return ProposalStatistic.objects.get(proposal_public_id=proposal.public_id)


def tell_figures(proposal: Proposal) -> None:
    """Every day a proposal counts on changed: it was left out of, or back in, the figures.

    Hiding, restoring and withdrawing before an answer change whether the
    proposal, its first answer and its supports count at all
    (:mod:`publicoffice.dialogue.report_selectors`).
    """
    if proposal.office_id is None:
        return
    days: list[date | datetime | None] = [proposal.created_at, proposal.first_answer_at]
    days += report_selectors.support_days(proposal.pk)
    facts_changed(
        office_id=proposal.office_id,
        when=[day for day in days if day is not None],
        family=Family.DIALOGUE,
    )


def clean_staff_state(
    item: Any,
    state: Any,
    details: dict[str, Any],
    *,
    allowed: frozenset[str],
    code: ErrorCode,
    repeats: str | Promise,
) -> str:
    """A state staff may give ``item`` (a proposal or a problem report), with what it needs.

    *Duplicate* names another item of the same kind (``details["duplicate_of"]``);
    *forwarded* says to whom (``details["forwarded_to"]``, cleaned in place).
    """
    # A list or a dict (from JSON) cannot be looked up in a set: refuse it, not crash.
    if not isinstance(state, str) or state not in allowed:
        raise DomainError(code, field="state")
    if state == "duplicate":
        original = details.get("duplicate_of")
        if not isinstance(original, type(item)) or original.pk == item.pk:
            raise DomainError(code, repeats, field="duplicate_of")
    if state == "forwarded":
        details["forwarded_to"] = clean_line(
            details.get("forwarded_to"),
            field="forwarded_to",
            limit=REASON_MAX,
            missing=_("Say to whom it was forwarded."),
        )
    return state
