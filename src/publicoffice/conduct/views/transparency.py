"""The conduct transparency page and its CSV: counts per quarter, never names.

Anyone may read them (residents, and the municipal officers who account for
the offices' public money). ``?office=<slug>`` shows one office, none the
whole network; ``?year=`` a year from 2000 to 2999, the current one by
default. Every figure has passed :func:`~publicoffice.core.disclosure.disclose`.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_safe

from publicoffice.conduct.transparency import (
    MEDIAN,
    Transparency,
    current_year,
    public_offices,
    transparency,
)
from publicoffice.core import csv_safe
from publicoffice.core.disclosure import Figure
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.models import Office
from publicoffice.places.selectors import office_public

#: Four ASCII digits from 2000 to 2999: "٢٠٢٦" and "2026<b>" are refused, not guessed at.
YEAR = re.compile(r"2[0-9]{3}")
QUARTER_NAMES = (
    pgettext_lazy("conduct figures", "January–March"),
    pgettext_lazy("conduct figures", "April–June"),
    pgettext_lazy("conduct figures", "July–September"),
    pgettext_lazy("conduct figures", "October–December"),
)
CSV_FIELDS = ["year", "quarter", "office", "table", "item", "label", "value", "flag"]


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    if raw == "":
        return current_year(timezone.now())
    if not YEAR.fullmatch(raw):
        raise DomainError(
            ErrorCode.BAD_VALUE,
            _("Choose a year from 2000 to 2999, written with the digits 0 to 9."),
            field="year",
        )
    return int(raw)


def _choice(request: HttpRequest) -> tuple[int, Office | None]:
    """The year and office asked for; refuses a bad year (400) or an unknown office (404)."""
    year = _year(request)
    slug = request.GET.get("office", "")
    return year, office_public(slug=slug) if slug else None


def _query(year: int, office: Office | None) -> str:
    return urlencode({"year": year, **({"office": office.slug} if office else {})})


@require_safe
def page(request: HttpRequest) -> HttpResponse:
    """The year's figures per quarter, for the network or one office."""
    year, office = _choice(request)
    context = {
        "report": transparency(year=year, office=office),
        "office": office,
        "offices": public_offices(),
        "year": str(year),
        "quarters": QUARTER_NAMES,
        "query": _query(year, office),
    }
    return render(request, "conduct/transparency.html", context)


@require_safe
def csv_export(request: HttpRequest) -> HttpResponse:
    """The same figures as CSV: a hidden figure has an empty value and its reason as flag."""
    year, office = _choice(request)
    report = transparency(year=year, office=office)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 (å, ä, ö, Arabic)
    writer = csv_safe.dict_writer(response, CSV_FIELDS)  # formulas escaped
    writer.writeheader()
    writer.writerows(_csv_rows(report))
    place = office.slug if office else "network"
    response["Content-Disposition"] = f'attachment; filename="conduct-{place}-{year}.csv"'
    return response


def _csv_rows(report: Transparency) -> list[dict[str, object]]:
    slug = report.office.slug if report.office else ""
    lines = [
        (row.family, row.item, str(row.label), row.figures)
        for table in report.tables
        for row in table.rows
    ]
    lines.append((MEDIAN, "", str(_("Median days to handle a report")), report.median))
    return [
        {
            "year": report.year,
            "quarter": quarter,
            "office": slug,
            "table": family,
            "item": item,
            "label": label,
            **_value(figure),
        }
        for family, item, label, figures in lines
        for quarter, figure in enumerate(figures, start=1)
    ]


def _value(figure: Figure) -> dict[str, object]:
    return {"value": "" if figure.value is None else figure.value, "flag": figure.flag.value}
