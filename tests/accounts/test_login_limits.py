"""Per-account lock, one log-in limiter for every log-in path, sign-ups at an office."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from publicoffice.accounts import lockout
from publicoffice.accounts.forms import _locked_error
from publicoffice.core.client_address import DEVICE_COOKIE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-good-test-password"
ADMIN_LOGIN = "/sv/admin/login/"
SITE_LOGIN = "/sv/accounts/login/"
START = "2026-11-25 10:01:00+01:00"


def fresh_client() -> Client:
    """A new browser: its own device cookie, the same network address."""
    return Client()


def admin_try(password: str, email: str = "admin@example.org"):
    return fresh_client().post(ADMIN_LOGIN, {"username": email, "password": password})


def locked_message(minutes: int) -> str:
    return str(_locked_error(minutes * 60).messages[0])


class TestAccountLock:
    def test_thirty_wrong_admin_passwords_then_the_right_one_is_refused(self):
        UserFactory(email="admin@example.org", is_superuser=True)
        with time_machine.travel(START, tick=False):
            for _ in range(30):
                assert admin_try("guess").status_code == 200
            response = admin_try(PASSWORD)
        assert response.status_code == 200
        assert "_auth_user_id" not in response.client.session
        assert locked_message(1) in response.content.decode()

    def test_the_lock_ends_after_its_cool_down(self):
        UserFactory(email="admin@example.org", is_superuser=True)
        with time_machine.travel(START, tick=False) as clock:
            for _ in range(5):
                admin_try("guess")
            assert admin_try(PASSWORD).status_code == 200
            clock.shift(timedelta(seconds=61))
            response = admin_try(PASSWORD)
        assert response.status_code == 302
        assert lockout.seconds_locked("admin@example.org") == 0

    def test_site_log_in_shows_the_lock_in_the_visitors_language(self):
        UserFactory(email="amina@example.org")
        with time_machine.travel(START, tick=False):
            for _ in range(4):
                fresh_client().post(SITE_LOGIN, {"username": "amina@example.org", "password": "x"})
            fifth = fresh_client().post(
                SITE_LOGIN, {"username": "Amina@Example.org", "password": "x"}
            )
        assert locked_message(1) in fifth.content.decode()

    def test_tries_during_a_lock_neither_count_nor_lengthen_it(self):
        with time_machine.travel(START, tick=False):
            for _ in range(5):
                lockout.record_failure("victim@example.org")
            before = lockout.seconds_locked("victim@example.org")
            for _ in range(20):
                admin_try("guess", "victim@example.org")
            assert lockout.seconds_locked("victim@example.org") == before == 60

    def test_a_victim_is_never_locked_out_longer_than_the_cap(self, settings):
        settings.LOGIN_LOCKOUT_MAX_MINUTES = 15
        UserFactory(email="victim@example.org")
        locks = []
        with time_machine.travel(START, tick=False) as clock:
            for _ in range(8):  # an attacker who comes back after every lock
                for _ in range(5):
                    lockout.record_failure("victim@example.org")
                locks.append(lockout.seconds_locked("victim@example.org"))
                clock.shift(timedelta(seconds=locks[-1] + 1))
            response = fresh_client().post(
                SITE_LOGIN, {"username": "victim@example.org", "password": PASSWORD}
            )
        assert locks == [60, 120, 240, 480, 900, 900, 900, 900]
        assert response.status_code == 302

    def test_a_successful_log_in_forgets_the_failures(self):
        UserFactory(email="amina@example.org")
        for password in ["x"] * 4 + [PASSWORD] + ["x"] * 4:
            fresh_client().post(SITE_LOGIN, {"username": "amina@example.org", "password": password})
        assert lockout.seconds_locked("amina@example.org") == 0

    def test_unknown_addresses_lock_too_so_the_lock_reveals_no_account(self):
        for _ in range(5):
            fresh_client().post(SITE_LOGIN, {"username": "nobody@example.org", "password": "x"})
        assert lockout.seconds_locked("nobody@example.org") > 0


class TestOneLimiterForEveryLogInPath:
    def test_site_admin_and_api_keys_share_one_count(self):
        member = UserFactory()
        browser = Client()
        with time_machine.travel(START, tick=False):
            browser.get(SITE_LOGIN)
            assert DEVICE_COOKIE in browser.cookies
            for n in range(4):
                browser.post(SITE_LOGIN, {"username": f"a{n}@example.org", "password": "x"})
            for n in range(3):
                browser.post(ADMIN_LOGIN, {"username": f"b{n}@example.org", "password": "x"})
            browser.force_login(member)
            for n in range(3):
                made = browser.post("/sv/accounts/api-tokens/", {"name": f"key {n}"})
                assert made.status_code == 200
            assert browser.post("/sv/accounts/api-tokens/", {"name": "one more"}).status_code == 429
            # (Client.logout() would throw the device cookie away too.)
            assert browser.post(ADMIN_LOGIN, {"username": "c@example.org"}).status_code == 429
            assert browser.post(SITE_LOGIN, {"username": "c@example.org"}).status_code == 429

    def test_many_devices_at_one_address_meet_the_address_backstop(self, settings):
        settings.LOGIN_ATTEMPTS_PER_ADDRESS = 12
        with time_machine.travel(START, tick=False):
            answers = [
                fresh_client().post(SITE_LOGIN, {"username": f"p{n}@example.org", "password": "x"})
                for n in range(13)
            ]
        assert [a.status_code for a in answers] == [200] * 12 + [429]


class TestSignUpsAtAnOffice:
    def test_fifteen_people_on_the_office_wi_fi_sign_up_in_ten_minutes(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        office = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
        with time_machine.travel(START, tick=False) as clock:
            for n in range(15):
                phone = Client(**office)
                phone.get("/sv/accounts/signup/")
                # A first try with a weak password, then the real one.
                weak = {"email": f"person{n}@example.org", "password": "123"}
                assert phone.post("/sv/accounts/signup/", weak).status_code == 200
                good = {"email": f"person{n}@example.org", "password": PASSWORD}
                assert phone.post("/sv/accounts/signup/", good).status_code == 302
                clock.shift(timedelta(seconds=40))

    def test_a_flood_from_one_device_is_refused(self):
        browser = Client()
        with time_machine.travel(START, tick=False):
            browser.get("/sv/accounts/signup/")
            answers = [
                browser.post(
                    "/sv/accounts/signup/", {"email": f"f{n}@example.org", "password": "1"}
                )
                for n in range(6)
            ]
        assert [a.status_code for a in answers] == [200] * 5 + [429]
