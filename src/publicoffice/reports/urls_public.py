"""The public statistics pages (namespace ``reports``, under the language prefix)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from publicoffice.reports.views import public

urlpatterns: list[URLPattern | URLResolver] = [
    path("statistics/", public.network, name="network"),
    path("statistics/print/", public.network_print, name="network_print"),
    path("statistics/municipality/<str:code>/", public.municipality, name="municipality"),
    path(
        "statistics/municipality/<str:code>/print/",
        public.municipality_print,
        name="municipality_print",
    ),
    path("offices/<slug:slug>/statistics/", public.office, name="office"),
    path("offices/<slug:slug>/statistics/print/", public.office_print, name="office_print"),
]
