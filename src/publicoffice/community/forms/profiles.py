"""The profile form and the form to add an admin.

The profile form works without JavaScript: curated words are checkboxes
grouped under headings (a fieldset and legend each), and anything the
vocabulary lacks is typed as a comma-separated list, which the service
resolves through the vocabulary (so "redovisning" typed by hand still
becomes the curated bookkeeping word).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.community.forms.widgets import LanguageSelect
from publicoffice.community.models import (
    MAX_LINKS,
    PRESENTATION_LANGUAGES,
    Profile,
    ProfileKind,
    Tag,
    TagGroup,
    Visibility,
)
from publicoffice.community.vocabulary import split_words
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error
from publicoffice.places.models import Language, Office

#: The sides of a profile: (tag field, free words field, free text field).
SIDES = (("offers", "offer_words", "offers_text"), ("needs", "need_words", "needs_text"))


@dataclass(frozen=True)
class ChoiceGroup:
    """One heading of curated words in the form, with its checkboxes."""

    key: str
    label: str
    choices: list[Any]


def _tag_label(tag: Tag) -> str:
    return str(tag.name)


def _free_text(label: Any, max_length: int) -> forms.CharField:
    """An optional one-line field for text in any language (``dir="auto"``)."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


def _curated_words(label: Any) -> forms.MultipleChoiceField:
    """Checkboxes for one side's curated words; the choices are filled per request."""
    return forms.MultipleChoiceField(
        label=label, required=False, widget=forms.CheckboxSelectMultiple
    )


class ProfileForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of profile is it?"),
        choices=ProfileKind.choices,
        widget=forms.RadioSelect,
        initial=ProfileKind.PERSON,
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Your name, your business's or your group's, as others should see it."),
    )
    presentation = forms.CharField(
        label=_("Short presentation"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_("In any language. At most 1000 characters."),
    )
    presentation_language = forms.ChoiceField(
        label=_("The presentation is written in"),
        choices=PRESENTATION_LANGUAGES,
        initial="sv",
        widget=LanguageSelect,
        help_text=_("So screen readers read it with the right voice."),
    )
    offers = _curated_words(_("What do you offer?"))
    offer_words = _free_text(_("Other things you offer, separated by commas"), 600)
    offers_text = _free_text(_("More about what you offer"), 300)
    needs = _curated_words(_("What are you looking for?"))
    need_words = _free_text(_("Other things you are looking for, separated by commas"), 600)
    needs_text = _free_text(_("More about what you are looking for"), 300)
    languages: forms.ModelMultipleChoiceField[Language] = forms.ModelMultipleChoiceField(
        label=_("Languages you speak"),
        queryset=Language.objects.order_by("code"),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    home_offices: forms.ModelMultipleChoiceField[Office] = forms.ModelMultipleChoiceField(
        label=_("Offices where you usually are"),
        queryset=Office.objects.public().order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_new_in_town = forms.BooleanField(
        label=_("I am new in town and would like to get to know people"), required=False
    )
    visibility = forms.ChoiceField(
        label=_("Who can see the profile?"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        initial=Visibility.MEMBERS,
    )
    contact_email = forms.CharField(
        label=_("E-mail to share"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    contact_phone = forms.CharField(
        label=_("Phone to share"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}),
    )
    contact_other = _free_text(_("Other way to reach you"), 200)

    def __init__(self, *args: Any, profile: Profile | None = None, **kwargs: Any) -> None:
        if profile is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(profile)
        super().__init__(*args, **kwargs)
        tags = sorted(Tag.objects.curated(), key=lambda tag: _tag_label(tag).casefold())
        self._tags = {tag.slug: tag for tag in tags}
        choices = [(tag.slug, _tag_label(tag)) for tag in tags]
        for side, _words, _text in SIDES:
            field = self.fields[side]
            assert isinstance(field, forms.MultipleChoiceField)
            field.choices = choices
        for index in range(1, MAX_LINKS + 1):
            self.fields[f"link_url_{index}"] = forms.CharField(
                label=_("Web address %(number)d") % {"number": index},
                max_length=300,
                required=False,
                widget=forms.TextInput(
                    attrs={"type": "url", "dir": "ltr", "placeholder": "https://"}
                ),
            )
            self.fields[f"link_label_{index}"] = _free_text(
                _("Label of link %(number)d") % {"number": index}, 60
            )

    @staticmethod
    def initial_for(profile: Profile) -> dict[str, Any]:
        initial: dict[str, Any] = {
            field: getattr(profile, field)
            for field in (
                "kind",
                "name",
                "presentation",
                "presentation_language",
                "offers_text",
                "needs_text",
                "is_new_in_town",
                "visibility",
                "contact_email",
                "contact_phone",
                "contact_other",
            )
        }
        for side, words, _text in SIDES:
            tags = list(getattr(profile, side).all())
            initial[side] = [tag.slug for tag in tags if tag.is_curated]
            initial[words] = ", ".join(str(tag.name) for tag in tags if not tag.is_curated)
        initial["languages"] = [language.code for language in profile.languages.all()]
        initial["home_offices"] = [office.slug for office in profile.home_offices.all()]
        for index, link in enumerate(profile.links.all(), start=1):
            initial[f"link_url_{index}"] = link.url
            initial[f"link_label_{index}"] = link.label
        return initial

    def tag_groups(self, side: str) -> list[ChoiceGroup]:
        """The checkboxes of one side under their group headings, in the groups' order."""
        by_group: dict[str, list[Any]] = {}
        for checkbox in self[side]:
            tag = self._tags[str(checkbox.data["value"])]
            by_group.setdefault(tag.group, []).append(checkbox)
        return [
            ChoiceGroup(
                key=f"{side}-{group.value}", label=str(group.label), choices=by_group[group]
            )
            for group in TagGroup
            if group in by_group
        ]

    def offer_groups(self) -> list[ChoiceGroup]:
        return self.tag_groups("offers")

    def need_groups(self) -> list[ChoiceGroup]:
        return self.tag_groups("needs")

    def link_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"link_url_{index}"], self[f"link_label_{index}"])
            for index in range(1, MAX_LINKS + 1)
        ]

    def service_fields(self) -> dict[str, Any]:
        """The cleaned input as keyword arguments of the profile services."""
        data = self.cleaned_data
        fields: dict[str, Any] = {
            name: data[name]
            for name in (
                "kind",
                "name",
                "presentation",
                "presentation_language",
                "offers_text",
                "needs_text",
                "is_new_in_town",
                "visibility",
                "contact_email",
                "contact_phone",
                "contact_other",
            )
        }
        for side, words, _text in SIDES:
            chosen = [self._tags[slug] for slug in data[side] if slug in self._tags]
            fields[side] = [*chosen, *split_words(data[words])]
        fields["languages"] = list(data["languages"])
        fields["home_offices"] = list(data["home_offices"])
        fields["links"] = [
            (data[f"link_url_{index}"], data[f"link_label_{index}"])
            for index in range(1, MAX_LINKS + 1)
            if data[f"link_url_{index}"].strip()
        ]
        return fields

    def field_for_error(self, field: str | None, code: str) -> str | None:
        """The form field a service error about ``field`` belongs next to.

        Too long or too many typed words concern the words' text field, not
        the checkboxes of the same side.
        """
        if field == "links":
            return "link_url_1"
        if code in (ErrorCode.TEXT_TOO_LONG, ErrorCode.TOO_MANY_WORDS):
            words = {"offers": "offer_words", "needs": "need_words"}.get(field or "")
            if words:
                return words
        return field if field in self.fields else None

    def add_service_error(self, error: DomainError) -> None:
        """Show a service refusal next to the field it is about, or above the form."""
        field = self.field_for_error(error.details.get("field"), error.code)
        add_domain_error(self, error, field_of_code={error.code: field} if field else None)


class AdminAddForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail of the member to add"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "dir": "ltr"}),
        help_text=_("They need an account here already."),
    )
