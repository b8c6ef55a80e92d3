"""Content moderation: the report form, the staff queue and cases, the author's page."""

from django.urls import URLPattern, path

from publicoffice.conduct.views import moderation

urlpatterns: list[URLPattern] = [
    path("report/<slug:kind>/<str:key>/", moderation.report, name="moderation_report"),
    path("staff/conduct/moderation/", moderation.queue, name="moderation_queue"),
    path("staff/conduct/moderation/<uuid:public_id>/", moderation.case, name="moderation_case"),
    path(
        "staff/conduct/moderation/<uuid:public_id>/decide/",
        moderation.case_decide,
        name="moderation_decide",
    ),
    path(
        "staff/conduct/moderation/<uuid:public_id>/appeal/",
        moderation.appeal_answer,
        name="moderation_appeal_answer",
    ),
    path("me/moderation/", moderation.my_cases, name="moderation_mine_list"),
    path("me/moderation/<uuid:public_id>/", moderation.my_case, name="moderation_mine"),
    path(
        "me/moderation/<uuid:public_id>/appeal/",
        moderation.my_case_appeal,
        name="moderation_appeal",
    ),
]
