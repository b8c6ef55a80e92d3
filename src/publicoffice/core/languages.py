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


def without_language_prefix(path: str) -> str:
    """``/so/offices/ronna/`` as ``/offices/ronna/``: an address any language can open.

    Django's ``LocaleMiddleware`` sends such an address on to the visitor's
    own language: the one they chose here before (the language cookie), else
    the first of their browser's languages that we have, else Swedish.
    """
    first, _slash, rest = path.lstrip("/").partition("/")
    return f"/{rest}" if first in LANGUAGE_CODES else path


def register_extra_languages() -> None:
    """Add Somali and Tigrinya to Django's table of language information."""
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


def endonym(code: str) -> str:
    """Return a language's name in its own script ("العربية" for ``ar``)."""
    info = LANG_INFO.get(code) or EXTRA_LANG_INFO.get(code)
    return str(info["name_local"]) if info else code
