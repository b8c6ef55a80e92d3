"""Who may propose, support, argue, answer and moderate. Every permission check of dialogue.

Anyone may read proposals that are not hidden. Members propose, support,
follow and argue. The answering side is whoever answers for the proposal's
scope: for an office its hosts and its operator's admins (the people of
:func:`publicoffice.places.policies.can_manage_office`); for an operator's
whole network its admins; for a municipality's its officers, whose public
answers are the one thing they write (the admin stays read-only for them).
Platform admins answer everywhere.
"""

from __future__ import annotations

from typing import TypeGuard

from django.db.models import Q, QuerySet

from publicoffice.accounts import roles
from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.dialogue.models import FAMILIES, Family, Proposal
from publicoffice.places.models import Office
from publicoffice.places.policies import can_manage_office, can_manage_operator


def is_member(user: AnyUser) -> TypeGuard[Member]:
    return roles.is_member(user)


def can_propose(user: AnyUser) -> TypeGuard[Member]:
    """Any active member (visitors without an account: see the confirmed-e-mail form)."""
    return is_member(user)


def is_author(user: AnyUser, proposal: Proposal) -> bool:
    return bool(
        user.is_authenticated and proposal.author_id is not None and proposal.author_id == user.pk
    )


def can_answer(user: AnyUser, proposal: Proposal) -> bool:
    """Publish answers and change the state: the people who answer for its scope."""
    if not is_member(user):
        return False
    if proposal.office is not None:
        return can_manage_office(user, proposal.office)
    if proposal.operator is not None:
        return can_manage_operator(user, proposal.operator)
    return roles.is_platform_admin(user) or (
        proposal.municipality_id in roles.officer_municipality_ids(user)
    )


def can_answer_for_office(user: AnyUser, office: Office) -> bool:
    """Answers the proposals made at ``office`` (the office page's link to the queue)."""
    return is_member(user) and can_manage_office(user, office)


def can_see(user: AnyUser, proposal: Proposal) -> bool:
    """Public unless hidden by moderation; hidden ones stay readable to the author and staff.

    A visitor's proposal is nobody's to see until its e-mail is confirmed.
    """
    if proposal.awaiting_confirmation:
        return False
    if proposal.hidden_at is None:
        return True
    return is_author(user, proposal) or can_answer(user, proposal)


def is_open(proposal: Proposal) -> bool:
    return FAMILIES[proposal.state] == Family.OPEN and proposal.hidden_at is None


def can_support(user: AnyUser, proposal: Proposal) -> TypeGuard[Member]:
    """Members support open proposals of others (the service says why not, when not)."""
    return is_member(user)


def can_edit(user: AnyUser, proposal: Proposal) -> bool:
    """The author, while the proposal is open and unanswered: staff answer a fixed text."""
    return is_author(user, proposal) and is_open(proposal) and proposal.first_answer_at is None


def can_withdraw(user: AnyUser, proposal: Proposal) -> bool:
    return is_author(user, proposal) and is_open(proposal)


def can_argue(user: AnyUser, proposal: Proposal) -> TypeGuard[Member]:
    return is_member(user)


def can_make_event(user: AnyUser, proposal: Proposal) -> bool:
    """Turn an open proposal made at an office into that office's event."""
    return (
        proposal.office is not None
        and proposal.event_id is None
        and is_open(proposal)
        and can_answer(user, proposal)
    )


def can_moderate(user: AnyUser, proposal: Proposal) -> bool:
    """Hide a proposal or one of its arguments, with a reason the author sees."""
    return can_answer(user, proposal)


def answers_somewhere(user: AnyUser) -> bool:
    """Has a queue of proposals to answer (the link in the menu)."""
    return bool(
        roles.is_platform_admin(user)
        or roles.hosted_office_ids(user)
        or roles.administered_operator_ids(user)
        or roles.officer_municipality_ids(user)
    )


def answerable(user: AnyUser, proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """The proposals ``user`` answers for: the host's queue."""
    if roles.is_platform_admin(user):
        return proposals
    operators = roles.administered_operator_ids(user)
    return proposals.filter(
        Q(office_id__in=roles.hosted_office_ids(user))
        | Q(office__operator_id__in=operators)
        | Q(operator_id__in=operators)
        | Q(municipality_id__in=roles.officer_municipality_ids(user))
    )
