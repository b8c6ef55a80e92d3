"""Addresses of commissioning's reviews (joined into the app's namespace by urls.py)."""

from django.urls import URLPattern, path

from publicoffice.commissioning.views import reviews

urlpatterns: list[URLPattern] = [
    path(
        "commissioning/calls/<int:pk>/applications/",
        reviews.call_applications,
        name="call_applications",
    ),
    path(
        "commissioning/applications/<int:pk>/reviewers/",
        reviews.application_reviewers,
        name="application_reviewers",
    ),
    path(
        "commissioning/applications/<int:pk>/reviews/shared/",
        reviews.review_shared,
        name="review_shared",
    ),
    path(
        "commissioning/applications/<int:pk>/ask/",
        reviews.info_request_new,
        name="info_request_new",
    ),
    path("commissioning/reviews/", reviews.my_reviews, name="my_reviews"),
    path("commissioning/reviews/<int:pk>/", reviews.review, name="review"),
    path(
        "commissioning/information/<int:pk>/answer/",
        reviews.info_request_answer,
        name="info_request_answer",
    ),
]
