from django.urls import path

from publicoffice.visits.views import host, kiosk, member, public

app_name = "visits"

urlpatterns = [
    path("offices/<slug:slug>/checkin/<str:token>/", public.checkin, name="checkin"),
    path("offices/<slug:slug>/check-in/", member.member_checkin, name="member_checkin"),
    path("offices/<slug:slug>/occupancy/", public.occupancy_panel, name="occupancy"),
    path("visits/<uuid:public_id>/", public.thanks, name="thanks"),
    path("visits/<uuid:public_id>/survey/", public.survey, name="survey"),
    path("visits/<uuid:public_id>/checkout/", public.checkout, name="checkout"),
    path("privacy/", public.privacy, name="privacy"),
    path("me/visits/", member.my_visits, name="my_visits"),
    path("me/visits.<str:fmt>", member.my_visits_export, name="my_visits_export"),
    path("host/<slug:slug>/", host.desk, name="desk"),
    path("host/<slug:slug>/headcount/", host.headcount, name="headcount"),
    path("host/<slug:slug>/headcount/<int:pk>/correct/", host.correct, name="correct"),
    path("host/<slug:slug>/floods/void/", host.void_burst, name="void_burst"),
    path("host/<slug:slug>/kiosks/", host.kiosk_create, name="kiosk_create"),
    path("host/<slug:slug>/kiosks/<int:pk>/revoke/", host.kiosk_revoke, name="kiosk_revoke"),
    path("host/<slug:slug>/poster/", host.poster, name="poster"),
    path("kiosk/", kiosk.kiosk, name="kiosk"),
    path("kiosk/unlock/", kiosk.unlock, name="kiosk_unlock"),
    path("kiosk/check-in/", kiosk.kiosk_checkin, name="kiosk_checkin"),
    path("kiosk/thanks/", kiosk.kiosk_thanks, name="kiosk_thanks"),
]
