"""Which language a translated field is actually shown in, and saying so.

Operators write office descriptions, space names, event texts and the like
in the languages they can (django-modeltranslation keeps one column per
language). When the Somali description is missing, a Somali page shows the
English or Swedish one (``MODELTRANSLATION_FALLBACK_LANGUAGES``). Left
unmarked, that text sits in a page marked ``<html lang="so">``: a screen
reader reads English words with a Somali voice, and nobody can tell that a
translation is missing. So templates show such text

* inside an element with its real ``lang`` (and ``dir`` when its direction
  differs from the page's: English inside an Arabic page is ``ltr``), and
* with a small note in the page's language, "(in English)" after a short
  text, "Not translated yet: shown in English." before a long one.

Names (of offices, spaces) are marked with ``lang`` only: they are proper
names, not a translation the reader is missing. Lists get one note, not one
per word.

We read modeltranslation's per-language attributes (``description_so``,
``description_en``...) in modeltranslation's own order, so we always name the
language of the very text its descriptor returns; nothing is queried.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext_lazy
from modeltranslation.utils import build_localized_fieldname, resolution_order

from publicoffice.core.languages import LANGUAGE_CODES, LANGUAGES, RTL_LANGUAGES

#: The languages a text can fall back to, each with its own grammar.
_IN_LANGUAGE = {
    "en": pgettext_lazy("text shown in another language", "(in English)"),
    "sv": pgettext_lazy("text shown in another language", "(in Swedish)"),
}
_NOT_TRANSLATED = {
    "en": pgettext_lazy("text shown in another language", "Not translated yet: shown in English."),
    "sv": pgettext_lazy("text shown in another language", "Not translated yet: shown in Swedish."),
}
_LANGUAGE_NAMES = dict(LANGUAGES)


@dataclass(frozen=True)
class ShownText:
    """A translated value with the language it is written in."""

    value: str
    language: str
    page_language: str

    @property
    def is_fallback(self) -> bool:
        """True when the page's language had no text and another one is shown."""
        return self.language != self.page_language

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def changes_direction(self) -> bool:
        return direction(self.language) != direction(self.page_language)


def page_language() -> str:
    """The language the page is rendered in (the one in ``<html lang>``)."""
    return get_language() or settings.LANGUAGE_CODE


def direction(language: str) -> str:
    """``rtl`` for Arabic and Persian, ``ltr`` for the others."""
    return "rtl" if language in RTL_LANGUAGES else "ltr"


def fallback_chain(language: str, fallbacks: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The language itself, then its fallbacks, in the order modeltranslation reads them."""
    return list(resolution_order(language, fallbacks))


def _meaningful(value: Any) -> bool:
    # modeltranslation's test: None and "" (its "undefined") mean "not written".
    return value is not None and value != ""


def shown(obj: Any, field: str, language: str | None = None) -> ShownText:
    """What ``getattr(obj, field)`` shows in ``language`` (default: the page's),
    and the language that text is written in."""
    page = language or page_language()
    descriptor = getattr(type(obj), field, None)
    for code in fallback_chain(page, getattr(descriptor, "fallback_languages", None)):
        value = getattr(obj, build_localized_fieldname(field, code), None)
        if _meaningful(value):
            return ShownText(str(value), _written_in(obj, field, value, code), page)
    value = getattr(obj, field, "")
    return ShownText("" if value is None else str(value), page, page)


def _written_in(obj: Any, field: str, value: Any, code: str) -> str:
    """The language of a text found in column ``code``.

    A member writing an event on an Arabic page has their text stored in
    the Arabic column *and* the default (Swedish) one, which every language
    falls back to (``events.services`` ``set_text``). So a text in the
    default column that sits, identical, in exactly one other column is in
    that column's language, not in Swedish.
    """
    if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return code
    twins = [
        other
        for other in LANGUAGE_CODES
        if other != code and getattr(obj, build_localized_fieldname(field, other), None) == value
    ]
    return twins[0] if len(twins) == 1 else code


def shown_language(obj: Any, field: str, language: str | None = None) -> str:
    """The language code of the value ``getattr(obj, field)`` returns now."""
    return shown(obj, field, language).language


def fallback_languages(objects: Iterable[Any], fields: Iterable[str]) -> list[str]:
    """The languages other than the page's that some of these texts are shown in."""
    field_names = list(fields)
    found: list[str] = []
    for obj in objects:
        for field in field_names:
            text = shown(obj, field)
            if text.value and text.is_fallback and text.language not in found:
                found.append(text.language)
    return found


def in_language_note(language: str) -> str:
    """The short note, such as "(in English)", in the page's language."""
    if language in _IN_LANGUAGE:
        return str(_IN_LANGUAGE[language])
    return f"({_LANGUAGE_NAMES.get(language, language)})"


def not_translated_note(language: str) -> str:
    """The note before a long text, such as "Not translated yet: shown in English."."""
    if language in _NOT_TRANSLATED:
        return str(_NOT_TRANSLATED[language])
    return in_language_note(language)


def _attributes(text: ShownText, *, auto_dir: bool) -> SafeString:
    """``lang`` when the text is not in the page's language; ``dir`` when needed.

    ``auto_dir`` is for texts members write (event titles): they may type
    any script into any language's field, so the browser decides.
    """
    lang = format_html(' lang="{}"', text.language) if text.is_fallback else ""
    if auto_dir:
        return format_html('{} dir="auto"', lang)
    if text.is_fallback and text.changes_direction:
        return format_html('{} dir="{}"', lang, text.direction)
    return format_html("{}", lang)


def inline_html(text: ShownText, *, quiet: bool = False, auto_dir: bool = False) -> SafeString:
    """A short text, escaped; in a ``<span lang>`` with "(in English)" after it
    when it falls back (``quiet``: the span only, for names and list items)."""
    if not text.value:
        return mark_safe("")
    attributes = _attributes(text, auto_dir=auto_dir)
    if not attributes:
        return conditional_escape(text.value)
    html = format_html("<span{}>{}</span>", attributes, text.value)
    if text.is_fallback and not quiet:
        html = format_html(
            '{} <small class="content-fallback">{}</small>', html, in_language_note(text.language)
        )
    return html


def block_html(text: ShownText, *, css: str = "", auto_dir: bool = False) -> SafeString:
    """A long text as escaped paragraphs in a ``<div>``, preceded, when it falls
    back, by a note the reader meets before the text."""
    if not text.value:
        return mark_safe("")
    css_attribute = format_html(' class="{}"', css) if css else ""
    body = format_html(
        "<div{}{}>{}</div>",
        css_attribute,
        _attributes(text, auto_dir=auto_dir),
        mark_safe(linebreaks(text.value, autoescape=True)),  # noqa: S308 - escaped by linebreaks
    )
    if not text.is_fallback:
        return body
    return format_html("{}{}", note_html([text.language]), body)


def note_html(languages: Iterable[str]) -> SafeString:
    """One "Not translated yet" paragraph for a text or a whole list."""
    notes = " ".join(not_translated_note(code) for code in languages)
    if not notes:
        return mark_safe("")
    return format_html('<p class="meta content-fallback-note">{}</p>', notes)
