"""Form pieces every app shares."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.utils import translation

from publicoffice.core.forms import DateInput, TimeInput


@pytest.mark.parametrize("language", ["sv", "en", "ar", "fa", "so", "ti"])
def test_date_and_time_pickers_hold_iso_values_in_every_language(language):
    """Browsers read only 2026-12-04 and 09:30 in these inputs, whatever the language.

    Somali and Tigrinya write dates as 04.12.2026; in a date input that
    value would show an empty picker and the form could not be sent.
    """
    with translation.override(language):
        day = DateInput().render("day", date(2026, 12, 4))
        start = TimeInput(step_minutes=15).render("start", time(9, 30))
    assert 'type="date"' in day and 'value="2026-12-04"' in day
    assert 'type="time"' in start and 'value="09:30"' in start and 'step="900"' in start
