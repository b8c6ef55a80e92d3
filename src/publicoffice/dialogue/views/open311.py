"""Open311 GeoReport v2 over problem reports: ``/open311/v2/`` (JSON; no language prefix).

Reading needs no key. Filing (POST ``requests.json``) needs a personal API
key as ``api_key``, like the API's ``Authorization: Bearer``; the report is
filed in the key owner's name and counts against ``API_WRITE_LIMIT``.
Refusals are the spec's list of ``{code, description}``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from publicoffice.accounts.services import api_token_user
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import hit_for_user
from publicoffice.core.web_errors import on_domain_error
from publicoffice.dialogue import open311, problem_selectors
from publicoffice.dialogue.models import ProblemReport
from publicoffice.dialogue.services import problems
from publicoffice.places.models import Office

#: Writes through Open311 are counted with the API's, per member, over ten minutes.
WRITE_WINDOW_SECONDS = 600


def _refused(request: HttpRequest, error: DomainError, *args: Any, **kwargs: Any) -> HttpResponse:
    with translation.override(open311.language_of(request)):
        return open311.error_response(error)


def _answer(data: Any, *, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, safe=False)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
@on_domain_error(_refused)
def services(request: HttpRequest) -> HttpResponse:
    """GET Service List: one service per kind of problem, in the asked language."""
    with translation.override(open311.language_of(request)):
        return _answer(open311.services())


def _photo_url(request: HttpRequest, report: ProblemReport) -> str:
    if not report.photo:
        return ""
    return request.build_absolute_uri(
        reverse("dialogue:problem_photo", kwargs={"public_id": report.public_id})
    )


def _rows(request: HttpRequest, reports: list[ProblemReport]) -> list[dict[str, Any]]:
    return [
        open311.request_fields(report, media_url=_photo_url(request, report)) for report in reports
    ]


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@on_domain_error(_refused)
def requests(request: HttpRequest) -> HttpResponse:
    """GET Service Requests (the last 90 days by default), or POST Service Request."""
    language = open311.language_of(request)
    with translation.override(language):
        if request.method == "POST":
            return _create(request, language)
        found = open311.filters(request.GET, now=timezone.now())
        reports = problem_selectors.open311_requests(
            public_ids=found.public_ids,
            categories=found.categories,
            start=found.start,
            end=found.end,
            states=found.states,
            limit=open311.MAX_RESULTS,
        )
        return _answer(_rows(request, reports))


@require_safe
@on_domain_error(_refused)
def request_one(request: HttpRequest, public_id: str) -> HttpResponse:
    """GET Service Request: a list of one, as the spec says."""
    with translation.override(open311.language_of(request)):
        report = problem_selectors.open311_request(public_id=public_id)
        return _answer(_rows(request, [report]))


def _office(form: Any) -> Office:
    slug = form.get("attribute[office]")
    if slug not in (None, ""):
        return problem_selectors.reportable_office(slug=slug)
    where = open311.position(form)
    if where is None:
        raise DomainError(
            ErrorCode.OFFICE_UNKNOWN,
            _("Name the office with attribute[office], or give lat and long near it."),
            field="office",
        )
    return problem_selectors.nearest_office(lat=where[0], long=where[1])


def _create(request: HttpRequest, language: str) -> HttpResponse:
    form = request.POST
    user = api_token_user(str(form.get("api_key", "")))
    if user is None:
        raise DomainError(ErrorCode.NOT_AUTHENTICATED, _("Send a valid personal api_key."))
    if not hit_for_user(
        user.pk, "api-write", limit=settings.API_WRITE_LIMIT, window=WRITE_WINDOW_SECONDS
    ):
        raise DomainError(ErrorCode.TOO_MANY_REQUESTS)
    report = problems.problem_report(
        office=_office(form),
        reporter=user,
        **open311.report_arguments(form, language=language),
    )
    body = [
        {
            "service_request_id": str(report.public_id),
            "service_notice": open311.request_fields(report)["service_notice"],
            "account_id": None,
        }
    ]
    return _answer(body, status=201)
