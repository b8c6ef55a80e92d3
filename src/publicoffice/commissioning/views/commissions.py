"""Commission pages: the list, one commission with its targets read live, and the
officer's changes (targets, period, funding, conditions, status), each an amendment."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from publicoffice.commissioning import policies
from publicoffice.commissioning.forms.commissions import AmendForm, TargetsForm
from publicoffice.commissioning.models import Commission
from publicoffice.commissioning.selectors import commissions as selectors
from publicoffice.commissioning.services import commissions as services
from publicoffice.commissioning.views.decisions import refused
from publicoffice.core.web_errors import on_domain_error

FORM_METHODS = ["GET", "HEAD", "POST"]
TARGETS = "commissioning/commissions/targets.html"
AMEND = "commissioning/commissions/amend.html"


@login_required
@require_safe
def commissions(request: HttpRequest) -> HttpResponse:
    """The officer's municipalities' commissions, or the operator's own."""
    rows = list(selectors.commissions_for(request.user))
    return render(request, "commissioning/commissions/list.html", {"commissions": rows})


@login_required
@require_safe
def commission(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything about one commission, its targets against the last four weeks' figures."""
    found = selectors.commission_inside(user=request.user, pk=pk)
    period, targets = selectors.target_rows(found, today=timezone.localdate())
    context = {
        "commission": found,
        "partners": list(found.partners.all()),
        "offices": list(found.offices.all()),
        "targets": targets,
        "period": period,
        "amendments": selectors.amendments_of(found),
        "reports": selectors.reports_of(found),
        "can_manage": policies.can_manage_commission(request.user, found),
    }
    return render(request, "commissioning/commissions/detail.html", context)


def _changed(request: HttpRequest, found: Commission) -> HttpResponse:
    messages.success(request, _("The commission is changed; the change is kept as a new version."))
    return redirect("commissioning:commission", pk=found.pk)


@login_required
@require_http_methods(FORM_METHODS)
def commission_targets(request: HttpRequest, pk: int) -> HttpResponse:
    """Officers set a target per measure (or none), each change an amendment."""
    found = selectors.commission_to_manage(user=request.user, pk=pk)
    if request.method != "POST":
        form = TargetsForm(initial=TargetsForm.initial_from(found))
        return render(request, TARGETS, {"commission": found, "form": form})
    form = TargetsForm(request.POST)
    context = {"commission": found, "form": form}
    if not form.is_valid():
        return render(request, TARGETS, context, status=400)
    return _save_targets(request, context)


@on_domain_error(refused(TARGETS))
def _save_targets(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    found, form = context["commission"], context["form"]
    services.set_targets(
        officer=request.user,  # type: ignore[arg-type]
        commission=found,
        targets=form.targets(),
        reason=form.cleaned_data["reason"],
    )
    return _changed(request, found)


@login_required
@require_http_methods(FORM_METHODS)
def commission_amend(request: HttpRequest, pk: int) -> HttpResponse:
    """Officers change the period, funding, conditions or status, with a reason."""
    found = selectors.commission_to_manage(user=request.user, pk=pk)
    if request.method != "POST":
        form = AmendForm(initial=AmendForm.initial_from(found))
        return render(request, AMEND, {"commission": found, "form": form})
    form = AmendForm(request.POST)
    context = {"commission": found, "form": form}
    if not form.is_valid():
        return render(request, AMEND, context, status=400)
    return _amend(request, context)


@on_domain_error(refused(AMEND))
def _amend(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    found, data = context["commission"], context["form"].cleaned_data
    services.amend_commission(
        officer=request.user,  # type: ignore[arg-type]
        commission=found,
        reason=data["reason"],
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        funding_sek=data["funding_sek"],
        conditions=data["conditions"],
        status=data["status"],
    )
    return _changed(request, found)
