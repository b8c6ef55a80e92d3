"""Sign-up, log-in by e-mail and password reset through the HTTP client."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from publicoffice.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-good-test-password"


class TestLogin:
    def test_login_by_email_in_any_letter_case(self, client: Client):
        UserFactory(email="amina@example.org")
        response = client.post(
            "/sv/accounts/login/", {"username": "Amina@Example.ORG", "password": PASSWORD}
        )
        assert response.status_code == 302
        assert client.get("/sv/").context["user"].email == "amina@example.org"

    def test_wrong_password_gets_a_translated_error_and_no_session(self, client: Client):
        UserFactory(email="amina@example.org")
        response = client.post(
            "/sv/accounts/login/", {"username": "amina@example.org", "password": "wrong"}
        )
        assert response.status_code == 200
        assert response.context["form"].errors
        assert "_auth_user_id" not in client.session
        assert 'role="alert"' in response.content.decode()
        (error,) = response.context["form"].non_field_errors()
        with translation.override("sv"):
            swedish = gettext(
                "Please enter a correct %(username)s and password. Note that both fields may be "
                "case-sensitive."
            )
        assert not swedish.startswith("Please")  # Django's Swedish catalogue has these words
        assert error.startswith(swedish.split("%(username)s")[0])
        assert escape(error) in response.content.decode()

    def test_login_page_has_csrf(self):
        client = Client(enforce_csrf_checks=True)
        UserFactory(email="amina@example.org")
        response = client.post(
            "/sv/accounts/login/", {"username": "amina@example.org", "password": PASSWORD}
        )
        assert response.status_code == 403
        assert "_auth_user_id" not in client.session
        page = client.get("/sv/accounts/login/").content.decode()
        assert 'name="csrfmiddlewaretoken"' in page

    def test_logout_is_post_only(self, client: Client):
        user = UserFactory()
        client.force_login(user)
        assert client.get("/sv/accounts/logout/").status_code == 405
        assert client.post("/sv/accounts/logout/").status_code == 302
        assert "_auth_user_id" not in client.session

    def test_login_attempts_are_rate_limited(self, client: Client):
        # The limit counts in fixed five-minute windows; with the clock
        # running, a slow machine could cross into the next window mid-test.
        with time_machine.travel("2026-11-25 10:01:00+01:00", tick=False):
            for _ in range(10):
                client.post("/sv/accounts/login/", {"username": "x@example.org", "password": "no"})
            response = client.post(
                "/sv/accounts/login/", {"username": "x@example.org", "password": "no"}
            )
        assert response.status_code == 429


class TestSignup:
    def test_creates_a_member_once_the_link_is_opened(self, client: Client):
        response = client.post(
            "/ar/accounts/signup/",
            {"email": "Newcomer@Example.org", "display_name": "أمينة", "password": PASSWORD},
        )
        assert response.status_code == 302
        assert User.objects.count() == 0
        link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
        assert client.post(link, {"password": PASSWORD}).status_code == 302
        user = User.objects.get()
        assert user.email == "newcomer@example.org"
        assert user.display_name == "أمينة"
        assert user.preferred_language == "ar"
        assert not user.is_staff

    @pytest.mark.parametrize(
        "data",
        [
            {},
            {"email": "not-an-email", "password": PASSWORD},
            {"email": "a@example.org", "password": "123"},
            {"email": "a@example.org", "password": "12345678901"},
            {"email": "<script>@x", "password": PASSWORD},
            {"email": "a@example.org", "password": PASSWORD, "display_name": "x" * 500},
            {"email": "😀@example.org", "password": PASSWORD},
        ],
    )
    def test_bad_input_changes_nothing(self, client: Client, data):
        response = client.post("/sv/accounts/signup/", data)
        assert response.status_code == 200
        assert response.context["form"].errors
        assert User.objects.count() == 0
        assert "<script>@x" not in response.content.decode()

    def test_an_email_is_taken_once_without_saying_so(self, client: Client):
        UserFactory(email="amina@example.org")
        response = client.post(
            "/sv/accounts/signup/", {"email": "AMINA@example.org", "password": PASSWORD}
        )
        assert response.status_code == 302
        assert response["Location"] == "/sv/accounts/signup/sent/"
        assert User.objects.count() == 1

    def test_signup_is_rate_limited(self, client: Client):
        for _ in range(5):
            client.post("/sv/accounts/signup/", {"email": "bad"})
        assert client.post("/sv/accounts/signup/", {"email": "bad"}).status_code == 429


class TestPasswordReset:
    def test_reset_by_email_link(self, client: Client, settings):
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        user = UserFactory(email="amina@example.org")
        response = client.post("/sv/accounts/password-reset/", {"email": "amina@example.org"})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
        form_page = client.get(link, follow=True)
        assert form_page.status_code == 200
        set_url = form_page.redirect_chain[-1][0]
        done = client.post(
            set_url, {"new_password1": "another-good-pass", "new_password2": "another-good-pass"}
        )
        assert done.status_code == 302
        user.refresh_from_db()
        assert user.check_password("another-good-pass")

    def test_unknown_address_sends_nothing_but_looks_the_same(self, client: Client, settings):
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        response = client.post("/sv/accounts/password-reset/", {"email": "nobody@example.org"})
        assert response.status_code == 302
        assert mail.outbox == []
        UserFactory(email="amina@example.org")
        known = client.post("/sv/accounts/password-reset/", {"email": "amina@example.org"})
        assert len(mail.outbox) == 1
        assert (response.status_code, response["Location"]) == (302, known["Location"])

        # The same page, except the CSRF token, which is masked anew on every page.
        def page(location: str) -> str:
            html = client.get(location).content.decode()
            return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)

        assert page(response["Location"]) == page(known["Location"])

    def test_bad_link_is_explained(self, client: Client):
        response = client.get("/sv/accounts/reset/MQ/bad-token/")
        assert response.status_code == 200
        assert 'role="alert"' in response.content.decode()
        with translation.override("sv"):
            explained = gettext("This link has already been used or is too old. Ask for a new one.")
        assert f'<p role="alert">{escape(explained)}</p>' in response.content.decode()
        assert 'name="new_password1"' not in response.content.decode()
