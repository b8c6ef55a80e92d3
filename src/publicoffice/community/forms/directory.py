"""The directory's filter form: a plain GET form, so every search is a link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.community.forms.widgets import LanguageSelect
from publicoffice.community.models import ProfileKind, Tag, TagGroup
from publicoffice.places.models import Language, Office

#: The longest search text taken; longer ones are refused with a message.
MAX_QUERY = 200


def _grouped_tags(tags: list[Tag], empty: str) -> list[Any]:
    """Tag choices under their group headings (``<optgroup>``), names sorted."""
    choices: list[Any] = [("", empty)]
    for group in TagGroup:
        members = sorted(
            (tag for tag in tags if tag.group == group), key=lambda tag: str(tag.name).casefold()
        )
        if members:
            choices.append((group.label, [(tag.slug, str(tag.name)) for tag in members]))
    return choices


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "dir": "auto"}),
        help_text=_("A name or a word in any language, like “bokföring” or “محاسبة”."),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    offer = forms.ChoiceField(label=_("Offers"), required=False)
    need = forms.ChoiceField(label=_("Looks for"), required=False)
    language = forms.ChoiceField(label=_("Speaks"), required=False)
    office = forms.ChoiceField(label=_("Office"), required=False)
    new_in_town = forms.BooleanField(label=_("Only people new in town"), required=False)

    def __init__(
        self,
        *args: Any,
        tags: list[Tag],
        languages: list[Language],
        offices: list[Office],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._set_choices("kind", [("", _("Any kind")), *ProfileKind.choices])
        self._set_choices("offer", _grouped_tags(tags, str(_("Anything"))))
        self._set_choices("need", _grouped_tags(tags, str(_("Anything"))))
        self._set_choices(
            "language",
            [("", _("Any language"))]
            + [(language.code, language.endonym or str(language.name)) for language in languages],
        )
        language_field = self.fields["language"]
        assert isinstance(language_field, forms.ChoiceField)
        language_field.widget = LanguageSelect(choices=language_field.choices)
        self._set_choices(
            "office",
            [("", _("Any office"))] + [(office.slug, str(office.name)) for office in offices],
        )

    def _set_choices(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def filters(self) -> dict[str, Any]:
        """The valid filters as keyword arguments of ``directory_search``.

        A bad value (an unknown code in a hand-made link) drops only that
        filter; the form shows why.
        """
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": data.get("q") or "",
            "kind": data.get("kind") or None,
            "offer": data.get("offer") or None,
            "need": data.get("need") or None,
            "language": data.get("language") or None,
            "office": data.get("office") or None,
            "new_in_town": bool(data.get("new_in_town")),
        }
