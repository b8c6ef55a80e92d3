"""The figures the reports' browser tests read: a small network with a year published.

Södertälje (0181) has three offices of one operator, Botkyrka (0127) one of
another. Every figure is in 2025, published as a whole year, so the pages
show the same thing whatever day the tests run (the live server runs on the
real clock). Ronna had 3 people in March: a small count, which the public
pages write "fewer than 5" and the staff dashboards as 3; so are the 2 people
counted at its kiosk in October, in the year's figures. Rows are written
as the roll-up would: the office's and its operator's, municipality's and
the network's (:func:`tests.reports.test_pages_public.put_scopes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from publicoffice.places.models import Office
from publicoffice.reports.publication import publish
from tests.dialogue.factories import officer_of, operator_admin_of
from tests.factories import MunicipalityFactory, OfficeFactory, OperatorFactory
from tests.reports.test_pages_public import put_scopes

YEAR = 2025
#: When 2025 is published: every month of it has ended.
PUBLISHED_AT = datetime(2026, 1, 10, 12, tzinfo=ZoneInfo("Europe/Stockholm"))
MARCH = "2025-03"
#: Södertälje's people in March 2025, office by office (Ronna's 3 is small).
MARCH_PEOPLE = {"ronna": 3, "hovsjo": 20, "geneta": 12}
RONNA_NAMES = {
    "name": "Ronna kontor",
    "name_en": "Ronna office",
    "name_ar": "مكتب رونا",
    "name_fa": "دفتر رونا",
    "name_so": "Xafiiska Ronna",
    "name_ti": "ቤት ጽሕፈት ሮና",
}
#: (office, day, {hour of arrival: people}): every visit of the year.
VISITS = [
    ("ronna", date(2025, 3, 4), {"10": 3}),
    ("ronna", date(2025, 6, 10), {"10": 25, "14": 15}),
    ("ronna", date(2025, 10, 7), {"11": 25}),
    ("hovsjo", date(2025, 3, 5), {"10": 20}),
    ("hovsjo", date(2025, 6, 11), {"15": 30}),
    ("geneta", date(2025, 3, 6), {"09": 12}),
    ("fittja", date(2025, 3, 4), {"10": 30}),
]
#: Two people Ronna counted at the kiosk in October: the year shows a hidden part too.
KIOSK = ("ronna", date(2025, 10, 7), 2)


@dataclass(frozen=True)
class ReportsWorld:
    offices: dict[str, Office]
    officer: Any  # Södertälje's municipal officer
    stranger: Any  # an operator admin of Fittja's operator only

    @property
    def code(self) -> str:
        return str(self.offices["ronna"].municipality.code)


@pytest.fixture
def reports_world(transactional_db: None) -> ReportsWorld:
    soder: Any = MunicipalityFactory(code="0181", name="Södertälje")
    botkyrka = MunicipalityFactory(code="0127", name="Botkyrka")
    ronna_op = OperatorFactory(name="Ronna Förening")
    fittja_op: Any = OperatorFactory(name="Fittja Förening")
    offices: dict[str, Any] = {
        "ronna": OfficeFactory(slug="ronna", municipality=soder, operator=ronna_op, **RONNA_NAMES),
        "hovsjo": OfficeFactory(
            slug="hovsjo", name="Hovsjö kontor", municipality=soder, operator=ronna_op
        ),
        "geneta": OfficeFactory(
            slug="geneta",
            name="Geneta kontor",
            municipality=soder,
            operator=ronna_op,
            latitude="59.1900",
            longitude="17.6000",
        ),
        "fittja": OfficeFactory(
            slug="fittja",
            name="Fittja kontor",
            municipality=botkyrka,
            operator=fittja_op,
            latitude="59.2470",
            longitude="17.8600",
        ),
    }
    for slug, day, hours in VISITS:
        put_scopes(offices[slug], day, "visits.people", "qr", sum(hours.values()))
        for hour, people in hours.items():
            put_scopes(offices[slug], day, "visits.hourly", hour, people)
    slug, day, people = KIOSK
    put_scopes(offices[slug], day, "visits.people", "kiosk", people)
    publish(YEAR, now=PUBLISHED_AT)
    return ReportsWorld(
        offices=offices,
        officer=officer_of(soder, "Sanna"),
        stranger=operator_admin_of(fittja_op, "Fredrik"),
    )
