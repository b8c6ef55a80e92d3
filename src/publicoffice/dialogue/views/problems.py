"""Problem report pages: an office's reports, one report, reporting, updating, reopening.

Anyone may report, without an account too; those reports are limited per
device with a per-address backstop (``PROBLEM_REPORTS``). The office's
people answer on the report's page; anyone logged in may reopen a report
fixed within ``DIALOGUE_REOPEN_DAYS``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import add_domain_error, on_domain_error
from publicoffice.dialogue import moderation, photos, problem_policies, problem_selectors
from publicoffice.dialogue.models import ProblemReport
from publicoffice.dialogue.problem_forms import (
    ProblemFlagForm,
    ProblemForm,
    ProblemHideForm,
    ProblemUpdateForm,
    ReopenForm,
)
from publicoffice.dialogue.services import problems
from publicoffice.dialogue.views.common import acting_member, page_of, photo_response
from publicoffice.places.selectors import office_public

#: New reports: ten per device an hour, forty from one address (a school's network).
PROBLEM_REPORTS = PostLimit("problem_report", limit=10, window=3600, per_address=40)
#: Updates, reopenings and flags: one client, an hour.
PROBLEM_WRITINGS = PostLimit("problem_writing", limit=30, window=3600)

FIELD_OF_CODE: dict[str, str] = {
    ErrorCode.PROBLEM_CATEGORY_INVALID: "category",
    ErrorCode.LANGUAGE_UNKNOWN: "language",
    ErrorCode.BAD_EMAIL: "contact_email",
    ErrorCode.PROBLEM_STATE_INVALID: "state",
    ErrorCode.PHOTO_INVALID: "photo",
    ErrorCode.PHOTO_TOO_LARGE: "photo",
}


def _back(report: ProblemReport) -> HttpResponse:
    return redirect("dialogue:problem", public_id=report.public_id)


def _visible(request: HttpRequest, public_id: Any) -> ProblemReport:
    return problem_selectors.problem_get_visible(user=request.user, public_id=public_id)


@require_safe
def office_problems(request: HttpRequest, slug: str) -> HttpResponse:
    """The office's reports: open ones (paged), then the latest fixed and closed ones."""
    office = office_public(slug=slug)
    lists = problem_selectors.office_problems(office=office)
    context = {
        "office": office,
        "page": page_of(request, lists.open),
        "fixed": lists.fixed,
        "closed": lists.closed,
        "answers": problem_policies.can_answer_at(request.user, office),
    }
    return render(request, "dialogue/problems.html", context)


def problem_page(
    request: HttpRequest,
    report: ProblemReport,
    *,
    forms: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The report's page with the forms this visitor may use (one of them refused, maybe)."""
    user, now = request.user, timezone.now()
    staff = problem_policies.can_answer(user, report)
    shown = {
        "update_form": ProblemUpdateForm() if staff and not report.hidden_at else None,
        "reopen_form": ReopenForm() if problem_policies.can_reopen(user, report, now=now) else None,
        "hide_form": ProblemHideForm()
        if problem_policies.can_moderate(user, report) and not report.hidden_at
        else None,
        "flag_form": ProblemFlagForm() if user.is_authenticated and not staff else None,
        **(forms or {}),
    }
    context = {
        "report": report,
        "page_data": problem_selectors.problem_page(report=report, now=now),
        "reopen_until": problems.reopen_deadline(report),
        "is_staff": staff,
        "flags": problem_selectors.open_content_reports(report=report) if staff else 0,
        **shown,
    }
    return render(request, "dialogue/problem.html", context, status=status)


@require_safe
def problem(request: HttpRequest, public_id: Any) -> HttpResponse:
    return problem_page(request, _visible(request, public_id))


@require_safe
def photo(request: HttpRequest, public_id: Any) -> FileResponse:
    """The report's photo, to whoever may see the report (a hidden one's is hidden too)."""
    report = _visible(request, public_id)
    return photo_response(report.photo, folder=problems.PHOTO_FOLDER)


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(PROBLEM_REPORTS)
def report_problem(request: HttpRequest, slug: str) -> HttpResponse:
    """Anyone reports a problem; visitors without an account may leave an e-mail."""
    office = office_public(slug=slug)
    member = request.user.is_authenticated
    if request.method != "POST":
        form = ProblemForm(initial={"language": request.LANGUAGE_CODE}, member=member)
        return render(request, "dialogue/problem_new.html", {"form": form, "office": office})
    form = ProblemForm(request.POST, request.FILES, member=member)
    context = {"form": form, "office": office}
    if not form.is_valid():
        return render(request, "dialogue/problem_new.html", context, status=400)
    return _send_report(request, context)


def _form_refused(request: HttpRequest, error: DomainError, context: dict[str, Any]) -> Any:
    add_domain_error(context["form"], error, field_of_code=FIELD_OF_CODE)
    return render(request, "dialogue/problem_new.html", context, status=error.status)


@on_domain_error(_form_refused)
def _send_report(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    reporter = acting_member(request) if request.user.is_authenticated else None
    form = context["form"]
    upload = form.cleaned_data.get("photo")
    report = problems.problem_report(
        office=context["office"],
        reporter=reporter,
        photo=photos.prepare(upload) if upload else None,
        **form.fields_for_service(),
    )
    messages.success(
        request,
        _("Thank you! Your report is public now, and the office answers it here."),
    )
    return _back(report)


def _refused_on_page(form_name: str) -> Any:
    """Show the report's page again with the refusal at the form that was sent."""

    def page(request: HttpRequest, error: DomainError, report: ProblemReport, form: Any) -> Any:
        add_domain_error(form, error, field_of_code=FIELD_OF_CODE)
        return problem_page(request, report, forms={form_name: form}, status=error.status)

    return page


@login_required
@require_POST
@limit_posts(PROBLEM_WRITINGS)
def update(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The office answers in public and sets the state."""
    report = _visible(request, public_id)
    if not problem_policies.can_answer(request.user, report):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    form = ProblemUpdateForm(request.POST)
    if not form.is_valid():
        return problem_page(request, report, forms={"update_form": form}, status=400)
    return _update(request, report, form)


@on_domain_error(_refused_on_page("update_form"))
def _update(request: HttpRequest, report: ProblemReport, form: ProblemUpdateForm) -> HttpResponse:
    data = form.cleaned_data
    original = None
    if data["duplicate_of"]:
        original = problem_selectors.duplicate_target(
            office=report.office, public_id=data["duplicate_of"]
        )
    problems.problem_update(
        staff=acting_member(request),
        report=report,
        state=data["state"],
        text=data["text"],
        duplicate_of=original,
        forwarded_to=data["forwarded_to"],
    )
    messages.success(request, _("The update is published. The reporter is told."))
    return _back(report)


@login_required
@require_POST
@limit_posts(PROBLEM_WRITINGS)
def reopen(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Somebody says a fixed problem is not fixed (within the window; the service says)."""
    report = _visible(request, public_id)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return problem_page(request, report, forms={"reopen_form": form}, status=400)
    return _reopen(request, report, form)


@on_domain_error(_refused_on_page("reopen_form"))
def _reopen(request: HttpRequest, report: ProblemReport, form: ReopenForm) -> HttpResponse:
    problems.problem_reopen(
        member=acting_member(request), report=report, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("The report is open again. The office is told."))
    return _back(report)


@login_required
@require_POST
@limit_posts(PROBLEM_WRITINGS)
def flag(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Tell staff the report breaks the house rules."""
    report = _visible(request, public_id)
    form = ProblemFlagForm(request.POST)
    if not form.is_valid():
        return problem_page(request, report, forms={"flag_form": form}, status=400)
    return _flag(request, report, form)


@on_domain_error(_refused_on_page("flag_form"))
def _flag(request: HttpRequest, report: ProblemReport, form: ProblemFlagForm) -> HttpResponse:
    moderation.report(
        reporter=acting_member(request), item=report, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("Thank you. Staff will look at it."))
    return _back(report)


@login_required
@require_POST
def hide(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Hide the report with a reason its reporter sees."""
    report = _visible(request, public_id)
    if not problem_policies.can_moderate(request.user, report):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    form = ProblemHideForm(request.POST)
    if not form.is_valid():
        return problem_page(request, report, forms={"hide_form": form}, status=400)
    return _hide(request, report, form)


@on_domain_error(_refused_on_page("hide_form"))
def _hide(request: HttpRequest, report: ProblemReport, form: ProblemHideForm) -> HttpResponse:
    moderation.hide(staff=acting_member(request), item=report, reason=form.cleaned_data["reason"])
    messages.success(request, _("It is hidden. Its reporter sees your reason."))
    return _back(report)
