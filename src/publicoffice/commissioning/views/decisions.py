"""Deciding an application (the call's officers), and the call's published decisions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from publicoffice.commissioning.forms.decisions import DecisionForm
from publicoffice.commissioning.models import Application, ApplicationStatus, Section
from publicoffice.commissioning.selectors import decisions as selectors
from publicoffice.commissioning.services import decisions as services
from publicoffice.core.errors import DomainError
from publicoffice.core.web_errors import ErrorPage, add_domain_error, on_domain_error

DECIDE = "commissioning/decisions/decide.html"


def _context(application: Application, form: DecisionForm) -> dict[str, Any]:
    call = application.call
    left = call.budget_sek - selectors.granted_sek(call)
    return {
        "application": application,
        "call": call,
        "form": form,
        "decision": selectors.decision_of(application),
        "co_applicants": selectors.confirmed_co_applicants(application),
        "left_sek": left,
        "decidable": application.status == ApplicationStatus.SUBMITTED
        and timezone.now() >= call.deadline,
        "info_requested": application.status == ApplicationStatus.INFO_REQUESTED,
        "before_deadline": timezone.now() < call.deadline,
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve (with conditions and funding) or decline, with reasons in words."""
    application = selectors.application_to_decide(user=request.user, pk=pk)
    if request.method != "POST":
        initial = {"funding_sek": application.budget_sek}
        return render(request, DECIDE, _context(application, DecisionForm(initial=initial)))
    form = DecisionForm(request.POST)
    context = _context(application, form)
    if not form.is_valid():
        return render(request, DECIDE, context, status=400)
    return _decide(request, context)


def refused(template: str) -> ErrorPage:
    """The form again with the service's refusal at its field, with the registry's status."""

    def page(request: HttpRequest, error: DomainError, context: dict[str, Any]) -> HttpResponse:
        add_domain_error(context["form"], error)
        return render(request, template, context, status=error.status)

    return page


@on_domain_error(refused(DECIDE))
def _decide(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    application, data = context["application"], context["form"].cleaned_data
    services.decide(
        officer=request.user,  # type: ignore[arg-type]
        application=application,
        outcome=data["outcome"],
        reasons=data["reasons"],
        conditions=data["conditions"],
        private_notes=data["private_notes"],
        funding_sek=data["funding_sek"],
    )
    messages.success(request, _("The decision is made and the applicants are told."))
    return redirect("commissioning:application_decide", pk=application.pk)


@require_safe
def call_decisions(request: HttpRequest, pk: int) -> HttpResponse:
    """The call's decisions as published: reasons, conditions, the public sections only."""
    call = selectors.published_call(pk)
    rows = []
    for decision in selectors.published_decisions(call):
        application = decision.application
        commission = getattr(application, "commission", None)
        rows.append(
            {
                "decision": decision,
                "application": application,
                "operators": [application.lead]
                + [c.operator for c in application.co_applicants.all()],
                "commission": commission,
                "offices": list(commission.offices.all()) if commission else [],
                "sections": [
                    (s.label, application.is_private(s), application.section_text(s))
                    for s in Section
                ],
                "budget_private": application.is_private(Section.BUDGET),
            }
        )
    return render(request, "commissioning/decisions/public.html", {"call": call, "rows": rows})
