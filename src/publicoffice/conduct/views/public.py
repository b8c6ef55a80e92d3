"""Anyone reports an incident at an office, without an account too.

Reports are limited per device with a per-address backstop, like problem
reports. A visitor may leave an e-mail address to hear when it is handled;
a member chooses whether to send it with their name.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from publicoffice.conduct.forms import IncidentReportForm
from publicoffice.conduct.services.incidents import incident_report
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import add_domain_error, on_domain_error
from publicoffice.places.selectors import office_public

#: Ten reports per device an hour, forty from one address (a school's network).
INCIDENT_REPORTS = PostLimit("incident_report", limit=10, window=3600, per_address=40)

FIELD_OF_CODE: dict[str, str] = {
    ErrorCode.INCIDENT_CATEGORY_INVALID: "category",
    ErrorCode.BAD_EMAIL: "contact",
}


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(INCIDENT_REPORTS)
def report_incident(request: HttpRequest, slug: str) -> HttpResponse:
    office = office_public(slug=slug)
    member = request.user.is_authenticated
    if request.method != "POST":
        form = IncidentReportForm(member=member)
        return render(request, "conduct/report_incident.html", {"form": form, "office": office})
    form = IncidentReportForm(request.POST, member=member)
    context = {"form": form, "office": office}
    if not form.is_valid():
        return render(request, "conduct/report_incident.html", context, status=400)
    return _send(request, context)


def _refused(request: HttpRequest, error: DomainError, context: dict[str, Any]) -> HttpResponse:
    add_domain_error(context["form"], error, field_of_code=FIELD_OF_CODE)
    return render(request, "conduct/report_incident.html", context, status=error.status)


@on_domain_error(_refused)
def _send(request: HttpRequest, context: dict[str, Any]) -> HttpResponse:
    data = context["form"].cleaned_data
    with_name = bool(data.get("with_name"))
    user = request.user
    incident_report(
        reporter=user if with_name and user.is_authenticated else None,
        office=context["office"],
        category=data["category"],
        description=data["description"],
        contact=data.get("contact", ""),
        language=request.LANGUAGE_CODE,
    )
    if with_name or data.get("contact"):
        messages.success(
            request, _("Thank you. Staff read your report, and you hear when it is handled.")
        )
    else:
        messages.success(request, _("Thank you. Staff read your report."))
    return redirect(context["office"].get_absolute_url())
