"""Planning: the candidate-site and travel-time matrix pages."""

from django.urls import URLPattern, path

from publicoffice.planning.views import candidates as views

urlpatterns: list[URLPattern] = [
    path("planning/sites/", views.candidates, name="candidates"),
    path("planning/sites.csv", views.candidates_csv, name="candidates_csv"),
    path("planning/sites/offices/", views.candidates_from_offices, name="candidates_from_offices"),
    path("planning/sites/new/", views.candidate_new, name="candidate_new"),
    path("planning/sites/import/", views.candidates_import, name="candidates_import"),
    path("planning/sites/<int:pk>/edit/", views.candidate_edit, name="candidate_edit"),
    path("planning/sites/<int:pk>/delete/", views.candidate_delete, name="candidate_delete"),
    path("planning/matrices/", views.matrices, name="matrices"),
    path("planning/matrices/import/", views.matrix_import, name="matrix_import"),
    path("planning/matrices/<int:pk>/", views.matrix, name="matrix"),
    path("planning/matrices/<int:pk>/delete/", views.matrix_delete, name="matrix_delete"),
]
