"""Content moderation: members report, enough reports hide, staff decide, the author appeals.

Content belongs to community, events and dialogue; conduct reaches it only
through the kinds they register in :mod:`publicoffice.places.moderation`.

* A member's report is a :class:`ContentFlag`; one per member and item, so
  the same member reporting twice counts once. When
  ``CONDUCT_HIDE_THRESHOLD`` distinct members have reported an item since
  staff last decided about it, it is hidden at once, marked *automated* in
  its statement of reasons, and waits in the queue for a person.
* Staff hide, restore (show again) or dismiss the reports, always with a
  reason its author sees. Every step is in the audit trail.
* The author of hidden content may appeal once; somebody other than the
  staff member who decided answers: kept hidden, or shown again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser, Member, StaffUser
from publicoffice.conduct import config
from publicoffice.conduct.audit import log
from publicoffice.conduct.models import (
    AuditAction,
    CaseState,
    ContentAppeal,
    ContentAppealOutcome,
    ContentCase,
    ContentFlag,
)
from publicoffice.conduct.services._common import REASON_MAX, choose, content_decided
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_line, clean_paragraphs
from publicoffice.core.timeutils import acting_now
from publicoffice.places.moderation import ContentKind, find_item, kind_named

FLAG_MAX = 1000
APPEAL_MAX = 3000
#: What the author reads when the count of reports hid their content.
AUTOMATED_REASON = _(
    "Hidden automatically because several members reported it. Staff will review it."
)


def item_of(kind_name: str, key: str) -> tuple[ContentKind, Any]:
    """The kind and the item, or ``not_found`` (an unknown kind or key, or malformed)."""
    found = find_item(kind_name, key)
    if found is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return found


def item_of_case(case: ContentCase) -> tuple[ContentKind, Any] | None:
    """The item a case is about, ``None`` once it was deleted."""
    return find_item(case.kind, case.key)


def _case_for(kind: ContentKind, item: Any, at: datetime) -> ContentCase:
    """The item's case, locked; created on the first report."""
    key = kind.key(item)
    case = ContentCase.objects.select_for_update().filter(kind=kind.name, key=key).first()
    if case is not None:
        return case
    office = kind.office(item)
    case = ContentCase(
        kind=kind.name,
        key=key,
        office=office,
        operator_id=office.operator_id if office is not None else kind.operator_id(item),
        author_id=kind.author_id(item),
        title=kind.title(item)[:200],
        opened_at=at,
    )
    case.full_clean(exclude=["author", "office", "operator"])
    case.save()
    return case


def _open_reporters(case: ContentCase) -> int:
    return ContentFlag.objects.filter(case=case, handled_at__isnull=True).count()


@transaction.atomic
def record_flag(
    *, reporter: Member, kind: ContentKind, item: Any, reason: Any, now: datetime | None = None
) -> ContentCase:
    """Count ``reporter``'s report of ``item`` once, and hide it at the threshold."""
    now = acting_now(now)
    text = clean_line(reason, field="reason", limit=FLAG_MAX, missing=_("Say what is wrong."))
    case = _case_for(kind, item, now)
    if ContentFlag.objects.filter(case=case, reporter=reporter).exists():
        return case
    try:
        with transaction.atomic():
            ContentFlag.objects.create(case=case, reporter=reporter, reason=text, created_at=now)
    except IntegrityError:  # the same member, twice at once: still one report
        return case
    if case.state in (CaseState.RESTORED, CaseState.DISMISSED):
        case.state, case.opened_at = CaseState.OPEN, now
        case.save(update_fields=["state", "opened_at", "updated_at"])
    log(
        AuditAction.CONTENT_REPORTED,
        actor=reporter,
        at=now,
        office=case.office,
        target=case.public_id,
        note=kind.name,
    )
    _hide_at_threshold(case, kind, item, now)
    return case


def _hide_at_threshold(case: ContentCase, kind: ContentKind, item: Any, now: datetime) -> None:
    if case.state != CaseState.OPEN or kind.is_hidden(item):
        return
    if _open_reporters(case) < config.setting("CONDUCT_HIDE_THRESHOLD"):
        return
    reason = gettext(str(AUTOMATED_REASON))
    kind.hide(item, reason, now)
    case.state, case.automated, case.reason = CaseState.HIDDEN, True, reason
    case.decided_by, case.decided_at = None, now
    case.save(
        update_fields=["state", "automated", "reason", "decided_by", "decided_at", "updated_at"]
    )
    content_decided.publish(case_id=case.pk, was_hidden=False)
    log(
        AuditAction.CONTENT_HIDDEN,
        actor=None,
        at=now,
        office=case.office,
        subject=case.author,
        target=case.public_id,
        note="automated",
    )


def report(
    *, reporter: Member, kind_name: str, key: str, reason: Any, now: datetime | None = None
) -> ContentCase:
    """A member reports content from the report page; never their own."""
    kind, item = item_of(kind_name, key)
    if kind.author_id(item) == reporter.pk:
        raise DomainError(ErrorCode.NOT_ALLOWED, _("You cannot report what you wrote yourself."))
    if not kind.can_report(item, reporter):
        raise DomainError(ErrorCode.NOT_FOUND)
    return record_flag(reporter=reporter, kind=kind, item=item, reason=reason, now=now)


def report_sink(kind_name: str, item: Any, reporter: AnyUser, reason: str, at: datetime) -> None:
    """What the other apps' own report forms hand on (see ``places.moderation``)."""
    kind = kind_named(kind_name)
    if kind is None or not reporter.is_authenticated:
        return
    record_flag(reporter=reporter, kind=kind, item=item, reason=reason or "-", now=at)


@transaction.atomic
def staff_hid_sink(kind_name: str, item: Any, staff: AnyUser, reason: str, at: datetime) -> None:
    """Staff hid ``item`` from its app's own page: record it as their decision."""
    kind = kind_named(kind_name)
    if kind is None or not staff.is_authenticated:
        return
    case = _case_for(kind, item, at)
    _decide(case, staff, CaseState.HIDDEN, reason[:300], at)
    log(
        AuditAction.CONTENT_HIDDEN,
        actor=staff,
        at=at,
        office=case.office,
        subject=case.author,
        target=case.public_id,
        note=reason,
    )


def _decide(
    case: ContentCase, staff: StaffUser, state: CaseState, reason: str, now: datetime
) -> ContentCase:
    was_hidden = case.state == CaseState.HIDDEN
    case.state, case.reason, case.automated = state, reason, False
    case.decided_by, case.decided_at = staff, now
    case.save(
        update_fields=["state", "reason", "automated", "decided_by", "decided_at", "updated_at"]
    )
    ContentFlag.objects.filter(case=case, handled_at__isnull=True).update(handled_at=now)
    content_decided.publish(case_id=case.pk, was_hidden=was_hidden)
    return case


def _reason(value: Any, missing: Any) -> str:
    return clean_line(value, field="reason", limit=min(REASON_MAX, 300), missing=missing)


def _locked(case: ContentCase) -> tuple[ContentCase, ContentKind, Any]:
    # Lock the case row only: its office is a nullable (outer) join, which PostgreSQL won't lock.
    case = (
        ContentCase.objects.select_for_update(of=("self",)).select_related("office").get(pk=case.pk)
    )
    found = item_of_case(case)
    if found is None:
        raise DomainError(ErrorCode.NOT_FOUND, _("The content no longer exists."))
    return case, found[0], found[1]


@transaction.atomic
def hide(
    *, staff: StaffUser, case: ContentCase, reason: Any, now: datetime | None = None
) -> ContentCase:
    """Hide the item with a reason its author sees (permission: ``can_handle_case``)."""
    now = acting_now(now)
    text = _reason(reason, _("Say why it is hidden."))
    case, kind, item = _locked(case)
    kind.hide(item, text, now)
    _decide(case, staff, CaseState.HIDDEN, text, now)
    log(
        AuditAction.CONTENT_HIDDEN,
        actor=staff,
        at=now,
        office=case.office,
        subject=case.author,
        target=case.public_id,
        note=text,
    )
    return case


@transaction.atomic
def restore(
    *, staff: StaffUser, case: ContentCase, reason: Any, now: datetime | None = None
) -> ContentCase:
    """Show the item again, saying why (permission: ``can_handle_case``)."""
    now = acting_now(now)
    text = _reason(reason, _("Say why it is shown again."))
    case, kind, item = _locked(case)
    kind.restore(item, now)
    _decide(case, staff, CaseState.RESTORED, text, now)
    log(
        AuditAction.CONTENT_RESTORED,
        actor=staff,
        at=now,
        office=case.office,
        subject=case.author,
        target=case.public_id,
        note=text,
    )
    return case


@transaction.atomic
def dismiss(
    *, staff: StaffUser, case: ContentCase, reason: Any, now: datetime | None = None
) -> ContentCase:
    """The reports are unfounded: the item stays (or is again) visible."""
    now = acting_now(now)
    text = _reason(reason, _("Say why the reports are dismissed."))
    case, kind, item = _locked(case)
    if kind.is_hidden(item):
        kind.restore(item, now)
    _decide(case, staff, CaseState.DISMISSED, text, now)
    log(
        AuditAction.CONTENT_DISMISSED,
        actor=staff,
        at=now,
        office=case.office,
        subject=case.author,
        target=case.public_id,
        note=text,
    )
    return case


def may_appeal(user: AnyUser, case: ContentCase) -> bool:
    return (
        user.is_authenticated
        and case.author_id == user.pk
        and case.state == CaseState.HIDDEN
        and not ContentAppeal.objects.filter(case=case).exists()
    )


@transaction.atomic
def appeal_make(
    *, member: Member, case: ContentCase, text: Any, now: datetime | None = None
) -> ContentAppeal:
    """The author asks to have their hidden content shown again (once per case)."""
    now = acting_now(now)
    case = ContentCase.objects.select_for_update().get(pk=case.pk)
    if case.author_id != member.pk:
        raise DomainError(ErrorCode.NOT_FOUND)
    if ContentAppeal.objects.filter(case=case).exists():
        raise DomainError(ErrorCode.ALREADY_APPEALED)
    if case.state != CaseState.HIDDEN:
        raise DomainError(ErrorCode.APPEAL_TOO_LATE, _("Your content is not hidden."))
    appeal = ContentAppeal.objects.create(
        case=case,
        text=clean_paragraphs(
            text, field="text", limit=APPEAL_MAX, missing=_("Say why it should be shown.")
        ),
        submitted_at=now,
    )
    log(
        AuditAction.APPEAL_MADE,
        actor=member,
        at=now,
        office=case.office,
        subject=member,
        target=appeal.public_id,
        note="content",
    )
    return appeal


@transaction.atomic
def appeal_decide(
    *,
    staff: StaffUser,
    appeal: ContentAppeal,
    outcome: Any,
    reply: Any,
    now: datetime | None = None,
) -> ContentAppeal:
    """Keep hidden or show again, with reasons; never by the one who hid it."""
    now = acting_now(now)
    appeal = ContentAppeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.outcome != ContentAppealOutcome.PENDING:
        raise DomainError(ErrorCode.APPEAL_DECIDED)
    case, kind, item = _locked(appeal.case)
    if case.decided_by_id == staff.pk:
        raise DomainError(ErrorCode.SECOND_STAFF_NEEDED)
    result = choose(ContentAppealOutcome, outcome, ErrorCode.APPEAL_OUTCOME_INVALID)
    if result == ContentAppealOutcome.PENDING:
        raise DomainError(ErrorCode.APPEAL_OUTCOME_INVALID)
    text = clean_paragraphs(
        reply, field="reply", limit=REASON_MAX, missing=_("Give the reasons for the answer.")
    )
    if result == ContentAppealOutcome.RESTORED:
        kind.restore(item, now)
    # A person has now looked: the case is theirs, with the answer as its reason.
    state = CaseState.RESTORED if result == ContentAppealOutcome.RESTORED else CaseState.HIDDEN
    _decide(case, staff, state, text[:300], now)
    if result == ContentAppealOutcome.RESTORED:
        log(
            AuditAction.CONTENT_RESTORED,
            actor=staff,
            at=now,
            office=case.office,
            subject=case.author,
            target=case.public_id,
            note="appeal",
        )
    appeal.outcome, appeal.reply, appeal.decided_by, appeal.decided_at = result, text, staff, now
    appeal.save(update_fields=["outcome", "reply", "decided_by", "decided_at", "updated_at"])
    log(
        AuditAction.APPEAL_DECIDED,
        actor=staff,
        at=now,
        office=case.office,
        subject=case.author,
        target=appeal.public_id,
        note=str(result),
    )
    return appeal
