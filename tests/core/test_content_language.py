"""Marking translated content with the language it is really shown in."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from publicoffice.core.content_language import fallback_chain, shown_language


def test_fallback_chain_follows_the_settings():
    assert fallback_chain("ar") == ["ar", "en", "sv"]
    assert fallback_chain("en") == ["en", "sv"]
    assert fallback_chain("sv") == ["sv", "en"]


def test_shown_language_picks_the_first_filled_field():
    office = SimpleNamespace(name_sv="Kontoret", name_en="", name_ar="المكتب", name_so=None)
    assert shown_language(office, "name", "ar") == "ar"
    assert shown_language(office, "name", "so") == "sv"  # no so, no en: Swedish
    with translation.override("en"):
        assert shown_language(office, "name") == "sv"


def test_nothing_filled_means_the_page_language():
    assert shown_language(SimpleNamespace(), "name", "ti") == "ti"
