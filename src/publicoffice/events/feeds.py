"""iCalendar feeds of published events: one per office and one for the network.

Calendar programs fetch these addresses without a session or a language
prefix, every hour or so, so the feeds are public, cacheable and answer a
conditional request with 304 when nothing changed. The language is chosen
with ``?lang=ar`` (any interface language); without it the feed is in the
site's default language, so the same address always gives the same text.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from publicoffice.core.http_cache import version_etag
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.events import ical
from publicoffice.events.selectors import events_feed_version, events_for_feed
from publicoffice.places.models import Office
from publicoffice.places.selectors import office_public

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"

#: Calendar programs re-fetch hourly (REFRESH-INTERVAL); shared caches may keep a copy this long.
FEED_MAX_AGE = 15 * 60


def feed_language(request: HttpRequest) -> str:
    """``?lang=`` when it names an interface language, else the site's default."""
    wanted = request.GET.get("lang", "")
    return wanted if wanted in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _feed_response(
    request: HttpRequest,
    *,
    office: Office | None,
    filename: str,
    name: Callable[[], str],
) -> HttpResponseBase:
    """The feed, or a bodiless 304 decided before anything is rendered.

    The ETag comes from one aggregate query over the feed's events
    (:func:`events_feed_version`) plus the language and the office's own last
    change (its name is the calendar's name), so an unchanged feed costs that
    query and no rendering.
    """
    now = timezone.now()
    language = feed_language(request)
    office_changed = office.updated_at if office is not None else None
    version = events_feed_version(at=now, office=office)
    etag = version_etag((filename, language, office_changed, *version))
    conditional = get_conditional_response(request, etag=etag)
    if conditional is not None:
        response: HttpResponseBase = conditional
    else:
        with translation.override(language):
            body = ical.feed_ics(events_for_feed(at=now, office=office), at=now, name=name())
        response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


@require_safe
def office_feed(request: HttpRequest, slug: str) -> HttpResponseBase:
    """The published events of one office, recent and coming."""
    office = office_public(slug=slug)
    return _feed_response(
        request,
        office=office,
        filename=f"events-{office.slug}.ics",
        name=lambda: _("Events at %(office)s") % {"office": office.name},
    )


@require_safe
def network_feed(request: HttpRequest) -> HttpResponseBase:
    """The published events of every office of the network."""
    return _feed_response(
        request,
        office=None,
        filename="events.ics",
        name=lambda: _("Events at the Public Offices"),
    )
