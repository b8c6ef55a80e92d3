"""The staff dashboards: exact figures of the scopes a person works in.

Hosts see their offices, operator admins their operators' offices,
municipal officers their municipalities, platform admins everything
(``reports/policies.py``). Anyone else is refused (``report_not_allowed``,
403); a visitor who is not logged in is sent to log in. Every page says
that its figures are exact and not for publication: counts of 1 to 4 are
shown here and must not be copied into anything public.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.commuting_selectors import factors_in_force
from publicoffice.reports.extensions import dashboard_panels
from publicoffice.reports.models import ScopeKind
from publicoffice.reports.periods import Grain, Period
from publicoffice.reports.report import Report
from publicoffice.reports.selectors import OfficeRow, own_scopes, side_by_side, staff_report
from publicoffice.reports.views import presenters
from publicoffice.reports.views.downloads import download, download_format
from publicoffice.reports.views.public import period_text

#: A date as the form's date fields send it, ASCII digits only.
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Scopes with several offices: shown side by side, office by office.
MANY_OFFICES = (ScopeKind.OPERATOR, ScopeKind.MUNICIPALITY, ScopeKind.NETWORK)
#: More ``?compare=`` values than this are not read (a scope has far fewer offices).
MOST_COMPARED = 200


def _date(raw: str) -> date:
    if not DATE.fullmatch(raw):
        raise DomainError(ErrorCode.REPORT_PERIOD_INVALID, field="start")
    try:
        return date.fromisoformat(raw)
    except ValueError as error:
        raise DomainError(ErrorCode.REPORT_PERIOD_INVALID, field="start") from error


def staff_period_text(request: HttpRequest) -> str:
    """The period of the form (a grain and dates) or of ``?period=`` as text."""
    grain, start = request.GET.get("grain", ""), request.GET.get("start", "").strip()
    if not start:
        return period_text(request)
    if grain not in {g.value for g in Grain}:
        raise DomainError(ErrorCode.REPORT_PERIOD_INVALID, field="grain")
    first = _date(start)
    if grain == Grain.CUSTOM:
        last = _date(request.GET.get("end", "").strip())
        return f"{first.isoformat()}..{last.isoformat()}"
    return Period.containing(Grain(grain), first).slug


def compared(request: HttpRequest) -> set[str] | None:
    """The offices ticked to compare (``?compare=slug``), or None for all of them."""
    chosen = {slug for slug in request.GET.getlist("compare")[:MOST_COMPARED] if slug}
    return chosen or None


def dashboard_url(kind: str, ref: str, *, printable: bool = False) -> str:
    name = "reports:dashboard_print" if printable else "reports:dashboard"
    return reverse(name, kwargs={"kind": kind, "ref": ref})


@require_safe
@login_required
def dashboards(request: HttpRequest) -> HttpResponse:
    """The scopes whose exact figures the person may see; 403 when there are none."""
    links = own_scopes(user=request.user)
    if not links:
        raise DomainError(ErrorCode.REPORT_NOT_ALLOWED)
    return render(request, "reports/dashboards.html", {"links": links})


def _side_by_side(
    request: HttpRequest, report: Report
) -> tuple[list[OfficeRow], list[OfficeRow], set[str]]:
    """Every office of the scope, those ticked to compare (all when none), and the ticked slugs."""
    if report.scope.kind not in MANY_OFFICES:
        return [], [], set()
    rows = side_by_side(scope=report.scope, period=report.period)
    wanted = compared(request)
    known = {row.office.slug for row in rows}
    chosen = (wanted & known) if wanted else set()
    shown = [row for row in rows if row.office.slug in chosen] if chosen else rows
    return rows, shown, chosen


def _offices(
    report: Report, rows: list[OfficeRow], shown: list[OfficeRow], chosen: set[str]
) -> dict[str, Any]:
    """The side-by-side table and the map of a scope with several offices (one query)."""
    if not rows:
        return {}
    return {
        "side_headers": presenters.side_by_side_headers(),
        "side_rows": presenters.side_by_side_rows(shown),
        "all_offices": [row.office for row in rows],
        "chosen": chosen,
        "map_chart": presenters.offices_map(report.scope.offices, presenters.people_of(rows)),
    }


def _dashboard(request: HttpRequest, kind: str, ref: str, *, printable: bool) -> HttpResponse:
    report = staff_report(user=request.user, kind=kind, ref=ref, period=staff_period_text(request))
    rows, shown, chosen = _side_by_side(request, report)
    wanted = download_format(request)
    if wanted:
        return download(report, wanted, shown)
    context = presenters.report_context(report)
    context.update(_offices(report, rows, shown, chosen))
    # The files and the print page keep the offices ticked to compare.
    context["compare_query"] = "".join(f"&compare={quote(slug)}" for slug in sorted(chosen))
    context.update(
        hours_chart=presenters.hours(report),
        commuting=presenters.commuting(report.survey_answers, factors_in_force()),
        panels=dashboard_panels(report.scope, report.period, request.user),
        grains=[(grain.value, grain) for grain in Grain],
        page_url=dashboard_url(kind, ref),
        print_url=dashboard_url(kind, ref, printable=True),
        public=False,
    )
    template = "reports/print.html" if printable else "reports/dashboard.html"
    response = render(request, template, context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@login_required
def dashboard(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    return _dashboard(request, kind, ref, printable=False)


@require_safe
@login_required
def dashboard_print(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    return _dashboard(request, kind, ref, printable=True)
