"""Staff pages: the conduct queue of their offices, incidents, and the audit trail.

Permissions are ``conduct.policies``'; lookups answer "not found" for what
lies outside the staff member's offices (``conduct.staff_selectors``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.conduct import policies, staff_selectors
from publicoffice.conduct.forms import HandleForm, IncidentForm
from publicoffice.conduct.models import Incident
from publicoffice.conduct.services import incidents
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error, on_domain_error

FIELD_OF_CODE: dict[str, str] = {
    ErrorCode.INCIDENT_CATEGORY_INVALID: "category",
    ErrorCode.SEVERITY_INVALID: "severity",
    ErrorCode.IN_PAST: "day",
}


def staff_member(request: HttpRequest) -> Member:
    """The logged-in staff member, or ``not_allowed`` for anybody else."""
    user = request.user
    if not isinstance(user, Member) or not policies.can_handle_some_office(user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return user


@login_required
@require_safe
def queue(request: HttpRequest) -> HttpResponse:
    """What waits at the staff member's offices (``?office=`` for one), oldest first."""
    user = staff_member(request)
    slug = request.GET.get("office", "")
    office = staff_selectors.office_for_staff(user, slug) if slug else None
    context = {
        "queue": staff_selectors.staff_queue(user, office),
        "chosen": office,
        "may_audit": policies.audit_operators(user).exists(),
    }
    return render(request, "conduct/queue.html", context)


@login_required
@require_safe
def audit_log(request: HttpRequest) -> HttpResponse:
    user = staff_member(request)
    operators = list(policies.audit_operators(user).order_by("name"))
    if not operators:
        raise DomainError(ErrorCode.NOT_ALLOWED)
    raw = request.GET.get("operator", "")
    chosen = next((op for op in operators if str(op.pk) == raw), None)
    if raw and chosen is None:
        raise DomainError(ErrorCode.NOT_FOUND)
    entries = staff_selectors.audit_entries(user, chosen.pk if chosen else None)
    context = {"entries": entries, "operators": operators, "chosen": chosen}
    return render(request, "conduct/audit.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def incident_new(request: HttpRequest, slug: str) -> HttpResponse:
    user = staff_member(request)
    office = staff_selectors.office_for_staff(user, slug)
    if request.method != "POST":
        now = timezone.localtime()
        form = IncidentForm(
            initial={"day": now.date(), "at": now.time().replace(second=0, microsecond=0)}
        )
        return render(request, "conduct/incident_new.html", {"form": form, "office": office})
    form = IncidentForm(request.POST)
    context = {"form": form, "office": office}
    if not form.is_valid():
        return render(request, "conduct/incident_new.html", context, status=400)
    return _record(request, context)


def _record_refused(
    request: HttpRequest, error: DomainError, context: dict[str, Any]
) -> HttpResponse:
    add_domain_error(context["form"], error, field_of_code=FIELD_OF_CODE)
    return render(request, "conduct/incident_new.html", context, status=error.status)


@on_domain_error(_record_refused)
def _record(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    form: IncidentForm = context["form"]
    data = form.cleaned_data
    member = None
    if data["member_email"]:
        member = staff_selectors.member_by_email(data["member_email"])
        if member is None:
            raise DomainError(
                ErrorCode.ADMIN_NOT_ADDABLE, _("No member has this e-mail."), field="member_email"
            )
    incident = incidents.incident_record(
        staff=staff_member(request),
        office=context["office"],
        category=data["category"],
        severity=data["severity"],
        description=data["description"],
        occurred_at=form.occurred_at(),
        member=member,
        person_description=data["person_description"],
    )
    messages.success(request, _("The incident is recorded."))
    return redirect("conduct:incident", public_id=incident.public_id)


def incident_page(
    request: HttpRequest, incident: Incident, form: HandleForm | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "incident": incident,
        "form": form or (HandleForm() if incident.handled_at is None else None),
        "decisions": list(incident.sanctions.all()),
    }
    return render(request, "conduct/incident.html", context, status=status)


@login_required
@require_safe
def incident(request: HttpRequest, public_id: Any) -> HttpResponse:
    return incident_page(request, staff_selectors.incident_for_staff(request.user, public_id))


@login_required
@require_POST
def incident_handle(request: HttpRequest, public_id: Any) -> HttpResponse:
    found = staff_selectors.incident_for_staff(request.user, public_id)
    form = HandleForm(request.POST)
    if not form.is_valid():
        return incident_page(request, found, form, status=400)
    return _handle(request, found, form)


def _handle_refused(
    request: HttpRequest, error: DomainError, found: Incident, form: HandleForm
) -> HttpResponse:
    add_domain_error(form, error)
    return incident_page(request, found, form, status=error.status)


@on_domain_error(_handle_refused)
def _handle(request: HttpRequest, found: Incident, form: HandleForm) -> HttpResponse:
    incidents.incident_handle(
        staff=staff_member(request), incident=found, outcome=form.cleaned_data["outcome"]
    )
    messages.success(request, _("The incident is handled. A reporter who left an address is told."))
    return redirect("conduct:incident", public_id=found.public_id)
