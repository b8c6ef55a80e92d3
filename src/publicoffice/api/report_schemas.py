"""Typed shapes of the reports API: public statistics and staff's exact reports.

Both answers have one shape (the staff one adds ``exact: true``), built from
the same :class:`~publicoffice.reports.report.Report` as the web pages and
the CSV files (:func:`~publicoffice.reports.tables.report_rows`), so the API
cannot show what the page hides. A hidden figure is ``value: null`` with a
``flag`` saying why; a shown one has an empty flag.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

FLAG_WORDS = (
    "Why the value is null: empty when it is shown; fewer_than_5 (a count from 1 to 4), "
    "hidden (it would let a hidden count be worked out), too_few_reports (a median of "
    "fewer than five items), not_published (the period is not published yet)."
)
Number = int | float | None


class ScopeOut(Schema):
    kind: str = Field(..., description="office, operator, municipality or network.")
    ref: str = Field(
        ...,
        description="How the scope is named in addresses: an office's slug, an operator's "
        "number, a municipality's four-digit code, or network.",
    )
    name: str


class ReportMetaOut(Schema):
    scope: ScopeOut
    period: str = Field(..., description="The period reported on, e.g. 2026-10 or 2026.")
    previous_period: str = Field(..., description="The period before, compared with.")
    last_year_period: str = Field(..., description="The same period a year earlier.")
    exact: bool = Field(..., description="Exact figures (staff only), not for publication.")
    for_publication: bool = Field(..., description="Whether the figures may be published.")


class LineOut(Schema):
    section: str = Field(..., description="visits, bookings, events, …; rates for shares.")
    metric: str = Field(..., description="The metric's name (for rates: the rate's name).")
    key: str = Field(..., description="The breakdown part, parts joined with | (empty: total).")
    label: str
    unit: str = Field(..., description="count, minutes, histogram, percent or days.")
    value: Number
    flag: str = Field(..., description=FLAG_WORDS)
    previous_value: Number
    previous_flag: str
    last_year_value: Number
    last_year_flag: str


class TrendOut(Schema):
    period: str = Field(..., description="One step of the trend: a day, a week or a month.")
    value: Number = Field(..., description="People counted in that step.")
    flag: str = Field(..., description=FLAG_WORDS)


class WeekHourOut(Schema):
    weekday: int = Field(..., ge=0, le=6, description="0 = Monday … 6 = Sunday.")
    hour: int = Field(..., ge=0, le=23, description="The local hour of arrival.")
    value: Number = Field(..., description="People arriving in that hour of the week.")
    flag: str = Field(..., description=FLAG_WORDS)


class StatisticsOut(Schema):
    meta: ReportMetaOut
    lines: list[LineOut]
    trend: list[TrendOut]
    week_hours: list[WeekHourOut] = Field(
        ...,
        description="Published: only for a whole published year. Exact: any period.",
    )


class ReportOut(StatisticsOut):
    exact: bool = Field(..., description="Always true: exact figures, not for publication.")


class PublishedPeriodOut(Schema):
    period: str = Field(..., description="2026-10 for a month, 2026 for a year.")
    label: str = Field(..., description="The period in words of the answer's language.")
    published_at: datetime = Field(..., description="When its figures were last worked out.")


class PublishedPeriodsOut(Schema):
    latest: str | None = Field(..., description="The last published month (null: none yet).")
    months: list[PublishedPeriodOut] = Field(..., description="Newest first.")
    years: list[PublishedPeriodOut] = Field(..., description="Whole years, newest first.")


class ReportScopeOut(ScopeOut):
    url: str = Field(..., description="The scope's exact report in the API.")


class ReportScopesOut(Schema):
    scopes: list[ReportScopeOut]
