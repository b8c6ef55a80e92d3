"""Addresses of commissioning's follow-up (joined into the app's namespace by urls.py)."""

from django.urls import URLPattern, path

from publicoffice.commissioning.views import followup

urlpatterns: list[URLPattern] = [
    path("commissioning/reports/", followup.reports_due, name="reports_due"),
    path("commissioning/reports/<int:pk>/", followup.report, name="report"),
    path("commissioning/reports/<int:pk>/edit/", followup.report_edit, name="report_edit"),
    path(
        "commissioning/reports/<int:pk>/files/",
        followup.report_attachments,
        name="report_attachments",
    ),
    path(
        "commissioning/reports/<int:pk>/files/<int:file>/",
        followup.report_attachment,
        name="report_attachment",
    ),
    path("commissioning/reports/<int:pk>/submit/", followup.report_submit, name="report_submit"),
    path("commissioning/reports/<int:pk>/assess/", followup.report_assess, name="report_assess"),
]
