"""Public pages of the guidelines app: what a Public Office is, and the
accessibility statement with its report form.

The report form is a plain POST answered with a redirect and a message, so
it works without JavaScript; anonymous writes are rate-limited per address
(kept hashed in the cache only, never stored).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import add_domain_error, on_domain_error
from publicoffice.guidelines.forms import AccessibilityReportForm
from publicoffice.guidelines.selectors import guideline_list
from publicoffice.guidelines.services import accessibility_report_submit
from publicoffice.guidelines.statement import (
    SUPERVISOR_NAME,
    SUPERVISOR_REPORT_URL,
    SUPERVISOR_SHORT_NAME,
    statement_facts,
)

#: Reports one address may send: as many as sign-ups, which are as open.
ACCESSIBILITY_REPORTS = PostLimit("accessibility-report", limit=5, window=900)


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "guidelines/about.html", {"guidelines": guideline_list()})


def _statement_page(
    request: HttpRequest, form: AccessibilityReportForm, *, status: int = 200
) -> HttpResponse:
    context = {
        "facts": statement_facts(),
        "form": form,
        "supervisor_name": SUPERVISOR_NAME,
        "supervisor_short_name": SUPERVISOR_SHORT_NAME,
        "supervisor_report_url": SUPERVISOR_REPORT_URL,
    }
    return render(request, "guidelines/accessibility_statement.html", context, status=status)


def _report_refused(request: HttpRequest, error: DomainError) -> HttpResponse:
    """The page again, with the service's refusal at its field; nothing was kept."""
    form = AccessibilityReportForm(request.POST)
    form.is_valid()
    add_domain_error(form, error)
    return _statement_page(request, form, status=error.status)


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(ACCESSIBILITY_REPORTS)
@on_domain_error(_report_refused)
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The statement the DOS law asks for, and the form to report a problem."""
    if request.method != "POST":
        return _statement_page(request, AccessibilityReportForm())
    form = AccessibilityReportForm(request.POST)
    if not form.is_valid():
        return _statement_page(request, form, status=400)
    report = accessibility_report_submit(
        description=form.cleaned_data["description"],
        page_address=form.cleaned_data["page_address"],
        email=form.cleaned_data["email"],
        language=get_language() or "",
    )
    messages.success(
        request, _("Thank you. Your report has reached the team that runs the service.")
    )
    if report.email:
        messages.info(request, _("We will answer you by e-mail."))
    return redirect("guidelines:accessibility_statement")
