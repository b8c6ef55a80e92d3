"""The public statistics pages: the network, a municipality, an office.

Anyone may read them. They show only published figures (whole months and
years after the disclosure rule, ``core/disclosure.py``): a count from 1
to 4 reads "fewer than 5", never a number. ``?period=2026-10`` or
``?period=2025`` chooses the period (the latest published month without
it); a period that is not published is said so on the page, not refused.
``?format=csv|json`` gives the same report as a file; ``…/print/`` a
one-page summary.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.models import ScopeKind
from publicoffice.reports.periods import Grain
from publicoffice.reports.public_selectors import published_people_by_office, published_periods
from publicoffice.reports.published import is_published
from publicoffice.reports.report import Report
from publicoffice.reports.selectors import public_report
from publicoffice.reports.views import presenters
from publicoffice.reports.views.downloads import download, download_format


def period_text(request: HttpRequest) -> str:
    """``?period=`` as sent; digits other than 0–9 ("٢٠٢٦") are refused, not read."""
    text = request.GET.get("period", "").strip()
    if text and not text.isascii():
        raise DomainError(ErrorCode.REPORT_PERIOD_INVALID, field="period")
    return text


def page_url(kind: str, ref: str, *, printable: bool = False) -> str:
    name = kind + ("_print" if printable else "")
    if kind == ScopeKind.NETWORK:
        return reverse(f"reports:{name}")
    if kind == ScopeKind.OFFICE:
        return reverse(f"reports:{name}", kwargs={"slug": ref})
    return reverse(f"reports:{name}", kwargs={"code": ref})


def _map(report: Report) -> Any:
    if report.scope.is_office or report.period.grain not in (Grain.MONTH, Grain.YEAR):
        return None
    month = report.period.start.month if report.period.grain is Grain.MONTH else 0
    people = published_people_by_office(report.period.start.year, month)
    return presenters.offices_map(report.scope.offices, people)


def _commuting(report: Report) -> presenters.PublicCommuting | None:
    """The published estimate (enough answers, rounded), with the assumptions it rests on."""
    return presenters.public_commuting(report.published_commuting)


def _statistics(request: HttpRequest, kind: str, ref: str, *, printable: bool) -> HttpResponse:
    report = public_report(kind=kind, ref=ref, period=period_text(request))
    wanted = download_format(request)
    if wanted:
        return download(report, wanted)
    published = is_published(report.period)
    context = presenters.report_context(report)
    context.update(
        published=published,
        periods=published_periods(),
        map_chart=_map(report) if published else None,
        commuting=_commuting(report),
        page_url=page_url(kind, ref),
        print_url=page_url(kind, ref, printable=True),
        public=True,
    )
    template = "reports/print.html" if printable else "reports/statistics.html"
    return render(request, template, context)


@require_safe
def network(request: HttpRequest) -> HttpResponse:
    return _statistics(request, ScopeKind.NETWORK, "network", printable=False)


@require_safe
def municipality(request: HttpRequest, code: str) -> HttpResponse:
    return _statistics(request, ScopeKind.MUNICIPALITY, code, printable=False)


@require_safe
def office(request: HttpRequest, slug: str) -> HttpResponse:
    return _statistics(request, ScopeKind.OFFICE, slug, printable=False)


@require_safe
def network_print(request: HttpRequest) -> HttpResponse:
    return _statistics(request, ScopeKind.NETWORK, "network", printable=True)


@require_safe
def municipality_print(request: HttpRequest, code: str) -> HttpResponse:
    return _statistics(request, ScopeKind.MUNICIPALITY, code, printable=True)


@require_safe
def office_print(request: HttpRequest, slug: str) -> HttpResponse:
    return _statistics(request, ScopeKind.OFFICE, slug, printable=True)
