from django.urls import path

from publicoffice.places import views

app_name = "places"

urlpatterns = [
    path("", views.home, name="home"),
    path("offices/<slug:slug>/", views.office_detail, name="office"),
]
