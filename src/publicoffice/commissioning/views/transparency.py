"""An office's public transparency page: who runs it, under which commission, how it goes.

Public, in every language, no login: what a resident may want to know
about the office they use. Everything shown is already public (the
commission, the accepted reports' public parts); the figures go through the
disclosure rule, so a figure worked out from 1 to 4 people reads "fewer
than 5", never a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_safe

from publicoffice.commissioning import measures
from publicoffice.commissioning.models import Rating, ReportAttachment, Target
from publicoffice.commissioning.selectors.followup import report_figures
from publicoffice.commissioning.selectors.transparency import (
    PublishedReport,
    commission_of_office,
    commission_view,
)
from publicoffice.places.selectors import office_public
from publicoffice.reports.charts.svg import hidden_text


class Compared(Protocol):
    """A target with its reading (the transparency rows and the follow-up's figure rows)."""

    @property
    def target(self) -> Target: ...
    @property
    def reading(self) -> measures.Reading | None: ...
    @property
    def met(self) -> bool | None: ...


@dataclass(frozen=True)
class TargetLine:
    """One row of the targets table, in words."""

    measure: str
    target: str
    figure: str
    hidden: bool
    #: A number (written left to right), not words.
    numeric: bool
    outcome: str
    met: bool | None


def number(value: Decimal | int, *, share: bool) -> str:
    """A number as the active language writes it, without needless decimals ("30", "82.5 %")."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    text = number_format(value, decimal_pos=None, force_grouping=True)
    return f"{text} %" if share else text


def figure_text(reading: measures.Reading | None) -> str:
    """The figure, why it is hidden, or that there is none."""
    if reading is not None and reading.hidden:
        return hidden_text(reading.flag)
    if reading is None or reading.value is None:
        return gettext("no figure")
    return number(reading.value, share=reading.is_share)


def outcome_text(met: bool | None) -> str:
    if met is None:
        return gettext("no figure")
    return str(Rating.MET.label) if met else str(Rating.NOT_MET.label)


def target_lines(rows: Sequence[Compared]) -> list[TargetLine]:
    lines = []
    for row in rows:
        target = row.target
        share = target.measure in measures.SHARES
        lines.append(
            TargetLine(
                measure=target.get_measure_display(),
                target=f"{target.get_direction_display()} {number(target.value, share=share)}",
                figure=figure_text(row.reading),
                hidden=bool(row.reading and row.reading.hidden),
                numeric=bool(row.reading and row.reading.value is not None),
                outcome=outcome_text(row.met),
                met=row.met,
            )
        )
    return lines


def targets_summary(lines: list[TargetLine]) -> str:
    """The table as one sentence (its text equivalent)."""
    met = sum(1 for line in lines if line.met is True)
    unmet = sum(1 for line in lines if line.met is False)
    none = sum(1 for line in lines if line.met is None)
    return pgettext(
        "commission targets",
        "Targets met: %(met)s of %(total)s. Not met: %(unmet)s. Without a figure: %(none)s.",
    ) % {"met": met, "total": len(lines), "unmet": unmet, "none": none}


def attachment_url(attachment: ReportAttachment) -> str:
    """The public attachment's address (the follow-up pages serve it); empty without one."""
    kwargs = {"pk": attachment.report_id, "file": attachment.pk}
    try:
        return reverse("commissioning:report_attachment", kwargs=kwargs)
    except NoReverseMatch:
        return ""


def report_parts(published: PublishedReport) -> dict[str, Any]:
    """An accepted report's public parts as the page lists them."""
    return {
        "report": published.report,
        "period": published.period,
        "attachments": [(a.title, attachment_url(a)) for a in published.attachments],
        "figures": target_lines(report_figures(published.report, public=True)),
    }


@require_safe
def office_transparency(request: HttpRequest, slug: str) -> HttpResponse:
    """The office's commission in public; a short page when it runs under none."""
    office = office_public(slug=slug)
    commission = commission_of_office(office.pk)
    context: dict[str, Any] = {"office": office, "operator": office.operator, "view": None}
    if commission is not None:
        view = commission_view(commission, today=timezone.localdate())
        lines = target_lines(view.targets)
        context.update(
            view=view,
            commission=commission,
            operator=commission.lead,
            partners=list(commission.partners.all()),
            call=commission.application.call if commission.application else None,
            targets=lines,
            funding=number(commission.funding_sek, share=False),
            summary=targets_summary(lines) if lines else "",
            reports=[report_parts(published) for published in view.reports],
        )
    return render(request, "commissioning/transparency/office.html", context)
