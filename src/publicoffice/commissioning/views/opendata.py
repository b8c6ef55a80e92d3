"""Commissioning as open data: OCDS release packages and a CSV of every commission.

Fetched by programs (Open Contracting tools, data portals, scripts) at fixed
addresses without a language prefix, under ``/open-data/commissioning/``.
Every answer carries an ETag of its bytes, so a harvester that asks again
with ``If-None-Match`` gets ``304 Not Modified`` and no body. Everything is
public: only published calls, and of them only their public parts
(:mod:`publicoffice.commissioning.ocds`).
"""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from publicoffice.commissioning import ocds
from publicoffice.commissioning.models import Commission, ReportStatus
from publicoffice.commissioning.selectors import opendata as selectors
from publicoffice.core import csv_safe
from publicoffice.reports.opendata.datasets import LICENSE

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
MAX_AGE = 600
CSV_FIELDS = [
    "ocid",
    "commission_id",
    "title",
    "municipality_code",
    "municipality_name",
    "lead_operator",
    "partners",
    "offices",
    "starts",
    "ends",
    "funding_sek",
    "status",
    "version",
    "reports",
    "accepted_reports",
]


def _answer(
    request: HttpRequest, body: bytes, content_type: str, filename: str = ""
) -> HttpResponseBase:
    """The body with an ETag; ``304`` when the harvester has these bytes already."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    conditional = get_conditional_response(request, etag=etag)
    response: HttpResponseBase
    if conditional is not None:
        response = conditional
    else:
        response = HttpResponse(body, content_type=content_type)
        if filename:
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = etag
    response["Access-Control-Allow-Origin"] = "*"  # open data: any web page may read it
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def _json(request: HttpRequest, document: Any) -> HttpResponseBase:
    body = json.dumps(document, ensure_ascii=False, indent=2).encode()
    return _answer(request, body, JSON_CONTENT_TYPE)


@require_safe
def releases(request: HttpRequest) -> HttpResponseBase:
    """A release package with one release per published call."""
    found = [ocds.release(call) for call in selectors.calls_for_release()]
    uri = request.build_absolute_uri(reverse("commissioning_opendata:releases"))
    return _json(request, ocds.package(found, uri=uri, license_url=LICENSE))


@require_safe
def process(request: HttpRequest, ocid: str) -> HttpResponseBase:
    """A release package with the one release of one process; 404 for a draft or no call."""
    call = selectors.call_for_release(ocid)
    if call is None:
        raise Http404
    uri = request.build_absolute_uri(
        reverse("commissioning_opendata:process", kwargs={"ocid": ocid})
    )
    return _json(request, ocds.package([ocds.release(call)], uri=uri, license_url=LICENSE))


def _row(commission: Commission) -> dict[str, Any]:
    reports = list(commission.reports.all())
    return {
        "ocid": selectors.commission_ocid(commission),
        "commission_id": commission.pk,
        "title": commission.title,
        "municipality_code": commission.municipality.code,
        "municipality_name": commission.municipality.name,
        "lead_operator": commission.lead.name,
        "partners": "; ".join(sorted(p.name for p in commission.partners.all())),
        "offices": "; ".join(sorted(o.slug for o in commission.offices.all())),
        "starts": commission.starts_on.isoformat(),
        "ends": commission.ends_on.isoformat(),
        "funding_sek": commission.funding_sek,
        "status": commission.status,
        "version": commission.version,
        "reports": len(reports),
        "accepted_reports": sum(r.status == ReportStatus.ACCEPTED for r in reports),
    }


@require_safe
def commissions_csv(request: HttpRequest) -> HttpResponseBase:
    """One row per commission: who, where, when, how much, and how the reporting goes."""
    out = io.StringIO()
    out.write("\ufeff")  # so spreadsheet programs read UTF-8 (å, ä, ö, Arabic)
    writer = csv_safe.dict_writer(out, CSV_FIELDS)  # formulas escaped
    writer.writeheader()
    with translation.override(ocds.LANGUAGE):
        writer.writerows(_row(c) for c in selectors.public_commissions())
    return _answer(request, out.getvalue().encode(), CSV_CONTENT_TYPE, "commissions.csv")
