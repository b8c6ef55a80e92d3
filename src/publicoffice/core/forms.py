"""Form pieces every app's pages share."""

from __future__ import annotations

from django import forms


class TimeInput(forms.TimeInput):
    """A wall-clock time picker (``<input type="time">``) in steps of whole slots."""

    input_type = "time"

    def __init__(self, step_minutes: int = 30) -> None:
        super().__init__(format="%H:%M", attrs={"step": str(step_minutes * 60)})
