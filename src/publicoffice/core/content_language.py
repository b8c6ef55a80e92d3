"""Which language a translated field is actually shown in.

When an office has no Arabic description, an Arabic page shows the English
or Swedish one (modeltranslation's fallback). Screen readers must then read
it with an English or Swedish voice, so templates mark such text with its
real language: ``<div lang="{% shown_language office 'description' %}">``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import get_language


def fallback_chain(language: str) -> list[str]:
    """The language itself, then its fallbacks in the order modeltranslation uses."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = [language, *fallbacks.get(language, fallbacks.get("default", ()))]
    return list(dict.fromkeys(chain))


def shown_language(obj: Any, field: str, language: str | None = None) -> str:
    """The language code of the value ``getattr(obj, field)`` returns now."""
    language = language or get_language() or settings.LANGUAGE_CODE
    for code in fallback_chain(language):
        if getattr(obj, f"{field}_{code.replace('-', '_')}", None):
            return code
    return language
