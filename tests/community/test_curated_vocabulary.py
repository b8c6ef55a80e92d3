"""The curated vocabulary's data file: it loads, and every word is complete.

The words are kept in ``curated_vocabulary.json`` beside the loader, where
no type checker looks, so these tests read the file as it ships and hold
it to what the loader, the data migration and the profile form expect.
No database: the file is checked on its own.
"""

from __future__ import annotations

import json
from importlib.resources import files

from publicoffice.community.curated_vocabulary import (
    CURATED_WORDS,
    CuratedWord,
    curated_rows,
)
from publicoffice.community.models import TagGroup

LANGUAGES = ("sv", "en", "ar", "fa", "so", "ti")


def read_file() -> list[dict[str, object]]:
    text = (files("publicoffice.community") / "curated_vocabulary.json").read_text("utf-8")
    return json.loads(text)


def test_the_file_loads_as_the_words_the_code_uses():
    words = read_file()
    assert isinstance(words, list) and len(words) >= 40
    assert words == CURATED_WORDS


def test_every_word_has_swedish_english_and_arabic_names():
    for word in read_file():
        for code in ("sv", "en", "ar"):
            name = word.get(code)
            assert isinstance(name, str) and name.strip() == name and name, (word, code)
        assert any("\u0600" <= char <= "\u06ff" for char in str(word["ar"])), word["slug"]


def test_every_word_has_a_unique_slug_a_known_group_and_only_known_keys():
    words = read_file()
    slugs = [word["slug"] for word in words]
    assert len(set(slugs)) == len(slugs)
    groups = {choice.value for choice in TagGroup} - {TagGroup.OTHER}
    for word in words:
        assert set(word) <= set(CuratedWord.__annotations__), word["slug"]
        assert word["group"] in groups, word["slug"]
        for code in LANGUAGES:
            assert isinstance(word.get(code, ""), str), (word["slug"], code)


def test_synonyms_are_a_list_of_words_without_repeats():
    for word in read_file():
        synonyms = word.get("synonyms", [])
        assert isinstance(synonyms, list), word["slug"]
        assert all(isinstance(s, str) and s.strip() for s in synonyms), word["slug"]
        assert len(set(synonyms)) == len(synonyms), word["slug"]


def test_rows_for_the_migration_name_every_language():
    rows = curated_rows()
    assert [row["slug"] for row in rows] == [word["slug"] for word in CURATED_WORDS]
    for row, word in zip(rows, CURATED_WORDS, strict=True):
        assert row["name"] == word["sv"] and row["is_curated"] is True
        assert row["synonyms"] == "\n".join(word.get("synonyms", []))
        for code in LANGUAGES:
            assert row[f"name_{code}"] == (word.get(code) or None)


def test_every_word_has_a_name_in_all_six_languages_in_its_script():
    """Persian and Tigrinya readers see the vocabulary in their own language, not a fallback."""
    for word in read_file():
        for code in LANGUAGES:
            name = word.get(code)
            assert isinstance(name, str) and name and name.strip() == name, (word["slug"], code)
            assert len(name) <= 80, (word["slug"], code)  # the column's length
        assert any("\u0600" <= char <= "\u06ff" for char in str(word["fa"])), word["slug"]
        assert "ي" not in str(word["fa"]) and "ك" not in str(word["fa"]), word["slug"]
        assert any("\u1200" <= char <= "\u137f" for char in str(word["ti"])), word["slug"]
        assert str(word["so"]).isascii(), word["slug"]  # Somali's Latin orthography
