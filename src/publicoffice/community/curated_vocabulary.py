"""The curated words for what people in a Swedish suburb offer and look for.

Plain data, so that the data migration and the demo can both load it
without touching models. Every word has a name in Swedish, English and
Arabic, and synonyms in any language: what people actually type
("bokföring", "redovisning", "accounting", "محاسبة", "xisaabaad"). Persian,
Somali and Tigrinya names are left empty where no reviewed translation
exists yet; the interface falls back to English, then Swedish.

The words live in ``curated_vocabulary.json`` beside this module, so that
translators and reviewers can edit them without reading Python, and so the
list does not swell the code. Platform admins extend and correct the
list in the admin; this file is only the starting point.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any, TypedDict


class CuratedWord(TypedDict, total=False):
    slug: str
    group: str
    sv: str
    en: str
    ar: str
    fa: str
    so: str
    ti: str
    synonyms: list[str]


#: The package resource the words are read from (it ships in the wheel).
DATA_FILE = files("publicoffice.community") / "curated_vocabulary.json"

CURATED_WORDS: list[CuratedWord] = json.loads(DATA_FILE.read_text(encoding="utf-8"))


def curated_rows() -> list[dict[str, Any]]:
    """The list as model field values (``name_sv`` ...), ready for ``update_or_create``."""
    rows: list[dict[str, Any]] = []
    for word in CURATED_WORDS:
        row: dict[str, Any] = {
            "slug": word["slug"],
            "group": word["group"],
            "name": word["sv"],
            "synonyms": "\n".join(word.get("synonyms", [])),
            "is_curated": True,
        }
        for code in ("sv", "en", "ar", "fa", "so", "ti"):
            row[f"name_{code}"] = word.get(code) or None
        rows.append(row)
    return rows
