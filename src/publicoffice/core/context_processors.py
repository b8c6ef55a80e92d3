"""Values every template needs: language direction, picker, map tiles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from publicoffice.core.languages import LANGUAGE_CODES, RTL_LANGUAGES, endonym


def site(request: HttpRequest) -> dict[str, Any]:
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "text_direction": "rtl" if language in RTL_LANGUAGES else "ltr",
        "language_choices": [(code, endonym(code)) for code in LANGUAGE_CODES],
        "current_language": language,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
