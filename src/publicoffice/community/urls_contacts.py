"""Contact requests, blocks, reports, here today and who to meet."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
