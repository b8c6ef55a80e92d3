"""The host's desk: today's figures, headcounts and corrections, kiosks, poster."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.selectors import late_queue_minutes
from publicoffice.core.web_errors import add_domain_error, back_with_message, on_domain_error
from publicoffice.places.models import Office
from publicoffice.visits import services
from publicoffice.visits.charts import hour_chart
from publicoffice.visits.forms import CorrectionForm, HeadcountForm, KioskForm, VoidBurstForm
from publicoffice.visits.models import Visit
from publicoffice.visits.panels import occupancy_context
from publicoffice.visits.policies import can_run_desk, can_void_check_ins
from publicoffice.visits.qr import qr_svg
from publicoffice.visits.selectors import (
    headcount_get,
    kiosk_get,
    office_kiosks,
    suspect_bursts,
    todays_headcounts,
    unique_visitors,
    visits_by_hour,
    voided_check_ins,
)
from publicoffice.visits.views.common import checkin_url, public_office, signed_in


def _desk_office(request: HttpRequest, slug: str) -> Office:
    """The office, if this user runs its desk; 404 otherwise (no hint it exists)."""
    office = public_office(slug)
    if not can_run_desk(request.user, office):
        raise DomainError(ErrorCode.NOT_FOUND)
    return office


def _desk_url(request: HttpRequest, office: Office, *args: Any) -> str:
    return reverse("visits:desk", kwargs={"slug": office.slug})


def _desk(request: HttpRequest, office: Office, **forms: Any) -> HttpResponse:
    today = timezone.localdate()
    hours = visits_by_hour(office=office, day=today)
    context = {
        "office": office,
        "occupancy_panel": occupancy_context(office),
        "hours": hours,
        "chart": hour_chart(hours, title=_("People arriving per hour today")),
        "arrived_today": sum(people for _hour, people in hours),
        "unique_today": unique_visitors(office=office, day=today),
        "headcounts": todays_headcounts(office=office, day=today),
        "kiosks": office_kiosks(office=office),
        "headcount_form": forms.get("headcount_form") or HeadcountForm(),
        "kiosk_form": forms.get("kiosk_form") or KioskForm(),
        "correction_form": CorrectionForm(),
        "new_kiosk_key": forms.get("new_kiosk_key"),
        "bursts": suspect_bursts(office=office, day=today),
        "voidings": voided_check_ins(office=office, day=today),
        # The worker is stuck: confirmations and offers are not going out.
        "queue_late_minutes": late_queue_minutes(),
    }
    return render(request, "visits/host.html", context, status=forms.get("status", 200))


@login_required
@require_safe
def desk(request: HttpRequest, slug: str) -> HttpResponse:
    return _desk(request, _desk_office(request, slug))


@login_required
@require_POST
def headcount(request: HttpRequest, slug: str) -> HttpResponse:
    office = _desk_office(request, slug)
    form = HeadcountForm(request.POST)
    if not form.is_valid():
        return _desk(request, office, headcount_form=form, status=400)
    return _add_headcount(request, office, form)


def _headcount_refused(
    request: HttpRequest, error: DomainError, office: Office, form: HeadcountForm
) -> HttpResponse:
    add_domain_error(form, error, field_of_code={ErrorCode.INVALID_HEADCOUNT: "people"})
    return _desk(request, office, headcount_form=form, status=error.status)


@on_domain_error(_headcount_refused)
def _add_headcount(request: HttpRequest, office: Office, form: HeadcountForm) -> HttpResponse:
    people = form.cleaned_data["people"]
    services.headcount_add(office=office, people=people, by=signed_in(request))
    messages.success(request, _("Added to today's count."))
    return redirect("visits:desk", slug=office.slug)


@login_required
@require_POST
def correct(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    office = _desk_office(request, slug)
    visit = headcount_get(office=office, pk=pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the correct number and a reason."))
        return redirect("visits:desk", slug=office.slug)
    return _save_correction(request, office, visit, form)


@on_domain_error(back_with_message(_desk_url))
def _save_correction(
    request: HttpRequest, office: Office, visit: Visit, form: CorrectionForm
) -> HttpResponse:
    services.headcount_correct(
        visit=visit,
        people=form.cleaned_data["people"],
        by=signed_in(request),
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("The count is corrected; the change is logged."))
    return redirect("visits:desk", slug=office.slug)


@login_required
@require_POST
def void_burst(request: HttpRequest, slug: str) -> HttpResponse:
    """Void a burst of flagged check-ins; another office's host gets 404."""
    office = _desk_office(request, slug)
    if not can_void_check_ins(request.user, office):
        raise DomainError(ErrorCode.NOT_FOUND)
    form = VoidBurstForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for voiding these check-ins."))
        return redirect("visits:desk", slug=office.slug)
    return _void(request, office, form)


@on_domain_error(back_with_message(_desk_url))
def _void(request: HttpRequest, office: Office, form: VoidBurstForm) -> HttpResponse:
    count = services.void_suspect_check_ins(
        office=office,
        since=form.cleaned_data["since"],
        until=form.cleaned_data["until"],
        by=signed_in(request),
        reason=form.cleaned_data["reason"],
    )
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)s check-in is voided and no longer counted; the change is logged.",
                "%(count)s check-ins are voided and no longer counted; the change is logged.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("These check-ins were already voided."))
    return redirect("visits:desk", slug=office.slug)


@login_required
@require_POST
def kiosk_create(request: HttpRequest, slug: str) -> HttpResponse:
    office = _desk_office(request, slug)
    form = KioskForm(request.POST)
    if not form.is_valid():
        return _desk(request, office, kiosk_form=form, status=400)
    return _add_kiosk(request, office, form)


def _kiosk_refused(
    request: HttpRequest, error: DomainError, office: Office, form: KioskForm
) -> HttpResponse:
    add_domain_error(form, error)
    return _desk(request, office, kiosk_form=form, status=error.status)


@on_domain_error(_kiosk_refused)
def _add_kiosk(request: HttpRequest, office: Office, form: KioskForm) -> HttpResponse:
    name = form.cleaned_data["name"]
    device, key = services.kiosk_create(office=office, name=name, by=signed_in(request))
    unlock = request.build_absolute_uri(reverse("visits:kiosk_unlock")) + f"?key={key}"
    return _desk(request, office, new_kiosk_key={"device": device, "key": key, "url": unlock})


@login_required
@require_POST
def kiosk_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    office = _desk_office(request, slug)
    device = kiosk_get(office=office, pk=pk)
    services.kiosk_revoke(device=device)
    messages.success(request, _("The kiosk is locked out. It can no longer check anyone in."))
    return redirect("visits:desk", slug=office.slug)


@login_required
@require_safe
def poster(request: HttpRequest, slug: str) -> HttpResponse:
    """Today's poster (A4 or A5): its QR code only counts today."""
    office = _desk_office(request, slug)
    size = "a5" if request.GET.get("size") == "a5" else "a4"
    today = timezone.localdate()
    url = checkin_url(request, office, today)
    return render(
        request,
        "visits/poster.html",
        {
            "office": office,
            "size": size,
            "today": today,
            "url": url,
            "qr": qr_svg(
                url, title=_("QR code for checking in at %(office)s") % {"office": office.name}
            ),
        },
    )
