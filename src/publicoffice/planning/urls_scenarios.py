"""Planning: the scenario pages, and a run's progress (its result is ``urls_results``)."""

from django.urls import URLPattern, path

from publicoffice.planning.views import scenarios as views

urlpatterns: list[URLPattern] = [
    path("planning/scenarios/", views.scenario_list, name="scenarios"),
    path("planning/scenarios/new/", views.scenario_new, name="scenario_new"),
    path("planning/scenarios/<int:pk>/", views.scenario_detail, name="scenario"),
    path("planning/scenarios/<int:pk>/edit/", views.scenario_edit, name="scenario_edit"),
    path("planning/scenarios/<int:pk>/copy/", views.scenario_copy, name="scenario_copy"),
    path("planning/scenarios/<int:pk>/delete/", views.scenario_delete, name="scenario_delete"),
    path("planning/scenarios/<int:pk>/run/", views.scenario_run, name="scenario_run"),
    path("planning/runs/<int:pk>/progress/", views.run_progress, name="run_progress"),
    path("planning/runs/<int:pk>/cancel/", views.run_cancel, name="run_cancel"),
]
