"""Calls: an officer drafts one, publishes it, and it closes at its deadline.

A call is a promise to everyone who may apply, so once it is open it may
change only in ways that harm nobody who already started: the deadline may
move later, never earlier, and every change is told to its followers. After
the deadline nothing changes any more; the call closes (by hand or by the
sweep, :func:`close_calls_past_deadline`) and its applications are reviewed.
Every function checks the officer's right itself (``policies``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.commissioning import documents, policies
from publicoffice.commissioning.models import (
    Call,
    CallCriterion,
    CallDocument,
    CallFollower,
    CallGuideline,
    CallKind,
    CallStatus,
)
from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE, MAX_WEIGHT
from publicoffice.commissioning.notifications_calls import queue_news
from publicoffice.commissioning.selectors.calls import (
    deadline_passed,
    districts_of,
    open_calls_past_deadline,
)
from publicoffice.core.domain_events import after_commit
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_line, clean_paragraphs, one_line, paragraphs, within_limit
from publicoffice.core.time_format import ensure_wall_clock_exists, local_moment
from publicoffice.core.timeutils import acting_now, to_utc
from publicoffice.guidelines.selectors import guideline_list

REASON_MAX = 2000
#: Who may edit a call, and when: a draft, or an open call before its deadline.
EDITABLE = (CallStatus.DRAFT, CallStatus.OPEN)
CANCELLABLE = (CallStatus.DRAFT, CallStatus.OPEN, CallStatus.REVIEW)
#: The fields followers hear about when an open call changes.
TOLD = (
    "kind", "title", "summary", "area", "offices_wanted", "min_hours_per_week", "target_groups",
    "criteria", "period_starts", "period_ends", "budget_sek", "deadline", "decision_days",
    "contact_email",
)  # fmt: skip


@dataclass(frozen=True)
class CallFields:
    """What an officer says about a call (the form's cleaned data, or the API's)."""

    kind: str
    title: str
    summary: str
    period_starts: date
    period_ends: date
    budget_sek: int
    deadline: datetime
    district_ids: tuple[int, ...] = ()
    area: str = ""
    offices_wanted: int = 1
    min_hours_per_week: int = 20
    target_groups: str = ""
    criteria: str = ""
    decision_days: int = 60
    contact_email: str = ""


def _number(value: Any, *, field: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise DomainError(
            ErrorCode.BAD_VALUE,
            _("Give a whole number from %(low)s to %(high)s.") % {"low": low, "high": high},
            field=field,
        )
    return value


def _optional(value: Any, *, field: str, limit: int, one: bool = False) -> str:
    text = one_line(value) if one else paragraphs(value)
    return within_limit(text, field=field, limit=limit)


def _email(value: Any) -> str:
    address = one_line(value)
    if address:
        try:
            validate_email(address)
        except ValidationError as error:
            raise DomainError(ErrorCode.BAD_VALUE, field="contact_email") from error
    return address


def _deadline(fields: CallFields, now: datetime) -> datetime:
    """The deadline as a real moment: in the future, before the commission's first day."""
    ensure_wall_clock_exists(fields.deadline)
    deadline = to_utc(fields.deadline)
    if deadline <= now or deadline >= local_moment(fields.period_starts, time(0)):
        raise DomainError(ErrorCode.DEADLINE_INVALID, field="deadline")
    return deadline


def _values(fields: CallFields, municipality_id: int, now: datetime) -> dict[str, Any]:
    """The model's values, each checked; a refusal names its field."""
    if fields.kind not in CallKind.values:
        raise DomainError(ErrorCode.BAD_VALUE, field="kind")
    if fields.period_ends <= fields.period_starts:
        message = _("The commission must end after it starts.")
        raise DomainError(ErrorCode.BAD_VALUE, message, field="period_ends")
    wanted = set(fields.district_ids)
    if wanted - {d.pk for d in districts_of([municipality_id])}:
        raise DomainError(ErrorCode.BAD_VALUE, field="districts")
    return {
        "kind": fields.kind,
        "title": clean_line(
            fields.title, field="title", limit=MAX_TITLE, missing=_("Give the call a title.")
        ),
        "summary": clean_paragraphs(
            fields.summary, field="summary", limit=MAX_TEXT, missing=_("Say what is wanted.")
        ),
        "area": _optional(fields.area, field="area", limit=MAX_TITLE, one=True),
        "target_groups": _optional(fields.target_groups, field="target_groups", limit=MAX_TEXT),
        "criteria": _optional(fields.criteria, field="criteria", limit=MAX_TEXT),
        "offices_wanted": _number(fields.offices_wanted, field="offices_wanted", low=1, high=50),
        "min_hours_per_week": _number(
            fields.min_hours_per_week, field="min_hours_per_week", low=1, high=168
        ),
        "decision_days": _number(fields.decision_days, field="decision_days", low=1, high=365),
        "budget_sek": _number(fields.budget_sek, field="budget_sek", low=0, high=2_000_000_000),
        "period_starts": fields.period_starts,
        "period_ends": fields.period_ends,
        "deadline": _deadline(fields, now),
        "contact_email": _email(fields.contact_email),
        "districts": sorted(wanted),
    }


def _locked(call: Call) -> Call:
    return Call.objects.select_for_update().get(pk=call.pk)


def _managed(staff: StaffUser, call: Call) -> Call:
    if not policies.can_manage_call(staff, call):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return _locked(call)


def _editable(staff: StaffUser, call: Call, now: datetime) -> Call:
    """The call, locked, if it may still change: a draft, or open before its deadline."""
    call = _managed(staff, call)
    if call.status not in EDITABLE or (
        call.status == CallStatus.OPEN and deadline_passed(call, now)
    ):
        raise DomainError(ErrorCode.CALL_NOT_EDITABLE)
    return call


def _changed(call: Call) -> None:
    if call.status == CallStatus.OPEN:
        queue_news(call.pk, "changed")


@transaction.atomic
def create_call(
    *, staff: StaffUser, municipality_id: int, fields: CallFields, at: datetime | None = None
) -> Call:
    """A draft call with the ten guidelines as its rubric, each weighing 1."""
    if not policies.is_officer(staff, municipality_id):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    values = _values(fields, municipality_id, acting_now(at))
    districts = values.pop("districts")
    call = Call.objects.create(
        municipality_id=municipality_id, status=CallStatus.DRAFT, created_by=staff, **values
    )
    call.districts.set(districts)
    CallGuideline.objects.bulk_create(
        CallGuideline(call=call, guideline=guideline, weight=1) for guideline in guideline_list()
    )
    return call


@transaction.atomic
def update_call(
    *, staff: StaffUser, call: Call, fields: CallFields, at: datetime | None = None
) -> Call:
    """Change a draft freely; an open call's deadline may only move later (followers told)."""
    now = acting_now(at)
    call = _editable(staff, call, now)
    values = _values(fields, call.municipality_id, now)
    if call.status == CallStatus.OPEN and values["deadline"] < call.deadline:
        message = _("While the call is open, its deadline may only move later.")
        raise DomainError(ErrorCode.DEADLINE_INVALID, message, field="deadline")
    districts = values.pop("districts")
    before = {name: getattr(call, name) for name in TOLD}
    before_districts = sorted(call.districts.values_list("pk", flat=True))
    for name, value in values.items():
        setattr(call, name, value)
    call.save()
    call.districts.set(districts)
    if before != {name: getattr(call, name) for name in TOLD} or before_districts != districts:
        _changed(call)
    return call


@transaction.atomic
def set_rubric(
    *,
    staff: StaffUser,
    call: Call,
    lines: dict[int, tuple[int, str]],
    at: datetime | None = None,
) -> None:
    """Weigh each guideline (0 = not judged in this call) and say what a good answer shows.

    ``lines`` maps a guideline's id to (weight, good answer).
    """
    call = _editable(staff, call, acting_now(at))
    rubric = {line.guideline_id: line for line in call.rubric.all()}
    changed = []
    for guideline_id, (weight, good_answer) in lines.items():
        line = rubric.get(guideline_id)
        if line is None:
            raise DomainError(ErrorCode.BAD_VALUE, field=f"weight_{guideline_id}")
        line.weight = _number(weight, field=f"weight_{guideline_id}", low=0, high=MAX_WEIGHT)
        line.good_answer = _optional(good_answer, field=f"good_{guideline_id}", limit=MAX_TEXT)
        changed.append(line)
    CallGuideline.objects.bulk_update(changed, ["weight", "good_answer"])
    _changed(call)


@transaction.atomic
def add_criterion(
    *,
    staff: StaffUser,
    call: Call,
    title: Any,
    description: Any = "",
    weight: Any = 1,
    at: datetime | None = None,
) -> CallCriterion:
    """A criterion of the call's own, scored beside the guidelines."""
    call = _editable(staff, call, acting_now(at))
    last = call.extra_criteria.aggregate(last=Max("position"))["last"]
    criterion = CallCriterion.objects.create(
        call=call,
        title=clean_line(title, field="title", limit=MAX_TITLE, missing=_("Name the criterion.")),
        description=_optional(description, field="description", limit=MAX_TEXT),
        weight=_number(weight, field="weight", low=0, high=MAX_WEIGHT),
        position=(last or 0) + 1,
    )
    _changed(call)
    return criterion


@transaction.atomic
def remove_criterion(
    *, staff: StaffUser, call: Call, criterion: CallCriterion, at: datetime | None = None
) -> None:
    call = _editable(staff, call, acting_now(at))
    if criterion.call_id != call.pk:
        raise DomainError(ErrorCode.NOT_FOUND)
    criterion.delete()
    _changed(call)


@transaction.atomic
def add_document(
    *, staff: StaffUser, call: Call, title: Any, upload: Any, at: datetime | None = None
) -> CallDocument:
    """Publish a document with the call; only files :mod:`..documents` takes."""
    call = _editable(staff, call, acting_now(at))
    clean_title = clean_line(
        title, field="title", limit=MAX_TITLE, missing=_("Give the document a title.")
    )
    document = documents.prepare(upload)
    name = documents.store(document)
    row = CallDocument.objects.create(
        call=call,
        title=clean_title,
        file=name,
        content_type=document.content_type,
        size=document.size,
    )
    _changed(call)
    return row


@transaction.atomic
def remove_document(
    *, staff: StaffUser, call: Call, document: CallDocument, at: datetime | None = None
) -> None:
    """Take a document off the call; the file goes once the removal is committed."""
    call = _editable(staff, call, acting_now(at))
    if document.call_id != call.pk:
        raise DomainError(ErrorCode.NOT_FOUND)
    name = document.file
    document.delete()
    after_commit(lambda: documents.delete(name))
    _changed(call)


@transaction.atomic
def publish_call(*, staff: StaffUser, call: Call, at: datetime | None = None) -> Call:
    """Open a draft for applications; refused once its deadline has passed."""
    now = acting_now(at)
    call = _managed(staff, call)
    if call.status != CallStatus.DRAFT:
        raise DomainError(ErrorCode.CALL_NOT_EDITABLE)
    if deadline_passed(call, now):
        raise DomainError(ErrorCode.DEADLINE_INVALID, field="deadline")
    call.status = CallStatus.OPEN
    call.published_at = now
    call.save(update_fields=["status", "published_at", "updated_at"])
    return call


def _close(call: Call) -> None:
    call.status = CallStatus.REVIEW
    call.save(update_fields=["status", "updated_at"])
    queue_news(call.pk, "closed")


@transaction.atomic
def close_call(*, staff: StaffUser, call: Call, at: datetime | None = None) -> Call:
    """Close an open call for review, once its deadline has passed (never before)."""
    call = _managed(staff, call)
    if call.status != CallStatus.OPEN:
        raise DomainError(ErrorCode.CALL_NOT_OPEN)
    if not deadline_passed(call, acting_now(at)):
        message = _("A call can be closed only once its deadline has passed.")
        raise DomainError(ErrorCode.CALL_NOT_EDITABLE, message)
    _close(call)
    return call


@transaction.atomic
def close_calls_past_deadline(at: datetime | None = None) -> int:
    """The sweep: close every open call whose deadline has passed; how many it closed."""
    calls = open_calls_past_deadline(acting_now(at))
    for call in calls:
        _close(_locked(call))
    return len(calls)


@transaction.atomic
def cancel_call(*, staff: StaffUser, call: Call, reason: Any, at: datetime | None = None) -> Call:
    """Cancel a call that is not decided; its followers are told why."""
    call = _managed(staff, call)
    if call.status not in CANCELLABLE:
        raise DomainError(ErrorCode.CALL_NOT_EDITABLE)
    why = clean_paragraphs(
        reason, field="reason", limit=REASON_MAX, missing=_("Say why the call is cancelled.")
    )
    was_public = call.status != CallStatus.DRAFT
    call.status = CallStatus.CANCELLED
    call.save(update_fields=["status", "updated_at"])
    if was_public:
        queue_news(call.pk, "cancelled", why)
    return call


def follow_call(*, member: Member, call: Call) -> None:
    """Hear by e-mail when the call changes, closes, is cancelled or decided."""
    if not policies.can_follow_call(member, call):
        raise DomainError(ErrorCode.CALL_NOT_FOUND)
    CallFollower.objects.get_or_create(call=call, user=member)


def unfollow_call(*, member: Member, call: Call) -> None:
    CallFollower.objects.filter(call=call, user_id=member.pk).delete()
