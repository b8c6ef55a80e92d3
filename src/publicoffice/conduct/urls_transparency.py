"""The conduct transparency page and its CSV (counts per quarter, no names)."""

from django.urls import URLPattern, path

from publicoffice.conduct.views import transparency

urlpatterns: list[URLPattern] = [
    path("transparency/conduct/", transparency.page, name="transparency"),
    path("transparency/conduct.csv", transparency.csv_export, name="transparency_csv"),
]
