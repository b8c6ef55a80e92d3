"""A member checks in from the office page and sees and downloads their visits."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from publicoffice.core import csv_safe
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import on_domain_error
from publicoffice.places.models import Office
from publicoffice.visits import services
from publicoffice.visits.models import Source
from publicoffice.visits.selectors import member_visits
from publicoffice.visits.views.common import office_error_page, public_office, signed_in


@login_required
@require_POST
def member_checkin(request: HttpRequest, slug: str) -> HttpResponse:
    return _check_in(request, public_office(slug))


@on_domain_error(office_error_page)
def _check_in(request: HttpRequest, office: Office) -> HttpResponse:
    member = signed_in(request)
    result = services.visit_check_in(office=office, source=Source.MEMBER, member=member)
    if result.created:
        messages.success(request, _("You are checked in. Welcome!"))
    else:
        messages.info(request, _("You were already checked in. You are counted once."))
    return redirect("visits:thanks", public_id=result.visit.public_id)


@login_required
@require_safe
def my_visits(request: HttpRequest) -> HttpResponse:
    visits = list(member_visits(member=signed_in(request), limit=500))
    return render(request, "visits/my_visits.html", {"visits": visits, "now": timezone.now()})


EXPORT_FIELDS = [
    "office",
    "arrived",
    "ended",
    "source",
    "would_otherwise",
    "travel_mode",
    "commute_band",
]


def _rows(request: HttpRequest) -> list[dict[str, str]]:
    return [
        {
            "office": str(visit.office.name),
            "arrived": timezone.localtime(visit.started_at).isoformat(),
            "ended": timezone.localtime(visit.ends_at).isoformat(),
            "source": visit.source,
            "would_otherwise": visit.would_otherwise,
            "travel_mode": visit.travel_mode,
            "commute_band": visit.commute_band,
        }
        for visit in member_visits(member=signed_in(request))
    ]


@login_required
@require_safe
def my_visits_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """All of the member's visits, as CSV or JSON (their data, to keep)."""
    if fmt not in {"csv", "json"}:
        raise DomainError(ErrorCode.NOT_FOUND)
    rows = _rows(request)
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        response = HttpResponse(
            json.dumps({"visits": rows}, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # so spreadsheet programs read UTF-8 (å, ä, ö, Arabic)
        writer = csv_safe.dict_writer(response, EXPORT_FIELDS)  # formulas escaped
        writer.writeheader()
        writer.writerows(rows)
    response["Content-Disposition"] = f'attachment; filename="my-visits-{stamp}.{fmt}"'
    return response
