"""The house rules pages (:mod:`publicoffice.conduct.views.rules`)."""

from django.urls import URLPattern, path

from publicoffice.conduct.views import rules

urlpatterns: list[URLPattern] = [
    path("rules/", rules.network_rules, name="rules"),
    path("rules/accept/", rules.accept_rules, name="accept_rules"),
    path("offices/<slug:slug>/rules/", rules.office_rules, name="office_rules"),
]
