"""Conduct pages: house rules, reporting an incident, a member's decisions, staff queues.

Each part keeps its own address list (``urls_*``) so the parts stay apart.
"""

from django.urls import URLPattern, path

from publicoffice.conduct import urls_moderation, urls_rules, urls_transparency
from publicoffice.conduct.views import member, public, staff, staff_decisions

app_name = "conduct"

urlpatterns: list[URLPattern] = [
    path("offices/<slug:slug>/report-incident/", public.report_incident, name="report_incident"),
    path("me/decisions/", member.my_decisions, name="my_decisions"),
    path("me/decisions/<uuid:public_id>/", member.my_decision, name="my_decision"),
    path("me/decisions/<uuid:public_id>/appeal/", member.appeal, name="appeal_make"),
    path("staff/conduct/", staff.queue, name="queue"),
    path("staff/conduct/log/", staff.audit_log, name="audit"),
    path("staff/offices/<slug:slug>/incidents/new/", staff.incident_new, name="incident_new"),
    path("staff/incidents/<uuid:public_id>/", staff.incident, name="incident"),
    path("staff/incidents/<uuid:public_id>/handle/", staff.incident_handle, name="incident_handle"),
    path(
        "staff/offices/<slug:slug>/decisions/new/",
        staff_decisions.sanction_new,
        name="sanction_new",
    ),
    path("staff/decisions/<uuid:public_id>/", staff_decisions.sanction, name="sanction"),
    path(
        "staff/decisions/<uuid:public_id>/approve/",
        staff_decisions.approve,
        name="sanction_approve",
    ),
    path(
        "staff/decisions/<uuid:public_id>/review/",
        staff_decisions.review,
        name="sanction_review",
    ),
    path("staff/appeals/<uuid:public_id>/", staff_decisions.appeal, name="appeal"),
    *urls_rules.urlpatterns,
    *urls_transparency.urlpatterns,
    *urls_moderation.urlpatterns,
]
