"""HTML and JSON leave gzipped for clients that accept it; static files stay WhiteNoise's."""

from __future__ import annotations

import gzip

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import OfficeFactory

GZIP = "django.middleware.gzip.GZipMiddleware"


def test_gzip_wraps_every_middleware_that_writes_a_body_but_not_whitenoise():
    """WhiteNoise answers static files before GZip sees them (its own .gz copies in
    production); everything inside GZip may change the body before it is compressed."""
    order = settings.MIDDLEWARE
    assert order.index("whitenoise.middleware.WhiteNoiseMiddleware") < order.index(GZIP)
    assert order.index(GZIP) == 2  # right after security and WhiteNoise


@pytest.fixture
def home_url(db):
    for n in range(8):
        OfficeFactory(slug=f"kontor-{n}", name=f"Kontor {n}")
    with translation.override("sv"):
        return reverse("places:home")


def test_the_home_page_is_gzipped_for_a_client_that_accepts_it(client, home_url):
    plain = client.get(home_url)
    assert plain.status_code == 200
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]

    packed = client.get(home_url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content)
    assert b"Kontor 7" in html
    assert len(packed.content) < len(html) / 2


def test_json_is_gzipped_too(client, db):
    for n in range(20):
        OfficeFactory(slug=f"kontor-{n}", name=f"Kontor {n}")
    response = client.get(reverse("opendata:opening_hours_json"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"kontor-19" in gzip.decompress(response.content)


def test_static_files_are_served_by_whitenoise_not_recompressed(client):
    response = client.get(
        settings.STATIC_URL + "publicoffice/site.css", HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response.status_code == 200
    # WhiteNoise answered (GZip never ran): in development there are no .gz
    # copies, so the file goes as it is; in production collectstatic writes them.
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content)
