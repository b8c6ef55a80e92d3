"""Addresses of commissioning's transparency (joined into the app's namespace by urls.py)."""

from django.urls import URLPattern, path

from publicoffice.commissioning.views.transparency import office_transparency

urlpatterns: list[URLPattern] = [
    path("offices/<slug:slug>/commission/", office_transparency, name="office_transparency"),
]
