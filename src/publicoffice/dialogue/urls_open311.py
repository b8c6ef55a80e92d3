"""Open311 GeoReport v2 addresses (``/open311/v2/``), outside the language prefixes."""

from django.urls import path

from publicoffice.dialogue.views import open311

app_name = "open311"

urlpatterns = [
    path("services.json", open311.services, name="services"),
    path("requests.json", open311.requests, name="requests"),
    path("requests/<str:public_id>.json", open311.request_one, name="request"),
]
