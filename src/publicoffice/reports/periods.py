"""Periods to report on: a day, an ISO week, a month, a quarter, a year, or any run of days.

Days are local calendar days (Europe/Stockholm), so a day with a clock
change is one day with 23 or 25 hours, never half of two. A period knows
the one before it and the same period a year earlier, which every figure
is compared with. In URLs and the API a period is written as text:

=========  =========================
day        ``2026-03-05``
week       ``2026-W10`` (ISO weeks)
month      ``2026-03``
quarter    ``2026-Q1``
year       ``2026``
custom     ``2026-03-01..2026-04-15``
=========  =========================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils import formats
from django.utils.translation import gettext as _

from publicoffice.core.errors import DomainError, ErrorCode

#: The longest custom period: three years of days is more than any report needs.
LONGEST_DAYS = 3 * 366
EARLIEST_YEAR = 2000
LATEST_YEAR = 2100


class Grain(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    grain: Grain = Grain.CUSTOM

    # -- making periods ------------------------------------------------------------

    @classmethod
    def containing(cls, grain: Grain, day: date) -> Period:
        """The day, week, month, quarter or year that ``day`` falls in."""
        if grain is Grain.DAY:
            return cls(day, day, grain)
        if grain is Grain.WEEK:
            monday = day - timedelta(days=day.weekday())
            return cls(monday, monday + timedelta(days=6), grain)
        if grain is Grain.MONTH:
            return cls(day.replace(day=1), _month_end(day.year, day.month), grain)
        if grain is Grain.QUARTER:
            first = 3 * ((day.month - 1) // 3) + 1
            return cls(date(day.year, first, 1), _month_end(day.year, first + 2), grain)
        if grain is Grain.YEAR:
            return cls(date(day.year, 1, 1), date(day.year, 12, 31), grain)
        raise ValueError(grain)

    @classmethod
    def custom(cls, start: date, end: date) -> Period:
        if end < start or (end - start).days + 1 > LONGEST_DAYS:
            raise DomainError(ErrorCode.REPORT_PERIOD_INVALID)
        return cls(start, end, Grain.CUSTOM)

    @classmethod
    def parse(cls, text: object) -> Period:
        """A period from its text (see the module's table); a clear error for anything else."""
        if not isinstance(text, str) or len(text) > 40:
            raise DomainError(ErrorCode.REPORT_PERIOD_INVALID)
        try:
            period = _parse(text.strip())
        except ValueError:
            period = None
        if period is None or not (EARLIEST_YEAR <= period.start.year <= LATEST_YEAR):
            raise DomainError(ErrorCode.REPORT_PERIOD_INVALID)
        return period

    # -- relations -----------------------------------------------------------------

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.days)]

    def previous(self) -> Period:
        """The period just before: last month for a month, the same length for a custom one."""
        if self.grain in (Grain.CUSTOM, Grain.DAY, Grain.WEEK):
            length = timedelta(days=self.days)
            return Period(self.start - length, self.end - length, self.grain)
        return Period.containing(self.grain, self.start - timedelta(days=1))

    def year_before(self) -> Period:
        """The same period a year earlier; days and weeks keep their weekday (52 weeks back)."""
        if self.grain in (Grain.DAY, Grain.WEEK):
            back = timedelta(weeks=52)
            return Period(self.start - back, self.end - back, self.grain)
        if self.grain is Grain.CUSTOM:
            return Period(_shift_year(self.start, -1), _shift_year(self.end, -1), self.grain)
        return Period.containing(self.grain, _shift_year(self.start, -1))

    def buckets(self) -> list[Period]:
        """The steps of a trend: days up to two months, weeks up to half a year, else months."""
        if self.days <= 62:
            grain = Grain.DAY
        elif self.days <= 190:
            grain = Grain.WEEK
        else:
            grain = Grain.MONTH
        steps: list[Period] = []
        day = self.start
        while day <= self.end:
            step = Period.containing(grain, day)
            steps.append(Period(max(step.start, self.start), min(step.end, self.end), grain))
            day = step.end + timedelta(days=1)
        return steps

    # -- words ---------------------------------------------------------------------

    @property
    def slug(self) -> str:
        """The period as text, as :meth:`parse` reads it."""
        if self.grain is Grain.DAY:
            return self.start.isoformat()
        if self.grain is Grain.WEEK:
            year, week, _weekday = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.grain is Grain.MONTH:
            return f"{self.start:%Y-%m}"
        if self.grain is Grain.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.grain is Grain.YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def label(self) -> str:
        """The period in words of the active language ("March 2026", "week 10, 2026")."""
        if self.grain is Grain.DAY:
            return formats.date_format(self.start, "DATE_FORMAT")
        if self.grain is Grain.WEEK:
            year, week, _weekday = self.start.isocalendar()
            return _("week %(week)s, %(year)s") % {"week": week, "year": year}
        if self.grain is Grain.MONTH:
            return formats.date_format(self.start, "YEAR_MONTH_FORMAT")
        if self.grain is Grain.QUARTER:
            quarter = (self.start.month - 1) // 3 + 1
            return _("quarter %(quarter)s, %(year)s") % {
                "quarter": quarter,
                "year": self.start.year,
            }
        if self.grain is Grain.YEAR:
            return str(self.start.year)
        return _("%(start)s to %(end)s") % {
            "start": formats.date_format(self.start, "DATE_FORMAT"),
            "end": formats.date_format(self.end, "DATE_FORMAT"),
        }


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def _parse(text: str) -> Period | None:
    if ".." in text:
        first, _sep, last = text.partition("..")
        start, end = _parse(first), _parse(last)
        if start is None or end is None or start.grain is not Grain.DAY:
            return None
        if end.grain is not Grain.DAY:
            return None
        return Period.custom(start.start, end.end)
    if match := _DAY.match(text):
        return Period.containing(Grain.DAY, date(*map(int, match.groups())))
    if match := _WEEK.match(text):
        year, week = map(int, match.groups())
        return Period.containing(Grain.WEEK, date.fromisocalendar(year, week, 1))
    if match := _MONTH.match(text):
        year, month = map(int, match.groups())
        return Period.containing(Grain.MONTH, date(year, month, 1))
    if match := _QUARTER.match(text):
        year, quarter = map(int, match.groups())
        return Period.containing(Grain.QUARTER, date(year, 3 * quarter - 2, 1))
    if match := _YEAR.match(text):
        return Period.containing(Grain.YEAR, date(int(match.group(1)), 1, 1))
    return None
