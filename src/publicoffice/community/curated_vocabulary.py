"""The curated words for what people in a Swedish suburb offer and look for.

Plain data, so that the data migrations and the demo can all load it
without touching models. Every word has a name in each of the six interface
languages (Swedish, English, Arabic, Persian, Somali, Tigrinya), and
synonyms in any language: what people actually type ("bokföring",
"redovisning", "accounting", "محاسبة", "حسابداری", "xisaabaad"). The
Persian, Somali and Tigrinya names are the team's drafts, like the rest of
those translations (``docs/translation/``); a reviewer corrects them here.

Migration ``0002`` installs the list; ``0004`` fills in the names and
synonyms that an earlier list lacked, in a database migrated before, without
replacing what a platform admin has written.

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
