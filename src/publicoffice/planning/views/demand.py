"""The population pages: an officer's sources, uploading a grid, a source, deleting it.

Someone who plans nowhere is refused (403); an officer asking for another
municipality's source finds nothing (404). An upload is imported by the
task worker: the source's page refreshes itself (a ``<meta>`` refresh, no
JavaScript) while the import runs and shows how far it got, then the
result or the reason the file was refused.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import (
    add_domain_error,
    back_with_message,
    domain_error_page,
    on_domain_error,
)
from publicoffice.planning import policies
from publicoffice.planning.forms.demand import FIELD_OF_CODE, DemandUploadForm
from publicoffice.planning.imports import MAX_ROWS
from publicoffice.planning.models import ImportStatus
from publicoffice.planning.selectors import demand as selectors
from publicoffice.planning.services import demand as services

UPLOAD = "planning/demand_upload.html"


def _planner(request: HttpRequest) -> Member:
    user = request.user
    if not policies.can_plan(user) or not user.is_authenticated:
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return user


@login_required
@require_safe
def demand_list(request: HttpRequest) -> HttpResponse:
    """The population sources of the officer's municipalities, newest first."""
    _planner(request)
    context = {"sources": list(selectors.sources_for(request.user)), "importing": "importing"}
    return render(request, "planning/demand_list.html", context)


def _upload_page(request: HttpRequest, form: DemandUploadForm, status: int) -> HttpResponse:
    return render(request, UPLOAD, {"form": form, "max_rows": MAX_ROWS}, status=status)


def _upload_refused(request: HttpRequest, error: DomainError) -> HttpResponse:
    if error.code == ErrorCode.NOT_ALLOWED and not policies.can_plan(request.user):
        raise error
    form = DemandUploadForm(
        request.POST, request.FILES, municipalities=selectors.upload_municipalities(request.user)
    )
    form.is_valid()
    add_domain_error(form, error, field_of_code=FIELD_OF_CODE)
    return _upload_page(request, form, error.status)


@login_required
@require_http_methods(["GET", "POST"])
@on_domain_error(_upload_refused)
def demand_upload(request: HttpRequest) -> HttpResponse:
    """Upload a grid; the worker imports it and its page shows how far it got."""
    user = _planner(request)
    municipalities = selectors.upload_municipalities(user)
    if request.method != "POST":
        return _upload_page(request, DemandUploadForm(municipalities=municipalities), 200)
    form = DemandUploadForm(request.POST, request.FILES, municipalities=municipalities)
    if not form.is_valid():
        return _upload_page(request, form, 400)
    source = services.demand_import_start(
        municipality=form.chosen_municipality(),
        name=form.cleaned_data["name"],
        kind=form.cleaned_data["kind"],
        upload=form.cleaned_data["file"],
        crs=form.cleaned_data["crs"],
        by=user,
    )
    return redirect("planning:demand_detail", pk=source.pk)


@login_required
@require_safe
def demand_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One source: its status, progress while importing, totals, groups, or the refusal."""
    _planner(request)
    source = selectors.source_for(request.user, pk)
    context = {
        "source": source,
        "importing": source.status == ImportStatus.IMPORTING,
        "failed": source.status == ImportStatus.FAILED,
        "scenarios": selectors.used_by_scenarios(source),
    }
    return render(request, "planning/demand_detail.html", context)


def _to_source(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    return reverse("planning:demand_detail", kwargs={"pk": kwargs["pk"]})


def _delete_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    """Back to the source with the reason; a source one may not see stays a 404 (or 403)."""
    if error.code == ErrorCode.PLANNING_NOT_FOUND or not policies.can_plan(request.user):
        return domain_error_page(request, error)
    return back_with_message(_to_source)(request, error, pk=pk)


@login_required
@require_POST
@on_domain_error(_delete_refused)
def demand_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a source and its cells (refused while a scenario uses it)."""
    user = _planner(request)
    source = selectors.source_for(user, pk)
    services.demand_delete(source, user)
    messages.success(request, _("The population source was deleted."))
    return redirect("planning:demand_list")
