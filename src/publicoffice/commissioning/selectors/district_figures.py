"""The district's figures from our own data, beside the applicant's needs analysis.

An applicant describing a district's needs can lean on what the platform
already measures there: the offices open in it and their public figures over
the last whole quarter (visits, opening hours, events, proposals answered on
time). Public figures follow the disclosure rule of
:func:`publicoffice.commissioning.measures.read`: a figure worked out from 1
to 4 people is hidden. A district without an office says so plainly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from publicoffice.commissioning import measures
from publicoffice.commissioning.models import Call, Measure
from publicoffice.places.models import District, Office, OfficeStatus
from publicoffice.reports.periods import Grain, Period

#: The figures an applicant is shown, in this order.
SHOWN = (
    Measure.VISITS_PER_WEEK,
    Measure.HOURS_PER_WEEK,
    Measure.EVENTS_PER_MONTH,
    Measure.ANSWERED_ON_TIME,
)


@dataclass(frozen=True)
class DistrictFigures:
    district: District
    office_names: list[str]
    readings: list[measures.Reading]

    @property
    def has_offices(self) -> bool:
        return bool(self.office_names)


def last_whole_quarter(today: date) -> Period:
    """The last quarter that has ended by ``today``."""
    return Period.containing(Grain.QUARTER, today).previous()


def district_figures(call: Call, today: date) -> tuple[Period, list[DistrictFigures]]:
    """For each district of the call: its offices and their public figures last quarter."""
    period = last_whole_quarter(today)
    districts = list(call.districts.order_by("name"))
    offices = list(
        Office.objects.filter(district__in=districts)
        .exclude(status__in=(OfficeStatus.PLANNED, OfficeStatus.CLOSED))
        .order_by("name")
        .only("pk", "name", "district_id")
    )
    result = []
    for district in districts:
        here = [o for o in offices if o.district_id == district.pk]
        readings: list[measures.Reading] = []
        if here:
            read = measures.read({o.pk for o in here}, period, public=True)
            readings = [read[m] for m in SHOWN if m in read]
        result.append(DistrictFigures(district, [o.name for o in here], readings))
    return period, result
