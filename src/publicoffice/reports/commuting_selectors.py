"""Reads for the commuting estimate: the emission factors in force."""

from __future__ import annotations

from publicoffice.reports.commuting import FactorData
from publicoffice.reports.models import EmissionFactor


def factors_in_force() -> list[FactorData]:
    """Every emission factor as it stands now, detached from the database.

    Returned as plain data so that :func:`publicoffice.reports.commuting.estimate`
    stays pure and a report can print the factors it used with their sources.
    """
    return [
        FactorData(
            mode=row.mode,
            variant=row.variant,
            low=row.low,
            central=row.central,
            high=row.high,
            share=row.share,
            source=row.source,
            source_url=row.source_url,
            year=row.year,
            note=row.note,
        )
        for row in EmissionFactor.objects.order_by("mode", "variant")
    ]
