"""The project's URLs plus views that fail on purpose, for the error page tests."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.urls import path

from publicoffice.urls import handler400, handler403, handler404, handler500, urlpatterns


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("odd")


def read_the_body(request: HttpRequest) -> HttpResponse:
    return HttpResponse(str(len(request.POST)))


urlpatterns = [
    *urlpatterns,
    *i18n_patterns(
        path("test-errors/boom/", boom),
        path("test-errors/forbidden/", forbidden),
        path("test-errors/suspicious/", suspicious),
        path("test-errors/body/", read_the_body),
        prefix_default_language=True,
    ),
]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
