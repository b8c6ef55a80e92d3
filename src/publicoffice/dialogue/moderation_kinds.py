"""Proposals, arguments and problem reports as content the conduct app moderates.

Registered in :mod:`publicoffice.places.moderation` from ``ready()``:
conduct (which may not import dialogue) finds, hides and restores them
through these functions, which call :mod:`publicoffice.dialogue.moderation`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.dialogue import policies, problem_policies
from publicoffice.dialogue.models import Argument, ProblemReport, Proposal
from publicoffice.dialogue.moderation import Hideable, restore, set_hidden
from publicoffice.places.models import Office
from publicoffice.places.moderation import ContentKind


def _uuid(key: str) -> UUID | None:
    try:
        return UUID(key)
    except ValueError:
        return None


def _proposal(key: str) -> Proposal | None:
    public_id = _uuid(key)
    if public_id is None:
        return None
    return Proposal.objects.select_related("office").filter(public_id=public_id).first()


def _argument(key: str) -> Argument | None:
    if not key.isdigit():
        return None
    return Argument.objects.select_related("proposal__office").filter(pk=int(key)).first()


def _problem(key: str) -> ProblemReport | None:
    public_id = _uuid(key)
    if public_id is None:
        return None
    return ProblemReport.objects.select_related("office").filter(public_id=public_id).first()


def _hide(item: Hideable, reason: str, at: datetime) -> None:
    set_hidden(item, reason, at)


def _restore(item: Hideable, at: datetime) -> None:
    restore(item=item, now=at)


def _proposal_url(proposal: Proposal) -> str:
    return reverse("dialogue:proposal", kwargs={"public_id": proposal.public_id})


def _proposal_office(proposal: Proposal) -> Office | None:
    return proposal.office


def _proposal_operator(proposal: Proposal) -> int | None:
    return proposal.office.operator_id if proposal.office else proposal.operator_id


def _may_report_proposal(proposal: Proposal, user: AnyUser) -> bool:
    return proposal.hidden_at is None and policies.can_see(user, proposal)


def _may_report_argument(argument: Argument, user: AnyUser) -> bool:
    return argument.hidden_at is None and _may_report_proposal(argument.proposal, user)


def _is_hidden(item: Any) -> bool:
    return item.hidden_at is not None


PROPOSAL = ContentKind(
    name="proposal",
    label=_("proposal"),
    find=_proposal,
    key=lambda proposal: str(proposal.public_id),
    author_id=lambda proposal: proposal.author_id,
    office=_proposal_office,
    operator_id=_proposal_operator,
    title=lambda proposal: proposal.title,
    url=_proposal_url,
    hide=_hide,
    restore=_restore,
    is_hidden=_is_hidden,
    can_report=_may_report_proposal,
)

ARGUMENT = ContentKind(
    name="argument",
    label=_("argument"),
    find=_argument,
    key=lambda argument: str(argument.pk),
    author_id=lambda argument: argument.member_id,
    office=lambda argument: argument.proposal.office,
    operator_id=lambda argument: _proposal_operator(argument.proposal),
    title=lambda argument: argument.text[:200],
    url=lambda argument: _proposal_url(argument.proposal),
    hide=_hide,
    restore=_restore,
    is_hidden=_is_hidden,
    can_report=_may_report_argument,
)

PROBLEM = ContentKind(
    name="problem",
    label=_("problem report"),
    find=_problem,
    key=lambda report: str(report.public_id),
    author_id=lambda report: report.reporter_id,
    office=lambda report: report.office,
    operator_id=lambda report: report.office.operator_id,
    title=lambda report: report.title,
    url=lambda report: reverse("dialogue:problem", kwargs={"public_id": report.public_id}),
    hide=_hide,
    restore=_restore,
    is_hidden=_is_hidden,
    can_report=lambda report, user: (
        report.hidden_at is None and problem_policies.can_see(user, report)
    ),
)

KINDS = (PROPOSAL, ARGUMENT, PROBLEM)
