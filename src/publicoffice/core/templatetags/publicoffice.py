"""Template helpers shared by every app."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.urls import translate_url
from django.utils.safestring import SafeString, mark_safe

from publicoffice.core import content_language

register = template.Library()

#: Query parameters never copied into other links.
SECRET_PARAMETERS = ("key",)


@register.simple_tag(takes_context=True)
def url_in_language(context: template.Context, language: str) -> str:
    """The current page's address in another language (for the picker).

    The query string is kept (filters stay on), except secrets such as a
    kiosk's unlock ``key``, which must not spread into links.
    """
    request = context.get("request")
    if request is None:
        return f"/{language}/"
    query = request.GET.copy()
    for secret in SECRET_PARAMETERS:
        query.pop(secret, None)
    path = request.path + (f"?{query.urlencode()}" if query else "")
    return translate_url(path, language)


@register.simple_tag
def shown_language(obj: Any, field: str) -> str:
    """The language a translated field is shown in (for a ``lang`` attribute)."""
    return content_language.shown_language(obj, field)


@register.simple_tag
def translated(obj: Any, field: str, *, quiet: bool = False, auto_dir: bool = False) -> SafeString:
    """A translated field, marked when it falls back to another language.

    ``{% translated event "title" %}`` gives the escaped title, or, when the
    page's language has none, ``<span lang="en">…</span> (in English)``.
    ``quiet=True`` leaves out the visible note (names; items of a list that
    has one ``{% fallback_note %}``); ``auto_dir=True`` for texts members
    write, whose script can be anything.
    """
    if obj is None:
        return mark_safe("")
    text = content_language.shown(obj, field)
    return content_language.inline_html(text, quiet=quiet, auto_dir=auto_dir)


@register.simple_tag
def translated_text(obj: Any, field: str, *, css: str = "", auto_dir: bool = False) -> SafeString:
    """A long translated field as paragraphs in a ``<div class="{css}">``,
    after a "Not translated yet" note when it falls back."""
    if obj is None:
        return mark_safe("")
    text = content_language.shown(obj, field)
    return content_language.block_html(text, css=css, auto_dir=auto_dir)


@register.simple_tag
def in_language(
    value: Any, language: str, *, quiet: bool = False, auto_dir: bool = False
) -> SafeString:
    """Like ``translated`` for a text whose language was worked out before
    (an opening-hours row's reason, an accessibility row)."""
    page = content_language.page_language()
    text = content_language.ShownText(str(value or ""), language or page, page)
    return content_language.inline_html(text, quiet=quiet, auto_dir=auto_dir)


@register.simple_tag
def fallback_note(objects: Any, *fields: str) -> SafeString:
    """One "Not translated yet" note for a list whose items fall back."""
    return content_language.note_html(content_language.fallback_languages(objects or (), fields))


@register.filter
def json_ld(value: Any) -> SafeString:
    """Serialise structured data for a ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are escaped so that text from the database can
    never close the script element.
    """
    text = json.dumps(value, ensure_ascii=False, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above
