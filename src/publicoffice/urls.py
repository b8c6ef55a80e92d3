"""URL map. Every visitor-facing page carries its language: /sv/, /ar/, ..."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from publicoffice.accounts.views_language import language_choose
from publicoffice.api.api import api
from publicoffice.bookings.views.calendar import feed as calendar_feed
from publicoffice.core.health import health
from publicoffice.reports.urls_opendata import page_patterns as open_data_page

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/", api.urls),
    # Open311 GeoReport v2 clients use these addresses as they are (docs/open311.md).
    path("open311/v2/", include("publicoffice.dialogue.urls_open311")),
    # Calendar programs fetch this address as it is: no language prefix.
    path("calendar/<str:token>.ics", calendar_feed, name="calendar_feed"),
    path("events/", include("publicoffice.events.urls_feeds")),
    # Harvesters and scripts fetch these addresses as they are (docs/reports.md).
    path("open-data/", include("publicoffice.reports.urls_opendata")),
    path("open-data/commissioning/", include("publicoffice.commissioning.urls_opendata")),
    # The language picker posts here from a page in any language.
    path("language/", language_choose, name="language_choose"),
    # Monitoring reads this without a language (core.health).
    path("health/", health, name="health"),
]

urlpatterns += i18n_patterns(
    path("", include("publicoffice.places.urls")),
    path("", include("publicoffice.guidelines.urls")),
    path("", include("publicoffice.visits.urls")),
    path("", include("publicoffice.bookings.urls")),
    path("", include("publicoffice.community.urls")),
    path("", include("publicoffice.events.urls")),
    path("", include("publicoffice.dialogue.urls")),
    path("", include("publicoffice.conduct.urls")),
    path("", include("publicoffice.reports.urls")),
    path("", include("publicoffice.commissioning.urls")),
    path("", include("publicoffice.planning.urls")),
    path("open-data/", include(open_data_page)),
    path("", include("publicoffice.staff.urls")),
    path("accounts/", include("publicoffice.accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

# Django's own errors in the site's layout and the visitor's language (core.error_pages).
handler400 = "publicoffice.core.error_pages.bad_request"
handler403 = "publicoffice.core.error_pages.permission_denied"
handler404 = "publicoffice.core.error_pages.page_not_found"
handler500 = "publicoffice.core.error_pages.server_error"
