"""A report as a file: ``?format=csv`` or ``?format=json`` on the page's own address.

Why the page's address: the file is exactly the page's report (the same
scope, period and source), so a file cannot show more than the page. Rows
come from :func:`~publicoffice.reports.tables.report_rows`, so a hidden
figure has an empty value and its flag. Exact files (staff) say "not for
publication" in their first column and in ``meta.exact``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext

from publicoffice.core import csv_safe
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.report import Report
from publicoffice.reports.selectors import OfficeRow
from publicoffice.reports.tables import COLUMNS, office_rows, report_meta, report_rows

FORMATS = ("csv", "json")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
NOTICE = "notice"


def download_format(request: HttpRequest) -> str:
    """``csv``, ``json``, or "" for the page; anything else is refused (400), not guessed."""
    wanted = request.GET.get("format", "")
    if wanted in ("", "html"):
        return ""
    if wanted in FORMATS:
        return wanted
    raise DomainError(ErrorCode.BAD_VALUE, field="format")


def filename(report: Report, extension: str) -> str:
    period = report.period.slug.replace("..", "_")
    exact = "-exact" if report.exact else ""
    return f"statistics-{report.scope.kind}-{report.scope.ref}-{period}{exact}.{extension}"


def download(report: Report, fmt: str, offices: Sequence[OfficeRow] = ()) -> HttpResponse:
    """The report as a file; ``offices`` adds the offices side by side (staff files)."""
    response = csv_file(report, offices) if fmt == "csv" else json_file(report, offices)
    response["Content-Disposition"] = f'attachment; filename="{filename(report, fmt)}"'
    if report.exact:
        response["Cache-Control"] = "private, no-store"
    return response


def csv_file(report: Report, offices: Sequence[OfficeRow] = ()) -> HttpResponse:
    """One line per figure; an exact file starts every line with "not for publication"."""
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 (å, ä, ö, Arabic)
    fields = ["scope", "scope_ref", "period", *COLUMNS]
    first: dict[str, object] = {}
    if report.exact:
        fields.insert(0, NOTICE)
        first = {NOTICE: gettext("Exact figures: not for publication")}
    writer = csv_safe.dict_writer(response, fields)  # formulas escaped
    writer.writeheader()
    about = {
        "scope": str(report.scope.kind),
        "scope_ref": report.scope.ref,
        "period": report.period.slug,
    }
    for row in report_rows(report):
        writer.writerow({**first, **about, **row})
    for row in office_rows(offices):
        row.pop("office")
        writer.writerow({**first, **about, **row, "period": report.period.slug})
    return response


def json_file(report: Report, offices: Sequence[OfficeRow] = ()) -> HttpResponse:
    meta = report_meta(report)
    if report.exact:
        meta["notice"] = gettext("Exact figures: not for publication")
    document = {"meta": meta, "rows": report_rows(report), "offices": office_rows(offices)}
    return HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type=JSON_CONTENT_TYPE,
    )
