"""The answering side's dialogue pages through the HTTP client: the queue, public
answers now, as drafts and at a set time, publishing drafts, hiding, and making an
event; with a host of another office, a member and a visitor refused."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from publicoffice.dialogue.models import Answer, Proposal
from publicoffice.dialogue.services.proposals import argument_add
from publicoffice.events.models import Event
from publicoffice.places.holidays_se import is_public_holiday
from tests.dialogue.factories import host_of, person, propose
from tests.factories import SpaceFactory, WeeklyHoursFactory

pytestmark = pytest.mark.django_db

QUEUE = "/en/proposals/to-answer/"


def page(proposal: Proposal, action: str = "") -> str:
    return f"/sv/proposals/{proposal.public_id}/{action}"


def answer_data(**fields: str) -> dict[str, str]:
    data = {"answer-state": "planned", "answer-text": "Vi börjar i januari.", "answer-when": "now"}
    data.update({f"answer-{name}": value for name, value in fields.items()})
    return data


class TestQueue:
    def test_a_host_sees_their_offices_proposals_unanswered_first(
        self, client, office, other_office, host, author
    ):
        mine = propose(author, office=office, title="Här hos oss")
        propose(person("Yusuf"), office=other_office, title="Någon annanstans")
        client.force_login(host)
        html = client.get(QUEUE).content.decode()
        assert mine.title in html and "Någon annanstans" not in html
        assert "Answer due" in html

    def test_members_and_visitors_have_no_queue(self, client, author):
        assert client.get(QUEUE).status_code == 302
        client.force_login(author)
        assert client.get(QUEUE).status_code == 403

    def test_query_count_does_not_grow(self, client, office, host, django_assert_num_queries):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        propose(person("A1"), office=office)
        client.force_login(host)
        client.get(QUEUE)
        with CaptureQueriesContext(connection) as few:
            client.get(QUEUE)
        for number in range(4):
            propose(person(f"B{number}"), office=office)
        with django_assert_num_queries(len(few)):
            client.get(QUEUE)


class TestAnswer:
    def test_the_host_answers_in_public(self, client, proposal, host):
        client.force_login(host)
        response = client.post(page(proposal, "answer/"), answer_data())
        assert response.status_code == 302
        proposal.refresh_from_db()
        assert proposal.state == "planned" and proposal.first_answer_at is not None
        assert "Vi börjar i januari." in client.get(page(proposal)).content.decode()

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"text": ""}, "text"),
            ({"state": "withdrawn"}, "state"),
            ({"state": "became_event"}, "state"),
            ({"state": "forwarded", "forwarded_to": ""}, "forwarded_to"),
            ({"state": "duplicate"}, "duplicate_of"),
            ({"when": "later"}, "publish_day"),
        ],
    )
    def test_refusals_are_shown_at_their_field_and_change_nothing(
        self, client, proposal, host, fields, field
    ):
        client.force_login(host)
        response = client.post(page(proposal, "answer/"), answer_data(**fields))
        assert response.status_code == 400
        assert f'href="#id_answer-{field}"' in response.content.decode()
        proposal.refresh_from_db()
        assert proposal.state == "new" and not Answer.objects.exists()

    def test_a_duplicate_names_the_other_proposal(self, client, office, proposal, host):
        original = propose(person("First"), office=office, title="Samma idé")
        client.force_login(host)
        data = answer_data(state="duplicate", duplicate_of=str(original.public_id))
        client.post(page(proposal, "answer/"), data)
        proposal.refresh_from_db()
        assert proposal.duplicate_of == original
        assert "Samma idé" in client.get(page(proposal)).content.decode()

    def test_a_draft_waits_and_is_published_by_the_button(self, client, proposal, host, author):
        client.force_login(host)
        client.post(page(proposal, "answer/"), answer_data(when="draft"))
        draft = Answer.objects.get()
        assert draft.published_at is None
        client.force_login(author)
        assert "Vi börjar i januari." not in client.get(page(proposal)).content.decode()
        assert client.post(page(proposal, f"answers/{draft.pk}/publish/")).status_code == 403
        client.force_login(host)
        client.post(page(proposal, f"answers/{draft.pk}/publish/"))
        draft.refresh_from_db()
        assert draft.published_at is not None
        assert client.post(page(proposal, f"answers/{draft.pk}/publish/")).status_code == 404

    def test_an_answer_at_a_set_time(self, client, proposal, host):
        client.force_login(host)
        tomorrow = timezone.localdate() + timedelta(days=1)
        data = answer_data(when="later", publish_day=tomorrow.isoformat(), publish_time="09:00")
        client.post(page(proposal, "answer/"), data)
        assert Answer.objects.get().publish_at is not None

    def test_others_may_not_answer(self, client, office, other_office, proposal, author):
        for someone in (author, person("Stranger"), host_of(other_office, "OtherHost")):
            client.force_login(someone)
            assert client.post(page(proposal, "answer/"), answer_data()).status_code == 403
        assert not Answer.objects.exists()


class TestHide:
    def test_the_host_hides_an_argument_with_a_reason(self, client, proposal, host, supporter):
        argument = argument_add(member=supporter, proposal=proposal, side="for", text="Köp av mig!")
        client.force_login(host)
        data = {"argument": str(argument.pk), "hide-reason": "Reklam."}
        assert client.post(page(proposal, "hide/"), data).status_code == 302
        argument.refresh_from_db()
        assert argument.hidden_reason == "Reklam."

    def test_a_member_cannot_hide(self, client, proposal, supporter):
        client.force_login(supporter)
        assert client.post(page(proposal, "hide/"), {"hide-reason": "x"}).status_code == 403
        proposal.refresh_from_db()
        assert proposal.hidden_at is None


class TestMakeEvent:
    def test_the_form_is_filled_in_from_the_proposal(self, client, proposal, host):
        client.force_login(host)
        html = client.get(page(proposal, "make-event/")).content.decode()
        assert 'value="Läxhjälp på lördagar"' in html

    def test_making_the_event_links_both_and_plans_the_proposal(
        self, client, office, proposal, host
    ):
        room = SpaceFactory(office=office, kind="meeting_room", capacity=12)
        for weekday in range(7):
            WeeklyHoursFactory(office=office, weekday=weekday, opens=time(9), closes=time(17))
        client.force_login(host)
        day = next(
            day
            for day in (timezone.localdate() + timedelta(days=n) for n in range(7, 30))
            # An ordinary Tuesday to Thursday: no holiday, no eve, whenever CI runs.
            if day.weekday() in (1, 2, 3)
            and not is_public_holiday(day)
            and (day.month, day.day) not in {(12, 24), (12, 31)}
        ).isoformat()
        data = {
            "title": "Läxhjälp",
            "description": "Varje lördag.",
            "day": day,
            "start": "10:00",
            "end": "12:00",
            "space": str(room.pk),
            "audience": "everyone",
            "answer": "Ja! Första gången nästa lördag.",
        }
        response = client.post(page(proposal, "make-event/"), data)
        event = Event.objects.get()
        assert response["Location"] == f"/sv/events/{event.public_id}/"
        proposal.refresh_from_db()
        assert proposal.event == event and proposal.state == "planned"
        event_page = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert "This event began as a proposal" in event_page
        assert f"/en/proposals/{proposal.public_id}/" in event_page

    def test_only_staff_of_the_office(self, client, other_office, proposal, author):
        for someone in (author, host_of(other_office, "OtherHost")):
            client.force_login(someone)
            assert client.get(page(proposal, "make-event/")).status_code == 403


class TestAnswerWithHtmx:
    def test_the_answer_lands_in_place_with_the_new_state(self, client, proposal, host):
        client.force_login(host)
        response = client.post(
            page(proposal, "answer/"), answer_data(), headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "<html" not in html
        assert '<div id="answers" hx-swap-oob="true">' in html and "Vi börjar i januari." in html
        assert '<p id="proposal-state" hx-swap-oob="true"' in html
        assert 'name="answer-text"' in html  # a fresh form for the next answer
        proposal.refresh_from_db()
        assert proposal.state == "planned"

    def test_a_refusal_comes_back_in_the_form(self, client, proposal, host):
        client.force_login(host)
        response = client.post(
            page(proposal, "answer/"), answer_data(text=""), headers={"HX-Request": "true"}
        )
        html = response.content.decode()
        assert response.status_code == 200 and 'href="#id_answer-text"' in html
        assert "hx-swap-oob" not in html
        proposal.refresh_from_db()
        assert proposal.state == "new"

    def test_the_page_form_carries_the_htmx_attributes(self, client, proposal, host):
        client.force_login(host)
        html = client.get(page(proposal)).content.decode()
        assert '<div id="answer-form">' in html and 'hx-target="#answer-form"' in html


def test_the_author_is_invited_to_host_the_event_and_says_yes(
    client, office, proposal, host, author, stranger, notices
):
    for weekday in range(7):
        WeeklyHoursFactory(office=office, weekday=weekday, opens=time(9), closes=time(17))
    day = next(
        day
        for day in (timezone.localdate() + timedelta(days=n) for n in range(7, 30))
        if day.weekday() in (1, 2, 3)
        and not is_public_holiday(day)
        and (day.month, day.day) not in {(12, 24), (12, 31)}
    )
    data = {
        "title": "Läxhjälp",
        "day": day.isoformat(),
        "start": "10:00",
        "end": "12:00",
        "audience": "everyone",
        "answer": "Ja!",
        "invite_author": "on",
    }
    client.force_login(host)
    with notices():
        client.post(page(proposal, "make-event/"), data)
    invitation = [m for m in mail.outbox if m.to == [author.email]]
    assert invitation and page(proposal).split("/sv")[1] in invitation[-1].body
    proposal.refresh_from_db()
    assert proposal.co_host_invited_at is not None and proposal.co_host_answer == ""
    client.force_login(stranger)
    assert client.post(page(proposal, "co-host/"), {"answer": "yes"}).status_code == 403
    client.force_login(author)
    assert client.post(page(proposal, "co-host/"), {"answer": "yes"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.co_host_answer == "yes"
    event_page = client.get(f"/en/events/{proposal.event.public_id}/").content.decode()
    assert f"Hosted together with {author.display_name}" in event_page
