"""The reports' pages: public statistics, staff dashboards, printable summaries."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, include, path

app_name = "reports"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("publicoffice.reports.urls_public")),
    path("", include("publicoffice.reports.urls_staff")),
]
