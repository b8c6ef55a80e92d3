"""iCalendar feeds of events. Calendar programs fetch these addresses as
they are, so they carry no language prefix."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
