"""Writes to contact requests: send, answer, withdraw, block, report.

A member never sees another member's e-mail address through the directory.
They send a short request *as* one of their own profiles; the recipient
profile's admins accept or decline; only an accepted request reveals the
contact details each side chose to share (see
:mod:`publicoffice.community.selectors.contacts`).

Refusals are :class:`DomainError` with stable codes. A block is answered
with the same neutral words as any other "can't be sent", so a sender cannot
find out that they were blocked. Every request also writes a
:class:`ContactStatistic` row without people in it, kept when accounts go.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.community import happenings
from publicoffice.community.models import (
    MAX_MESSAGE,
    AbuseReport,
    Block,
    ContactRequest,
    ContactStatistic,
    Profile,
    ProfileAdmin,
    RequestStatus,
)
from publicoffice.community.policies import is_active_member, is_profile_admin
from publicoffice.community.selectors import report as figures
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import hit_for_user
from publicoffice.core.text import paragraphs, within_limit
from publicoffice.places.facts import Family, facts_changed
from publicoffice.places.moderation import report_submitted
from publicoffice.places.restrictions import MemberAction, ensure_allowed

#: Longest reason in an abuse report (the model's limit).
MAX_REASON = 1000
#: Defaults of the settings ``COMMUNITY_CONTACTS_PER_HOUR`` and ``..._PER_DAY``.
DEFAULT_PER_HOUR = 10
DEFAULT_PER_DAY = 30

HOUR = 60 * 60
DAY = 24 * HOUR


# -- small rules shared by the services ------------------------------------------


def clean_message(value: Any, *, limit: int, field: str = "message") -> str:
    """Text as written (see :func:`~publicoffice.core.text.paragraphs`); refuse
    empty or too long text.

    Line breaks stay (a message may have paragraphs). Nothing is cut
    silently: too long is an error the member can fix.
    """
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, _("Write the text as plain text."), field=field)
    cleaned = paragraphs(value)
    if not cleaned:
        raise DomainError(ErrorCode.TEXT_MISSING, _("Write a few words first."), field=field)
    return within_limit(cleaned, field=field, limit=limit)


def _require_member(user: AnyUser) -> Member:
    if not is_active_member(user):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, _("Log in to do this."))
    return user


def _not_found() -> DomainError:
    # The same answer whether the request does not exist or is someone else's.
    return DomainError(ErrorCode.REQUEST_NOT_FOUND, _("There is no such contact request."))


def _already_pending() -> DomainError:
    return DomainError(
        ErrorCode.ALREADY_PENDING,
        _("You have already sent a request to this profile. Wait for the answer."),
    )


def _blocked_by_recipient(sender: Member, recipient: Profile) -> bool:
    admins = ProfileAdmin.objects.filter(profile=recipient).values("user_id")
    return Block.objects.filter(blocker__in=admins, blocked=sender).exists()


def _within_rate_limit(sender: Member) -> bool:
    """Count this request against the sender's hourly and daily allowance.

    Read at call time, so tests and deployments can change the figures.
    Only requests that passed every other check are counted.
    """
    per_hour = int(getattr(settings, "COMMUNITY_CONTACTS_PER_HOUR", DEFAULT_PER_HOUR))
    per_day = int(getattr(settings, "COMMUNITY_CONTACTS_PER_DAY", DEFAULT_PER_DAY))
    within_hour = hit_for_user(sender.pk, "contact-requests-hour", limit=per_hour, window=HOUR)
    within_day = hit_for_user(sender.pk, "contact-requests-day", limit=per_day, window=DAY)
    return within_hour and within_day


def _tell_figures(recipient_id: int, sent_at: datetime) -> None:
    """A request's figure changed: it counts at its recipient's report office, day sent."""
    facts_changed(
        office_id=figures.profile_report_office_id(recipient_id),
        when=[sent_at],
        family=Family.COMMUNITY,
    )


def _record_outcome(request: ContactRequest) -> None:
    ContactStatistic.objects.filter(request_id=request.pk).update(outcome=request.status)
    _tell_figures(request.recipient_id, request.created_at)


# -- sending ------------------------------------------------------------------------


def _check_sending(sender: Member, sender_profile: Profile, recipient: Profile, text: Any) -> str:
    """Every rule a request must pass, cheapest and least revealing first; the clean text.

    The rate limit is counted last, so a refused attempt does not use up
    the allowance.
    """
    if not is_profile_admin(sender, sender_profile):
        raise DomainError(
            ErrorCode.NOT_YOUR_PROFILE,
            _("You can only write as a profile you run."),
            field="sender_profile",
        )
    if is_profile_admin(sender, recipient):
        raise DomainError(
            ErrorCode.OWN_PROFILE, _("This is your own profile. Write to someone else.")
        )
    if not Profile.objects.visible_to(sender).filter(pk=recipient.pk).exists():
        raise DomainError(ErrorCode.PROFILE_NOT_FOUND, _("There is no such profile."))
    cleaned = clean_message(text, limit=MAX_MESSAGE)
    if _blocked_by_recipient(sender, recipient):
        # Neutral on purpose: the sender must not learn that they were blocked.
        raise DomainError(ErrorCode.CANNOT_SEND, _("This request can't be sent."))
    if ContactRequest.objects.filter(
        sender=sender, recipient=recipient, status=RequestStatus.PENDING
    ).exists():
        raise _already_pending()
    if not _within_rate_limit(sender):
        raise DomainError(
            ErrorCode.TOO_MANY_REQUESTS,
            _("You have sent many requests lately. Wait a while and try again."),
        )
    return cleaned


@transaction.atomic
def contact_request_send(
    *,
    sender: AnyUser,
    sender_profile: Profile,
    recipient: Profile,
    message: Any,
    at: datetime | None = None,
) -> ContactRequest:
    """Send ``message`` from ``sender`` writing as ``sender_profile`` to ``recipient``.

    The directory is the whole network's, not one office's, so the house
    rules are asked with ``office=None``: only a decision for the whole
    network (a network-wide ban or contact restriction) stops a request here.
    """
    given_at = at
    at = at or timezone.now()
    member = _require_member(sender)
    ensure_allowed(member, MemberAction.CONTACT, office=None, at=at)
    text = _check_sending(member, sender_profile, recipient, message)
    request = ContactRequest(
        sender=member, sender_profile=sender_profile, recipient=recipient, message=text
    )
    request.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as error:  # a twin request won the race
        raise _already_pending() from error
    if given_at is not None:  # replaying history (the demo, tests)
        ContactRequest.objects.filter(pk=request.pk).update(created_at=at)
        request.created_at = at
    ContactStatistic.objects.create(
        request_id=request.pk,
        day=timezone.localdate(at),
        recipient_kind=recipient.kind,
        outcome=RequestStatus.PENDING,
    )
    _tell_figures(recipient.pk, at)
    happenings.contact_request_sent.publish(request_id=request.pk)
    return request


# -- answering and withdrawing ---------------------------------------------------------


def _locked(request: ContactRequest) -> ContactRequest:
    """The request row afresh and locked, so two admins cannot both answer it."""
    locked = (
        ContactRequest.objects.select_for_update()
        .filter(pk=request.pk)
        .select_related("recipient", "sender_profile")
        .first()
    )
    if locked is None:
        raise _not_found()
    return locked


def _require_pending(request: ContactRequest) -> None:
    if request.status != RequestStatus.PENDING:
        raise DomainError(
            ErrorCode.REQUEST_NOT_PENDING, _("This request has already been answered or withdrawn.")
        )


@transaction.atomic
def contact_request_answer(
    *, request: ContactRequest, actor: AnyUser, accept: bool, at: datetime | None = None
) -> ContactRequest:
    """An admin of the recipient profile accepts or declines; the sender hears of a yes.

    A decline is not announced: the sender sees it on their page, which is
    gentler than an e-mail saying no.
    """
    at = at or timezone.now()
    member = _require_member(actor)
    request = _locked(request)
    if not is_profile_admin(member, request.recipient):
        raise _not_found()
    _require_pending(request)
    request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    request.answered_at = at
    request.answered_by = member
    request.save(update_fields=["status", "answered_at", "answered_by"])
    _record_outcome(request)
    if accept:
        happenings.contact_request_accepted.publish(request_id=request.pk)
    return request


@transaction.atomic
def contact_request_withdraw(
    *, request: ContactRequest, actor: AnyUser, at: datetime | None = None
) -> ContactRequest:
    """The sender takes back a request nobody has answered yet."""
    at = at or timezone.now()
    member = _require_member(actor)
    request = _locked(request)
    if request.sender_id != member.pk:
        raise _not_found()
    _require_pending(request)
    request.status = RequestStatus.WITHDRAWN
    request.answered_at = at
    request.save(update_fields=["status", "answered_at"])
    _record_outcome(request)
    return request


# -- blocking and reporting -------------------------------------------------------------


def _block(blocker: Member, blocked_id: int, at: datetime) -> Block:
    """Block the user and decline what they still have waiting with the blocker."""
    if blocked_id == blocker.pk:
        raise DomainError(ErrorCode.CANNOT_BLOCK_SELF, _("You cannot block yourself."))
    block, _created = Block.objects.get_or_create(blocker=blocker, blocked_id=blocked_id)
    waiting = ContactRequest.objects.filter(
        sender_id=blocked_id,
        status=RequestStatus.PENDING,
        recipient__in=ProfileAdmin.objects.filter(user=blocker).values("profile_id"),
    )
    declined = list(waiting.values_list("pk", "recipient_id", "created_at"))
    ids = [pk for pk, _recipient, _sent in declined]
    for _pk, recipient_id, sent_at in declined:
        _tell_figures(recipient_id, sent_at)
    if ids:
        ContactRequest.objects.filter(pk__in=ids).update(
            status=RequestStatus.DECLINED, answered_at=at, answered_by=blocker
        )
        ContactStatistic.objects.filter(request_id__in=ids).update(outcome=RequestStatus.DECLINED)
    return block


@transaction.atomic
def block_sender(*, blocker: AnyUser, request: ContactRequest, at: datetime | None = None) -> Block:
    """``blocker`` (an admin of the recipient) gets no more requests from the sender.

    The block is between people, not profiles: it covers every profile the
    blocker runs and every profile the sender writes as. Requests from the
    sender still waiting are declined, silently.
    """
    at = at or timezone.now()
    member = _require_member(blocker)
    request = _locked(request)
    if not is_profile_admin(member, request.recipient):
        raise _not_found()
    return _block(member, request.sender_id, at)


def _report_request(
    reporter: Member, request: ContactRequest, text: str, at: datetime
) -> AbuseReport:
    request = _locked(request)
    if not is_profile_admin(reporter, request.recipient):
        raise _not_found()
    report = AbuseReport(
        reporter=reporter,
        reported_id=request.sender_id,
        contact_request=request,
        profile=request.sender_profile,
        reason=text,
        quoted_message=request.message,
    )
    report.full_clean()
    report.save()
    _block(reporter, request.sender_id, at)
    return report


def _report_profile(reporter: Member, profile: Profile, text: str) -> AbuseReport:
    if not Profile.objects.visible_to(reporter).filter(pk=profile.pk).exists():
        raise DomainError(ErrorCode.PROFILE_NOT_FOUND, _("There is no such profile."))
    if is_profile_admin(reporter, profile):
        raise DomainError(ErrorCode.OWN_PROFILE, _("This is your own profile."))
    report = AbuseReport(
        reporter=reporter,
        profile=profile,
        reason=text,
        quoted_message=f"{profile.name}\n\n{profile.presentation}".strip(),
    )
    # A profile may have several admins: the moderators see them all through it.
    report.full_clean(exclude=["reported"])
    report.save()
    return report


@transaction.atomic
def abuse_report(
    *,
    reporter: AnyUser,
    request: ContactRequest | None = None,
    profile: Profile | None = None,
    reason: Any,
    at: datetime | None = None,
) -> AbuseReport:
    """Keep a report for the moderators of the conduct issue.

    About a request: only its recipient's admins may report it; the message
    is quoted as it was, and the sender is blocked too. About a profile: any
    member who can see it; its name and presentation are quoted. Nobody is
    told about the report.
    """
    at = at or timezone.now()
    member = _require_member(reporter)
    if (request is None) == (profile is None):
        raise ValueError("report either a request or a profile")
    text = clean_message(reason, limit=MAX_REASON, field="reason")
    if request is not None:
        report = _report_request(member, request, text, at)
        report_submitted(kind="contact", item=request, reporter=member, reason=text, at=at)
        return report
    assert profile is not None
    report = _report_profile(member, profile, text)
    report_submitted(kind="profile", item=profile, reporter=member, reason=text, at=at)
    return report
