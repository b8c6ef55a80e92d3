from django.urls import path

from publicoffice.guidelines import views

app_name = "guidelines"

urlpatterns = [
    path("about/", views.about, name="about"),
    path("accessibility/", views.accessibility_statement, name="accessibility_statement"),
]
