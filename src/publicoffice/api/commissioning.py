"""The commissioning API: published calls and commissions, read only, for everyone.

Only what the open data publishes: calls once published (a draft is
``404 call_not_found``, as if it did not exist), commissions with their
public parts, their targets and the public readings of the last whole
quarter (``commissioning.measures.read(..., public=True)``: counts from 1 to
4 are hidden), and the accepted reports' public narratives. The whole
process is also at ``release_url`` as an OCDS release package.
"""

from __future__ import annotations

import math
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router

from publicoffice.api.commissioning_schemas import (
    CallOut,
    CallPageOut,
    CommissionOut,
    CommissionPageOut,
)
from publicoffice.api.common import READ_ERRORS, activate_language, page_link
from publicoffice.api.schemas import MAX_PAGE_SIZE, PageQuery
from publicoffice.commissioning import measures
from publicoffice.commissioning.models import Call, Commission, Measure, ReportStatus
from publicoffice.commissioning.selectors import opendata as selectors
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.periods import Grain, Period

router = Router(tags=["commissioning"])


def _page(request: HttpRequest, paging: PageQuery, items: list[Any]) -> dict[str, Any]:
    """The page asked for of ``items`` (a sliced queryset is read once)."""
    if not paging.is_valid():
        raise DomainError(
            ErrorCode.INVALID_PAGE,
            _("Pages start at 1 and hold between 1 and %(max)s items.") % {"max": MAX_PAGE_SIZE},
        )
    page, size = paging.page, paging.page_size
    count = len(items)
    pages = max(1, math.ceil(count / size))
    return {
        "count": count,
        "page": page,
        "page_size": size,
        "pages": pages,
        "next": page_link(request, page + 1) if page < pages else None,
        "previous": page_link(request, page - 1) if 1 < page <= pages else None,
        "chunk": items[(page - 1) * size : page * size],
    }


def _call(request: HttpRequest, call: Call) -> dict[str, Any]:
    release = reverse("commissioning_opendata:process", kwargs={"ocid": call.ocid})
    return {
        "id": call.pk,
        "ocid": call.ocid,
        "kind": call.kind,
        "status": call.status,
        "title": call.title,
        "municipality": {"code": call.municipality.code, "name": call.municipality.name},
        "districts": sorted(d.name for d in call.districts.all()),
        "deadline": call.deadline,
        "period_starts": call.period_starts,
        "period_ends": call.period_ends,
        "budget_sek": call.budget_sek,
        "published_at": call.published_at,
        "release_url": request.build_absolute_uri(release),
    }


@router.get(
    "/commissioning/calls",
    response={200: CallPageOut, **READ_ERRORS},
    summary="Published calls",
)
def list_calls(request: HttpRequest, paging: Query[PageQuery], lang: str = "") -> Any:
    """Calls of every municipality once published (open, under review, decided, cancelled)."""
    activate_language(request, lang)
    answer = _page(request, paging, list(selectors.public_calls()))
    answer["results"] = [_call(request, c) for c in answer.pop("chunk")]
    return answer


@router.get(
    "/commissioning/calls/{int:call_id}",
    response={200: CallOut, **READ_ERRORS},
    summary="One published call",
)
def get_call(request: HttpRequest, call_id: int, lang: str = "") -> Any:
    """A published call with its rubric (the ten guidelines, weighted) and own criteria."""
    activate_language(request, lang)
    call = selectors.public_call(call_id)
    if call is None:
        raise DomainError(ErrorCode.CALL_NOT_FOUND)
    return {
        **_call(request, call),
        "summary": call.summary,
        "area": call.area,
        "offices_wanted": call.offices_wanted,
        "min_hours_per_week": call.min_hours_per_week,
        "target_groups": call.target_groups,
        "criteria": call.criteria,
        "decision_days": call.decision_days,
        "rubric": [
            {
                "guideline": line.guideline.number,
                "title": line.guideline.title,
                "weight": line.weight,
                "good_answer": line.good_answer,
            }
            for line in call.rubric.all()
        ],
        "own_criteria": [
            {"title": c.title, "description": c.description, "weight": c.weight}
            for c in call.extra_criteria.all()
        ],
    }


def _commission(commission: Commission) -> dict[str, Any]:
    reports = list(commission.reports.all())
    return {
        "id": commission.pk,
        "ocid": selectors.commission_ocid(commission),
        "title": commission.title,
        "municipality": {
            "code": commission.municipality.code,
            "name": commission.municipality.name,
        },
        "lead": {"id": commission.lead.pk, "name": commission.lead.name},
        "partners": [{"id": p.pk, "name": p.name} for p in commission.partners.all()],
        "offices": [{"slug": o.slug, "name": o.name} for o in commission.offices.all()],
        "starts_on": commission.starts_on,
        "ends_on": commission.ends_on,
        "funding_sek": commission.funding_sek,
        "status": commission.status,
        "version": commission.version,
        "reports": len(reports),
        "accepted_reports": sum(r.status == ReportStatus.ACCEPTED for r in reports),
    }


@router.get(
    "/commissioning/commissions",
    response={200: CommissionPageOut, **READ_ERRORS},
    summary="Commissions",
)
def list_commissions(request: HttpRequest, paging: Query[PageQuery], lang: str = "") -> Any:
    """Every commission: who runs which offices, for how long, for how much."""
    activate_language(request, lang)
    answer = _page(request, paging, list(selectors.public_commissions()))
    answer["results"] = [_commission(c) for c in answer.pop("chunk")]
    return answer


def _targets(commission: Commission, period: Period) -> list[dict[str, Any]]:
    offices = [office.pk for office in commission.offices.all()]
    readings = measures.read(offices, period, public=True)
    found = []
    for target in commission.targets.all():
        reading = readings.get(Measure(target.measure))
        value = None if reading is None or reading.hidden else reading.value
        found.append(
            {
                "measure": target.measure,
                "label": str(target.get_measure_display()),
                "direction": target.direction,
                "target": float(target.value),
                "value": None if value is None else float(value),
                "flag": str(reading.flag) if reading is not None else "",
                "met": measures.is_met(target, reading) if value is not None else None,
            }
        )
    return found


@router.get(
    "/commissioning/commissions/{int:commission_id}",
    response={200: CommissionOut, **READ_ERRORS},
    summary="One commission",
)
def get_commission(request: HttpRequest, commission_id: int, lang: str = "") -> Any:
    """A commission's public parts, its targets against the last whole quarter's public
    readings, and its accepted reports' public narratives."""
    activate_language(request, lang)
    commission = selectors.public_commission(commission_id)
    if commission is None:
        raise DomainError(ErrorCode.COMMISSION_NOT_FOUND)
    period = Period.containing(Grain.QUARTER, timezone.localdate()).previous()
    return {
        **_commission(commission),
        "conditions": commission.conditions,
        "period": period.slug,
        "targets": _targets(commission, period),
        "accepted": [
            {
                "kind": r.kind,
                "period_starts": r.period_starts,
                "period_ends": r.period_ends,
                "narrative": r.narrative,
            }
            for r in commission.reports.all()
            if r.status == ReportStatus.ACCEPTED
        ],
    }
