"""Addresses of planning's results: a run, a comparison, the run's files (joined by urls.py)."""

from django.urls import URLPattern, path

from publicoffice.planning.views import results

urlpatterns: list[URLPattern] = [
    path("planning/runs/<int:run_id>/", results.run_detail, name="run"),
    path("planning/runs/<int:run_id>/result.csv", results.run_csv, name="run_csv"),
    path("planning/runs/<int:run_id>/result.geojson", results.run_geojson, name="run_geojson"),
    path("planning/compare/", results.compare, name="compare"),
]
