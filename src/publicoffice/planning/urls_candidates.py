"""Planning: the candidates pages."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
