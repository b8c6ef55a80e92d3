"""Addresses of commissioning's commissions (joined into the app's namespace by urls.py)."""

from django.urls import URLPattern, path

from publicoffice.commissioning.views import commissions as views

urlpatterns: list[URLPattern] = [
    path("commissioning/commissions/", views.commissions, name="commissions"),
    path("commissioning/commissions/<int:pk>/", views.commission, name="commission"),
    path(
        "commissioning/commissions/<int:pk>/targets/",
        views.commission_targets,
        name="commission_targets",
    ),
    path(
        "commissioning/commissions/<int:pk>/amend/",
        views.commission_amend,
        name="commission_amend",
    ),
]
