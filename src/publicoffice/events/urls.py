"""Event pages: lists, the week across the network, event pages, hosts' forms."""

from django.urls import path

from publicoffice.events.views import host, member, public

app_name = "events"

urlpatterns = [
    path("events/", public.event_list, name="list"),
    path("events/this-week/", public.week, name="week"),
    path("events/<uuid:public_id>/", public.detail, name="detail"),
    path("events/<uuid:public_id>/event.ics", public.ics, name="ics"),
    path("events/<uuid:public_id>/register/", member.register, name="register"),
    path(
        "events/<uuid:public_id>/cancel-registration/",
        member.cancel_registration,
        name="cancel_registration",
    ),
    path("events/<uuid:public_id>/edit/", host.edit, name="edit"),
    path("events/<uuid:public_id>/status/", host.status, name="status"),
    path("events/<uuid:public_id>/attendance/", host.attendance, name="attendance"),
    path("offices/<slug:slug>/events/", public.office_events, name="office_events"),
    path("offices/<slug:slug>/events/new/", host.create, name="create"),
    path("me/events/", member.mine, name="mine"),
]
