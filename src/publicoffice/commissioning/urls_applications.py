"""Addresses of commissioning's applications (joined into the app's namespace by urls.py)."""

from django.urls import URLPattern, path

from publicoffice.commissioning.views import applications as views

A = "commissioning/applications/<int:pk>/"

urlpatterns: list[URLPattern] = [
    path("commissioning/applications/", views.my_applications, name="my_applications"),
    path("commissioning/calls/<int:pk>/apply/", views.apply, name="apply"),
    path(A, views.application, name="application"),
    path(A + "edit/", views.application_edit, name="application_edit"),
    path(A + "plans/", views.application_plans, name="application_plans"),
    path(A + "offices/", views.application_offices, name="application_offices"),
    path(A + "offices/<int:office_pk>/", views.application_offices, name="application_office_edit"),
    path(
        A + "offices/<int:office_pk>/remove/",
        views.application_office_remove,
        name="application_office_remove",
    ),
    path(A + "co-applicants/", views.application_co_applicants, name="application_co_applicants"),
    path(
        A + "co-applicants/<int:row_pk>/remove/",
        views.application_co_applicant_remove,
        name="application_co_applicant_remove",
    ),
    path(
        A + "co-applicants/<int:row_pk>/answer/",
        views.co_applicant_confirm,
        name="co_applicant_confirm",
    ),
    path(A + "submit/", views.application_submit, name="application_submit"),
    path(A + "withdraw/", views.application_withdraw, name="application_withdraw"),
]
