"""The moderation hook: report a proposal, an argument or a problem report, and hide it.

One function hides anything of dialogue (:func:`hide`), one shows it again
(:func:`restore`), so the conduct app
can build its moderation (queues, appeals, statistics) on this hook
without learning each kind of content. The author keeps seeing what was
hidden, with the reason; everyone else sees that something was hidden.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.core.timeutils import acting_now
from publicoffice.dialogue.models import (
    Argument,
    ContentReport,
    ProblemReport,
    Proposal,
    ProposalStatistic,
    State,
)
from publicoffice.dialogue.services._common import REASON_MAX, clean_line, tell_figures
from publicoffice.places.moderation import hidden_by_staff, report_submitted

Hideable = Proposal | Argument | ProblemReport

#: The field of :class:`ContentReport` that names each kind of content.
REPORT_FIELD: dict[type[Hideable], str] = {
    Proposal: "proposal",
    Argument: "argument",
    ProblemReport: "problem",
}


def proposal_of(item: Proposal | Argument) -> Proposal:
    return item if isinstance(item, Proposal) else item.proposal


#: The name each kind has in the moderation registry (``places.moderation``).
KIND_NAME: dict[type[Hideable], str] = {
    Proposal: "proposal",
    Argument: "argument",
    ProblemReport: "problem",
}


def report(*, reporter: Member | None, item: Hideable, reason: Any) -> ContentReport:
    """Anyone tells staff that ``item`` breaks the house rules.

    The report is kept here and handed to the moderation (conduct), where
    enough members' reports hide the item until staff review it.
    """
    text = clean_line(reason, field="reason", limit=500, missing=_("Say what is wrong with it."))
    target = {REPORT_FIELD[type(item)]: item}
    kept = ContentReport.objects.create(reporter=reporter, reason=text, **target)
    report_submitted(kind=KIND_NAME[type(item)], item=item, reporter=reporter, reason=text)
    return kept


@transaction.atomic
def hide(*, staff: StaffUser, item: Hideable, reason: Any, now: datetime | None = None) -> Hideable:
    """Hide ``item`` with a reason shown to its author; its open reports count as handled.

    The permission is the caller's (``policies.can_moderate``). A hidden
    proposal leaves the lists and the office's on-time share.
    """
    now = acting_now(now)
    text = clean_line(reason, field="reason", limit=REASON_MAX, missing=_("Say why it is hidden."))
    set_hidden(item, text, now)
    hidden_by_staff(kind=KIND_NAME[type(item)], item=item, staff=staff, reason=text, at=now)
    return item


def set_hidden(item: Hideable, text: str, now: datetime) -> None:
    """Hide ``item`` with a cleaned reason (the moderation registry's ``hide``)."""
    item.hidden_at, item.hidden_reason = now, text[:300]
    item.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
    open_reports = ContentReport.objects.filter(handled_at__isnull=True)
    open_reports.filter(**{REPORT_FIELD[type(item)]: item}).update(handled_at=now)
    if isinstance(item, Proposal):
        ProposalStatistic.objects.filter(proposal_public_id=item.public_id).update(excluded=True)
        tell_figures(item)


@transaction.atomic
def restore(*, item: Hideable, now: datetime | None = None) -> Hideable:
    """Show ``item`` again (the moderation decided it breaks no rule after all).

    The permission is the caller's (``conduct``'s staff of the office). A
    proposal counts again in the on-time share, unless it was withdrawn
    before an answer.
    """
    now = acting_now(now)
    item.hidden_at, item.hidden_reason = None, ""
    item.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
    open_reports = ContentReport.objects.filter(handled_at__isnull=True)
    open_reports.filter(**{REPORT_FIELD[type(item)]: item}).update(handled_at=now)
    if isinstance(item, Proposal):
        statistics = ProposalStatistic.objects.filter(proposal_public_id=item.public_id)
        if item.state == State.WITHDRAWN:
            statistics = statistics.filter(answered_on_time__isnull=False)
        statistics.update(excluded=False)
        tell_figures(item)
    return item
