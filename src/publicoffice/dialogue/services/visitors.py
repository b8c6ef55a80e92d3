"""Proposals from visitors without an account: a short form and an e-mail they confirm.

Many who use an office have no account, and some never will. They may still
propose: the proposal waits, unseen, until the visitor opens the link we
e-mail them; then it is public and the response clock starts. The address
is never shown. It is used for the confirmation and for the answers, and it
is erased 30 days after the proposal is closed or done
(:func:`forget_visitor_addresses`); proposals never confirmed are deleted
after :data:`CONFIRM_DAYS` days (:func:`drop_unconfirmed`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from publicoffice.accounts.actors import AnyUser
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.timeutils import acting_now
from publicoffice.dialogue import clock, happenings, photos
from publicoffice.dialogue.models import OPEN_STATES, Proposal, ProposalStatistic
from publicoffice.dialogue.services.proposals import (
    PHOTO_FOLDER,
    clean_body,
    clean_kind,
    clean_language,
    clean_title,
)
from publicoffice.places.facts import Family, fact_changed
from publicoffice.places.models import Office
from publicoffice.places.restrictions import MemberAction, ensure_allowed

#: Days a visitor has to open the confirmation link.
CONFIRM_DAYS = 3
#: Days an address is kept after its proposal is closed or done (for a late question).
KEEP_ADDRESS_DAYS = 30
_SALT = "publicoffice.dialogue.confirm"
#: Open proposals one address may have, like a member.
MAX_OPEN_PER_ADDRESS = 5


def _clean_email(value: Any) -> str:
    email = str(value or "").strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise DomainError(ErrorCode.BAD_EMAIL, field="email") from error
    if len(email) > 254:
        raise DomainError(ErrorCode.BAD_EMAIL, field="email")
    return email.lower()


def confirmation_token(proposal: Proposal) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(proposal.public_id))


@transaction.atomic
def proposal_from_visitor(
    *,
    office: Office,
    email: Any,
    kind: Any,
    title: Any,
    body: Any,
    language: Any,
    reply_language: str,
    photo: photos.Photo | None = None,
    now: datetime | None = None,
    visitor: AnyUser | None = None,
) -> Proposal:
    """A visitor's proposal, waiting for its address to be confirmed; the e-mail is queued.

    ``visitor`` is whoever sends the form: someone logged in is asked of the
    house rules like a member; an anonymous visitor passes (nothing ties
    them to a decision).
    """
    now = acting_now(now)
    ensure_allowed(visitor, MemberAction.PROPOSE, office=office, at=now)
    address = _clean_email(email)
    proposal = Proposal(
        office=office,
        kind=clean_kind(kind),
        title=clean_title(title),
        body=clean_body(body),
        language=clean_language(language),
        contact_email=address,
        contact_language=reply_language if reply_language in LANGUAGE_CODES else "sv",
        awaiting_confirmation=True,
        answer_due=clock.answer_due(
            made_at=now, days=clock.promised_days(office=office, operator=None)
        ),
    )
    waiting = Proposal.objects.filter(
        contact_email=address, state__in=OPEN_STATES, archived_at__isnull=True
    ).count()
    if waiting >= MAX_OPEN_PER_ADDRESS:
        raise DomainError(ErrorCode.TOO_MANY_PROPOSALS)
    proposal.full_clean()
    if photo is not None:
        proposal.photo = photos.store(photo, folder=PHOTO_FOLDER)
    proposal.save()
    Proposal.objects.filter(pk=proposal.pk).update(created_at=now)
    proposal.created_at = now
    happenings.visitor_proposal_made.publish(proposal_id=proposal.pk)
    return proposal


@transaction.atomic
def proposal_confirm(*, token: Any, now: datetime | None = None) -> Proposal:
    """Open the link: the proposal is public from now on, and its clock starts now.

    Opening it twice is fine (the proposal is simply shown); an old or
    altered link is ``proposal_not_found``.
    """
    now = acting_now(now)
    try:
        public_id = signing.TimestampSigner(salt=_SALT).unsign(
            str(token), max_age=timedelta(days=CONFIRM_DAYS)
        )
    except signing.BadSignature as error:
        raise DomainError(ErrorCode.PROPOSAL_NOT_FOUND) from error
    proposal = Proposal.objects.select_for_update().filter(public_id=public_id).first()
    if proposal is None:
        raise DomainError(ErrorCode.PROPOSAL_NOT_FOUND)
    if not proposal.awaiting_confirmation:
        return proposal
    if now - proposal.created_at > timedelta(days=CONFIRM_DAYS):
        raise DomainError(ErrorCode.PROPOSAL_NOT_FOUND)
    proposal.awaiting_confirmation = False
    proposal.created_at = now
    proposal.state_changed_at = now
    days = clock.promised_days(office=proposal.office, operator=proposal.operator)
    proposal.answer_due = clock.answer_due(made_at=now, days=days)
    proposal.save()
    ProposalStatistic.objects.create(
        proposal_public_id=proposal.public_id,
        office=proposal.office,
        kind=proposal.kind,
        state=proposal.state,
        created_on=clock.local_day(now),
        answer_due=proposal.answer_due,
    )
    fact_changed(office_id=proposal.office_id, when=now, family=Family.DIALOGUE)
    return proposal


def drop_unconfirmed(*, now: datetime | None = None) -> int:
    """Delete proposals whose link was never opened in time; how many."""
    now = acting_now(now)
    cutoff = now - timedelta(days=CONFIRM_DAYS)
    stale = Proposal.objects.filter(awaiting_confirmation=True, created_at__lt=cutoff)
    for name in stale.exclude(photo="").values_list("photo", flat=True):
        photos.delete(name, folder=PHOTO_FOLDER)
    return int(stale.delete()[1].get("dialogue.Proposal", 0))


def forget_visitor_addresses(*, now: datetime | None = None) -> int:
    """Erase the addresses of visitors whose proposal closed or was done 30 days ago."""
    now = acting_now(now)
    cutoff = now - timedelta(days=KEEP_ADDRESS_DAYS)
    return (
        Proposal.objects.exclude(contact_email="")
        .exclude(state__in=OPEN_STATES)
        .filter(state_changed_at__lt=cutoff)
        .update(contact_email="")
    )
