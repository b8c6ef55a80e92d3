"""Form pieces every app's pages share."""

from __future__ import annotations

from django import forms


class DateInput(forms.DateInput):
    """A date picker (``<input type="date">``), its value always written as ISO 8601.

    Browsers accept only ``YYYY-MM-DD`` in a date input, whatever the
    interface language; a localised value ("04.12.2026" in Somali) would
    leave the picker empty and the form impossible to send.
    """

    input_type = "date"

    def __init__(self, attrs: dict[str, str] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    """A wall-clock time picker (``<input type="time">``) in steps of whole slots."""

    input_type = "time"

    def __init__(self, step_minutes: int = 30) -> None:
        super().__init__(format="%H:%M", attrs={"step": str(step_minutes * 60)})
