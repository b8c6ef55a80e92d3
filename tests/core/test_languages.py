"""Somali and Tigrinya are registered with Django like built-in languages."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.utils import formats, translation
from django.utils.translation import get_language_bidi, get_language_info

from publicoffice.core.languages import LANGUAGE_CODES, endonym, without_language_prefix


@pytest.mark.parametrize(("code", "local"), [("so", "Soomaali"), ("ti", "ትግርኛ")])
def test_language_info_for_languages_django_lacks(code, local):
    info = get_language_info(code)
    assert info["name_local"] == local
    assert info["bidi"] is False
    assert endonym(code) == local


@pytest.mark.parametrize("code", ["so", "ti"])
def test_date_formats_for_somali_and_tigrinya(code):
    with translation.override(code):
        assert formats.date_format(date(2026, 12, 24), "SHORT_DATE_FORMAT") == "24.12.2026"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_language_uses_the_24_hour_clock(code):
    with translation.override(code):
        assert formats.time_format(time(18, 5)) == "18:05"


@pytest.mark.parametrize(
    ("code", "rtl"), [("ar", True), ("fa", True), ("sv", False), ("so", False)]
)
def test_direction(code, rtl):
    with translation.override(code):
        assert get_language_bidi() is rtl


@pytest.mark.parametrize(
    ("path", "neutral"),
    [
        ("/sv/offices/ronna/checkin/abc/", "/offices/ronna/checkin/abc/"),
        ("/ti/", "/"),
        ("/offices/ronna/", "/offices/ronna/"),  # already neutral
        ("/de/offices/", "/de/offices/"),  # not one of ours: left alone
        ("/api/v1/offices", "/api/v1/offices"),
    ],
)
def test_without_language_prefix(path, neutral):
    assert without_language_prefix(path) == neutral
