from django.urls import path

from publicoffice.staff import views

app_name = "staff"

urlpatterns = [
    path(
        "staff/invitations/<str:token>/",
        views.invitation_accept_view,
        name="invitation_accept",
    ),
]
