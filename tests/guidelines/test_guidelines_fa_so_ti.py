"""The ten guidelines are given in all six languages (migration ``guidelines.0004``).

Persian, Somali and Tigrinya readers of the About page read the guidelines
in their own language. The migration only fills in what is empty, so a
platform admin's own wording survives it.
"""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.utils import translation

from publicoffice.guidelines.models import Guideline

migration = import_module("publicoffice.guidelines.migrations.0004_the_ten_guidelines_fa_so_ti")

pytestmark = pytest.mark.django_db

SCRIPTS = {"fa": ("\u0600", "\u06ff"), "ti": ("\u1200", "\u137f")}


def test_every_guideline_has_a_title_and_text_in_six_languages():
    guidelines = list(Guideline.objects.order_by("number"))
    assert [g.number for g in guidelines] == list(range(1, 11))
    for guideline in guidelines:
        for code in ("sv", "en", "ar", "fa", "so", "ti"):
            title = getattr(guideline, f"title_{code}")
            text = getattr(guideline, f"text_{code}")
            assert title and text and title.strip() == title, (guideline.number, code)
        for code, (first, last) in SCRIPTS.items():
            text = getattr(guideline, f"text_{code}")
            assert any(first <= char <= last for char in text), (guideline.number, code)
        assert guideline.text_so.isascii(), guideline.number


def test_persian_readers_read_persian():
    with translation.override("fa"):
        first = Guideline.objects.get(number=1)
        assert first.title == "حقوق بشر"
    with translation.override("ti"):
        assert Guideline.objects.get(number=1).title == "ሰብኣዊ መሰላት"


def test_an_admins_wording_is_kept_and_empty_texts_are_filled():
    Guideline.objects.filter(number=1).update(title_so="Xuquuqda qofka", text_so="")
    Guideline.objects.filter(number=2).update(title_ti=None)

    migration.fill_in(apps, None)

    first = Guideline.objects.get(number=1)
    assert first.title_so == "Xuquuqda qofka"
    assert first.text_so == migration.GUIDELINES[1][1][1]
    assert Guideline.objects.get(number=2).title_ti == migration.GUIDELINES[2][2][0]
