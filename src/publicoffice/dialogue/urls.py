"""Dialogue pages: proposals at each office and across the network, answers, the queue."""

from django.urls import path
from django.views.generic import RedirectView

from publicoffice.dialogue.views import member, problems, public, staff

app_name = "dialogue"

urlpatterns = [
    path("proposals/", public.network, name="network"),
    path("proposals/to-answer/", staff.queue, name="queue"),
    path("me/proposals/", member.mine, name="mine"),
    path("proposals/confirm/<str:token>/", member.confirm, name="confirm"),
    path("proposals/<uuid:public_id>/", public.proposal, name="proposal"),
    path("proposals/<uuid:public_id>/photo/", member.photo, name="proposal_photo"),
    path("proposals/<uuid:public_id>/support/", member.support, name="support"),
    path("proposals/<uuid:public_id>/follow/", member.follow, name="follow"),
    path("proposals/<uuid:public_id>/arguments/", member.argue, name="argue"),
    path("proposals/<uuid:public_id>/reword/", member.reword, name="reword"),
    path("proposals/<uuid:public_id>/withdraw/", member.withdraw, name="withdraw"),
    path("proposals/<uuid:public_id>/report/", member.report, name="report"),
    path("proposals/<uuid:public_id>/answer/", staff.answer, name="answer"),
    path(
        "proposals/<uuid:public_id>/answers/<int:answer_id>/publish/",
        staff.publish,
        name="publish",
    ),
    path("proposals/<uuid:public_id>/hide/", staff.hide, name="hide"),
    path("proposals/<uuid:public_id>/make-event/", staff.make_event, name="make_event"),
    path("proposals/<uuid:public_id>/co-host/", member.co_host, name="co_host"),
    path("offices/<slug:slug>/dialogue/", public.office_dialogue, name="office"),
    path("offices/<slug:slug>/dialogue/propose/", member.propose, name="propose"),
    # Members proposed events here before proposals had their own pages: the old
    # addresses lead to the new ones (bookmarks, printed posters, old e-mails).
    path(
        "offices/<slug:slug>/events/propose/",
        RedirectView.as_view(pattern_name="dialogue:propose", permanent=True),
    ),
    path(
        "events/to-decide/",
        RedirectView.as_view(pattern_name="dialogue:queue", permanent=True),
    ),
    path("offices/<slug:slug>/problems/", problems.office_problems, name="problems"),
    path("offices/<slug:slug>/problems/report/", problems.report_problem, name="report_problem"),
    path("problems/<uuid:public_id>/", problems.problem, name="problem"),
    path("problems/<uuid:public_id>/update/", problems.update, name="problem_update"),
    path("problems/<uuid:public_id>/reopen/", problems.reopen, name="problem_reopen"),
    path("problems/<uuid:public_id>/flag/", problems.flag, name="problem_flag"),
    path("problems/<uuid:public_id>/hide/", problems.hide, name="problem_hide"),
    path("problems/<uuid:public_id>/photo/", problems.photo, name="problem_photo"),
]
