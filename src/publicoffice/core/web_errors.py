"""The one place the web turns a :class:`DomainError` into a page.

Services refuse with a :class:`~publicoffice.core.errors.DomainError`; views
do not catch it themselves. A view that has a better answer than the
standard page (show the form again with the message at its field, or go back
with a message) says so once, with :func:`on_domain_error`; every other
refusal reaches :class:`DomainErrorMiddleware`, which renders the standard
page with the registry's HTTP status.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from publicoffice.core.errors import DomainError

#: A page shown instead of the view's own answer: ``(request, error, *args, **kwargs)``.
ErrorPage = Callable[..., HttpResponse]
View = TypeVar("View", bound=Callable[..., HttpResponse])


def on_domain_error(page: ErrorPage) -> Callable[[View], View]:
    """Answer with ``page(request, error, *view_args, **view_kwargs)`` when the view refuses."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except DomainError as error:
                return page(request, error, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


def back_with_message(to: Callable[..., str]) -> ErrorPage:
    """An error page that goes back to ``to(request, *args, **kwargs)`` with the message."""

    def page(request: HttpRequest, error: DomainError, *args: Any, **kwargs: Any) -> HttpResponse:
        messages.error(request, str(error.message))
        return HttpResponseRedirect(to(request, *args, **kwargs))

    return page


def add_domain_error(
    form: forms.Form, error: DomainError, *, field_of_code: Mapping[str, str] | None = None
) -> None:
    """Show a refusal at the field it concerns, or above the form.

    ``field_of_code`` (a form's own table) comes first; a ``details["field"]``
    from the service covers the rest. Anything else goes above the form.
    """
    candidates = ((field_of_code or {}).get(error.code), error.details.get("field"))
    field = next((name for name in candidates if name in form.fields), None)
    form.add_error(field, forms.ValidationError(str(error.message), code=str(error.code)))


def domain_error_page(request: HttpRequest, error: DomainError) -> HttpResponse:
    """The standard page: the message, under a title that fits the status."""
    return render(
        request,
        "core/domain_error.html",
        {"error": error, "status": error.status},
        status=error.status,
    )


class DomainErrorMiddleware:
    """Render every refusal no view answered itself (the web's one mapping)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DomainError):
            return domain_error_page(request, exception)
        return None
