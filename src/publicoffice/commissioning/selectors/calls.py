"""What the call pages read: the public list, one call, the officer's own calls.

Everything visible is decided by :mod:`publicoffice.commissioning.policies`;
a call someone may not see is "not found", never "forbidden", so a draft's
existence is not given away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import User
from publicoffice.commissioning import policies
from publicoffice.commissioning.models import (
    ApplicationStatus,
    Call,
    CallCriterion,
    CallDocument,
    CallFollower,
    CallGuideline,
    CallStatus,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.timeutils import to_utc
from publicoffice.places.models import District, Municipality


def deadline_passed(call: Call, at: datetime) -> bool:
    """Whether ``at`` is after the deadline: the deadline itself is the last moment
    an application is taken, a second later is too late.

    Compared in UTC, so a deadline on the night the clocks change means the
    moment the officer chose, whatever the wall clock reads then.
    """
    return to_utc(at) > to_utc(call.deadline)


def _with_list_data(calls: QuerySet[Call]) -> QuerySet[Call]:
    return calls.select_related("municipality").prefetch_related("districts")


def public_calls() -> list[Call]:
    """Open calls first (nearest deadline first), then those under review or decided
    (latest first). One query for the calls, one for their districts."""
    calls = Call.objects.filter(status__in=policies.PUBLIC_CALL)
    ordered = list(_with_list_data(calls).order_by("-deadline", "-pk"))
    open_calls = [c for c in reversed(ordered) if c.status == CallStatus.OPEN]
    return open_calls + [c for c in ordered if c.status != CallStatus.OPEN]


def call_get_visible(*, user: AnyUser, pk: int) -> Call:
    """A call the user may see (published, or theirs to manage), else CALL_NOT_FOUND."""
    call = Call.objects.select_related("municipality").filter(pk=pk).first()
    if call is None or not policies.can_see_call(user, call):
        raise DomainError(ErrorCode.CALL_NOT_FOUND)
    return call


def call_get_managed(*, user: AnyUser, pk: int) -> Call:
    """A call the user manages: 403 for someone who is no officer, 404 for another's call."""
    if not policies.is_some_officer(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    call = Call.objects.select_related("municipality").filter(pk=pk).first()
    if call is None or not policies.can_manage_call(user, call):
        raise DomainError(ErrorCode.CALL_NOT_FOUND)
    return call


@dataclass(frozen=True)
class CallPage:
    rubric: list[CallGuideline]
    criteria: list[CallCriterion]
    documents: list[CallDocument]
    districts: list[District]
    following: bool
    followers: int


def call_page(*, user: AnyUser, call: Call) -> CallPage:
    """Everything the call's page shows, a few queries whatever its size."""
    following = bool(
        user.is_authenticated and CallFollower.objects.filter(call=call, user=user).exists()
    )
    return CallPage(
        rubric=list(call.rubric.select_related("guideline").order_by("guideline__number")),
        criteria=list(call.extra_criteria.all()),
        documents=list(call.documents.all()),
        districts=list(call.districts.order_by("name")),
        following=following,
        followers=call.followers.count(),
    )


def document_of(*, call: Call, doc_id: int) -> CallDocument:
    document = call.documents.filter(pk=doc_id).first()
    if document is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return document


def criterion_of(*, call: Call, criterion_id: int) -> CallCriterion:
    criterion = call.extra_criteria.filter(pk=criterion_id).first()
    if criterion is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    return criterion


def rubric_of(call: Call) -> list[CallGuideline]:
    return list(call.rubric.select_related("guideline").order_by("guideline__number"))


_COUNTED = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.INFO_REQUESTED,
    ApplicationStatus.APPROVED,
    ApplicationStatus.DECLINED,
    ApplicationStatus.WITHDRAWN,
)


def officer_calls(*, user: AnyUser) -> list[Call]:
    """The calls of the user's municipalities, drafts too, each with
    ``counts``: (status, label, number) for every application status."""
    calls = Call.objects.all()
    municipalities = policies.officer_municipalities(user)
    if municipalities is not None:
        calls = calls.filter(municipality_id__in=municipalities)
    annotations = {
        f"n_{status}": Count("applications", filter=Q(applications__status=status))
        for status in _COUNTED
    }
    rows = list(calls.select_related("municipality").annotate(**annotations).order_by("-pk"))
    for call in rows:
        call.counts = [  # type: ignore[attr-defined]
            (status, ApplicationStatus(status).label, getattr(call, f"n_{status}"))
            for status in _COUNTED
        ]
    return rows


def officer_municipality_choices(*, user: AnyUser) -> list[Municipality]:
    """Where the user may open a call."""
    municipalities = policies.officer_municipalities(user)
    found = Municipality.objects.order_by("name")
    if municipalities is not None:
        found = found.filter(pk__in=municipalities)
    return list(found)


def districts_of(municipality_ids: list[int]) -> list[District]:
    return list(
        District.objects.filter(municipality_id__in=municipality_ids)
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )


def followers_of(call_id: int) -> list[User]:
    """Who follows the call, with an address to write to."""
    return list(
        User.objects.filter(followed_calls__call_id=call_id, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def call_by_id(call_id: int) -> Call | None:
    return Call.objects.select_related("municipality").filter(pk=call_id).first()


def open_calls_past_deadline(at: datetime) -> list[Call]:
    return list(Call.objects.filter(status=CallStatus.OPEN, deadline__lt=to_utc(at)))
