"""The language picker: a choice that sticks, for visitors and members."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from publicoffice.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture
def member() -> User:
    return UserFactory(preferred_language="sv")


def choose(client: Client, language: str, next_url: str = "/sv/") -> object:
    return client.post("/language/", {"language": language, "next": next_url})


def test_every_page_offers_the_six_languages_as_buttons_of_one_form(client: Client):
    html = client.get("/sv/").content.decode()
    assert 'action="/language/"' in html
    for code in ("sv", "en", "ar", "fa", "so", "ti"):
        assert f'name="language" value="{code}" class="link-button" lang="{code}"' in html
    assert 'value="sv" class="link-button" lang="sv" aria-current="true"' in html
    assert '<input type="hidden" name="next" value="/sv/">' in html


def test_a_visitor_choice_opens_the_same_page_in_that_language_and_is_remembered(client: Client):
    response = choose(client, "so", "/sv/?open_now=on")
    assert response.status_code == 302
    assert response["Location"] == "/so/?open_now=on"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "so"
    assert int(cookie["max-age"]) >= 300 * 24 * 3600
    assert cookie["samesite"] == "Lax"
    # An address without a language now opens in Somali, whatever the browser asks.
    later = client.get("/", HTTP_ACCEPT_LANGUAGE="sv")
    assert later["Location"] == "/so/"


def test_the_picker_keeps_the_kiosk_secret_out_of_the_form(client: Client):
    html = client.get("/sv/?open_now=on&key=secret").content.decode()
    assert 'name="next" value="/sv/?open_now=on"' in html


def test_a_member_choice_becomes_their_language_for_e_mails(client: Client, member: User):
    client.force_login(member)
    assert member.preferred_language != "ti"
    choose(client, "ti", "/sv/")
    member.refresh_from_db()
    assert member.preferred_language == "ti"


def test_a_member_logs_in_to_their_own_language(client: Client, member: User):
    member.preferred_language = "fa"
    member.save()
    response = client.post(
        "/sv/accounts/login/?next=/sv/accounts/me/",
        {"username": member.email, "password": "a-good-test-password"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/fa/accounts/me/"
    assert response.cookies[COOKIE].value == "fa"


@pytest.mark.parametrize(
    "language", ["", "xx", "<script>alert(1)</script>", "العربية", "🙂", "s" * 10_000]
)
def test_an_unknown_language_is_refused_and_changes_nothing(
    client: Client, member: User, language: str
):
    client.force_login(member)
    before = member.preferred_language
    response = choose(client, language)
    assert response.status_code == 400
    assert COOKIE not in response.cookies
    assert "<script>alert(1)</script>" not in response.content.decode()
    member.refresh_from_db()
    assert member.preferred_language == before


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_the_picker_never_sends_anyone_off_site(client: Client, target: str):
    response = choose(client, "en", target)
    assert response["Location"] == "/en/"


def test_the_picker_only_answers_a_post_with_a_csrf_token():
    assert Client().get("/language/").status_code == 405
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/language/", {"language": "so", "next": "/sv/"}).status_code == 403


def test_a_second_choice_moves_from_the_first(client: Client):
    """With English remembered, a Swedish page still switches (the address is
    read in its own language, not the remembered one)."""
    choose(client, "en", "/sv/")
    response = choose(client, "so", "/sv/accounts/login/?next=/sv/")
    assert response["Location"] == "/so/accounts/login/?next=/sv/"


def test_my_data_page_shows_and_changes_the_members_language(client: Client, member: User):
    member.preferred_language = "so"
    member.save()
    client.force_login(member)
    html = client.get("/sv/accounts/me/").content.decode()
    assert '<option value="so" lang="so" selected>' in html
    response = client.post(
        "/language/", {"language": "ar", "next": "/sv/accounts/me/"}, follow=True
    )
    assert response.redirect_chain[0][0] == "/ar/accounts/me/"
    member.refresh_from_db()
    assert member.preferred_language == "ar"
    assert '<option value="ar" lang="ar" selected>' in response.content.decode()
