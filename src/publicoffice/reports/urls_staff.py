"""The staff dashboards (namespace ``reports``, under the language prefix)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from publicoffice.reports.views import staff

urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/", staff.dashboards, name="dashboards"),
    path("reports/<str:kind>/<str:ref>/", staff.dashboard, name="dashboard"),
    path("reports/<str:kind>/<str:ref>/print/", staff.dashboard_print, name="dashboard_print"),
]
