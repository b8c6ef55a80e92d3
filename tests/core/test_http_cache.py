"""Conditional GET for the open-data files and the private booking feed (core/http_cache.py)."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from publicoffice.core.http_cache import answer_with_body_etag, body_etag, version_etag
from tests.factories import OfficeFactory

OPEN_DATA = [
    "opendata:catalog",
    "opendata:opening_hours_json",
    "opendata:opening_hours_csv",
    "opendata:figures_json",
    "opendata:figures_csv",
]


def test_version_etags_tell_none_from_zero_and_are_quoted():
    assert version_etag([None]) != version_etag([0])
    assert version_etag(["a", 1]) == version_etag(["a", 1])
    assert version_etag(["a"]).startswith('"') and version_etag(["a"]).endswith('"')


def test_only_a_200_gets_a_body_etag():
    request = RequestFactory().get("/", HTTP_IF_NONE_MATCH=body_etag(b"x"))
    missing = answer_with_body_etag(request, HttpResponse(b"x", status=404), max_age=60)
    assert missing.status_code == 404 and "ETag" not in missing
    found = answer_with_body_etag(request, HttpResponse(b"x"), max_age=60)
    assert found.status_code == 304
    assert found["ETag"] == body_etag(b"x")
    assert "max-age=60" in found["Cache-Control"] and "public" in found["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", OPEN_DATA)
def test_an_unchanged_open_data_file_costs_a_304(client, name):
    OfficeFactory(slug="ronna", name="Ronna kontor")
    first = client.get(reverse(name))
    assert first.status_code == 200 and first["ETag"]
    assert "max-age=600" in first["Cache-Control"]
    again = client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"
    assert again["ETag"] == first["ETag"]


@pytest.mark.django_db
def test_a_changed_office_changes_the_hours_file(client):
    office = OfficeFactory(slug="ronna", name="Ronna kontor")
    url = reverse("opendata:opening_hours_json")
    first = client.get(url)
    office.name = "Ronna kontor, nya lokalen"
    office.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
