"""Directory, profile pages and profile editing."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
