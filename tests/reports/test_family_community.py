"""The meeting-place family: new profiles and contact requests per office and local day.

A profile counts once, at its home office with the lowest id; a contact
request at the office of the profile it was sent to, on the day sent.
Counted by hand around both clock changes of 2026 and the turn of the
year; then facts made through the services leave, after a refresh,
exactly the office rows a rebuild finds.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
import time_machine

from publicoffice.community.models import Profile
from publicoffice.community.services.contacts import (
    contact_request_answer,
    contact_request_send,
    contact_request_withdraw,
)
from publicoffice.community.services.profiles import (
    profile_create,
    profile_delete,
    profile_update,
)
from publicoffice.places.facts import Family
from publicoffice.reports import rollup
from publicoffice.reports.families import Row, computer
from publicoffice.reports.models import DayFigure, ScopeKind, StaleDay
from tests.dialogue.factories import STOCKHOLM, person
from tests.factories import OfficeFactory

pytestmark = pytest.mark.django_db


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def office_rows() -> set[tuple[int, date, str, str, int]]:
    rows = DayFigure.objects.filter(scope=ScopeKind.OFFICE, metric__startswith="community.")
    return set(rows.values_list("scope_id", "day", "metric", "key", "value"))


def profile(owner: Any, kind: str, moment: datetime, homes: list[Any]) -> Profile:
    with time_machine.travel(moment, tick=False):
        return profile_create(
            owner=owner,
            kind=kind,
            name=f"{owner.display_name} ({kind})",
            visibility="members",
            home_offices=homes,
        )


def send(sender: Any, own: Profile, to: Profile, moment: datetime) -> Any:
    return contact_request_send(
        sender=sender, sender_profile=own, recipient=to, message="Hej! Ses vi?", at=moment
    )


@pytest.fixture
def world() -> dict[str, Any]:
    ronna = OfficeFactory(slug="ronna")
    alby = OfficeFactory(slug="alby")
    assert ronna.pk < alby.pk
    return {"ronna": ronna, "alby": alby}


def test_profiles_and_contact_requests_by_local_day(world):
    ronna, alby = world["ronna"], world["alby"]
    amina, johan, sara, omar = person("Amina"), person("Johan"), person("Sara"), person("Omar")
    # 00:30 on the night the clocks go back (UTC: 24 October); two homes, counted at Ronna.
    hers = profile(amina, "person", local(date(2026, 10, 25), 0, 30), [alby, ronna])
    # 00:30 on the night the clocks go forward.
    club = profile(johan, "association", local(date(2026, 3, 29), 0, 30), [alby])
    # No home office: in no office's figures.
    shop = profile(sara, "business", local(date(2026, 12, 31), 23, 30), [])
    # Created on New Year's Day, then deleted: gone from the figures.
    gone = profile(omar, "person", local(date(2027, 1, 1), 0, 30), [alby])
    profile_delete(profile=gone, actor=omar)

    accepted = send(sara, shop, hers, local(date(2026, 12, 31), 23, 30))
    contact_request_answer(
        request=accepted, actor=amina, accept=True, at=local(date(2027, 1, 2), 9)
    )
    withdrawn = send(johan, club, hers, local(date(2027, 1, 1), 0, 30))
    contact_request_withdraw(request=withdrawn, actor=johan, at=local(date(2027, 1, 1), 1))
    declined = send(amina, hers, club, local(date(2026, 10, 25), 12))
    contact_request_answer(
        request=declined, actor=johan, accept=False, at=local(date(2026, 10, 26), 9)
    )
    send(amina, hers, shop, local(date(2026, 10, 25), 13))  # to a profile with no office

    rows = set(computer(Family.COMMUNITY)(None, date(2026, 1, 1), date(2027, 12, 31)))
    assert rows == {
        Row(ronna.pk, date(2026, 10, 25), "community.profiles", "person", 1),
        Row(alby.pk, date(2026, 3, 29), "community.profiles", "association", 1),
        Row(ronna.pk, date(2026, 12, 31), "community.contact_requests", "accepted", 1),
        Row(ronna.pk, date(2027, 1, 1), "community.contact_requests", "withdrawn", 1),
        Row(alby.pk, date(2026, 10, 25), "community.contact_requests", "declined", 1),
    }
    assert not list(computer(Family.COMMUNITY)(None, date(2026, 10, 24), date(2026, 10, 24)))
    assert set(computer(Family.COMMUNITY)([alby.pk], date(2026, 10, 25), date(2026, 10, 25))) == {
        Row(alby.pk, date(2026, 10, 25), "community.contact_requests", "declined", 1)
    }


def test_refresh_after_the_services_equals_a_rebuild(world):
    ronna, alby = world["ronna"], world["alby"]
    amina, johan = person("Amina"), person("Johan")
    StaleDay.objects.all().delete()
    hers = profile(amina, "person", local(date(2026, 10, 25), 0, 30), [ronna])
    club = profile(johan, "association", local(date(2026, 12, 31), 23, 30), [alby])
    request = send(johan, club, hers, local(date(2027, 1, 1), 0, 30))
    rollup.refresh_stale()
    contact_request_answer(request=request, actor=amina, accept=True, at=local(date(2027, 1, 2), 9))
    # Her profile moves home: it and the request sent to it now count at Alby.
    profile_update(profile=hers, actor=amina, home_offices=[alby])
    rollup.refresh_stale()
    refreshed = office_rows()
    assert (alby.pk, date(2027, 1, 1), "community.contact_requests", "accepted", 1) in refreshed
    assert not any(office == ronna.pk for office, *_rest in refreshed)
    profile_delete(profile=club, actor=johan)
    rollup.refresh_stale()
    refreshed = office_rows()
    rollup.rebuild(start=date(2026, 10, 1), end=date(2027, 1, 31), families=[Family.COMMUNITY])
    assert office_rows() == refreshed
