"""Planning's pages, for officers: one namespace, one address module per area."""

from django.urls import path

from publicoffice.planning import urls_candidates, urls_demand, urls_results, urls_scenarios
from publicoffice.planning.views.hub import hub

app_name = "planning"

urlpatterns = [
    path("planning/", hub, name="hub"),
    *urls_demand.urlpatterns,
    *urls_candidates.urlpatterns,
    *urls_scenarios.urlpatterns,
    *urls_results.urlpatterns,
]
