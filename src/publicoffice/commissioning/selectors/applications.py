"""Reading applications: the applicant's list, one application, what is still missing.

Every page that shows an application goes through :func:`application_visible`,
which answers "no such application" to anyone ``policies.can_see_application``
refuses, so a stranger cannot even learn that it exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.commissioning import policies
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallGuideline,
    CoApplicant,
    PlannedOffice,
    Section,
)
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import District, Operator

#: The sections a complete needs analysis answers (staffing and the rest are optional).
NEEDS_SECTIONS = (Section.RESIDENTS, Section.EXISTING, Section.MISSING)


def _full() -> QuerySet[Application]:
    return Application.objects.select_related(
        "call", "call__municipality", "lead", "submitted_by"
    ).prefetch_related(
        Prefetch("co_applicants", CoApplicant.objects.select_related("operator")),
        Prefetch("planned_offices", PlannedOffice.objects.select_related("district")),
        "guideline_plans__guideline",
        Prefetch("call__rubric", CallGuideline.objects.select_related("guideline")),
        "reviewers",
    )


def my_applications(user: AnyUser) -> list[Application]:
    """The applications of the user's operators, as lead or co-applicant (three queries)."""
    operators = policies.operator_ids(user)
    if not operators:
        return []
    mine = Q(lead_id__in=operators) | Q(co_applicants__operator_id__in=operators)
    ids = Application.objects.filter(mine).values("pk")
    return list(
        Application.objects.filter(pk__in=ids)
        .select_related("call", "call__municipality", "lead")
        .prefetch_related(Prefetch("co_applicants", CoApplicant.objects.select_related("operator")))
        .order_by("-created_at", "-pk")
    )


def application_by_id(pk: int) -> Application | None:
    """The whole application whoever asks (for e-mails and tasks, which check nothing)."""
    return _full().filter(pk=pk).first()


def co_applicant_by_id(pk: int) -> CoApplicant | None:
    return (
        CoApplicant.objects.select_related(
            "operator", "application", "application__lead", "application__call"
        )
        .filter(pk=pk)
        .first()
    )


def application_visible(user: AnyUser, pk: int) -> Application:
    """The whole application, for whoever may see it; "no such application" for the rest."""
    application = application_by_id(pk)
    if application is None or not policies.can_see_application(user, application):
        raise DomainError(ErrorCode.APPLICATION_NOT_FOUND)
    return application


def application_editable(user: AnyUser, pk: int) -> Application:
    """The application for its lead's admins while a draft; 403/409 for other viewers."""
    application = application_visible(user, pk)
    if not policies.is_lead(user, application):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if not policies.can_edit_application(user, application):
        raise DomainError(ErrorCode.APPLICATION_NOT_EDITABLE)
    return application


def call_to_apply(user: AnyUser, pk: int) -> Call:
    """A call the user may see, with its districts and rubric; "no such call" otherwise."""
    call = (
        Call.objects.select_related("municipality")
        .prefetch_related("districts", "rubric__guideline")
        .filter(pk=pk)
        .first()
    )
    if call is None or not policies.can_see_call(user, call):
        raise DomainError(ErrorCode.CALL_NOT_FOUND)
    return call


def operators_of(user: AnyUser) -> QuerySet[Operator]:
    """The operators the user runs: those they may apply for."""
    return Operator.objects.filter(pk__in=policies.operator_ids(user)).order_by("name")


def own_application_to(user: AnyUser, call: Call) -> Application | None:
    """An application to the call that one of the user's operators leads (not withdrawn)."""
    return (
        Application.objects.filter(call=call, lead_id__in=policies.operator_ids(user))
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .order_by("pk")
        .first()
    )


def operators_free_to_apply(user: AnyUser, call: Call) -> QuerySet[Operator]:
    """The user's operators that do not lead an application to the call yet."""
    taken = Application.objects.filter(call=call).exclude(status=ApplicationStatus.WITHDRAWN)
    return operators_of(user).exclude(pk__in=taken.values("lead_id"))


def co_applicant_candidates(application: Application) -> QuerySet[Operator]:
    """Every other operator, not yet part of the application."""
    taken = policies.applicant_operator_ids(application)
    return Operator.objects.exclude(pk__in=taken).order_by("name")


def districts_of(call: Call) -> QuerySet[District]:
    return call.districts.order_by("name")


def admins_of(operator_ids: set[int]) -> list[User]:
    """The active admins of the operators: who is told about an application."""
    ids = RoleAssignment.objects.filter(
        role=Role.OPERATOR_ADMIN, operator_id__in=operator_ids
    ).values("user_id")
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def pending_co_applicant(user: AnyUser, application: Application, pk: int) -> CoApplicant:
    """The co-applicant row the user answers for (an admin of that operator)."""
    for row in application.co_applicants.all():
        if row.pk == pk and row.operator_id in policies.operator_ids(user):
            return row
    raise DomainError(ErrorCode.NOT_ALLOWED)


def planned_office_of(application: Application, pk: int) -> PlannedOffice:
    for office in application.planned_offices.all():
        if office.pk == pk:
            return office
    raise DomainError(ErrorCode.APPLICATION_NOT_FOUND)


@dataclass(frozen=True)
class Missing:
    """One thing the application still lacks, and the page where to add it."""

    text: str
    page: str


def missing_parts(application: Application) -> list[Missing]:
    """Everything that stops the application from being submitted, in words."""
    missing = [
        Missing(_("Write the section “%(section)s”.") % {"section": section.label}, "edit")
        for section in NEEDS_SECTIONS
        if not application.section_text(section).strip()
    ]
    offices = list(application.planned_offices.all())
    if not offices:
        missing.append(Missing(_("Add at least one planned office."), "offices"))
    least = application.call.min_hours_per_week
    missing += [
        Missing(
            _("“%(office)s” is open %(hours)s hours a week; the call asks for at least %(least)s.")
            % {"office": office.name, "hours": office.hours_per_week, "least": least},
            "offices",
        )
        for office in offices
        if office.hours_per_week < least
    ]
    plans = {p.guideline_id: p for p in application.guideline_plans.all()}
    for line in application.call.rubric.all():
        plan = plans.get(line.guideline_id)
        written = plan is not None and plan.commitment.strip() and plan.plan.strip()
        if line.weight > 0 and not written:
            missing.append(
                Missing(
                    _("Write the commitment and plan for guideline %(guideline)s.")
                    % {"guideline": line.guideline},
                    "plans",
                )
            )
    missing += [
        Missing(
            _("%(operator)s has not confirmed taking part yet.") % {"operator": row.operator.name},
            "co_applicants",
        )
        for row in application.co_applicants.all()
        if row.confirmed_at is None
    ]
    return missing
