"""Addresses of commissioning's calls (joined into the app's namespace by ``urls.py``)."""

from django.urls import URLPattern, path

from publicoffice.commissioning.views import calls as views

urlpatterns: list[URLPattern] = [
    path("calls/", views.calls, name="calls"),
    path("calls/<int:pk>/", views.call, name="call"),
    path("calls/<int:pk>/follow/", views.call_follow, name="call_follow"),
    path("calls/<int:pk>/documents/<int:doc>/", views.call_document, name="call_document"),
    path("commissioning/calls/", views.officer_calls, name="officer_calls"),
    path("commissioning/calls/new/", views.call_new, name="call_new"),
    path("commissioning/calls/<int:pk>/edit/", views.call_edit, name="call_edit"),
    path("commissioning/calls/<int:pk>/rubric/", views.call_rubric, name="call_rubric"),
    path("commissioning/calls/<int:pk>/documents/", views.call_documents, name="call_documents"),
    path("commissioning/calls/<int:pk>/publish/", views.call_publish, name="call_publish"),
    path("commissioning/calls/<int:pk>/close/", views.call_close, name="call_close"),
    path("commissioning/calls/<int:pk>/cancel/", views.call_cancel, name="call_cancel"),
]
