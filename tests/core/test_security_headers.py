"""Every kind of response carries the Content-Security-Policy and the Permissions-Policy.

The policy itself is in the settings (docs/decisions/0009); these tests pin
what it must say, that pages, the admin, the API, its docs and the error
pages all get it, and that an inline script's nonce is the header's and new
on every request.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

import publicoffice
from publicoffice.core.security_headers import PERMISSIONS_POLICY, tile_source
from tests.events import conftest as events_fixtures
from tests.factories import OfficeFactory, UserFactory

pytestmark = pytest.mark.django_db

frozen = events_fixtures.frozen
office = events_fixtures.office
room = events_fixtures.room
host = events_fixtures.host
arabic = events_fixtures.arabic
event = events_fixtures.event

NONCE_IN_HEADER = re.compile(r"'nonce-([^']+)'")
INLINE_ELEMENT = re.compile(r"<(script|style)\b([^>]*)>", re.I)


def directives(response) -> dict[str, list[str]]:
    """The CSP header as ``{directive: [sources]}``."""
    header = response.headers["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_both_headers(response) -> None:
    assert "Content-Security-Policy" in response.headers, response.request["PATH_INFO"]
    assert response.headers["Permissions-Policy"] == PERMISSIONS_POLICY


def inline_nonces(html: str) -> list[str | None]:
    """The nonce of every inline ``<script>`` and ``<style>`` (None when it has none).

    ``json_script``'s ``application/json`` blocks are data the browser never
    runs (nor does the CSP look at them); Django gives them no nonce.
    """
    found = []
    for _tag, attributes in INLINE_ELEMENT.findall(html):
        if "src=" in attributes or 'type="application/json"' in attributes:
            continue  # json_script's data blocks never run, and take no nonce
        nonce = re.search(r'nonce="([^"]*)"', attributes)
        found.append(nonce.group(1) if nonce else None)
    return found


class TestThePolicy:
    def test_it_allows_this_site_and_the_tiles_only(self, client):
        policy = directives(client.get("/api/v1/offices"))
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"][0] == "'self'"
        assert "'unsafe-inline'" not in policy["script-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert "'unsafe-inline'" not in policy["style-src"]
        assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]

    @pytest.mark.parametrize(
        ("url", "source"),
        [
            ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
            ("https://{s}.tiles.example.se/{z}/{x}/{y}.png", "https://*.tiles.example.se"),
            ("http://localhost:8080/tiles/{z}/{x}/{y}.png", "http://localhost:8080"),
            ("/tiles/{z}/{x}/{y}.png", ""),
        ],
    )
    def test_the_tile_server_comes_from_the_tile_url(self, url, source):
        assert tile_source(url) == source

    def test_no_powerful_feature_is_allowed(self):
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in PERMISSIONS_POLICY.split(", ")


class TestEveryKindOfResponse:
    def test_pages(self, client, event, office):
        for url in (
            "/sv/",
            f"/sv/offices/{office.slug}/",
            f"/ar/events/{event.public_id}/",
            "/en/about/",
            reverse("admin:login"),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_both_headers(response)

    def test_the_api_its_docs_and_health(self, client, office):
        for url in ("/api/v1/offices", f"/api/v1/offices/{office.slug}", "/api/v1/docs"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert_both_headers(response)
        assert_both_headers(client.get("/health/"))

    def test_errors(self, client):
        assert_both_headers(client.get("/sv/nowhere-at-all/"))
        assert_both_headers(client.get("/api/v1/offices/nowhere"))
        assert_both_headers(client.get("/api/v1/offices?page=0"))
        bad_key = client.get("/api/v1/offices", headers={"Authorization": "Bearer wrong"})
        assert bad_key.status_code == 401
        assert_both_headers(bad_key)

    @pytest.mark.urls("tests.core.error_urls")
    @override_settings(DEBUG=False)
    def test_a_server_error_page(self):
        client = Client(raise_request_exception=False)
        response = client.get("/sv/test-errors/boom/")
        assert response.status_code == 500
        assert_both_headers(response)

    def test_an_admin_change_page_has_no_inline_script(self, client):
        admin = UserFactory(email="root@ex.org", is_superuser=True)
        office = OfficeFactory()
        client.force_login(admin)
        response = client.get(reverse("admin:places_office_change", args=[office.pk]))
        assert response.status_code == 200
        assert_both_headers(response)
        assert None not in inline_nonces(response.content.decode())


class TestNonces:
    def test_inline_scripts_carry_the_headers_nonce(self, client, office, event):
        for url in (f"/sv/offices/{office.slug}/", f"/sv/events/{event.public_id}/"):
            response = client.get(url)
            header_nonce = NONCE_IN_HEADER.search(response.headers["Content-Security-Policy"])
            assert header_nonce, url
            nonces = inline_nonces(response.content.decode())
            assert nonces, f"{url} has no inline script"
            assert set(nonces) == {header_nonce.group(1)}, url
            assert f"'nonce-{header_nonce.group(1)}'" in directives(response)["script-src"]

    def test_a_new_nonce_on_every_request(self, client, office):
        url = f"/sv/offices/{office.slug}/"
        first, second = (
            NONCE_IN_HEADER.search(client.get(url).headers["Content-Security-Policy"])
            for _ in range(2)
        )
        assert first and second
        assert first.group(1) != second.group(1)

    def test_no_template_of_ours_has_an_inline_element_without_it(self):
        """Every inline ``<script>``/``<style>`` in our templates takes the nonce."""
        missing = []
        for template in _our_templates():
            html = template.read_text()
            for tag, attributes in INLINE_ELEMENT.findall(html):
                if "src=" in attributes or "/email/" in str(template):  # e-mails: no CSP
                    continue
                if "csp_nonce" not in attributes:
                    missing.append(f"{template}: <{tag}{attributes}>")
        assert not missing, "\n".join(missing)


def _our_templates() -> list[Path]:
    root = Path(publicoffice.__file__).parent
    return sorted(root.glob("**/templates/**/*.html"))


def test_every_page_that_loads_htmx_configures_it_for_the_policy():
    """htmx would add a ``<style>`` of its own (blocked) unless its meta tag says not to."""
    for template in _our_templates():
        html = template.read_text()
        if "htmx-2.min.js" in html:
            assert '"includeIndicatorStyles": false' in html, template
