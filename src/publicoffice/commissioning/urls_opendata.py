"""Open data of commissioning, at addresses without a language (harvesters fetch them as is)."""

from django.urls import URLPattern, path

from publicoffice.commissioning.views import opendata as views

app_name = "commissioning_opendata"

urlpatterns: list[URLPattern] = [
    path("releases.json", views.releases, name="releases"),
    path("commissions.csv", views.commissions_csv, name="commissions_csv"),
    path("<str:ocid>.json", views.process, name="process"),
]
