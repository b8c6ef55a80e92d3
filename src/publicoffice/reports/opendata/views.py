"""The open-data page, the catalogue and the datasets' files.

The files and the catalogue are fetched by programs (harvesters, scripts,
spreadsheets) at fixed addresses, so they live outside the language prefix
under ``/open-data/``; ``?lang=`` chooses the language of their texts (the
site's default without it, so an address always gives the same text). The
page for people is under the language prefix (``/sv/open-data/``). All are
public and read only what is already public: the offices' pages, the
published figures (which passed the disclosure rule), events and problems.
Each file carries an ETag of its bytes (names and labels change them, not
only rows), so a harvester asking again gets a bodiless 304.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from publicoffice.core import csv_safe
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.http_cache import answer_with_body_etag
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.places.models import Office
from publicoffice.places.selectors import OfficeFilters, office_search
from publicoffice.reports import publication
from publicoffice.reports.opendata import hours
from publicoffice.reports.opendata.catalog import build_catalog
from publicoffice.reports.opendata.datasets import DATASETS, LICENSE, LICENSE_NAME
from publicoffice.reports.periods import EARLIEST_YEAR

JSONLD_CONTENT_TYPE = "application/ld+json; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
FIGURE_FIELDS = [
    "year",
    "month",
    "scope",
    "scope_ref",
    "scope_name",
    "metric",
    "metric_label",
    "key",
    "key_label",
    "value",
    "flag",
]
#: Harvesters may keep a copy ten minutes; after that an ETag makes asking again cheap.
MAX_AGE = 600
#: Four ASCII digits: "٢٠٢٦", "2026.0" and a hundred digits are refused, not guessed at.
YEAR = re.compile(r"[0-9]{4}")


def file_language(request: HttpRequest) -> str:
    """``?lang=`` when it names an interface language, else the site's default."""
    wanted = request.GET.get("lang", "")
    return wanted if wanted in LANGUAGE_CODES else settings.LANGUAGE_CODE


def figures_year(request: HttpRequest) -> int | None:
    """``?year=``: none (every published year), or a year from 2000 to this one."""
    raw = request.GET.get("year", "")
    if raw == "":
        return None
    last = timezone.localdate().year
    if not YEAR.fullmatch(raw) or not EARLIEST_YEAR <= int(raw) <= last:
        raise DomainError(
            ErrorCode.REPORT_PERIOD_INVALID,
            _("Choose a year from %(first)s to %(last)s, written with the digits 0 to 9.")
            % {"first": EARLIEST_YEAR, "last": last},
            field="year",
        )
    return int(raw)


def _json(
    request: HttpRequest, document: Any, content_type: str = JSON_CONTENT_TYPE
) -> HttpResponseBase:
    body = json.dumps(document, ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"  # open data: any web page may read it
    return answer_with_body_etag(request, response, max_age=MAX_AGE)


def _csv(
    request: HttpRequest, rows: Iterable[dict[str, Any]], fields: list[str], filename: str
) -> HttpResponseBase:
    response = HttpResponse(content_type=CSV_CONTENT_TYPE)
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 (å, ä, ö, Arabic)
    writer = csv_safe.dict_writer(response, fields)  # formulas escaped
    writer.writeheader()
    writer.writerows(rows)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return answer_with_body_etag(request, response, max_age=MAX_AGE)


def _public_offices() -> list[Office]:
    """Every public office with its schedule (three queries whatever their number)."""
    return office_search(filters=OfficeFilters(), at=timezone.now())


# -- the catalogue ---------------------------------------------------------------------


@require_safe
def catalog(request: HttpRequest) -> HttpResponseBase:
    """The DCAT-AP-SE catalogue, for dataportal.se and other harvesters."""
    offices = _public_offices()
    municipalities = sorted({(o.municipality.code, o.municipality.name) for o in offices})
    with translation.override(settings.LANGUAGE_CODE):
        page_url = request.build_absolute_uri(reverse("opendata_page:page"))
    document = build_catalog(
        catalog_url=request.build_absolute_uri(reverse("opendata:catalog")),
        page_url=page_url,
        absolute=lambda name: request.build_absolute_uri(reverse(name)),
        municipalities=municipalities,
        modified=timezone.localdate(),
    )
    return _json(request, document, JSONLD_CONTENT_TYPE)


# -- opening hours ---------------------------------------------------------------------


def _office_url(request: HttpRequest) -> Any:
    def url(office: Office) -> str:
        return request.build_absolute_uri(reverse("places:office", kwargs={"slug": office.slug}))

    return url


@require_safe
def opening_hours_json(request: HttpRequest) -> HttpResponseBase:
    """Each open office's weekly hours and the coming days that differ, as JSON."""
    language = file_language(request)
    with translation.override(language):
        document = hours.hours_document(
            _public_offices(),
            today=timezone.localdate(),
            language=language,
            office_url=_office_url(request),
        )
    return _json(request, document)


@require_safe
def opening_hours_csv(request: HttpRequest) -> HttpResponseBase:
    """The same as CSV: a row per weekly interval and per exception's interval."""
    language = file_language(request)
    with translation.override(language):
        rows = hours.hours_rows(_public_offices(), today=timezone.localdate(), language=language)
    return _csv(request, rows, hours.CSV_FIELDS, "opening-hours.csv")


# -- figures ---------------------------------------------------------------------------


def _figure_rows(request: HttpRequest) -> tuple[int | None, list[dict[str, Any]]]:
    """The published figures of ``?year=`` (every published year without it)."""
    year = figures_year(request)
    with translation.override(file_language(request)):
        rows = [
            {
                "year": row.year,
                "month": row.month,
                "scope": str(row.scope),
                "scope_ref": str(row.scope_ref),
                "scope_name": str(row.scope_name),
                "metric": row.metric,
                "metric_label": str(row.metric_label),
                "key": row.key,
                "key_label": str(row.key_label),
                "value": row.value,
                "flag": str(row.flag),
            }
            for row in publication.published_rows(year)
        ]
    return year, rows


@require_safe
def figures_json(request: HttpRequest) -> HttpResponseBase:
    """The published figures per office and month (and larger scopes), as JSON."""
    year, rows = _figure_rows(request)
    return _json(request, {"year": year, "license": LICENSE, "figures": rows})


@require_safe
def figures_csv(request: HttpRequest) -> HttpResponseBase:
    """The same as CSV: a hidden figure has an empty value and its reason as flag."""
    year, rows = _figure_rows(request)
    for row in rows:
        row["value"] = "" if row["value"] is None else row["value"]
    return _csv(request, rows, FIGURE_FIELDS, f"figures-{year or 'all'}.csv")


# -- the page --------------------------------------------------------------------------


@require_safe
def page(request: HttpRequest) -> HttpResponse:
    """Every dataset for people: what it holds, its licence, how often it changes, files."""
    datasets = [
        {
            "dataset": dataset,
            "files": [(item, reverse(item.url_name)) for item in dataset.distributions],
        }
        for dataset in DATASETS
    ]
    context = {
        "datasets": datasets,
        "catalog_url": reverse("opendata:catalog"),
        "license_url": LICENSE,
        "license_name": LICENSE_NAME,
    }
    return render(request, "reports/open_data.html", context)
