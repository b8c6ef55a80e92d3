"""Planning: the scenarios pages."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
