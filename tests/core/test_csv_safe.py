"""CSV exports open as data in a spreadsheet, never as formulas."""

from __future__ import annotations

import csv
import io
import re
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.test import Client

from publicoffice.core import csv_safe
from publicoffice.visits import services
from publicoffice.visits.models import Source
from tests.factories import OfficeFactory, UserFactory, WeeklyHoursFactory
from tests.visits.conftest import MORNING

SRC = Path(__file__).resolve().parents[2] / "src" / "publicoffice"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_a_spreadsheet_would_run_gets_a_quote(start):
    cell = f'{start}HYPERLINK("https://evil.example")'
    assert csv_safe.safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("text", ["Ronna kontor", "مكتب", "a=b", " =trailing", "", "'quoted"])
def test_ordinary_text_is_left_alone(text):
    assert csv_safe.safe_cell(text) == text


@pytest.mark.parametrize("number", [-3, -2.5, Decimal("-1.25"), 0, 7, True])
def test_numbers_stay_numbers_even_negative(number):
    assert csv_safe.safe_cell(number) is number


def test_text_that_looks_like_a_negative_number_is_still_text_and_escaped():
    assert csv_safe.safe_cell("-3") == "'-3"


def test_the_writers_escape_every_row_and_keep_numbers():
    out = io.StringIO()
    writer = csv_safe.writer(out)
    writer.writerow(["=1+1", -4, None])
    writer.writerows([["@SUM(A1)", 2.5]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["'=1+1", "-4", ""],
        ["'@SUM(A1)", "2.5"],
    ]
    out = io.StringIO()
    dict_writer = csv_safe.dict_writer(out, ["name", "count"])
    dict_writer.writeheader()
    dict_writer.writerows([{"name": "+46 70", "count": -1}])
    assert out.getvalue().splitlines() == ["name,count", "'+46 70,-1"]


def test_no_module_writes_csv_around_the_helper():
    """Every export goes through core.csv_safe: no csv writer elsewhere."""
    pattern = re.compile(r"csv\.(writer|DictWriter)\(")
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "csv_safe.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_the_visits_export_escapes_an_office_name_that_is_a_formula():
    office = OfficeFactory(slug="evil", name='=HYPERLINK("https://evil.example","Ronna")')
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(9), closes=time(17))
    member = UserFactory()
    with time_machine.travel(MORNING, tick=False):
        services.visit_check_in(office=office, source=Source.MEMBER, member=member, at=MORNING)
        client = Client()
        client.force_login(member)
        body = client.get("/sv/me/visits.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[0]["office"] == "'" + str(office.name)
    assert rows[0]["arrived"].startswith("2026-11-25")  # dates are untouched
