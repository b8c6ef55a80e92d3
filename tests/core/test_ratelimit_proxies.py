"""The client's address behind trusted proxies, and counts any worker can see."""

from __future__ import annotations

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import connection
from django.test import RequestFactory

from publicoffice.core import ratelimit
from publicoffice.core.client_address import client_address
from tests.core.test_settings_and_cli import run

PROXY = "10.0.0.2"


def request(forwarded: str = "", remote: str = PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/sv/accounts/login/", **meta)


class TestClientAddress:
    def test_without_trusted_proxies_the_header_is_ignored(self, settings):
        settings.TRUSTED_PROXY_COUNT = 0
        assert client_address(request("203.0.113.9")) == PROXY

    def test_one_proxy_gives_the_right_most_entry(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        assert client_address(request("203.0.113.9")) == "203.0.113.9"
        # The client wrote the left-most entries itself: never believed.
        assert client_address(request("1.2.3.4, 203.0.113.9")) == "203.0.113.9"
        assert client_address(request(" 6.6.6.6 ,1.2.3.4,203.0.113.9 ")) == "203.0.113.9"

    def test_two_proxies_count_two_hops_from_the_right(self, settings):
        settings.TRUSTED_PROXY_COUNT = 2
        assert client_address(request("1.2.3.4, 203.0.113.9, 10.0.0.1")) == "203.0.113.9"

    def test_fewer_hops_than_proxies_falls_back_to_the_peer(self, settings):
        settings.TRUSTED_PROXY_COUNT = 2
        assert client_address(request("203.0.113.9")) == PROXY
        assert client_address(request("")) == PROXY


class TestLimitsBehindAProxy:
    def test_visitors_behind_the_proxy_are_counted_apart(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for _ in range(3):
            assert ratelimit.hit(request("203.0.113.9"), "t", limit=3, window=600)
        assert not ratelimit.hit(request("203.0.113.9"), "t", limit=3, window=600)
        assert ratelimit.hit(request("198.51.100.4"), "t", limit=3, window=600)

    def test_spoofed_left_most_entries_do_not_make_a_new_client(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for n in range(3):
            assert ratelimit.hit(request(f"1.1.1.{n}, 203.0.113.9"), "t", limit=3, window=600)
        assert not ratelimit.hit(request("9.9.9.9, 203.0.113.9"), "t", limit=3, window=600)

    def test_without_trusted_proxies_a_forged_header_changes_nothing(self, settings):
        settings.TRUSTED_PROXY_COUNT = 0
        for n in range(3):
            assert ratelimit.hit(request(f"1.1.1.{n}"), "t", limit=3, window=600)
        assert not ratelimit.hit(request("9.9.9.9"), "t", limit=3, window=600)


class TestSharedCounts:
    def test_the_key_depends_on_the_client_only_and_hides_the_address(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        first = ratelimit.client_key(request("203.0.113.9"), "login", 300)
        again = ratelimit.client_key(
            request("5.5.5.5, 203.0.113.9", remote="10.0.0.3"), "login", 300
        )
        other = ratelimit.client_key(request("198.51.100.4"), "login", 300)
        assert first == again != other
        assert "203.0.113.9" not in first

    @pytest.mark.django_db(transaction=True)
    def test_two_workers_on_one_database_cache_share_the_count(self, settings, monkeypatch):
        """Two cache clients on one table stand for two web workers."""
        table = "po_test_ratelimit_cache"
        command = CreateCacheTable()
        command.verbosity = 0
        command.create_table("default", table, dry_run=False)
        try:
            workers = [DatabaseCache(table, {}), DatabaseCache(table, {})]
            for n in range(4):
                monkeypatch.setattr(ratelimit, "cache", workers[n % 2])
                assert ratelimit.hit(request(), "shared", limit=4, window=600)
            for worker in workers:
                monkeypatch.setattr(ratelimit, "cache", worker)
                assert not ratelimit.hit(request(), "shared", limit=4, window=600)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE {table}")


def test_the_cache_follows_the_environment(tmp_path):
    show = ["shell", "-c", "from django.conf import settings; print(settings.CACHES)"]
    production = {
        "PUBLICOFFICE_ENV": "production",
        "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "publicoffice.example.org",
        "PUBLICOFFICE_DATA_DIR": str(tmp_path),
    }
    redis = run(show, {**production, "REDIS_URL": "redis://cache.internal:6379/1"}, tmp_path)
    assert "RedisCache" in redis.stdout and "redis://cache.internal:6379/1" in redis.stdout
    database = run(show, production, tmp_path)
    assert "DatabaseCache" in database.stdout, database.stderr
    local = run(show, {"PUBLICOFFICE_DATA_DIR": str(tmp_path)}, tmp_path)
    assert "LocMemCache" in local.stdout, local.stderr
    wrong = run(show, {**production, "CACHE_URL": "memcached://x"}, tmp_path)
    assert wrong.returncode != 0 and "CACHE_URL" in wrong.stderr
