"""The refusal reaches the person: on each page as its words, in the API as the error JSON.

A member under a network-wide ban, and one who has not accepted changed
house rules, try the pages and the API; a second member who is neither
does the same and gets through. Pages are asked in English (``/en/``), and
the words are compared with what the check says in English, so the test
holds once the words are translated.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from publicoffice.accounts.services import api_token_create
from publicoffice.community.services.profiles import profile_create
from publicoffice.conduct.models import RuleScope, RuleVersion
from publicoffice.conduct.services.sanctions import sanction_decide
from publicoffice.events.services import event_create
from publicoffice.places.models import Office
from publicoffice.places.restrictions import MemberAction, restriction_for
from tests.conduct.conftest import NOW
from tests.dialogue.factories import STOCKHOLM, person
from tests.factories import SpaceFactory, WeeklyHoursFactory

pytestmark = pytest.mark.django_db

TOMORROW = (NOW + timedelta(days=1)).date()


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def opened(office: Office) -> Office:
    """Ronna, open Monday–Friday 08:00–20:00."""
    for weekday in range(5):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    return office


@pytest.fixture
def room(opened: Office) -> Any:
    return SpaceFactory(office=opened, kind="meeting_room", capacity=6, is_bookable=True)


@pytest.fixture
def ban(host, member, office) -> Any:
    return sanction_decide(
        staff=host,
        member=member,
        office=office,
        kind="ban",
        scope="network",
        facts="Threatened a host at the door.",
        grounds="The house rules forbid threats.",
        category="disturbance",
        ends_at=NOW + timedelta(days=14),
    )


@pytest.fixture
def changed_rules(db) -> RuleVersion:
    return RuleVersion.objects.create(
        scope=RuleScope.NETWORK,
        number=2,
        effective_from=NOW - timedelta(days=1),
        material=True,
        summary_sv="Vi visar varandra respekt.",
        full_text_sv="Vi visar varandra respekt.",
    )


def browser(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api(user: Any) -> Client:
    _token, key = api_token_create(user=user, name="test script")
    return Client(headers={"authorization": f"Bearer {key}"})


def words(member: Any, action: MemberAction, office: Office | None) -> str:
    """What the check tells ``member``, in English, as the page shows it."""
    with translation.override("en"):
        restriction = restriction_for(member, action, office=office)
    assert restriction is not None
    return escape(str(restriction))


def refused_page(response: Any, member: Any, action: MemberAction, office: Office | None) -> None:
    assert response.status_code == 403, response.status_code
    assert words(member, action, office) in response.content.decode()


def refused_json(response: Any, code: str) -> dict[str, Any]:
    assert response.status_code == 403, response.content
    body = response.json()
    assert body["code"] == code
    return body


def slot(start: str = "10:00", end: str = "11:00") -> dict[str, Any]:
    return {"day": TOMORROW.isoformat(), "start": start, "end": end, "attendees": 1, "purpose": ""}


def booking_json(room: Any, hour: int) -> dict[str, Any]:
    start = datetime.combine(TOMORROW, time(hour), tzinfo=STOCKHOLM)
    return {
        "space": room.pk,
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(hours=1)).isoformat(),
    }


class TestBanned:
    def test_booking_page_and_api(self, ban, member, other_member, room, office):
        url = f"/en/spaces/{room.pk}/book/"
        refused_page(browser(member).post(url, slot()), member, MemberAction.BOOK, office)
        assert browser(other_member).post(url, slot()).status_code == 302
        body = refused_json(
            api(member).post("/api/v1/bookings", booking_json(room, 14), "application/json"),
            "restricted",
        )
        assert str(ban.public_id) in body["message"]
        allowed = api(other_member).post(
            "/api/v1/bookings", booking_json(room, 15), "application/json"
        )
        assert allowed.status_code == 201, allowed.content

    def test_event_page_and_api(self, ban, member, other_member, host, opened):
        start = datetime.combine(TOMORROW, time(17), tzinfo=STOCKHOLM)
        event = event_create(
            office=opened,
            actor=host,
            title="Språkcafé",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
        )
        url = f"/en/events/{event.public_id}/register/"
        refused_page(browser(member).post(url), member, MemberAction.REGISTER, opened)
        assert browser(other_member).post(url).status_code == 302
        api_url = f"/api/v1/events/{event.public_id}/registrations"
        refused_json(api(member).post(api_url), "restricted")
        third = person("Third")
        assert api(third).post(api_url).status_code == 201

    def test_member_check_in_page(self, ban, member, other_member, opened):
        url = f"/en/offices/{opened.slug}/check-in/"
        refused_page(browser(member).post(url), member, MemberAction.CHECK_IN, opened)
        assert browser(other_member).post(url).status_code == 302

    def test_contact_page(self, ban, member, other_member):
        recipient = profile_create(
            owner=person("Sara"), kind="person", name="Läxhjälp", visibility="members"
        )
        url = f"/en/profiles/{recipient.public_id}/contact/"
        data = {"message": "Hej! Kan vi ses?"}
        sent = {}
        for sender in (member, other_member):
            own = profile_create(
                owner=sender, kind="person", name=sender.display_name, visibility="members"
            )
            sent[sender.pk] = browser(sender).post(
                url, {**data, "sender_profile": str(own.public_id)}
            )
        refused_page(sent[member.pk], member, MemberAction.CONTACT, None)
        assert sent[other_member.pk].status_code == 302

    def test_proposal_page_and_api(self, ban, member, other_member, opened):
        url = f"/en/offices/{opened.slug}/dialogue/propose/"
        data = {"kind": "activity", "title": "Läxhjälp", "body": "På lördagar.", "language": "sv"}
        refused_page(browser(member).post(url, data), member, MemberAction.PROPOSE, opened)
        assert browser(other_member).post(url, data).status_code == 302
        payload = {**data, "office": opened.slug}
        refused_json(
            api(member).post("/api/v1/proposals", payload, "application/json"), "restricted"
        )
        made = api(person("Third")).post("/api/v1/proposals", payload, "application/json")
        assert made.status_code == 201, made.content


class TestRulesNotAccepted:
    def test_booking_page_and_api_ask_to_accept_the_rules(
        self, changed_rules, member, room, office
    ):
        url = f"/en/spaces/{room.pk}/book/"
        refused_page(browser(member).post(url, slot()), member, MemberAction.BOOK, office)
        refused_json(
            api(member).post("/api/v1/bookings", booking_json(room, 14), "application/json"),
            "rules_not_accepted",
        )

    def test_checking_in_is_still_open(self, changed_rules, member, opened):
        response = browser(member).post(f"/en/offices/{opened.slug}/check-in/")
        assert response.status_code == 302
