"""Forms of the public pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.places.selectors import MAX_QUERY_LENGTH, OfficeFilters, filter_choices


class OfficeFilterForm(forms.Form):
    """The home page filters. Unknown values are ignored, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    amenity = forms.ChoiceField(label=_("Amenity"), required=False)
    language = forms.ChoiceField(label=_("Staff speak"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    step_free = forms.BooleanField(label=_("Step-free entrance"), required=False)
    hearing_loop = forms.BooleanField(label=_("Hearing loop"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = filter_choices()
        every = [("", _("All"))]
        for name in ("municipality", "amenity", "language"):
            self.fields[name].choices = every + choices[name]  # type: ignore[attr-defined]
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})

    def filters(self) -> OfficeFilters:
        """The valid part of the input as filters; invalid fields are dropped."""
        if not self.is_bound:
            return OfficeFilters()
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        return OfficeFilters(**data)
