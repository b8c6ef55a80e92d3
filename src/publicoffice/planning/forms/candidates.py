"""Forms of the candidate and matrix pages: the shape of the input; the services check the rest.

Latitude and longitude are asked as text: the service reads a decimal
point or comma and says at the field when the point is not in Sweden.
There is no geocoder offline, so the help text tells where to read them.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.core.errors import ErrorCode
from publicoffice.places.models import Municipality
from publicoffice.planning.models import DemandSource
from publicoffice.planning.services.candidates import MAX_ADDRESS, MAX_CAPACITY, MAX_NAME
from publicoffice.planning.services.matrices import MAX_MODE

#: Where a service's refusal is shown, when it names no field of the form.
FIELD_OF_CODE: dict[str, str] = {
    ErrorCode.PLANNING_OUTSIDE_SWEDEN: "latitude",
    ErrorCode.PLANNING_FILE_UNREADABLE: "file",
    ErrorCode.PLANNING_FILE_TOO_LARGE: "file",
    ErrorCode.PLANNING_EMPTY_FILE: "file",
    ErrorCode.PLANNING_MISSING_COLUMNS: "file",
    ErrorCode.PLANNING_BAD_VALUE: "file",
    ErrorCode.PLANNING_DUPLICATE_CELL: "file",
    ErrorCode.PLANNING_UNKNOWN_IDS: "file",
    ErrorCode.PLANNING_SOURCE_NOT_READY: "source",
}


def _line(label: Any, limit: int, *, required: bool = True, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=limit,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        **kw,
    )


def _coordinate(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "dir": "ltr"}),
        help_text=help_text,
    )


def _capacity() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Capacity (residents)"),
        required=False,
        min_value=1,
        max_value=MAX_CAPACITY,
        help_text=_("How many residents the site can serve. Leave empty for no limit."),
    )


def _municipality_choices(municipalities: list[Municipality]) -> list[tuple[int, str]]:
    return [(m.pk, m.name) for m in municipalities]


class ProposeForm(forms.Form):
    municipality = forms.TypedChoiceField(label=_("Municipality"), coerce=int)
    name = _line(_("Name"), MAX_NAME)
    address = _line(_("Address"), MAX_ADDRESS, required=False)
    latitude = _coordinate(
        _("Latitude"),
        _(
            "Decimal degrees, such as 59.2003. Right-click the place on an online map "
            "to read its latitude and longitude."
        ),
    )
    longitude = _coordinate(_("Longitude"), _("Decimal degrees, such as 17.6045."))
    capacity = _capacity()

    def __init__(self, *args: Any, municipalities: list[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = _municipality_choices(municipalities)  # type: ignore[attr-defined]


class CandidateEditForm(forms.Form):
    name = _line(_("Name"), MAX_NAME)
    address = _line(_("Address"), MAX_ADDRESS, required=False)
    capacity = _capacity()

    def __init__(self, *args: Any, follows_office: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if follows_office:
            for name in ("name", "address"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Taken from the office.")


class CandidatesImportForm(forms.Form):
    municipality = forms.TypedChoiceField(label=_("Municipality"), coerce=int)
    batch = _line(_("Name of the list"), MAX_NAME)
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: name, address, latitude and longitude (or x and y in SWEREF 99 TM), "
            "and optionally id and capacity."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args: Any, municipalities: list[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = _municipality_choices(municipalities)  # type: ignore[attr-defined]


class MatrixImportForm(forms.Form):
    source = forms.TypedChoiceField(label=_("Population source"), coerce=int)
    name = _line(_("Name"), MAX_NAME)
    mode = _line(
        _("Way of travelling"),
        MAX_MODE,
        required=False,
        help_text=_("For example: walking, bicycle, public transport."),
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: cell_id (as in the population file), site_id (the id in the "
            "list of sites) and minutes."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args: Any, sources: list[DemandSource], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [(s.pk, s.name) for s in sources]  # type: ignore[attr-defined]
