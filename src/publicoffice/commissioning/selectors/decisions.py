"""What the decision stage reads: the application, the published decisions, who to tell."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet, Sum

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import Role, User
from publicoffice.commissioning import policies
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CoApplicant,
    Commission,
    Decision,
)
from publicoffice.core.errors import DomainError, ErrorCode

#: Applications still waiting for a decision once the call has closed.
UNDECIDED = (ApplicationStatus.SUBMITTED, ApplicationStatus.INFO_REQUESTED)


def application_to_decide(*, user: AnyUser, pk: int) -> Application:
    """The application, for the call's officers only.

    Anyone who is no officer anywhere is refused (403); an officer of
    another municipality does not learn it exists (404).
    """
    if not policies.is_some_officer(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    application = (
        Application.objects.select_related("call", "lead", "call__municipality")
        .prefetch_related("co_applicants__operator", "planned_offices")
        .filter(pk=pk)
        .first()
    )
    if application is None or not policies.can_manage_application(user, application):
        raise DomainError(ErrorCode.APPLICATION_NOT_FOUND)
    return application


def decision_of(application: Application) -> Decision | None:
    return Decision.objects.filter(application=application).first()


def confirmed_co_applicants(application: Application) -> list[CoApplicant]:
    return [c for c in application.co_applicants.all() if c.confirmed_at is not None]


def granted_sek(call: Call, *, excluding: int | None = None) -> int:
    """The funding already granted by the call's commissions (one left out when amending it)."""
    rows = Commission.objects.filter(application__call=call)
    if excluding is not None:
        rows = rows.exclude(pk=excluding)
    return int(rows.aggregate(total=Sum("funding_sek"))["total"] or 0)


def undecided_count(call: Call) -> int:
    return Application.objects.filter(call=call, status__in=UNDECIDED).count()


def published_call(pk: int) -> Call:
    """A public call with at least one decision; 404 otherwise."""
    call = Call.objects.select_related("municipality").filter(pk=pk).first()
    if (
        call is None
        or call.status not in policies.PUBLIC_CALL
        or not Decision.objects.filter(application__call=call).exists()
    ):
        raise DomainError(ErrorCode.CALL_NOT_FOUND)
    return call


def published_decisions(call: Call) -> QuerySet[Decision]:
    """Every decision of the call with what its public page shows, in a fixed few queries."""
    return (
        Decision.objects.filter(application__call=call)
        .select_related("application__lead", "application__commission")
        .prefetch_related(
            Prefetch(
                "application__co_applicants",
                queryset=CoApplicant.objects.filter(confirmed_at__isnull=False).select_related(
                    "operator"
                ),
            ),
            "application__commission__offices",
        )
        .order_by("application__title", "pk")
    )


def decision_with_application(decision_id: int) -> Decision | None:
    return (
        Decision.objects.select_related(
            "application__call__municipality",
            "application__lead",
            "application__submitted_by",
            "application__created_by",
        )
        .prefetch_related("application__co_applicants__operator")
        .filter(pk=decision_id)
        .first()
    )


def applicant_admins(application: Application) -> list[User]:
    """The admins of the lead and of each confirmed co-applicant."""
    operators = {application.lead_id}
    operators.update(c.operator_id for c in confirmed_co_applicants(application))
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.OPERATOR_ADMIN,
            role_assignments__operator_id__in=operators,
        )
        .distinct()
        .order_by("pk")
    )
