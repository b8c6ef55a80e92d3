"""Commissioning's pages: one namespace, one address module per stage."""

from django.urls import path

from publicoffice.commissioning import (
    urls_applications,
    urls_calls,
    urls_commissions,
    urls_decisions,
    urls_followup,
    urls_reviews,
    urls_transparency,
)
from publicoffice.commissioning.views.hub import hub

app_name = "commissioning"

urlpatterns = [
    path("commissioning/", hub, name="hub"),
    *urls_calls.urlpatterns,
    *urls_applications.urlpatterns,
    *urls_reviews.urlpatterns,
    *urls_decisions.urlpatterns,
    *urls_commissions.urlpatterns,
    *urls_followup.urlpatterns,
    *urls_transparency.urlpatterns,
]
