"""Reads of content moderation: the staff queue, one case, the author's own cases.

Staff see the cases of the offices they handle (``policies.handled_offices``);
a case without an office (a profile without a home office, a proposal to a
whole operator) belongs to the operator's admins, and one with neither to
the platform admins. Anyone else asking for a case gets "not found", so a
host of another office cannot even learn that it exists.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Count, Q, QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.conduct import policies
from publicoffice.conduct.models import (
    CaseState,
    ContentAppeal,
    ContentAppealOutcome,
    ContentCase,
    ContentFlag,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Office, Operator

#: Cases that wait for a person: reported, hidden by the count, or appealed.
NEEDS_REVIEW = (
    Q(state=CaseState.OPEN)
    | Q(state=CaseState.HIDDEN, automated=True)
    | Q(appeal__outcome=ContentAppealOutcome.PENDING)
)


def is_platform_admin(user: AnyUser) -> bool:
    return policies.can_see_audit(user, None)


def _scope(user: AnyUser) -> Q:
    if not policies.is_member(user):
        return Q(pk__in=[])
    if is_platform_admin(user):
        return Q()
    return Q(office__in=policies.handled_offices(user)) | Q(
        office__isnull=True, operator__in=policies.audit_operators(user)
    )


def can_handle_case(user: AnyUser, case: ContentCase) -> bool:
    """Whether ``user`` may see and decide ``case`` (the same rule as the queue)."""
    if not policies.is_member(user):
        return False
    if case.office_id is not None:
        return policies.can_handle_office(user, case.office)  # type: ignore[arg-type]
    if case.operator_id is not None:
        return policies.audit_operators(user).filter(pk=case.operator_id).exists()
    return is_platform_admin(user)


def moderates_somewhere(user: AnyUser) -> bool:
    return policies.can_handle_some_office(user) or is_platform_admin(user)


def moderation_queue(
    *, user: AnyUser, office: str = "", operator: str = ""
) -> QuerySet[ContentCase]:
    """The cases waiting for ``user``, oldest first, with their counts of open reports.

    ``office`` is an office's slug, ``operator`` an operator's id; anything
    else filters to nothing rather than failing.
    """
    cases = ContentCase.objects.filter(_scope(user)).filter(NEEDS_REVIEW)
    if office:
        cases = cases.filter(office__slug=office)
    if operator:
        cases = cases.filter(operator_id=int(operator) if operator.isdigit() else 0)
    return _with_counts(cases)


def staff_cases(*, user: AnyUser, state: str = "") -> QuerySet[ContentCase]:
    """The cases of ``user``'s scope (the queue's rule), for the API: those waiting for a
    person, or all those in ``state`` (a :class:`CaseState` value); oldest first."""
    cases = ContentCase.objects.filter(_scope(user))
    return _with_counts(cases.filter(state=state) if state else cases.filter(NEEDS_REVIEW))


def _with_counts(cases: QuerySet[ContentCase]) -> QuerySet[ContentCase]:
    return (
        cases.select_related("office", "operator", "appeal")
        .annotate(
            open_reports=Count("flags", filter=Q(flags__handled_at__isnull=True), distinct=True),
            all_reports=Count("flags", distinct=True),
        )
        .order_by("opened_at", "id")
    )


def queue_offices(user: AnyUser) -> QuerySet[Office]:
    return policies.handled_offices(user).order_by("name")


def queue_operators(user: AnyUser) -> QuerySet[Operator]:
    return (
        policies.audit_operators(user).order_by("name")
        if policies.is_member(user)
        else (Operator.objects.none())
    )


def _uuid(value: Any) -> UUID:
    try:
        return value if isinstance(value, UUID) else UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        raise DomainError(ErrorCode.NOT_FOUND) from None


def case_get(*, user: AnyUser, public_id: Any) -> ContentCase:
    """One case for staff who handle it; "not found" for everyone else."""
    case = (
        ContentCase.objects.select_related("office", "operator", "author", "decided_by")
        .filter(public_id=_uuid(public_id))
        .first()
    )
    if case is None or not can_handle_case(user, case):
        raise DomainError(ErrorCode.NOT_FOUND)
    return case


def case_flags(case: ContentCase) -> QuerySet[ContentFlag]:
    return ContentFlag.objects.filter(case=case).select_related("reporter").order_by("created_at")


def case_appeal(case: ContentCase) -> ContentAppeal | None:
    return ContentAppeal.objects.filter(case=case).select_related("decided_by").first()


def own_case(*, user: AnyUser, public_id: Any) -> ContentCase:
    """A case about the asking member's own content (the author's page)."""
    case = ContentCase.objects.filter(public_id=_uuid(public_id)).first()
    if case is None or not user.is_authenticated or case.author_id != user.pk:
        raise DomainError(ErrorCode.NOT_FOUND)
    if case.state == CaseState.OPEN:  # nothing decided yet: nothing to show the author
        raise DomainError(ErrorCode.NOT_FOUND)
    return case


def own_cases(user: AnyUser) -> QuerySet[ContentCase]:
    """Decisions about the member's content, newest first."""
    if not user.is_authenticated:
        return ContentCase.objects.none()
    return (
        ContentCase.objects.filter(author_id=user.pk)
        .exclude(state=CaseState.OPEN)
        .select_related("appeal")
        .order_by("-decided_at", "-id")
    )


def case_about(kind: str, key: str) -> ContentCase | None:
    """The case of one item, for the author's banner on the item's own page."""
    return ContentCase.objects.filter(kind=kind, key=key).first()
