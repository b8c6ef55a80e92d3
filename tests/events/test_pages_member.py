"""A member's event pages through the HTTP client: register, wait, cancel,
propose an event and "My events", with anonymous visitors and a second member."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from publicoffice.events import services
from publicoffice.events.models import Approval, Event, EventStatus, Registration
from publicoffice.events.models import RegistrationStatus as RS
from tests.events.conftest import at
from tests.factories import OfficeFactory, SpaceFactory, UserFactory

TOMORROW = "2026-11-26"


def fill(event, count: int) -> None:
    for n in range(count):
        services.registration_create(event=event, member=UserFactory(email=f"seat{n}@ex.org"))


def proposal(**extra: object) -> dict[str, object]:
    return {
        "title": "Stickcafé",
        "description": "Vi stickar tillsammans.",
        "day": TOMORROW,
        "start": "14:00",
        "end": "16:00",
        "audience": "everyone",
        **extra,
    }


class TestRegister:
    def test_anonymous_visitors_are_asked_to_log_in(self, client, event):
        response = client.post(f"/en/events/{event.public_id}/register/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert not Registration.objects.exists()

    def test_posts_need_the_csrf_token(self, event, member):
        strict = Client(enforce_csrf_checks=True)
        strict.force_login(member)
        assert strict.post(f"/en/events/{event.public_id}/register/").status_code == 403
        assert not Registration.objects.exists()

    def test_only_post(self, client, event, member):
        client.force_login(member)
        assert client.get(f"/en/events/{event.public_id}/register/").status_code == 405

    def test_a_member_takes_a_seat_and_can_give_it_back(self, client, event, member):
        client.force_login(member)
        page = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert ">Register</button>" in page
        response = client.post(f"/en/events/{event.public_id}/register/")
        assert response.status_code == 302
        assert response["Location"] == f"/en/events/{event.public_id}/"
        assert Registration.objects.get().status == RS.REGISTERED
        html = client.get(response["Location"]).content.decode()
        assert "You are registered. Welcome!" in html
        assert "You have a seat." in html
        assert "5 seats left" in html
        assert "Cancel my registration" in html
        cancelled = client.post(f"/en/events/{event.public_id}/cancel-registration/")
        assert cancelled.status_code == 302
        assert Registration.objects.get().status == RS.CANCELLED
        html = client.get(cancelled["Location"]).content.decode()
        assert "Your registration is cancelled." in html
        assert "6 seats left" in html

    def test_a_full_event_offers_the_waitlist_and_tells_the_place_in_line(
        self, client, event, member, other_member
    ):
        fill(event, 5)
        services.registration_create(event=event, member=other_member)  # the last seat
        client.force_login(member)
        page = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert "Join the waitlist" in page
        response = client.post(f"/en/events/{event.public_id}/register/")
        assert response.status_code == 302
        mine = Registration.objects.get(member=member)
        assert mine.status == RS.WAITING
        html = client.get(response["Location"]).content.decode()
        assert "You are number 1 in line" in html
        assert "You are on the waitlist: number 1 in line." in html
        assert "Leave the waitlist" in html

    def test_a_freed_seat_goes_to_the_first_in_line(self, client, event, member, other_member):
        fill(event, 5)
        services.registration_create(event=event, member=other_member)
        services.registration_create(event=event, member=member)
        client.force_login(other_member)
        client.post(f"/en/events/{event.public_id}/cancel-registration/")
        assert Registration.objects.get(member=member).status == RS.REGISTERED
        client.force_login(member)
        assert "You have a seat." in client.get(f"/en/events/{event.public_id}/").content.decode()

    def test_registering_twice_changes_nothing(self, client, event, member):
        client.force_login(member)
        client.post(f"/en/events/{event.public_id}/register/")
        again = client.post(f"/en/events/{event.public_id}/register/")
        assert again.status_code == 409
        assert "You are already registered for this event." in again.content.decode()
        assert 'role="alert"' in again.content.decode()
        assert Registration.objects.count() == 1

    def test_a_cancelled_event_takes_no_registrations(self, client, event, member, host):
        services.event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
        client.force_login(member)
        page = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert ">Register</button>" not in page
        assert "Registration is closed" in page
        response = client.post(f"/en/events/{event.public_id}/register/")
        assert response.status_code == 409
        assert "This event is cancelled." in response.content.decode()
        assert not Registration.objects.exists()

    def test_a_seat_at_a_cancelled_event_is_not_offered_as_a_seat(
        self, client, event, member, host
    ):
        services.registration_create(event=event, member=member)
        services.event_set_status(event=event, actor=host, status=EventStatus.CANCELLED)
        client.force_login(member)
        html = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert "You have a seat." not in html
        assert "Registration is closed" in html

    def test_a_past_event_says_it_is_over(self, client, event, member, frozen):
        frozen.move_to(at(2, 9))
        client.force_login(member)
        html = client.get(f"/en/events/{event.public_id}/").content.decode()
        assert "This event is over." in html
        assert ">Register</button>" not in html

    def test_someone_elses_proposal_cannot_be_registered_for(
        self, client, office, member, other_member, frozen
    ):
        idea = services.event_propose(
            office=office, member=member, title="Idé", starts_at=at(1, 9), ends_at=at(1, 10)
        )
        client.force_login(other_member)
        assert client.post(f"/en/events/{idea.public_id}/register/").status_code == 404
        assert not Registration.objects.exists()

    def test_cancelling_without_a_registration_just_says_so(self, client, event, member):
        client.force_login(member)
        response = client.post(f"/en/events/{event.public_id}/cancel-registration/", follow=True)
        assert "You were not registered for this event." in response.content.decode()


class TestPropose:
    @pytest.fixture(autouse=True)
    def _clock(self, frozen):
        """Wednesday 25 November 2026, so "tomorrow" in the form lies ahead."""

    def test_anonymous_visitors_are_asked_to_log_in(self, client, office):
        response = client.get("/en/offices/ronna/events/propose/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert client.post("/en/offices/ronna/events/propose/", proposal()).status_code == 302
        assert not Event.objects.exists()

    def test_the_form_explains_that_a_host_approves(self, client, office, room, desk, member):
        client.force_login(member)
        response = client.get("/en/offices/ronna/events/propose/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "A host of the office reads your proposal and approves or declines it." in html
        assert 'name="capacity"' not in html  # the host sets the seats
        assert "Mötesrum Ek (6 seats)" in html
        assert "Skrivbord 1" not in html  # desks hold no events
        assert "<legend>When</legend>" in html

    def test_a_member_proposes_and_sees_it_waiting(self, client, office, room, member, arabic):
        client.force_login(member)
        response = client.post(
            "/en/offices/ronna/events/propose/",
            proposal(space=room.pk, languages=["ar"], title="مقهى الحياكة 🧶"),
        )
        assert response.status_code == 302
        event = Event.objects.get()
        assert response["Location"] == f"/en/events/{event.public_id}/"
        assert event.approval == Approval.PROPOSED
        assert event.proposed_by == member
        assert event.booking is None  # nothing booked before a host says yes
        assert event.space == room
        assert [lang.code for lang in event.languages.all()] == ["ar"]
        html = client.get(response["Location"]).content.decode()
        assert "Your proposal is sent to the hosts." in html
        assert "Waiting for approval" in html
        assert "مقهى الحياكة 🧶" in html

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({}, "title"),
            ({"title": "   "}, "title"),
            ({"title": "x" * 121}, "title"),
            ({"day": "igår"}, "day"),
            ({"start": "tio"}, "start"),
            ({"start": "16:00", "end": "14:00"}, "end"),
            ({"end_day": "2026-12-25"}, "end_day"),
            ({"description": "ö" * 4001}, "description"),
            ({"languages": ["xx"]}, "languages"),
            ({"audience": "<script>alert(1)</script>"}, "audience"),
            ({"space": "999999"}, "space"),
            ({"day": "2026-11-24"}, "day"),  # yesterday: refused by the service
        ],
    )
    def test_bad_input_is_explained_and_saves_nothing(
        self, client, frozen, office, member, data, field
    ):
        client.force_login(member)
        body = proposal(**data) if data else {}
        with translation.override("ar"):
            response = client.post("/ar/offices/ronna/events/propose/", body)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'class="error-summary" role="alert"' in html
        assert f'href="#id_{field}"' in html
        assert f'id="id_{field}_error"' in html
        assert "<script>alert(1)</script>" not in html
        assert not Event.objects.exists()

    def test_a_room_of_another_office_cannot_be_chosen(self, client, office, member):
        elsewhere = SpaceFactory(office=OfficeFactory(slug="annat"), kind="hall", capacity=50)
        client.force_login(member)
        response = client.post("/en/offices/ronna/events/propose/", proposal(space=elsewhere.pk))
        assert response.status_code == 400
        assert 'href="#id_space"' in response.content.decode()
        assert not Event.objects.exists()

    def test_too_many_open_proposals_are_refused(self, client, office, member, settings):
        settings.EVENTS_MAX_OPEN_PROPOSALS = 1
        client.force_login(member)
        assert client.post("/en/offices/ronna/events/propose/", proposal()).status_code == 302
        again = client.post("/en/offices/ronna/events/propose/", proposal(title="Till"))
        assert again.status_code == 429
        assert "proposals waiting for a host" in again.content.decode()
        assert Event.objects.count() == 1

    def test_not_at_an_office_that_is_not_open(self, client, member):
        OfficeFactory(slug="pausat", status="paused")
        client.force_login(member)
        response = client.get("/en/offices/pausat/events/propose/")
        assert response.status_code == 403
        assert "open offices" in response.content.decode()
        assert client.get("/en/offices/nowhere/events/propose/").status_code == 404

    def test_the_proposer_may_change_the_proposal_others_may_not(
        self, client, office, member, other_member, frozen
    ):
        idea = services.event_propose(
            office=office, member=member, title="Idé", starts_at=at(1, 9), ends_at=at(1, 10)
        )
        url = f"/en/events/{idea.public_id}/edit/"
        client.force_login(other_member)
        assert client.get(url).status_code == 404
        assert client.post(url, proposal()).status_code == 404
        client.force_login(member)
        page = client.get(url)
        assert page.status_code == 200
        assert 'value="Idé"' in page.content.decode()
        assert 'name="capacity"' not in page.content.decode()
        response = client.post(url, proposal(title="Bättre idé", start="09:00", end="10:00"))
        assert response.status_code == 302
        idea.refresh_from_db()
        assert idea.title == "Bättre idé"
        assert idea.approval == Approval.PROPOSED


class TestMine:
    def test_anonymous_visitors_are_asked_to_log_in(self, client, db):
        response = client.get("/en/me/events/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_seats_places_in_line_and_proposals(
        self, client, event, open_event, office, member, other_member
    ):
        services.registration_create(event=open_event, member=member)
        fill(event, 5)
        services.registration_create(event=event, member=other_member)
        services.registration_create(event=event, member=UserFactory(email="first@ex.org"))
        services.registration_create(event=event, member=member)
        services.event_propose(
            office=office,
            member=member,
            title="Mitt förslag",
            starts_at=at(3, 9),
            ends_at=at(3, 10),
        )
        client.force_login(member)
        response = client.get("/en/me/events/")
        assert response.status_code == 200
        html = response.content.decode()
        seated = html[html.index("registered-heading") : html.index("waiting-heading")]
        waiting = html[html.index("waiting-heading") : html.index("proposals-heading")]
        proposals = html[html.index("proposals-heading") :]
        assert "Öppet hus" in seated and "Språkcafé" not in seated
        assert "Språkcafé" in waiting and "Number 2 in line" in waiting
        assert "Mitt förslag" in proposals and "Waiting for a host" in proposals
        assert 'aria-current="page">My events' in html

    def test_another_member_sees_none_of_it(self, client, event, office, member, other_member):
        services.registration_create(event=event, member=member)
        services.event_propose(
            office=office,
            member=member,
            title="Mitt förslag",
            starts_at=at(3, 9),
            ends_at=at(3, 10),
        )
        client.force_login(other_member)
        html = client.get("/en/me/events/").content.decode()
        assert "Språkcafé" not in html
        assert "Mitt förslag" not in html
        assert "You are not registered for any coming event." in html

    def test_query_count_does_not_grow(
        self, client, office, host, member, frozen, django_assert_num_queries
    ):
        def one_more(hour: int) -> None:
            event = services.event_create(
                office=office,
                actor=host,
                title=f"Kl {hour}",
                starts_at=at(2, hour),
                ends_at=at(2, hour + 1),
                capacity=1,
            )
            services.registration_create(event=event, member=member)
            services.event_propose(
                office=office,
                member=member,
                title=f"Idé {hour}",
                starts_at=at(3, hour),
                ends_at=at(3, hour + 1),
            )

        one_more(9)
        client.force_login(member)
        client.get("/en/me/events/")
        with CaptureQueriesContext(connection) as few:
            client.get("/en/me/events/")
        for hour in (10, 11, 12):
            one_more(hour)
        with django_assert_num_queries(len(few)):
            html = client.get("/en/me/events/").content.decode()
        assert html.count("Idé ") == 4
