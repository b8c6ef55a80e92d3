"""The web maps refusals in one place: the middleware, or a view's declared page."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from publicoffice.core.error_codes import ErrorCode
from publicoffice.core.errors import DomainError
from publicoffice.core.web_errors import (
    DomainErrorMiddleware,
    add_domain_error,
    back_with_message,
    on_domain_error,
)


def _request(path: str = "/sv/") -> HttpRequest:
    request = RequestFactory().post(path)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


@pytest.mark.parametrize(
    ("code", "status", "title"),
    [
        (ErrorCode.BOOKING_NOT_FOUND, 404, "Sidan hittades inte"),
        (ErrorCode.NOT_ALLOWED, 403, "Inte tillåtet"),
        (ErrorCode.TOO_MANY_REQUESTS, 429, "För många försök"),
        (ErrorCode.SLOT_TAKEN, 409, "Det gick inte att göra"),
    ],
)
@pytest.mark.django_db
def test_the_middleware_renders_any_refusal_with_the_registrys_status(code, status, title):
    response = DomainErrorMiddleware(lambda request: HttpResponse()).process_exception(
        _request(), DomainError(code, "Det du bad om går inte <nu>.")
    )
    assert response is not None
    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert "Det du bad om går inte &lt;nu&gt;." in html  # escaped, shown as written


def test_the_middleware_leaves_other_exceptions_alone():
    middleware = DomainErrorMiddleware(lambda request: HttpResponse())
    assert middleware.process_exception(_request(), ValueError("no")) is None


def test_a_view_may_declare_its_own_page_and_gets_its_arguments():
    def page(request, error, pk):
        return HttpResponse(f"{error.code} for {pk}", status=error.status)

    @on_domain_error(page)
    def view(request, pk):
        raise DomainError(ErrorCode.SLOT_TAKEN)

    response = view(_request(), pk=7)
    assert response.status_code == 409
    assert response.content == b"slot_taken for 7"


def test_a_view_that_does_not_refuse_answers_as_usual():
    @on_domain_error(lambda request, error: HttpResponse(status=500))
    def view(request):
        return HttpResponse("fine")

    assert view(_request()).content == b"fine"


def test_back_with_message_goes_back_and_says_why():
    page = back_with_message(lambda request, slug: f"/sv/offices/{slug}/")
    request = _request()
    response = page(request, DomainError(ErrorCode.VISIT_ENDED), slug="ronna")
    assert response.status_code == 302
    assert response["Location"] == "/sv/offices/ronna/"
    assert [str(m) for m in get_messages(request)] == [
        str(DomainError(ErrorCode.VISIT_ENDED).message)
    ]


class _Form(forms.Form):
    purpose = forms.CharField(required=False)
    attendees = forms.IntegerField(required=False)


def test_add_domain_error_puts_the_message_at_its_field():
    form = _Form(data={})
    assert form.is_valid()
    add_domain_error(form, DomainError(ErrorCode.TEXT_TOO_LONG, "Kortare, tack.", field="purpose"))
    assert form.errors["purpose"] == ["Kortare, tack."]
    assert form.errors["purpose"].as_data()[0].code == "text_too_long"


def test_add_domain_error_uses_the_forms_own_table_first_and_else_the_whole_form():
    form = _Form(data={})
    assert form.is_valid()
    add_domain_error(
        form,
        DomainError(ErrorCode.TOO_MANY_ATTENDEES),
        field_of_code={"too_many_attendees": "attendees"},
    )
    add_domain_error(form, DomainError(ErrorCode.SLOT_TAKEN, field="no_such_field"))
    assert "attendees" in form.errors
    assert form.non_field_errors() == [str(DomainError(ErrorCode.SLOT_TAKEN).message)]
