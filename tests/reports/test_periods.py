"""Periods: parsing, the period before, the same period last year, steps of a trend."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.reports.periods import Grain, Period


@pytest.mark.parametrize(
    ("text", "start", "end", "grain"),
    [
        ("2026-03-05", date(2026, 3, 5), date(2026, 3, 5), Grain.DAY),
        ("2026-W10", date(2026, 3, 2), date(2026, 3, 8), Grain.WEEK),
        ("2026-W01", date(2025, 12, 29), date(2026, 1, 4), Grain.WEEK),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28), Grain.MONTH),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Grain.MONTH),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31), Grain.MONTH),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), Grain.QUARTER),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), Grain.YEAR),
        ("2025-12-30..2026-01-02", date(2025, 12, 30), date(2026, 1, 2), Grain.CUSTOM),
    ],
)
def test_a_period_is_read_from_its_text_and_written_back(text, start, end, grain):
    period = Period.parse(text)
    assert (period.start, period.end, period.grain) == (start, end, grain)
    assert period.slug == text
    assert Period.parse(period.slug) == period


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "2026-13",
        "2026-00",
        "2026-02-30",
        "2026-W54",
        "2026-Q5",
        "1999",
        "2026-03-05..2026-03-01",
        "2020-01-01..2026-01-01",
        "<script>",
        "2026-03🙂",
        "2026-03-01..2026-03",
        "x" * 5000,
        None,
        2026,
        ["2026"],
    ],
)
def test_anything_else_is_refused_with_the_one_clear_error(text):
    with pytest.raises(DomainError) as refused:
        Period.parse(text)
    assert refused.value.code is ErrorCode.REPORT_PERIOD_INVALID


@pytest.mark.parametrize(
    ("text", "previous", "last_year"),
    [
        ("2026-03", "2026-02", "2025-03"),
        ("2026-01", "2025-12", "2025-01"),
        ("2026-Q1", "2025-Q4", "2025-Q1"),
        ("2026", "2025", "2025"),
        ("2026-W10", "2026-W09", "2025-W10"),
        ("2026-03-05", "2026-03-04", "2025-03-06"),  # 52 weeks back: a Thursday again
        ("2026-03-01..2026-03-10", "2026-02-19..2026-02-28", "2025-03-01..2025-03-10"),
        ("2024-02-29", "2024-02-28", "2023-03-02"),
    ],
)
def test_each_period_knows_the_one_before_and_the_same_one_last_year(text, previous, last_year):
    period = Period.parse(text)
    assert period.previous().slug == previous
    assert period.year_before().slug == last_year


def test_arabic_and_persian_digits_are_read_as_digits():
    assert Period.parse("٢٠٢٦-٠٣").slug == "2026-03"
    assert Period.parse("۲۰۲۶").slug == "2026"


def test_a_leap_day_custom_period_a_year_back_ends_on_the_28th():
    period = Period.parse("2024-02-20..2024-02-29")
    assert period.year_before().slug == "2023-02-20..2023-02-28"


def test_trend_steps_are_days_weeks_or_months_and_cover_the_period():
    month = Period.parse("2026-03")
    assert [step.grain for step in month.buckets()] == [Grain.DAY] * 31
    quarter = Period.parse("2026-Q1").buckets()
    assert quarter[0].start == date(2026, 1, 1) and quarter[-1].end == date(2026, 3, 31)
    assert all(step.grain is Grain.WEEK for step in quarter)
    year = Period.parse("2026").buckets()
    assert len(year) == 12
    assert sum(step.days for step in year) == 365


def test_the_period_is_named_in_the_active_language():
    period = Period.parse("2026-03")
    with translation.override("sv"):
        assert "mars" in period.label().lower()
    with translation.override("en"):
        assert "March" in period.label()
