"""Event pages: lists, the week across the network, event pages, hosts' forms."""

from django.urls import URLPattern

app_name = "events"

urlpatterns: list[URLPattern] = []
