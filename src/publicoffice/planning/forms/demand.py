"""The upload form of a population grid: the shape of the input; the import checks the file.

The municipality is asked only of someone who plans for several; the
coordinate system only when the file does not say it (a CSV with x and y
in another system than SWEREF 99 TM, or a GeoPackage without one).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.core.errors import ErrorCode
from publicoffice.places.models import Municipality
from publicoffice.planning.models import DemandKind

#: Where a refusal of the import is shown on the form.
FIELD_OF_CODE: dict[str, str] = {
    ErrorCode.PLANNING_FILE_UNREADABLE: "file",
    ErrorCode.PLANNING_FILE_TOO_LARGE: "file",
    ErrorCode.PLANNING_WRONG_CRS: "crs",
    ErrorCode.NOT_ALLOWED: "municipality",
}
KINDS = [
    ("", _("As the file shows")),
    (DemandKind.SCB_GRID, DemandKind.SCB_GRID.label),
    (DemandKind.GEOPACKAGE, DemandKind.GEOPACKAGE.label),
    (DemandKind.CSV, DemandKind.CSV.label),
]


class DemandUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A GeoPackage (.gpkg) or a CSV file (.csv), at most 200 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".gpkg,.csv,.txt"}),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("For example: Statistics Sweden 1 km grid 2024."),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )
    kind = forms.ChoiceField(label=_("Kind of file"), choices=KINDS, required=False)
    crs = forms.CharField(
        label=_("Coordinate system (optional)"),
        max_length=60,
        required=False,
        help_text=_(
            "Only when the file does not say: for example EPSG:3006 (SWEREF 99 TM) or "
            "EPSG:4326 (WGS 84)."
        ),
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )
    municipality = forms.TypedChoiceField(label=_("Municipality"), coerce=int)

    def __init__(self, *args: Any, municipalities: list[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipalities = {m.pk: m for m in municipalities}
        if len(municipalities) == 1:
            del self.fields["municipality"]
        else:
            field = self.fields["municipality"]
            assert isinstance(field, forms.TypedChoiceField)
            field.choices = [(m.pk, m.name) for m in municipalities]

    def chosen_municipality(self) -> Municipality | None:
        """The municipality the grid is for (the only one, for most officers)."""
        if "municipality" not in self.fields:
            return next(iter(self.municipalities.values()), None)
        return self.municipalities.get(self.cleaned_data["municipality"])
