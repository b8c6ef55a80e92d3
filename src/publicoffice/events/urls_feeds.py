"""iCalendar feeds of events. Calendar programs fetch these addresses as
they are, so they carry no language prefix (``?lang=ar`` chooses one)."""

from django.urls import URLPattern, path

from publicoffice.events.feeds import network_feed, office_feed

urlpatterns: list[URLPattern] = [
    path("network.ics", network_feed, name="events_network_feed"),
    path("offices/<slug:slug>.ics", office_feed, name="events_office_feed"),
]
