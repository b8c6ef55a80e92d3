"""Addresses of commissioning's decisions (joined into the app's namespace by urls.py)."""

from django.urls import URLPattern, path

from publicoffice.commissioning.views import decisions as views

urlpatterns: list[URLPattern] = [
    path(
        "commissioning/applications/<int:pk>/decide/",
        views.application_decide,
        name="application_decide",
    ),
    path("calls/<int:pk>/decisions/", views.call_decisions, name="call_decisions"),
]
