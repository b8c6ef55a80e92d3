"""Sign-up by e-mail link: the page never says whether an address has an account.

And log-ins on an office's shared computer end with the browser.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from publicoffice.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-good-test-password"


def _sign_up(client: Client, email: str, language: str = "sv", password: str = PASSWORD):
    return client.post(
        f"/{language}/accounts/signup/",
        {"email": email, "password": password, "display_name": ""},
        follow=True,
    )


def _link(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://[^/]+(/\S+)", str(message.body))
    assert match
    return match.group(1)


class TestTheAnswerTellsNothing:
    def test_new_and_taken_addresses_get_the_same_page(self):
        UserFactory(email="amina@example.org")
        taken = _sign_up(Client(), "amina@example.org")
        new = _sign_up(Client(), "newcomer@example.org")
        assert taken.status_code == new.status_code == 200
        assert taken.redirect_chain == new.redirect_chain == [("/sv/accounts/signup/sent/", 302)]
        assert taken.templates[0].name == new.templates[0].name == "accounts/signup_sent.html"
        assert User.objects.count() == 1
        assert [m.to for m in mail.outbox] == [["amina@example.org"], ["newcomer@example.org"]]

    def test_the_owner_is_told_in_their_own_language(self):
        UserFactory(email="narges@example.org", preferred_language="fa")
        _sign_up(Client(), "Narges@example.org", language="en")
        (message,) = mail.outbox
        with translation.override("fa"):
            assert message.subject == gettext(
                "Someone tried to create an account with your e-mail address"
            )
        assert "/fa/accounts/password-reset/" in message.body
        assert "/fa/accounts/login/" in message.body
        assert message.extra_headers["Content-Language"] == "fa"

    def test_a_closed_account_gets_no_mail_and_the_same_page(self):
        UserFactory(email="gone@example.org", is_active=False)
        response = _sign_up(Client(), "gone@example.org")
        assert response.redirect_chain == [("/sv/accounts/signup/sent/", 302)]
        assert mail.outbox == []
        assert User.objects.get().is_active is False


class TestTheLink:
    def test_the_link_asks_the_password_then_logs_in(self):
        client = Client()
        _sign_up(client, "newcomer@example.org", language="so")
        (message,) = mail.outbox
        with translation.override("so"):
            assert message.subject == gettext("Finish creating your account")
        link = _link(message)
        assert link.startswith("/so/accounts/signup/confirm/")
        # Opening it (a mail scanner does) creates nothing.
        assert client.get(link).status_code == 200
        assert User.objects.count() == 0
        response = client.post(link, {"password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"] == "/so/"
        user = User.objects.get()
        assert (user.email, user.preferred_language, user.is_active) == (
            "newcomer@example.org",
            "so",
            True,
        )
        assert user.check_password(PASSWORD)
        assert client.get("/so/").context["user"] == user

    def test_someone_who_does_not_know_the_password_cannot_finish(self):
        _sign_up(Client(), "victim@example.org", password="the-stranger-knows-this")
        owner = Client()
        response = owner.post(_link(mail.outbox[0]), {"password": PASSWORD})
        assert response.status_code == 200
        assert response.context["form"].errors["password"]
        assert User.objects.count() == 0

    def test_a_used_link_leads_to_the_log_in(self):
        _sign_up(Client(), "newcomer@example.org")
        link = _link(mail.outbox[0])
        Client().post(link, {"password": PASSWORD})
        again = Client().post(link, {"password": PASSWORD})
        assert again.status_code == 302
        assert again["Location"] == "/sv/accounts/login/"
        assert User.objects.count() == 1

    def test_a_forged_or_old_link_is_explained(self):
        _sign_up(Client(), "newcomer@example.org")
        link = _link(mail.outbox[0])
        forged = Client().get(link[:-3] + "abc/")
        assert forged.status_code == 404
        assert forged.templates[0].name == "accounts/signup_link_invalid.html"
        later = timezone.now() + timedelta(seconds=django_settings.PASSWORD_RESET_TIMEOUT + 60)
        with time_machine.travel(later):
            assert Client().post(link, {"password": PASSWORD}).status_code == 404
        assert User.objects.count() == 0


class TestSharedComputers:
    def test_the_box_ends_the_session_with_the_browser(self, client: Client):
        UserFactory(email="amina@example.org")
        response = client.post(
            "/sv/accounts/login/",
            {"username": "amina@example.org", "password": PASSWORD, "shared_computer": "on"},
        )
        assert response.status_code == 302
        assert client.session.get_expire_at_browser_close()
        cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
        assert not cookie["max-age"] and not cookie["expires"]

    def test_otherwise_a_week(self, client: Client):
        UserFactory(email="amina@example.org")
        response = client.post(
            "/sv/accounts/login/", {"username": "amina@example.org", "password": PASSWORD}
        )
        assert not client.session.get_expire_at_browser_close()
        assert django_settings.SESSION_COOKIE_AGE == 7 * 24 * 60 * 60
        cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
        assert int(cookie["max-age"]) == 7 * 24 * 60 * 60

    def test_the_box_is_on_the_log_in_page(self, client: Client):
        page = client.get("/sv/accounts/login/").content.decode()
        assert 'type="checkbox" name="shared_computer"' in page
