"""A member's event pages through the HTTP client: register, wait, cancel and
"My events", with anonymous visitors and a second member (no more proposing here)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from publicoffice.events import services
from publicoffice.events.models import EventStatus, Registration
from publicoffice.events.models import RegistrationStatus as RS
from tests.events.conftest import at
from tests.factories import UserFactory


def fill(event, count: int) -> None:
    for n in range(count):
        services.registration_create(event=event, member=UserFactory(email=f"seat{n}@ex.org"))


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

    def test_cancelling_without_a_registration_just_says_so(self, client, event, member):
        client.force_login(member)
        response = client.post(f"/en/events/{event.public_id}/cancel-registration/", follow=True)
        assert "You were not registered for this event." in response.content.decode()


class TestNoEventProposals:
    """Members propose through the dialogue now; the event pages offer no way to."""

    @pytest.mark.parametrize("name", ["events:propose", "events:decide", "events:to_decide"])
    def test_the_old_pages_are_gone_from_events(self, name):
        with pytest.raises(NoReverseMatch):
            reverse(name, kwargs={"slug": "ronna"} if name == "events:propose" else None)

    def test_the_event_pages_offer_members_no_event_proposal(self, client, event, member):
        """The office page's dialogue panel offers "Make a proposal"; events' part says nothing."""
        client.force_login(member)
        office_page = client.get("/en/offices/ronna/").content.decode()
        events_panel = office_page.split('id="events-heading"', 1)[1].split("</section>", 1)[0]
        for html in (client.get("/en/offices/ronna/events/").content.decode(), events_panel):
            assert "Språkcafé" in html
            assert "Propose an event" not in html
            assert "/events/propose/" not in html
            assert "Proposals to decide" not in html

    def test_a_member_may_not_change_an_event(self, client, event, member):
        client.force_login(member)
        url = f"/en/events/{event.public_id}/edit/"
        assert client.get(url).status_code == 403
        assert client.post(url, {"title": "Mitt nu"}).status_code == 403
        event.refresh_from_db()
        assert event.title == "Språkcafé"


class TestMine:
    def test_anonymous_visitors_are_asked_to_log_in(self, client, db):
        response = client.get("/en/me/events/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_seats_and_places_in_line(
        self, client, event, open_event, office, member, other_member
    ):
        services.registration_create(event=open_event, member=member)
        fill(event, 5)
        services.registration_create(event=event, member=other_member)
        services.registration_create(event=event, member=UserFactory(email="first@ex.org"))
        services.registration_create(event=event, member=member)
        client.force_login(member)
        response = client.get("/en/me/events/")
        assert response.status_code == 200
        html = response.content.decode()
        seated = html[html.index("registered-heading") : html.index("waiting-heading")]
        waiting = html[html.index("waiting-heading") :]
        assert "Öppet hus" in seated and "Språkcafé" not in seated
        assert "Språkcafé" in waiting and "Number 2 in line" in waiting
        assert "proposals-heading" not in html
        assert 'aria-current="page">My events' in html

    def test_another_member_sees_none_of_it(self, client, event, office, member, other_member):
        services.registration_create(event=event, member=member)
        client.force_login(other_member)
        html = client.get("/en/me/events/").content.decode()
        assert "Språkcafé" not in html
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

        one_more(9)
        client.force_login(member)
        client.get("/en/me/events/")
        with CaptureQueriesContext(connection) as few:
            client.get("/en/me/events/")
        for hour in (10, 11, 12):
            one_more(hour)
        with django_assert_num_queries(len(few)):
            html = client.get("/en/me/events/").content.decode()
        assert html.count("Kl ") == 4
