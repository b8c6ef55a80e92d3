"""Swedish public holidays, from the ``holidays`` package.

We count the official public holidays and the de-facto holidays Swedes
treat as such (Midsummer Eve, Christmas Eve, New Year's Eve). Offices are
closed on them unless a dated exception gives hours.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

_CATEGORIES = ("public", "de_facto")

# The package names Swedish holidays in Swedish, English and Ukrainian only.
# For our other languages we translate its English names ourselves, so a
# Somali or Tigrinya reader sees "Midsummer Eve" in their own words. A name
# the package adds later shows in English until it is added here.
_OUR_NAMES: dict[str, Promise] = {
    "New Year's Day": pgettext_lazy("Swedish public holiday", "New Year's Day"),
    "Epiphany": pgettext_lazy("Swedish public holiday", "Epiphany"),
    "Good Friday": pgettext_lazy("Swedish public holiday", "Good Friday"),
    "Easter Sunday": pgettext_lazy("Swedish public holiday", "Easter Sunday"),
    "Easter Monday": pgettext_lazy("Swedish public holiday", "Easter Monday"),
    "May Day": pgettext_lazy("Swedish public holiday", "May Day"),
    "Ascension Day": pgettext_lazy("Swedish public holiday", "Ascension Day"),
    "Pentecost": pgettext_lazy("Swedish public holiday", "Pentecost"),
    "National Day": pgettext_lazy("Swedish public holiday", "National Day of Sweden"),
    "Midsummer Eve": pgettext_lazy("Swedish public holiday", "Midsummer Eve"),
    "Midsummer Day": pgettext_lazy("Swedish public holiday", "Midsummer Day"),
    "All Saints' Day": pgettext_lazy("Swedish public holiday", "All Saints' Day"),
    "Christmas Eve": pgettext_lazy("Swedish public holiday", "Christmas Eve"),
    "Christmas Day": pgettext_lazy("Swedish public holiday", "Christmas Day"),
    "Second Day of Christmas": pgettext_lazy("Swedish public holiday", "Boxing Day"),
    "New Year's Eve": pgettext_lazy("Swedish public holiday", "New Year's Eve"),
}


@lru_cache(maxsize=128)
def _holidays_for_year(year: int, language: str) -> dict[date, str]:
    calendar = holidays.country_holidays(
        "SE", years=year, language=language, categories=_CATEGORIES
    )
    return dict(calendar.items())


def _package_language(language: str | None) -> str:
    return "sv" if (language or "sv").startswith("sv") else "en_US"


def _named(name: str, language: str | None) -> str:
    """The package's name in ``language``: its own Swedish, else ours."""
    if _package_language(language) == "sv" or name not in _OUR_NAMES:
        return name
    with translation.override(language):
        return str(_OUR_NAMES[name])


def holiday_name(day: date, language: str | None = "sv") -> str | None:
    """The holiday's name in ``language``, or None when ``day`` is no holiday."""
    name = _holidays_for_year(day.year, _package_language(language)).get(day)
    return None if name is None else _named(name, language)


def holiday_name_language(name: str, language: str | None) -> str:
    """The language ``name`` is written in, for the page's ``lang`` mark:
    English for a holiday the package added after our list."""
    if _package_language(language) == "sv":
        return "sv"
    with translation.override(language):
        ours = {str(our) for our in _OUR_NAMES.values()}
    return (language or "en") if name in ours else "en"


def is_public_holiday(day: date) -> bool:
    return day in _holidays_for_year(day.year, "sv")


def holidays_between(start: date, end: date, language: str | None = "sv") -> list[tuple[date, str]]:
    """Holidays in ``[start, end]``, in date order."""
    found: list[tuple[date, str]] = []
    for year in range(start.year, end.year + 1):
        names = _holidays_for_year(year, _package_language(language))
        found.extend(
            (day, _named(name, language)) for day, name in names.items() if start <= day <= end
        )
    return sorted(found)


@lru_cache(maxsize=32)
def _days_off_not_public(year: int) -> tuple[date, ...]:
    calendar = holidays.country_holidays("SE", years=year, categories=("de_facto",))
    return tuple(sorted(calendar))


def eves_between(start: date, end: date) -> list[date]:
    """Midsummer Eve, Christmas Eve and New Year's Eve in ``[start, end]``.

    We close on them like on public holidays, but they are not public
    holidays in law, so OpenStreetMap's ``PH`` does not cover them: exports
    write them out as dates.
    """
    return [
        day
        for year in range(start.year, end.year + 1)
        for day in _days_off_not_public(year)
        if start <= day <= end
    ]
