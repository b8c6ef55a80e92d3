"""Check-in by QR code, the thank-you page with the survey, check-out,
live occupancy and the privacy page."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import on_domain_error
from publicoffice.places.models import Office
from publicoffice.visits import services
from publicoffice.visits.devices import device_id, remember_device, todays_hash
from publicoffice.visits.extensions import arrival_panels, check_in_notices
from publicoffice.visits.floods import count_at_door
from publicoffice.visits.forms import SurveyForm
from publicoffice.visits.models import Source, Visit
from publicoffice.visits.panels import occupancy_context
from publicoffice.visits.policies import owns_visit
from publicoffice.visits.selectors import office_for_check_in, visit_get
from publicoffice.visits.tokens import TokenState, check_day_token, device_hash
from publicoffice.visits.views.common import office_error_page, public_office

#: Check-ins from one network address in ten minutes (a setting: shared Wi-Fi).
CHECK_INS = PostLimit("checkin", limit="VISITS_CHECKINS_PER_ADDRESS", window=600)


@require_http_methods(["GET", "HEAD", "POST"])
# Per network address, a backstop against scripted floods; visitors on an
# office's shared Wi-Fi share it, so it is generous. Phones are limited per
# device in the service.
@limit_posts(CHECK_INS)
def checkin(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The page a poster's QR code opens: one button, no account, no JavaScript."""
    today = timezone.localdate()
    # A check-in needs only today's hours; the page also shows the week's.
    if request.method == "POST":
        office = office_for_check_in(slug=slug, today=today)
    else:
        office = public_office(slug)
    state, day = check_day_token(office.pk, token, today)
    if state is not TokenState.VALID:
        return render(
            request,
            "visits/checkin_refused.html",
            {"office": office, "state": state.value, "day": day},
            status=410 if state is TokenState.OLD else 404,
        )
    if request.method == "POST":
        return _check_in(request, office, today)
    return render(
        request,
        "visits/checkin.html",
        {
            "office": office,
            "occupancy_panel": occupancy_context(office),
            "notices": check_in_notices(request, office, timezone.now()),
        },
    )


@on_domain_error(office_error_page)
def _check_in(request: HttpRequest, office: Office, today: date) -> HttpResponse:
    device = device_id(request)
    # A logged-in member scanning the poster is checked in as themselves.
    member = request.user if request.user.is_authenticated else None
    # Anonymous check-ins are bounded per poster token and network address;
    # a refusal stores nothing, not even the device cookie.
    suspect = member is None and count_at_door(request, office, today)
    result = services.visit_check_in(
        office=office,
        source=Source.QR,
        device_hash=device_hash(device, today),
        member=member,
        suspect=suspect,
        hours=office.schedule(),  # read a moment ago with the office
    )
    response = redirect("visits:thanks", public_id=result.visit.public_id)
    if not result.created:
        messages.info(request, _("You were already checked in. You are counted once."))
    return remember_device(response, device)


def _own_visit(request: HttpRequest, public_id: UUID) -> Visit:
    """The visit, if this member or this device (today) made it; else 404."""
    visit = visit_get(public_id=public_id)
    day = timezone.localtime(visit.started_at).date()
    if not owns_visit(request.user, visit, todays_hash(request, day)):
        raise DomainError(ErrorCode.NOT_FOUND)  # as if there were none: no hint it exists
    return visit


def _thanks_context(
    request: HttpRequest, visit: Visit, survey: SurveyForm | None
) -> dict[str, object]:
    now = timezone.now()
    return {
        "visit": visit,
        "office": visit.office,
        "survey": survey,
        "occupancy_panel": occupancy_context(visit.office),
        "active": visit.ends_at > now,
        "arrival_panels": arrival_panels(request, visit, now),
    }


@require_safe
def thanks(request: HttpRequest, public_id: UUID) -> HttpResponse:
    visit = _own_visit(request, public_id)
    survey = None if visit.survey_done else SurveyForm()
    return render(request, "visits/thanks.html", _thanks_context(request, visit, survey))


@require_POST
def survey(request: HttpRequest, public_id: UUID) -> HttpResponse:
    visit = _own_visit(request, public_id)
    form = SurveyForm(request.POST)
    if not form.is_valid():
        context = _thanks_context(request, visit, form)
        return render(request, "visits/thanks.html", context, status=400)
    return _answer(request, visit.office, visit, form)


@on_domain_error(office_error_page)
def _answer(request: HttpRequest, office: Office, visit: Visit, form: SurveyForm) -> HttpResponse:
    services.visit_answer_survey(visit=visit, **form.cleaned_data)
    messages.success(request, _("Thank you for answering."))
    return redirect("visits:thanks", public_id=visit.public_id)


@require_POST
def checkout(request: HttpRequest, public_id: UUID) -> HttpResponse:
    visit = _own_visit(request, public_id)
    services.visit_check_out(visit=visit)
    messages.success(request, _("You have checked out. Welcome back!"))
    return redirect(visit.office.get_absolute_url())


@require_safe
def occupancy_panel(request: HttpRequest, slug: str) -> HttpResponse:
    """The occupancy box alone, for htmx to refresh in place."""
    office = public_office(slug)
    return render(
        request,
        "visits/_occupancy.html",
        {"panel": occupancy_context(office)},
    )


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "visits/privacy.html",
        {
            "retention_days": settings.VISITS_RETENTION_DAYS,
            "max_stay_hours": settings.VISITS_MAX_STAY_HOURS,
        },
    )
