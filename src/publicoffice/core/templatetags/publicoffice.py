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


@register.filter
def json_ld(value: Any) -> SafeString:
    """Serialise structured data for a ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are escaped so that text from the database can
    never close the script element.
    """
    text = json.dumps(value, ensure_ascii=False, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above
