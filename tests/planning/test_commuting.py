"""The commuting estimate of newly reached residents: a worked example and its edges."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from publicoffice.planning.commuting import (
    UPTAKE,
    WORKING_DAYS_PER_YEAR,
    assumptions,
    commute_for,
    commute_range,
)
from publicoffice.reports.commuting import FactorData, Range

CAR = FactorData(
    mode="car", variant="petrol", low=Decimal(100), central=Decimal(150), high=Decimal(200)
)


def test_worked_example():
    """40 commuters by car 5–10 km away and 60 who would have stayed home answered.

    A round trip is 10–20 km, so 40 commuters drove 400–800 km: at 100–200 g
    per km that is 40–160 kg over 100 answers, 0.4–1.6 kg per visit. 1,000
    newly reached residents at 0.1 %–0.5 % are 1–5 visits a working day:
    0.4–8 kg a day, 100–2,000 kg in 250 working days.
    """
    answers = {"workplace|bus|5-10|car": 40, "home|walk||": 60}
    found = commute_range(1000, answers, [CAR])
    assert found["visits_per_day"] == ["1.0", "5.0"]
    assert found["kg_per_visit"] == ["0.40", "1.6"]
    assert found["kg_per_day"] == ["0.40", "8.0"]
    assert found["kg_per_year"] == ["100", "2000"]
    assert (found["answers"], found["commuters"], found["too_few"]) == (100, 40, False)
    assert found["working_days"] == WORKING_DAYS_PER_YEAR == 250
    assert found["uptake"] == [str(UPTAKE.low), str(UPTAKE.high)]


def test_too_few_commuters_give_visits_but_no_co2():
    found = commute_range(1000, {"workplace|car|5-10|car": 3}, [CAR])
    assert found["too_few"] is True
    assert found["kg_per_day"] is None and found["kg_per_year"] is None
    assert found["visits_per_day"] == ["1.0", "5.0"]


def test_nobody_newly_reached_is_zero():
    found = commute_range(0, {"workplace|bus|5-10|car": 40}, [CAR])
    assert found["visits_per_day"] == ["0", "0"]
    assert found["kg_per_year"] == ["0", "0"]


def test_a_given_uptake_is_used():
    found = commute_range(
        2000, {"workplace|bus|5-10|car": 40}, [CAR], uptake=Range(Decimal("0.01"), Decimal("0.01"))
    )
    assert found["visits_per_day"] == ["20", "20"]


@pytest.mark.django_db
def test_commute_for_reads_the_survey_without_failing_when_empty():
    found = commute_for(500)
    assert found["residents"] == 500
    assert found["too_few"] is True


def test_assumptions_are_translated():
    with translation.override("sv"):
        lines = assumptions()
    assert len(lines) == 4
    assert "0.1" in lines[0].replace(",", ".") and "0.5" in lines[0].replace(",", ".")
