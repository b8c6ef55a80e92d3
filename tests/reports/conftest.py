"""Shared fixtures of the reports tests: a small network and hand-made roll-up rows."""

from __future__ import annotations

from datetime import date

import pytest

from publicoffice.places.models import Office
from publicoffice.reports.models import DayFigure, ScopeKind
from tests.factories import MunicipalityFactory, OfficeFactory, OperatorFactory


@pytest.fixture
def network(db) -> dict[str, Office]:
    """Two offices in Södertälje (one operator), one in Botkyrka (another operator)."""
    soder = MunicipalityFactory(code="0181", name="Södertälje")
    botkyrka = MunicipalityFactory(code="0127", name="Botkyrka")
    ronna_op = OperatorFactory(name="Ronna Förening")
    fittja_op = OperatorFactory(name="Fittja Förening")
    return {
        "ronna": OfficeFactory(slug="ronna", name="Ronna", municipality=soder, operator=ronna_op),
        "hovsjo": OfficeFactory(
            slug="hovsjo", name="Hovsjö", municipality=soder, operator=ronna_op
        ),
        "fittja": OfficeFactory(
            slug="fittja", name="Fittja", municipality=botkyrka, operator=fittja_op
        ),
    }


def put(office: Office, day: date, metric: str, key: str, value: int) -> None:
    """One office row, as a family computation would write it."""
    DayFigure.objects.create(
        scope=ScopeKind.OFFICE, scope_id=office.pk, day=day, metric=metric, key=key, value=value
    )
