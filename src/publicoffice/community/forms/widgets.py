"""Widgets that mark each option with its language, so screen readers say
"العربية" with an Arabic voice and not as Swedish letters."""

from __future__ import annotations

from typing import Any

from django import forms


class LanguageSelect(forms.Select):
    """A select whose options carry ``lang``: the option's value is the code,
    unless ``languages`` maps values to codes."""

    def __init__(self, *args: Any, languages: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.languages = languages

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        code = str(value) if self.languages is None else self.languages.get(str(value), "")
        if code:
            option["attrs"]["lang"] = code
        return option
