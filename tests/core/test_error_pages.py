"""Django's own error pages are in the site's layout and the visitor's language."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import Client, override_settings
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.core.error_urls"),
]

BARE_DJANGO_TEXTS = (
    "Server Error (500)",
    "CSRF verification failed",
    "Bad Request (400)",
    "403 Forbidden",
    "The requested resource was not found on this server.",
)


def _in_layout(response, language: str, *texts: str) -> str:
    """The page is in ``language``, carries the layout and says ``texts``, nothing bare."""
    html = response.content.decode()
    direction = "rtl" if language in {"ar", "fa"} else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert 'class="site-header"' in html
    assert 'class="site-footer"' in html
    assert 'name="language"' in html  # the picker
    with translation.override(language):
        for text in texts:
            assert escape(gettext(text)) in html, text
    for bare in BARE_DJANGO_TEXTS:
        assert bare not in html
    return html


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_page_that_does_not_exist_is_a_404_in_the_layout(language):
    response = Client().get(f"/{language}/nothing-here/")
    assert response.status_code == 404
    _in_layout(response, language, "Page not found", "Find an office")


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["en", "fa"])
def test_an_unprefixed_404_speaks_the_visitors_language(language):
    response = Client(headers={"accept-language": language}).get("/nothing-here/")
    assert response.status_code == 404
    _in_layout(response, language, "Page not found")


@override_settings(DEBUG=False)
def test_the_language_cookie_wins_for_an_unprefixed_404(settings):
    client = Client(headers={"accept-language": "sv"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    response = client.get("/nothing-here/")
    assert response.status_code == 404
    _in_layout(response, "ar", "Page not found")


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_bad_request_is_a_400_in_the_layout(language):
    response = Client().get(f"/{language}/test-errors/suspicious/")
    assert response.status_code == 400
    _in_layout(response, language, "The request could not be read")


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_permission_denied_is_a_403_in_the_layout(language):
    response = Client().get(f"/{language}/test-errors/forbidden/")
    assert response.status_code == 403
    _in_layout(response, language, "Not allowed")


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_stale_form_is_a_403_that_says_why_in_plain_words(language):
    client = Client(enforce_csrf_checks=True)
    client.get(f"/{language}/accounts/login/")  # the tab was opened ...
    client.cookies.pop("csrftoken", None)  # ... and its token is gone
    referer = f"http://testserver/{language}/accounts/login/"
    response = client.post(
        f"/{language}/accounts/login/",
        {"username": "a@example.org", "password": "x"},
        headers={"referer": referer},
    )
    assert response.status_code == 403
    html = _in_layout(response, language, "The form could not be sent", "Open the page again")
    assert f'href="{referer}"' in html  # back to the form, freshly loaded
    assert "csrfmiddlewaretoken" in html  # the picker still works from here


@override_settings(DEBUG=False)
def test_the_csrf_page_never_links_to_another_site():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sv/accounts/login/", {}, headers={"referer": "https://evil.example/x"})
    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()


@override_settings(DEBUG=False, DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_body_too_large_is_a_413_in_the_layout(language):
    response = Client().post(
        f"/{language}/test-errors/body/",
        "text=" + "x" * 10_000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    _in_layout(response, language, "Too much to send")


@override_settings(DEBUG=False)
def test_a_huge_post_to_a_real_form_is_a_413():
    size = 3 * 1024 * 1024  # over Django's default 2.5 MB
    response = Client().post(
        "/sv/accounts/login/",
        "username=" + "x" * size,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    _in_layout(response, "sv", "Too much to send")


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_bug_is_a_500_in_the_layout(language):
    client = Client()
    client.raise_request_exception = False
    response = client.get(f"/{language}/test-errors/boom/")
    assert response.status_code == 500
    _in_layout(response, language, "Something went wrong")


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_500_page_does_without_the_database(language, caplog):
    client = Client()
    client.raise_request_exception = False
    with mock.patch(
        "django.contrib.auth.get_user", side_effect=DatabaseError("the database is gone")
    ):
        response = client.get(f"/{language}/test-errors/boom/")
    assert response.status_code == 500
    assert "could not use the full layout" in caplog.text  # the fallback drew it
    html = _in_layout(response, language, "Something went wrong")
    with translation.override(language):
        assert escape(gettext("Log in")) in html  # drawn for an anonymous visitor
