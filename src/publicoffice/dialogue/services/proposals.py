"""Proposing, rewording, withdrawing, supporting, following and arguing.

Each function is one transaction. Supports lock the proposal's row, so the
public count (``support_count``, kept for sorting) always equals the rows.
Rewording a proposal somebody supports keeps the old wording as a version
and tells the supporters: they supported what it said then.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.timeutils import acting_now
from publicoffice.dialogue import clock, happenings, photos
from publicoffice.dialogue.models import (
    FAMILIES,
    OPEN_STATES,
    Argument,
    Family,
    Follow,
    Kind,
    Proposal,
    ProposalStatistic,
    ProposalVersion,
    Side,
    Support,
)
from publicoffice.dialogue.services._common import (
    ARGUMENT_MAX,
    BODY_MAX,
    TITLE_MAX,
    clean_line,
    clean_paragraphs,
    locked,
)
from publicoffice.places.facts import Family as FactFamily
from publicoffice.places.facts import fact_changed
from publicoffice.places.models import Municipality, Office, Operator
from publicoffice.places.restrictions import MemberAction, ensure_allowed

#: Where proposal photos are kept under ``MEDIA_ROOT``.
PHOTO_FOLDER = "proposals"


def clean_kind(value: Any) -> str:
    if value not in Kind.values:
        raise DomainError(ErrorCode.PROPOSAL_KIND_INVALID, field="kind")
    return str(value)


def clean_language(value: Any) -> str:
    if value not in LANGUAGE_CODES:
        raise DomainError(ErrorCode.LANGUAGE_UNKNOWN, field="language")
    return str(value)


def clean_title(value: Any) -> str:
    return clean_line(
        value, field="title", limit=TITLE_MAX, missing=_("Give the proposal a title.")
    )


def clean_body(value: Any) -> str:
    return clean_paragraphs(
        value, field="body", limit=BODY_MAX, missing=_("Say what you propose, and why.")
    )


def _refuse_unless_open(proposal: Proposal) -> None:
    if FAMILIES[proposal.state] != Family.OPEN or proposal.hidden_at is not None:
        raise DomainError(ErrorCode.PROPOSAL_CLOSED)


def _refuse_too_many(author: Member) -> None:
    open_ones = Proposal.objects.filter(
        author=author, state__in=OPEN_STATES, archived_at__isnull=True
    ).count()
    if open_ones >= settings.DIALOGUE_MAX_OPEN_PROPOSALS:
        raise DomainError(
            ErrorCode.TOO_MANY_PROPOSALS,
            _("You have %(count)d open proposals; wait for an answer before making more.")
            % {"count": open_ones},
        )


@transaction.atomic
def proposal_create(
    *,
    author: Member,
    kind: Any,
    title: Any,
    body: Any,
    language: Any,
    office: Office | None = None,
    operator: Operator | None = None,
    municipality: Municipality | None = None,
    photo: photos.Photo | None = None,
    now: datetime | None = None,
) -> Proposal:
    """A member's proposal at ``office``, or for ``operator``'s or ``municipality``'s network.

    ``photo`` comes cleaned by :func:`publicoffice.dialogue.photos.prepare`; its
    file is written only once everything else is accepted. A proposal to a
    whole operator or municipality is asked of the house rules with
    ``office=None``: only a network-wide decision stops it.
    """
    now = acting_now(now)
    if [office, operator, municipality].count(None) != 2:
        raise DomainError(ErrorCode.OFFICE_UNKNOWN, field="office")
    ensure_allowed(author, MemberAction.PROPOSE, office=office, at=now)
    _refuse_too_many(author)
    days = clock.promised_days(office=office, operator=operator)
    proposal = Proposal(
        office=office,
        operator=operator,
        municipality=municipality,
        kind=clean_kind(kind),
        title=clean_title(title),
        body=clean_body(body),
        language=clean_language(language),
        author=author,
        answer_due=clock.answer_due(made_at=now, days=days),
        state_changed_at=now,
    )
    proposal.full_clean()
    if photo is not None:
        proposal.photo = photos.store(photo, folder=PHOTO_FOLDER)
    proposal.save()
    Proposal.objects.filter(pk=proposal.pk).update(created_at=now)
    proposal.created_at = now
    ProposalStatistic.objects.create(
        proposal_public_id=proposal.public_id,
        office=office,
        kind=proposal.kind,
        state=proposal.state,
        created_on=clock.local_day(now),
        answer_due=proposal.answer_due,
    )
    fact_changed(office_id=proposal.office_id, when=now, family=FactFamily.DIALOGUE)
    return proposal


@transaction.atomic
def proposal_reword(
    *, author: Member, proposal: Proposal, title: Any, body: Any, now: datetime | None = None
) -> Proposal:
    """The author changes the text; once supported, the old wording is kept as a version."""
    now = acting_now(now)
    proposal = locked(proposal)
    if proposal.author_id != author.pk:
        raise DomainError(ErrorCode.NOT_ALLOWED)
    _refuse_unless_open(proposal)
    if proposal.first_answer_at is not None:
        raise DomainError(
            ErrorCode.PROPOSAL_CLOSED,
            _("Staff have answered this proposal; make a new one to propose something else."),
        )
    new_title, new_body = clean_title(title), clean_body(body)
    if (new_title, new_body) == (proposal.title, proposal.body):
        raise DomainError(
            ErrorCode.NOTHING_TO_CHANGE, _("The title and the text are as they were.")
        )
    supported = proposal.support_count > 0
    if supported:
        ProposalVersion.objects.create(
            proposal=proposal,
            number=proposal.version,
            title=proposal.title,
            body=proposal.body,
            replaced_at=now,
            supporters_then=proposal.support_count,
        )
        proposal.version += 1
    proposal.title, proposal.body = new_title, new_body
    proposal.save(update_fields=["title", "body", "version", "updated_at"])
    if supported:
        happenings.proposal_reworded.publish(proposal_id=proposal.pk, version=proposal.version - 1)
    return proposal


@transaction.atomic
def support_add(*, member: Member, proposal: Proposal) -> bool:
    """Support once; True when this made a new support (False: already supported)."""
    ensure_allowed(member, MemberAction.PROPOSE, office=proposal.office)
    proposal = locked(proposal)
    if proposal.author_id == member.pk:
        raise DomainError(ErrorCode.OWN_PROPOSAL)
    _refuse_unless_open(proposal)
    support, created = Support.objects.get_or_create(proposal=proposal, member=member)
    if created:
        _count_supports(proposal, +1)
        fact_changed(
            office_id=proposal.office_id, when=support.created_at, family=FactFamily.DIALOGUE
        )
        if proposal.archived_at is not None:  # somebody cares after all: list it again
            Proposal.objects.filter(pk=proposal.pk).update(archived_at=None)
    return created


@transaction.atomic
def support_withdraw(*, member: Member, proposal: Proposal) -> bool:
    """Take a support back (any time); True when there was one."""
    proposal = locked(proposal)
    given = Support.objects.filter(proposal=proposal, member=member)
    given_at = given.values_list("created_at", flat=True).first()
    deleted, _ = given.delete()
    if deleted:
        _count_supports(proposal, -1)
        if given_at is not None:
            fact_changed(office_id=proposal.office_id, when=given_at, family=FactFamily.DIALOGUE)
    return bool(deleted)


def supports_before_account_deletion(user: Member) -> None:
    """Take back a leaving member's supports, so the kept counts stay true.

    The database would delete the rows by ``CASCADE`` but leave
    ``support_count`` and the statistics one too high (an account deletion step).
    """
    for proposal in Proposal.objects.filter(supports__member=user):
        support_withdraw(member=user, proposal=proposal)


def _count_supports(proposal: Proposal, change: int) -> None:
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + change)
    ProposalStatistic.objects.filter(proposal_public_id=proposal.public_id).update(
        supports=F("supports") + change
    )


def follow(*, member: Member, proposal: Proposal, on: bool) -> bool:
    """Follow (``on``) or stop following; True when something changed."""
    if on:
        return Follow.objects.get_or_create(proposal=proposal, member=member)[1]
    return bool(Follow.objects.filter(proposal=proposal, member=member).delete()[0])


@transaction.atomic
def argument_add(*, member: Member, proposal: Proposal, side: Any, text: Any) -> Argument:
    """A short argument for or against an open proposal."""
    ensure_allowed(member, MemberAction.PROPOSE, office=proposal.office)
    proposal = locked(proposal)
    _refuse_unless_open(proposal)
    if side not in Side.values:
        raise DomainError(ErrorCode.ARGUMENT_SIDE_INVALID, field="side")
    cleaned = clean_paragraphs(
        text, field="text", limit=ARGUMENT_MAX, missing=_("Write your argument.")
    )
    argument = Argument(proposal=proposal, member=member, side=side, text=cleaned)
    argument.full_clean()
    argument.save()
    return argument


def erase_hidden_photos(*, now: datetime | None = None) -> int:
    """Delete the photos of proposals hidden ``DIALOGUE_PHOTO_DAYS`` ago (file and name).

    A hidden proposal's author still reads its text and the reason; a photo
    that broke the house rules should not be kept for them. Called by the sweep.
    """
    now = acting_now(now)
    cutoff = now - timedelta(days=settings.DIALOGUE_PHOTO_DAYS)
    erased = 0
    for proposal in Proposal.objects.filter(hidden_at__lt=cutoff).exclude(photo="").only("photo"):
        photos.delete(proposal.photo, folder=PHOTO_FOLDER)
        Proposal.objects.filter(pk=proposal.pk).update(photo="")
        erased += 1
    return erased
