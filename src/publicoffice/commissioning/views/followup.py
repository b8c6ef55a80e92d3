"""Follow-up pages: the table of reports, a report, writing, attaching, submitting, assessing.

Officers see their municipalities' commissions' reports, operator admins
their own commissions'; anyone else gets 404 for a report (it is not
theirs to know about). Every write goes through
:mod:`publicoffice.commissioning.services.followup`, which checks again
who acts; a refusal about a field comes back beside that field.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.commissioning import documents, policies
from publicoffice.commissioning.forms.followup import AssessForm, AttachmentForm, ReportForm
from publicoffice.commissioning.models import Party, Report
from publicoffice.commissioning.selectors import followup as selectors
from publicoffice.commissioning.services import followup
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error, domain_error_page, on_domain_error

EDIT = "commissioning/followup/report_edit.html"
ASSESS = "commissioning/followup/report_assess.html"
ATTACHMENTS = "commissioning/followup/report_attachments.html"
#: Refusals that are about the report itself, not a field: shown as a page.
PAGE_ERRORS = frozenset(
    {
        ErrorCode.COMMISSION_REPORT_NOT_FOUND,
        ErrorCode.COMMISSION_REPORT_NOT_EDITABLE,
        ErrorCode.NOT_ALLOWED,
        ErrorCode.NOT_FOUND,
    }
)


def _member(request: HttpRequest) -> Member:
    """The logged-in user (every writing page is behind ``login_required``)."""
    user = request.user
    if isinstance(user, AnonymousUser):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    return user


def _writable(request: HttpRequest, pk: int) -> Report:
    report = selectors.report_inside(request.user, pk)
    if not policies.is_commission_operator(request.user, report.commission):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if not policies.can_write_report(request.user, report):
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_EDITABLE)
    return report


def _assessable(request: HttpRequest, pk: int) -> Report:
    report = selectors.report_inside(request.user, pk)
    if not policies.can_manage_commission(request.user, report.commission):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    if not policies.can_assess_report(request.user, report):
        raise DomainError(ErrorCode.COMMISSION_REPORT_NOT_EDITABLE)
    return report


def _views_of(report: Report, party: Party) -> dict[int, Any]:
    return {
        gid: found[party]
        for gid, found in selectors.assessments_by_guideline(report).items()
        if party in found
    }


@require_safe
@login_required
def reports_due(request: HttpRequest) -> HttpResponse:
    """The table of reports: very late and overdue first; filtered by state."""
    if not selectors.sees_reports(request.user):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    state = request.GET.get("state", "")
    rows = selectors.reports_due(request.user, today=timezone.localdate(), state=state)
    context = {"rows": rows, "states": selectors.STATE_LABELS, "state": state}
    return render(request, "commissioning/followup/reports_due.html", context)


@require_safe
@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything of one report: figures with their trend, texts, both assessments."""
    found = selectors.report_inside(request.user, pk)
    today = timezone.localdate()
    context = {
        "report": found,
        "words": selectors.state_words(found, today),
        "live": found.status in selectors.EDITABLE,
        "figures": selectors.report_figures(found, public=False),
        "guideline_rows": selectors.guideline_rows(found),
        "attachments": list(found.attachments.all()),
        "can_write": policies.can_write_report(request.user, found),
        "can_assess": policies.can_assess_report(request.user, found),
    }
    return render(request, "commissioning/followup/report.html", context)


def _edit_page(request: HttpRequest, report: Report, form: ReportForm, status: int) -> HttpResponse:
    return render(request, EDIT, {"report": report, "form": form}, status=status)


def _edit_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    if error.code in PAGE_ERRORS:
        return domain_error_page(request, error)
    report = selectors.report_inside(request.user, pk)
    form = ReportForm(request.POST, guidelines=selectors.guidelines())
    form.is_valid()
    add_domain_error(form, error)
    return _edit_page(request, report, form, 400)


@require_http_methods(["GET", "POST"])
@login_required
@on_domain_error(_edit_refused)
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The operator writes: the narratives and a self-assessment per guideline; drafts kept."""
    found = _writable(request, pk)
    guidelines = selectors.guidelines()
    if request.method != "POST":
        form = ReportForm(
            initial={
                "narrative": found.narrative,
                "private_narrative": found.private_narrative,
            },
            guidelines=guidelines,
            views=_views_of(found, Party.OPERATOR),
        )
        return _edit_page(request, found, form, 200)
    form = ReportForm(request.POST, guidelines=guidelines)
    if not form.is_valid():
        return _edit_page(request, found, form, 400)
    followup.save_draft(
        operator=_member(request),
        report=found,
        narrative=form.cleaned_data["narrative"],
        private_narrative=form.cleaned_data["private_narrative"],
        views=form.views(),
    )
    messages.success(request, _("The draft is saved."))
    return redirect("commissioning:report_edit", pk=found.pk)


@require_POST
@login_required
@on_domain_error(_edit_refused)
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Save what the form holds and submit it, or neither (the errors beside the fields)."""
    found = _writable(request, pk)
    form = ReportForm(request.POST, guidelines=selectors.guidelines())
    if not form.is_valid():
        return _edit_page(request, found, form, 400)
    followup.save_and_submit(
        operator=_member(request),
        report=found,
        narrative=form.cleaned_data["narrative"],
        private_narrative=form.cleaned_data["private_narrative"],
        views=form.views(),
    )
    messages.success(request, _("The report is submitted. The municipality has been told."))
    return redirect("commissioning:report", pk=found.pk)


def _attachments_page(
    request: HttpRequest, report: Report, form: AttachmentForm, status: int
) -> HttpResponse:
    context = {"report": report, "form": form, "attachments": list(report.attachments.all())}
    return render(request, ATTACHMENTS, context, status=status)


def _attachment_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    if error.code in PAGE_ERRORS:
        return domain_error_page(request, error)
    form = AttachmentForm(request.POST)
    form.is_valid()
    add_domain_error(form, error)
    return _attachments_page(request, selectors.report_inside(request.user, pk), form, 400)


@require_http_methods(["GET", "POST"])
@login_required
@on_domain_error(_attachment_refused)
def report_attachments(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload documents with a title, public or not; delete them while the report is open."""
    found = _writable(request, pk)
    if request.method != "POST":
        return _attachments_page(request, found, AttachmentForm(), 200)
    if "delete" in request.POST:
        delete = request.POST["delete"]
        followup.delete_attachment(
            operator=_member(request),
            report=found,
            attachment_id=int(delete) if delete.isdigit() else 0,
        )
        messages.success(request, _("The document is removed."))
        return redirect("commissioning:report_attachments", pk=found.pk)
    form = AttachmentForm(request.POST, request.FILES)
    form.is_valid()
    followup.add_attachment(
        operator=_member(request),
        report=found,
        upload=request.FILES.get("file"),
        title=form.cleaned_data.get("title", ""),
        public=bool(form.cleaned_data.get("public")),
    )
    messages.success(request, _("The document is added."))
    return redirect("commissioning:report_attachments", pk=found.pk)


@require_safe
def report_attachment(request: HttpRequest, pk: int, file: int) -> FileResponse:
    """A document: public ones of accepted reports to anyone, the rest to those inside."""
    attachment = selectors.attachment_for(request.user, pk, file)
    opened, content_type = documents.opened(attachment.file)
    ending = attachment.file.rsplit(".", 1)[-1]
    response = FileResponse(
        opened,
        content_type=content_type,
        as_attachment=True,
        filename=f"{slugify(attachment.title) or 'document'}.{ending}",
    )
    public = attachment.public and policies.report_is_public(attachment.report)
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _assess_page(
    request: HttpRequest, report: Report, form: AssessForm, status: int
) -> HttpResponse:
    context = {
        "report": report,
        "form": form,
        "figures": selectors.report_figures(report, public=False),
        "operator_views": _views_of(report, Party.OPERATOR),
    }
    return render(request, ASSESS, context, status=status)


def _assess_refused(request: HttpRequest, error: DomainError, pk: int) -> HttpResponse:
    if error.code in PAGE_ERRORS:
        return domain_error_page(request, error)
    form = AssessForm(request.POST, guidelines=selectors.guidelines())
    form.is_valid()
    add_domain_error(form, error)
    return _assess_page(request, selectors.report_inside(request.user, pk), form, 400)


@require_http_methods(["GET", "POST"])
@login_required
@on_domain_error(_assess_refused)
def report_assess(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer assesses each guideline beside the operator, then accepts or asks for changes."""
    found = _assessable(request, pk)
    guidelines = selectors.guidelines()
    if request.method != "POST":
        form = AssessForm(
            initial={"comment": found.officer_comment},
            guidelines=guidelines,
            views=_views_of(found, Party.MUNICIPALITY),
        )
        return _assess_page(request, found, form, 200)
    form = AssessForm(request.POST, guidelines=guidelines)
    if not form.is_valid():
        return _assess_page(request, found, form, 400)
    accept = form.cleaned_data["decision"] == "accept"
    followup.assess(
        officer=_member(request),
        report=found,
        views=form.views(),
        comment=form.cleaned_data["comment"],
        accept=accept,
    )
    messages.success(
        request,
        _("The report is accepted.") if accept else _("The operator is asked for changes."),
    )
    return redirect(reverse("commissioning:report", kwargs={"pk": found.pk}))
