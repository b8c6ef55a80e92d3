"""Open data's addresses: files for programs at ``/open-data/``, a page for people.

Programs (dataportal.se's harvester, scripts, spreadsheets) fetch the files
at fixed addresses, so :data:`urlpatterns` (namespace ``opendata``) is
mounted outside the language prefixes, like the calendar feeds and Open311.
The page is for people and carries its language like every page:
:data:`page_patterns` (namespace ``opendata_page``) is mounted inside
``i18n_patterns``. ``/open-data/`` without a language is then redirected to
the page in the visitor's language by the locale middleware.
"""

from django.urls import URLPattern, path

from publicoffice.reports.opendata import views

app_name = "opendata"

urlpatterns: list[URLPattern] = [
    path("catalog.jsonld", views.catalog, name="catalog"),
    path("opening-hours.csv", views.opening_hours_csv, name="opening_hours_csv"),
    path("opening-hours.json", views.opening_hours_json, name="opening_hours_json"),
    path("figures.csv", views.figures_csv, name="figures_csv"),
    path("figures.json", views.figures_json, name="figures_json"),
]

#: The page, for ``include(page_patterns)`` inside ``i18n_patterns``.
page_patterns = ([path("", views.page, name="page")], "opendata_page")
