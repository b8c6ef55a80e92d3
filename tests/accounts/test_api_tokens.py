"""The page where members make and revoke personal API tokens."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from publicoffice.accounts.models import ApiToken
from publicoffice.accounts.services import api_token_create, api_token_user
from publicoffice.accounts.views_tokens import MAX_TOKENS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/sv/accounts/api-tokens/"


@pytest.fixture
def amina():
    return UserFactory(email="amina@example.org", display_name="Amina")


@pytest.fixture
def johan():
    return UserFactory(email="johan@example.org", display_name="Johan")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def shown_key(html: str) -> str:
    match = re.search(r'id="new-key"[^>]*value="(po_[^"]+)"', html)
    assert match, "the new key is not on the page"
    return match.group(1)


def test_login_required(client: Client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.post(URL, {"name": "x"}).status_code == 302
    assert ApiToken.objects.count() == 0


def test_lists_only_my_tokens_with_their_dates(amina, johan):
    api_token_create(user=amina, name="Kalenderskript")
    api_token_create(user=johan, name="Johans app")
    response = logged_in(amina).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kalenderskript" in html
    assert "Johans app" not in html
    assert "<caption" in html
    assert 'id="new-key"' not in html  # no key is ever shown again
    assert [t.name for t in response.context["tokens"]] == ["Kalenderskript"]


def test_create_shows_the_key_once_and_keeps_only_its_hash(amina):
    client = logged_in(amina)
    response = client.post(URL, {"name": "Mitt skript"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = shown_key(response.content.decode())
    token = ApiToken.objects.get(user=amina)
    assert token.name == "Mitt skript"
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {token.name, token.key_hash}

    again = client.get(URL).content.decode()
    assert key not in again
    assert "Mitt skript" in again

    api = Client(headers={"authorization": f"Bearer {key}"})
    assert api.get("/api/v1/me/bookings").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert "Never" not in client.get("/en/accounts/api-tokens/").content.decode()


def test_name_is_required_and_trimmed_to_the_limit(amina):
    client = logged_in(amina)
    response = client.post(URL, {"name": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert 'role="alert"' in response.content.decode()
    long = client.post(URL, {"name": "x" * 81})
    assert long.context["form"].errors["name"]
    assert ApiToken.objects.count() == 0
    at_the_limit = client.post(URL, {"name": "  " + "y" * 80 + "  "})
    assert at_the_limit.status_code == 200
    assert ApiToken.objects.get().name == "y" * 80  # trimmed, and the limit itself is fine


def test_names_in_any_script_are_escaped(amina):
    client = logged_in(amina)
    client.post(URL, {"name": "<script>alert(1)</script> مفتاح 🔑"})
    html = client.get(URL).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; مفتاح 🔑" in html


def test_there_is_a_limit_on_how_many(amina):
    for number in range(MAX_TOKENS):
        api_token_create(user=amina, name=f"key {number}")
    response = logged_in(amina).post(URL, {"name": "one more"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'id="new-key"' not in response.content.decode()
    assert ApiToken.objects.filter(user=amina).count() == MAX_TOKENS


def test_revoke_stops_the_key(amina):
    token, key = api_token_create(user=amina, name="gammal")
    client = logged_in(amina)
    response = client.post(f"/sv/accounts/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert response["Location"] == URL
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    api = Client(headers={"authorization": f"Bearer {key}"})
    assert api.get("/api/v1/me/bookings").status_code == 401


def test_revoke_is_post_only(amina):
    token, _key = api_token_create(user=amina, name="x")
    assert logged_in(amina).get(f"/sv/accounts/api-tokens/{token.pk}/revoke/").status_code == 405
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_someone_else_cannot_revoke_my_token(amina, johan):
    token, key = api_token_create(user=amina, name="min")
    response = logged_in(johan).post(f"/sv/accounts/api-tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    api = Client(headers={"authorization": f"Bearer {key}"})
    assert api.get("/api/v1/me/bookings").status_code == 200
    assert logged_in(amina).post("/sv/accounts/api-tokens/999999/revoke/").status_code == 404


def test_forms_need_the_csrf_token(amina):
    token, _key = api_token_create(user=amina, name="x")
    client = Client(enforce_csrf_checks=True)
    client.force_login(amina)
    assert client.post(URL, {"name": "y"}).status_code == 403
    assert client.post(f"/sv/accounts/api-tokens/{token.pk}/revoke/").status_code == 403
    assert ApiToken.objects.filter(user=amina).count() == 1
    html = client.get(URL).content.decode()
    assert html.count('name="csrfmiddlewaretoken"') >= 2  # the new-key form and each revoke


@pytest.mark.parametrize("language", ["sv", "en", "ar", "fa", "so", "ti"])
def test_page_in_every_language(amina, language):
    api_token_create(user=amina, name="x")
    response = logged_in(amina).get(f"/{language}/accounts/api-tokens/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" in html
    assert f'lang="{language}"' in html
    if language in ("ar", "fa"):
        assert 'dir="rtl"' in html


def test_labels_for_every_field(amina):
    html = logged_in(amina).get(URL).content.decode()
    assert '<label for="id_name">' in html


def test_the_use_of_a_key_is_written_at_most_once_a_minute(amina):
    """A script calling many times a second does not pay for a write on every request."""
    _token, key = api_token_create(user=amina, name="Skript")
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as traveller:
        with CaptureQueriesContext(connection) as first:
            assert api_token_user(key) == amina
        assert sum(q["sql"].startswith("UPDATE") for q in first.captured_queries) == 1
        assert ApiToken.objects.get().last_used_at == start

        traveller.shift(timedelta(seconds=59))
        with CaptureQueriesContext(connection) as within:
            assert api_token_user(key) == amina
        assert len(within.captured_queries) == 1  # the look-up only, no write
        assert ApiToken.objects.get().last_used_at == start

        traveller.shift(timedelta(seconds=1))
        assert api_token_user(key) == amina
        assert ApiToken.objects.get().last_used_at == start + timedelta(seconds=60)
