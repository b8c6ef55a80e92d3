from django.urls import path

from publicoffice.bookings.views import calendar, host, member, public

app_name = "bookings"

urlpatterns = [
    path("spaces/<int:pk>/week/", public.space_week, name="space_week"),
    path("spaces/<int:pk>/book/", member.book, name="book"),
    path("spaces/<int:pk>/wait/", member.wait, name="wait"),
    path("bookings/find/", public.find, name="find"),
    path("bookings/<uuid:public_id>/", member.detail, name="detail"),
    path("bookings/<uuid:public_id>/change/", member.change, name="change"),
    path("bookings/<uuid:public_id>/cancel/", member.cancel, name="cancel"),
    path("bookings/<uuid:public_id>/check-in/", member.check_in, name="check_in"),
    path("bookings/<uuid:public_id>/calendar.ics", calendar.booking_ics, name="ics"),
    path("waitlist/<uuid:public_id>/accept/", member.wait_accept, name="wait_accept"),
    path("waitlist/<uuid:public_id>/withdraw/", member.wait_withdraw, name="wait_withdraw"),
    path("me/bookings/", member.my_bookings, name="mine"),
    path("me/calendar/renew/", member.calendar_renew, name="calendar_renew"),
    path("host/<slug:slug>/bookings/", host.day, name="host_day"),
    path("host/<slug:slug>/bookings/new/", host.book_on_behalf, name="on_behalf"),
    path("host/bookings/<uuid:public_id>/decide/", host.decide, name="decide"),
]
