"""The house rules as people meet them: pages, accepting a change, sign-up, other apps' pages."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.accounts.models import User
from publicoffice.conduct.models import RuleAcceptance, RuleScope
from publicoffice.places.models import Office
from publicoffice.visits import services as visits_services
from publicoffice.visits.tokens import day_token
from tests.conduct.conftest import NOW
from tests.conduct.rules_makers import version

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)
PASSWORD = "a-good-test-password"


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def network() -> Any:
    return version(
        effective_from=NOW - 30 * DAY,
        summary="Var vänlig mot alla.",
        full_text="Hela texten om respekt.",
        summary_ar="كن لطيفاً مع الجميع.",
        changes="Första versionen.",
    )


def _in(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


class TestRulesPage:
    @pytest.mark.parametrize("language", ["sv", "ar", "ti"])
    def test_summary_first_full_text_a_tap_away_and_history(
        self, client: Client, network: Any, language: str
    ):
        later = version(
            number=2, effective_from=NOW + 5 * DAY, changes="Nytt om alkohol.", material=False
        )
        html = client.get(f"/{language}/rules/").content.decode()
        assert html.index("Var vänlig" if language != "ar" else "كن لطيفاً") < html.index(
            "Hela texten"
        )
        assert '<details class="rules" id="full-text">' in html
        assert _in(language, "Read the house rules in full") in html
        assert "Första versionen." in html and "Nytt om alkohol." in html
        assert f'id="version-{later.pk}"' in html

    def test_fallback_is_marked_with_its_language(self, client: Client, network: Any):
        arabic = client.get("/ar/rules/").content.decode()
        assert "كن لطيفاً" in arabic
        assert '<div lang="sv" dir="ltr">' in arabic  # the full text falls back to Swedish
        somali = client.get("/so/rules/").content.decode()
        assert 'lang="sv"' in somali and "Var vänlig mot alla." in somali
        assert 'lang="sv"' not in client.get("/sv/rules/").content.decode().split("<main")[1]

    def test_no_rules_yet(self, client: Client):
        response = client.get("/fa/rules/")
        assert response.status_code == 200
        assert _in("fa", "No house rules have been published yet.") in response.content.decode()

    def test_office_rules_label_each_layer(self, client: Client, network: Any, office: Office):
        version(
            RuleScope.OPERATOR,
            operator=office.operator,
            effective_from=NOW - DAY,
            summary="Operatörens tillägg.",
        )
        version(RuleScope.OFFICE, office=office, effective_from=NOW - DAY, summary="Kontorets.")
        html = client.get(f"/sv/offices/{office.slug}/rules/").content.decode()
        assert html.index("Var vänlig") < html.index("Operatörens") < html.index("Kontorets")
        assert _in("sv", "For every Public Office") in html
        assert str(office.operator.name) in html
        assert client.get("/sv/offices/no-such-office/rules/").status_code == 404


class TestAccept:
    def _pending(self, member: Any, network: Any) -> Any:
        RuleAcceptance.objects.get_or_create(
            member=member, version=network, defaults={"accepted_at": NOW - 20 * DAY}
        )
        return version(number=2, effective_from=NOW - DAY, changes="Ingen alkohol.")

    def test_anonymous_goes_to_log_in(self, client: Client, network: Any):
        response = client.get("/sv/rules/accept/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_shows_what_changed_and_accepts_then_goes_next(
        self, client: Client, member: Any, network: Any
    ):
        changed = self._pending(member, network)
        client.force_login(member)
        html = client.get("/ar/rules/accept/?next=/ar/bookings/").content.decode()
        assert "Ingen alkohol." in html and _in("ar", "I accept the house rules") in html
        assert 'name="next" value="/ar/bookings/"' in html
        response = client.post(
            "/ar/rules/accept/", {"version": changed.pk, "next": "/ar/bookings/"}
        )
        assert response.status_code == 302 and response["Location"] == "/ar/bookings/"
        assert RuleAcceptance.objects.filter(member=member, version=changed).exists()
        page = client.get("/ar/rules/accept/").content.decode()
        assert _in("ar", "You are up to date: you have accepted the house rules in force.") in page

    @pytest.mark.parametrize("bad", ["https://evil.example/", "//evil.example/x", "javascript:x"])
    def test_an_outside_next_is_ignored(self, client: Client, member: Any, network: Any, bad: str):
        changed = self._pending(member, network)
        client.force_login(member)
        page = client.get(f"/sv/rules/accept/?next={bad}").content.decode()
        assert (
            _in("sv", "I accept the house rules") in page
            and 'name="next"' not in page.split('id="main"')[1]
        )
        response = client.post("/sv/rules/accept/", {"version": changed.pk, "next": bad})
        assert response["Location"] == "/sv/rules/"

    @pytest.mark.parametrize("posted", ["", "abc", "0"])
    def test_a_version_not_shown_is_not_accepted(
        self, client: Client, member: Any, network: Any, posted: str
    ):
        self._pending(member, network)
        client.force_login(member)
        response = client.post("/sv/rules/accept/", {"version": posted})
        assert response.status_code == 409
        assert RuleAcceptance.objects.filter(member=member).count() == 1

    def test_nothing_pending_says_so(self, client: Client, member: Any):
        client.force_login(member)
        html = client.get("/so/rules/accept/").content.decode()
        assert _in("so", "You are up to date: you have accepted the house rules in force.") in html
        assert client.post("/so/rules/accept/", {"version": "1"})["Location"] == "/so/rules/"

    def test_the_members_page_says_a_change_waits(self, client: Client, member: Any, network: Any):
        client.force_login(member)
        notice = _in("sv", "Read and accept the house rules")
        RuleAcceptance.objects.create(member=member, version=network, accepted_at=NOW)
        assert notice not in client.get("/sv/accounts/me/").content.decode()
        self._pending(member, network)
        assert notice in client.get("/sv/accounts/me/").content.decode()


def _sign_up(client: Client, **extra: str) -> Any:
    data = {"email": "ny@example.org", "password": PASSWORD, "display_name": "", **extra}
    return client.post("/sv/accounts/signup/", data)


def _confirm(client: Client) -> User:
    link = re.search(r"https?://[^/]+(/\S+)", str(mail.outbox[-1].body))
    assert link
    assert client.post(link.group(1), {"password": PASSWORD}).status_code == 302
    return User.objects.get(email="ny@example.org")


class TestSignUp:
    def test_without_rules_the_form_is_unchanged(self, client: Client):
        html = client.get("/sv/accounts/signup/").content.decode()
        assert 'name="agreement"' not in html
        assert _sign_up(client).status_code == 302
        assert not RuleAcceptance.objects.filter(member=_confirm(client)).exists()

    def test_the_rules_must_be_accepted_and_are_recorded_at_confirmation(
        self, client: Client, network: Any
    ):
        html = client.get("/sv/accounts/signup/").content.decode()
        assert "Var vänlig mot alla." in html and 'name="agreement"' in html
        assert _in("sv", "I have read and accept the house rules") in html
        refused = _sign_up(client)
        assert refused.status_code == 200 and not mail.outbox
        assert _sign_up(client, agreement="on").status_code == 302
        assert not RuleAcceptance.objects.exists()  # nothing stored before the link
        user = _confirm(client)
        assert RuleAcceptance.objects.get(member=user).version == network


class TestOtherPages:
    def test_office_page_shows_the_summary_and_links_to_the_rules(
        self, client: Client, network: Any, office: Office
    ):
        html = client.get(f"/ar/offices/{office.slug}/").content.decode()
        assert "كن لطيفاً" in html
        assert f'href="/ar/offices/{office.slug}/rules/"' in html

    def test_check_in_page_shows_the_rules_in_short(
        self, client: Client, network: Any, office: Office
    ):
        token = day_token(office.pk, NOW.date())
        html = client.get(f"/sv/offices/{office.slug}/checkin/{token}/").content.decode()
        assert "Var vänlig mot alla." in html
        assert '<details class="rules">' in html and "Hela texten om respekt." in html

    def test_kiosk_shows_the_rules_in_short(
        self, client: Client, network: Any, office: Office, host: Any
    ):
        _device, key = visits_services.kiosk_create(office=office, name="Entré", by=host)
        client.post("/fa/kiosk/unlock/", {"key": key})
        html = client.get("/fa/kiosk/").content.decode()
        assert "Var vänlig mot alla." in html and 'lang="sv"' in html

    def test_no_rules_no_box(self, client: Client, office: Office):
        html = client.get(f"/sv/offices/{office.slug}/").content.decode()
        assert "house-rules-heading" not in html
