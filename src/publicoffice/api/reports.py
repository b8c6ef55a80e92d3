"""The reports API: published statistics for everyone, exact reports for staff.

* ``/statistics/…`` answers anyone, without a key, with the *published*
  figures only: whole months and years that have ended, after the
  disclosure rule (:mod:`publicoffice.core.disclosure`) hid every count
  from 1 to 4 and whatever would give one away. Other periods are
  ``400 report_period_invalid``: a public answer never carries a figure
  the publication did not pass.
* ``/reports/…`` answers the staff of a scope (its hosts, its operator's
  admins, its municipality's officers, platform admins) with exact figures
  for any period, marked not for publication. Anyone else is
  ``403 report_not_allowed``, never a smaller scope silently.

Both are built by the reports selectors from one
:class:`~publicoffice.reports.report.Report`, flattened by
:func:`~publicoffice.reports.tables.report_rows` like the CSV files, so the
API shows exactly what the pages and files show.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router

from publicoffice.api.auth import member_auth
from publicoffice.api.common import ANY_ERRORS, READ_ERRORS, activate_language, caller
from publicoffice.api.report_schemas import (
    PublishedPeriodsOut,
    ReportOut,
    ReportScopesOut,
    StatisticsOut,
)
from publicoffice.api.schemas import ErrorOut
from publicoffice.core.disclosure import Figure
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.periods import Grain, Period
from publicoffice.reports.public_api_selectors import published_periods
from publicoffice.reports.report import Report
from publicoffice.reports.selectors import own_scopes, public_report, staff_report
from publicoffice.reports.tables import report_meta, report_rows

router = Router(tags=["reports"])

#: What a staff report may answer besides its success: ``403`` outside the caller's scopes.
STAFF_READ_ERRORS: dict[int, type] = {403: ErrorOut, **READ_ERRORS}
#: The grains with published figures.
PUBLISHED_GRAINS = (Grain.MONTH, Grain.YEAR)


def _scope_named(ref: str) -> str:
    """A scope's name as sent; a control character names nothing (and no database takes NUL)."""
    if not ref.isprintable():
        raise DomainError(ErrorCode.REPORT_SCOPE_NOT_FOUND)
    return ref


def _public_period(text: str) -> str | None:
    """The period asked for, if it is a whole month or year; None for the default."""
    if not text:
        return None
    if Period.parse(text).grain not in PUBLISHED_GRAINS:
        raise DomainError(
            ErrorCode.REPORT_PERIOD_INVALID,
            _("Public figures cover whole months (2026-03) and whole years (2026)."),
        )
    return text


def _figure(figure: Figure) -> dict[str, Any]:
    value = figure.value
    return {
        "value": float(value) if isinstance(value, Decimal) else value,
        "flag": str(figure.flag),
    }


def _answer(report: Report) -> dict[str, Any]:
    """The report as :class:`StatisticsOut`: meta, lines, trend and the week's hours."""
    return {
        "meta": report_meta(report),
        "lines": report_rows(report),
        "trend": [{"period": step.slug, **_figure(figure)} for step, figure in report.trend],
        "week_hours": [
            {"weekday": weekday, "hour": hour, **_figure(figure)}
            for (weekday, hour), figure in sorted(report.week_hours.items())
        ],
    }


# -- published statistics: anyone -----------------------------------------------------------


@router.get(
    "/statistics/periods",
    response={200: PublishedPeriodsOut, **ANY_ERRORS},
    summary="Published periods",
)
def statistics_periods(request: HttpRequest, lang: str = "") -> Any:
    """The months and years whose figures are published, newest first, and the latest month
    (the default of ``/statistics/{kind}/{ref}``)."""
    activate_language(request, lang)
    years = published_periods()
    months = [(month, year.published_at) for year in years for month in year.months]
    whole = [(year.whole_year, year.published_at) for year in years if year.whole_year]
    return {
        "latest": months[0][0].slug if months else None,
        "months": [{"period": p.slug, "label": p.label(), "published_at": at} for p, at in months],
        "years": [{"period": p.slug, "label": p.label(), "published_at": at} for p, at in whole],
    }


@router.get(
    "/statistics/{kind}/{ref}",
    response={200: StatisticsOut, **READ_ERRORS},
    summary="Published statistics of an office, a municipality or the network",
    url_name="statistics",
)
def statistics(request: HttpRequest, kind: str, ref: str, period: str = "", lang: str = "") -> Any:
    """Published figures of a whole month (``period=2026-10``) or year (``2026``); without
    ``period``, the latest published month. ``kind`` is ``office`` (``ref``: the office's
    slug), ``municipality`` (``ref``: its four-digit code) or ``network`` (``ref``:
    ``network``); anything else is ``404 report_scope_not_found``."""
    activate_language(request, lang)
    chosen = _public_period(period)
    report = public_report(kind=kind, ref=_scope_named(ref), period=chosen)
    return _answer(report)


# -- exact reports: the scope's staff -------------------------------------------------------


@router.get(
    "/reports/scopes",
    auth=member_auth,
    response={200: ReportScopesOut, **READ_ERRORS},
    summary="The scopes of my exact reports",
)
def report_scopes(request: HttpRequest, lang: str = "") -> Any:
    """Every scope whose exact figures the caller may read (empty for a member without a
    staff role), each with the address of its report."""
    activate_language(request, lang)
    user = caller(request)
    return {
        "scopes": [
            {
                "kind": link.kind,
                "ref": link.ref,
                "name": link.name,
                "url": request.build_absolute_uri(
                    reverse("api-v1:staff_report", kwargs={"kind": link.kind, "ref": link.ref})
                ),
            }
            for link in own_scopes(user=user)
        ]
    }


@router.get(
    "/reports/{kind}/{ref}",
    auth=member_auth,
    response={200: ReportOut, **STAFF_READ_ERRORS},
    summary="Exact report of a scope I work in",
    url_name="staff_report",
)
def exact_report(
    request: HttpRequest, kind: str, ref: str, period: str = "", lang: str = ""
) -> Any:
    """Exact figures, counts of 1 to 4 included, for any period (a day ``2026-03-05``, a week
    ``2026-W10``, a month, a quarter ``2026-Q1``, a year or ``2026-03-01..2026-03-31``);
    without ``period``, this month so far. Not for publication. Outside the caller's
    scopes: ``403 report_not_allowed``. ``kind`` as for the statistics, or ``operator``
    (``ref``: the operator's number)."""
    activate_language(request, lang)
    user = caller(request)
    report = staff_report(user=user, kind=kind, ref=_scope_named(ref), period=period or None)
    return {**_answer(report), "exact": report.exact}
