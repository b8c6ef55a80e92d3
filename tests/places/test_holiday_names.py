"""Holiday names in every interface language, never silently in Swedish."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import pgettext

from publicoffice.places.holidays_se import (
    holiday_name,
    holiday_name_language,
    holidays_between,
)
from publicoffice.places.opening_hours import DayHours
from publicoffice.places.presenters import day_rows

MIDSUMMER_EVE = date(2026, 6, 19)
CHRISTMAS_DAY = date(2026, 12, 25)


def test_swedish_names_come_from_the_holidays_package():
    assert holiday_name(MIDSUMMER_EVE, "sv") == "Midsommarafton"
    assert holiday_name_language("Midsommarafton", "sv") == "sv"


@pytest.mark.parametrize("language", ["en", "ar", "fa", "so", "ti"])
def test_every_other_language_gets_its_own_name(language: str):
    with translation.override(language):
        expected = pgettext("Swedish public holiday", "Midsummer Eve")
    name = holiday_name(MIDSUMMER_EVE, language)
    assert name == expected
    assert holiday_name_language(name, language) == language
    if language != "en":
        assert name != "Midsummer Eve", f"no {language} translation of Midsummer Eve"


@pytest.mark.parametrize("language", ["ar", "fa", "so", "ti"])
def test_every_swedish_holiday_of_a_year_is_translated(language: str):
    names = [
        name for _day, name in holidays_between(date(2027, 1, 1), date(2027, 12, 31), language)
    ]
    english = [name for _day, name in holidays_between(date(2027, 1, 1), date(2027, 12, 31), "en")]
    assert len(names) == len(english) >= 15
    untranslated = [name for name in names if name in english]
    assert untranslated == []


def test_a_name_we_do_not_know_is_marked_as_english():
    assert holiday_name_language("Some New Holiday", "so") == "en"


def test_no_holiday_is_none_in_every_language():
    assert holiday_name(date(2026, 12, 23), "ti") is None
    assert holiday_name(CHRISTMAS_DAY, "ti") is not None


def test_the_hours_table_marks_the_holiday_with_the_language_it_is_in():
    name = holiday_name(CHRISTMAS_DAY, "so") or ""
    rows = day_rows([DayHours(CHRISTMAS_DAY, (), "holiday", name)], CHRISTMAS_DAY, "so")
    assert rows[0]["holiday"] == name
    assert rows[0]["holiday_lang"] == "so"
