"""Kiosk mode: a tablet at the entrance with one big "I'm here" button.

A host creates a kiosk device and opens its unlock link on the tablet; the
key is kept in an HttpOnly cookie and checked on every request, so revoking
the device stops it at once.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import PostLimit, hit, limit_posts
from publicoffice.core.web_errors import on_domain_error
from publicoffice.places.presenters import day_rows
from publicoffice.visits import services
from publicoffice.visits.extensions import check_in_notices
from publicoffice.visits.forms import KioskUnlockForm
from publicoffice.visits.models import KioskDevice, Source
from publicoffice.visits.panels import occupancy_context
from publicoffice.visits.qr import qr_svg
from publicoffice.visits.views.common import checkin_url

#: Kiosk unlock attempts: one client, ten minutes.
KIOSK_UNLOCKS = PostLimit("kiosk-unlock", limit=10, window=600)

KIOSK_COOKIE = "po_kiosk"
#: Seconds the thank-you screen shows before the kiosk resets itself.
THANKS_SECONDS = 6
#: More taps than this in a minute is a game, not a queue at the door.
KIOSK_TAPS_PER_MINUTE = 20


def _device(request: HttpRequest) -> KioskDevice | None:
    return services.kiosk_for_key(request.COOKIES.get(KIOSK_COOKIE, ""))


def _locked(request: HttpRequest) -> HttpResponse:
    response = render(request, "visits/kiosk_locked.html", status=403)
    response.delete_cookie(KIOSK_COOKIE)
    return response


@require_http_methods(["GET", "POST"])
@limit_posts(KIOSK_UNLOCKS)
def unlock(request: HttpRequest) -> HttpResponse:
    form = KioskUnlockForm(request.POST or None, initial={"key": request.GET.get("key", "")})
    if request.method == "POST" and form.is_valid():
        device = services.kiosk_for_key(form.cleaned_data["key"])
        if device is not None:
            response = redirect("visits:kiosk")
            response.set_cookie(
                KIOSK_COOKIE,
                form.cleaned_data["key"],
                max_age=365 * 24 * 60 * 60,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
        form.add_error("key", _("This key is unknown or has been revoked. Ask the office's host."))
    return render(request, "visits/kiosk_unlock.html", {"form": form})


@require_safe
def kiosk(request: HttpRequest) -> HttpResponse:
    device = _device(request)
    if device is None:
        return _locked(request)
    office = device.office
    now = timezone.now()
    schedule = office.schedule()
    today = timezone.localtime(now).date()
    phone_url = checkin_url(request, office, today)
    return render(
        request,
        "visits/kiosk.html",
        {
            "device": device,
            "office": office,
            "is_open": schedule.is_open(now),
            "today_row": day_rows([schedule.day(today, get_language())], today, get_language())[0],
            "occupancy_panel": occupancy_context(office, now),
            "notices": check_in_notices(request, office, now),
            "qr": qr_svg(phone_url, title=_("QR code for checking in with your phone"), scale=6),
        },
    )


@require_POST
def kiosk_checkin(request: HttpRequest) -> HttpResponse:
    device = _device(request)
    if device is None:
        return _locked(request)
    return _tap(request, device)


def _tap_refused(request: HttpRequest, error: DomainError, device: KioskDevice) -> HttpResponse:
    """The thank-you screen says what went wrong, then the kiosk resets itself."""
    return render(
        request,
        "visits/kiosk_thanks.html",
        {"office": device.office, "error": error, "seconds": THANKS_SECONDS},
        status=error.status,
    )


@on_domain_error(_tap_refused)
def _tap(request: HttpRequest, device: KioskDevice) -> HttpResponse:
    if not hit(request, f"kiosk-{device.pk}", limit=KIOSK_TAPS_PER_MINUTE, window=60):
        raise DomainError(ErrorCode.TOO_MANY_CHECK_INS)
    services.visit_check_in(office=device.office, source=Source.KIOSK)
    return redirect("visits:kiosk_thanks")


@require_safe
def kiosk_thanks(request: HttpRequest) -> HttpResponse:
    device = _device(request)
    if device is None:
        return _locked(request)
    return render(
        request,
        "visits/kiosk_thanks.html",
        {"office": device.office, "seconds": THANKS_SECONDS},
    )
