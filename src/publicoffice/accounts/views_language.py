"""The language picker: a choice that sticks.

Every page's address carries its language (``/so/...``), so links and
bookmarks keep working. What the picker adds is memory: the choice is kept
in Django's language cookie, so a later address without a language (the QR
poster's check-in link, ``/``) opens in it; and for a member it becomes
their profile's language, used for their e-mails and at their next log-in.

It is a form with one button per language rather than a list of links
because it changes something (CSRF-protected, a POST), and it works without
JavaScript.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from publicoffice.accounts.policies import has_own_settings
from publicoffice.accounts.services import language_checked, member_language_set


def remember_language(response: HttpResponse, language: str) -> HttpResponse:
    """Keep ``language`` in the visitor's language cookie (a year, this site only)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite="Lax",  # sent when following a link here, never with a cross-site POST
    )
    return response


def in_language(request: HttpRequest, target: str, language: str) -> str:
    """``target`` (an address on this site) in ``language``; the home page
    when ``target`` is empty or leads elsewhere."""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if allowed and target.startswith("/"):
        # translate_url reads ``target`` in the active language's URLs: the
        # one ``target`` is written in, not the one remembered in the cookie.
        with translation.override(translation.get_language_from_path(target)):
            translated = translate_url(target, language)
        if translated != target or target.startswith(f"/{language}/"):
            return translated
    with translation.override(language):
        return reverse("places:home")


@require_POST
def language_choose(request: HttpRequest) -> HttpResponse:
    """Remember the chosen language and show the same page in it."""
    language = language_checked(request.POST.get("language", ""))
    if has_own_settings(request.user):
        member_language_set(member=request.user, language=language)
    response = HttpResponseRedirect(in_language(request, request.POST.get("next", ""), language))
    return remember_language(response, language)
