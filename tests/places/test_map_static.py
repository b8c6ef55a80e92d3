"""The maps' marker images in production, where static file names carry a hash.

Leaflet guesses where its marker images are from the address of
``leaflet.css``; once that is ``leaflet.<hash>.css`` the guess fails and
every marker asked for ``marker-icon.png`` next to the page (``/sv/marker-icon.png``,
404). The map element now carries the real addresses, made by ``{% static %}``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db

MANIFEST = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
ICONS = {
    "data-marker-icon": "leaflet/images/marker-icon.png",
    "data-marker-icon-retina": "leaflet/images/marker-icon-2x.png",
    "data-marker-shadow": "leaflet/images/marker-shadow.png",
}


@pytest.fixture
def production_static(settings, tmp_path: Path) -> Path:
    """Static files collected with hashed names, as in production."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST}}
    call_command("collectstatic", interactive=False, verbosity=0)
    # Django's setting_changed signal has given staticfiles_storage the new backend.
    assert re.search(r"leaflet\.[0-9a-f]{12}\.css$", staticfiles_storage.url("leaflet/leaflet.css"))
    return tmp_path


def _attributes(html: str, element_id: str) -> dict[str, str]:
    tag = re.search(rf'<div id="{element_id}"[^>]*>', html)
    assert tag, f"no #{element_id} on the page"
    return dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', tag.group(0)))


@pytest.mark.parametrize("page", ["home", "office"])
def test_the_map_names_its_hashed_marker_images(client: Client, production_static, page):
    office = OfficeFactory(slug="ronna")
    path, element = (
        ("/sv/", "network-map")
        if page == "home"
        else (
            f"/sv/offices/{office.slug}/",
            "office-map",
        )
    )
    html = client.get(path).content.decode()
    data = _attributes(html, element)
    for attribute, name in ICONS.items():
        url = data[attribute]
        assert re.fullmatch(rf"/static/{name[:-4]}\.[0-9a-f]{{12}}\.png", url), url
        # The file is there under that name, so the request for it answers 200.
        assert (production_static / url.removeprefix("/static/")).is_file()
    # And the script that reads them is the hashed one of this release.
    assert re.search(r'src="/static/publicoffice/map\.[0-9a-f]{12}\.js"', html)


def test_the_script_uses_the_addresses_the_page_gives():
    script = (Path(__file__).parents[2] / "src/publicoffice/static/publicoffice/map.js").read_text()
    for key in ("markerIcon", "markerIconRetina", "markerShadow"):
        assert f"data.{key}" in script
    assert 'L.Icon.Default.imagePath = ""' in script
