"""The six interface languages, and the two Django does not know.

Django ships no locale information for Somali (``so``) or Tigrinya (``ti``).
We register their names, script direction and formats here so that
``<html lang dir>``, the language picker and date formatting work for them
like for any built-in language.
"""

from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

# Order is the order of the language picker: Swedish first.
LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
]
LANGUAGE_CODES = [code for code, _name in LANGUAGES]
RTL_LANGUAGES = frozenset({"ar", "fa"})

EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}


def register_extra_languages() -> None:
    """Add Somali and Tigrinya to Django's table of language information."""
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


def endonym(code: str) -> str:
    """Return a language's name in its own script ("العربية" for ``ar``)."""
    info = LANG_INFO.get(code) or EXTRA_LANG_INFO.get(code)
    return str(info["name_local"]) if info else code
