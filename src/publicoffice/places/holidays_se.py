"""Swedish public holidays, from the ``holidays`` package.

We count the official public holidays and the de-facto holidays Swedes
treat as such (Midsummer Eve, Christmas Eve, New Year's Eve). Offices are
closed on them unless a dated exception gives hours.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays

_CATEGORIES = ("public", "de_facto")


@lru_cache(maxsize=128)
def _holidays_for_year(year: int, language: str) -> dict[date, str]:
    calendar = holidays.country_holidays(
        "SE", years=year, language=language, categories=_CATEGORIES
    )
    return dict(calendar.items())


def _package_language(language: str | None) -> str:
    # The package names Swedish holidays in Swedish, English and Ukrainian;
    # every other interface language gets the English name.
    return "sv" if (language or "sv").startswith("sv") else "en_US"


def holiday_name(day: date, language: str | None = "sv") -> str | None:
    """The holiday's name, or None when ``day`` is no holiday."""
    return _holidays_for_year(day.year, _package_language(language)).get(day)


def is_public_holiday(day: date) -> bool:
    return day in _holidays_for_year(day.year, "sv")


def holidays_between(start: date, end: date, language: str | None = "sv") -> list[tuple[date, str]]:
    """Holidays in ``[start, end]``, in date order."""
    found: list[tuple[date, str]] = []
    for year in range(start.year, end.year + 1):
        names = _holidays_for_year(year, _package_language(language))
        found.extend((day, name) for day, name in names.items() if start <= day <= end)
    return sorted(found)
