""" "Here today": shown after check-in, seen by the right audience, gone at
check-out and at the visit's automatic end, never for hidden profiles.

The office is open Monday–Friday 08:00–20:00 (``office`` in the conftest);
visits start on Wednesday 25 November 2026 at 10:00.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from publicoffice.community.models import Audience, Block, Presence
from publicoffice.community.selectors.presence import here_today, here_today_count
from publicoffice.community.services.presence import presence_hide, presence_show
from publicoffice.core.errors import DomainError
from publicoffice.visits import services as visits
from publicoffice.visits.models import Source
from tests.community.test_contacts import make_profile
from tests.factories import UserFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(hour: int, minute: int = 0) -> datetime:
    """Wednesday 25 November 2026 at ``hour:minute`` in Stockholm."""
    return datetime(2026, 11, 25, hour, minute, tzinfo=STOCKHOLM)


TEN = at(10)


@pytest.fixture
def ten():
    with time_machine.travel(TEN, tick=False) as traveller:
        yield traveller


@pytest.fixture
def amina(db):
    return UserFactory(email="amina@example.org", display_name="Amina")


@pytest.fixture
def eve(db):
    return UserFactory(email="eve@example.org", display_name="Eve")


@pytest.fixture
def public_profile(amina):
    return make_profile(amina, "Amina Design", visibility="public", contact_email="a@x.example")


@pytest.fixture
def members_profile(amina):
    return make_profile(amina, "Amina privat", visibility="members")


def check_in(office: Any, member: Any, when: Any = None) -> Any:
    return visits.visit_check_in(
        office=office, source=Source.MEMBER, member=member, at=when or TEN
    ).visit


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def names(presences: list[Presence]) -> list[str]:
    return [presence.profile.name for presence in presences]


# -- the service and the selector ----------------------------------------------------------


class TestRules:
    def test_members_only_is_seen_by_members_not_by_anonymous(
        self, ten, office, amina, eve, public_profile
    ):
        from django.contrib.auth.models import AnonymousUser

        presence_show(visit=check_in(office, amina), profile=public_profile, audience="members")

        assert names(here_today(office=office, user=eve, at=TEN)) == ["Amina Design"]
        assert here_today(office=office, user=AnonymousUser(), at=TEN) == []
        assert here_today_count(office=office, user=AnonymousUser(), at=TEN) == 0

    def test_public_is_seen_by_everyone(self, ten, office, amina, public_profile):
        from django.contrib.auth.models import AnonymousUser

        presence_show(visit=check_in(office, amina), profile=public_profile, audience="public")

        assert names(here_today(office=office, user=AnonymousUser(), at=TEN)) == ["Amina Design"]

    def test_a_members_only_profile_cannot_be_shown_to_everyone(
        self, ten, office, amina, members_profile
    ):
        with pytest.raises(DomainError) as caught:
            presence_show(visit=check_in(office, amina), profile=members_profile, audience="public")
        assert caught.value.code == "audience_too_wide"
        assert Presence.objects.count() == 0

    def test_a_hidden_profile_is_never_shown(self, ten, office, amina, eve, public_profile):
        hidden = make_profile(amina, "Dold", visibility="hidden")
        visit = check_in(office, amina)
        with pytest.raises(DomainError) as caught:
            presence_show(visit=visit, profile=hidden, audience="members")
        assert caught.value.code == "profile_hidden"

        # Shown first, hidden afterwards: gone at once, for everyone.
        presence_show(visit=visit, profile=public_profile, audience="public")
        public_profile.visibility = "hidden"
        public_profile.save()
        assert here_today(office=office, user=eve, at=TEN) == []
        assert here_today(office=office, user=amina, at=TEN) == []

    def test_a_profile_made_members_only_is_no_longer_public(
        self, ten, office, amina, public_profile
    ):
        from django.contrib.auth.models import AnonymousUser

        presence_show(visit=check_in(office, amina), profile=public_profile, audience="public")
        public_profile.visibility = "members"
        public_profile.save()
        assert here_today(office=office, user=AnonymousUser(), at=TEN) == []

    def test_only_your_own_profile(self, ten, office, amina, eve):
        eves = make_profile(eve, "Eve", visibility="public")
        with pytest.raises(DomainError) as caught:
            presence_show(visit=check_in(office, amina), profile=eves, audience="members")
        assert caught.value.code == "not_your_profile"

    def test_bad_audience(self, ten, office, amina, public_profile):
        for audience in ("", "all", None, 3):
            with pytest.raises(DomainError) as caught:
                presence_show(
                    visit=check_in(office, amina), profile=public_profile, audience=audience
                )
            assert caught.value.code == "audience_invalid"
        assert Presence.objects.count() == 0

    def test_anonymous_visits_cannot_show_anyone(self, ten, office, public_profile):
        visit = visits.visit_check_in(
            office=office, source=Source.QR, device_hash="a" * 64, at=TEN
        ).visit
        with pytest.raises(DomainError) as caught:
            presence_show(visit=visit, profile=public_profile, audience="members")
        assert caught.value.code == "visit_not_a_member"

    def test_it_ends_at_check_out(self, ten, office, amina, eve, public_profile):
        visit = check_in(office, amina)
        presence_show(visit=visit, profile=public_profile, audience="members")

        visits.visit_check_out(visit=visit, at=TEN + timedelta(hours=1))

        later = TEN + timedelta(hours=1, minutes=1)
        assert here_today(office=office, user=eve, at=later) == []
        assert Presence.objects.count() == 1  # no job needed: the visit decides
        with pytest.raises(DomainError) as caught:
            presence_show(visit=visit, profile=public_profile, audience="members", at=later)
        assert caught.value.code == "visit_ended"

    def test_it_ends_by_itself_at_closing(self, ten, office, amina, eve, public_profile, settings):
        settings.VISITS_MAX_STAY_HOURS = 12
        visit = check_in(office, amina, at(15))
        presence_show(visit=visit, profile=public_profile, audience="members", at=at(15, 5))
        assert names(here_today(office=office, user=eve, at=at(19, 59))) == ["Amina Design"]
        assert here_today(office=office, user=eve, at=at(20)) == []

    def test_it_ends_at_the_longest_stay(self, ten, office, amina, eve, public_profile, settings):
        settings.VISITS_MAX_STAY_HOURS = 2
        presence_show(visit=check_in(office, amina), profile=public_profile, audience="members")
        assert here_today(office=office, user=eve, at=TEN + timedelta(hours=2)) == []

    def test_showing_again_replaces_and_hiding_removes(
        self, ten, office, amina, public_profile, members_profile
    ):
        visit = check_in(office, amina)
        presence_show(visit=visit, profile=public_profile, audience="public")
        presence_show(visit=visit, profile=members_profile, audience="members")
        assert Presence.objects.get().profile == members_profile

        assert presence_hide(visit=visit) == 1
        assert presence_hide(visit=visit) == 0
        assert Presence.objects.count() == 0

    def test_people_who_blocked_each_other_do_not_see_each_other(
        self, ten, office, amina, eve, public_profile
    ):
        presence_show(visit=check_in(office, amina), profile=public_profile, audience="members")
        Block.objects.create(blocker=amina, blocked=eve)
        assert here_today(office=office, user=eve, at=TEN) == []
        Block.objects.all().delete()
        Block.objects.create(blocker=eve, blocked=amina)
        assert here_today(office=office, user=eve, at=TEN) == []

    def test_another_office_is_another_list(self, ten, office, amina, eve, public_profile):
        from tests.factories import OfficeFactory, WeeklyHoursFactory

        other = OfficeFactory(slug="alby")
        for weekday in range(5):
            WeeklyHoursFactory(office=other, weekday=weekday)
        presence_show(visit=check_in(office, amina), profile=public_profile, audience="members")
        assert here_today(office=other, user=eve, at=TEN) == []


# -- pages -------------------------------------------------------------------------------------


class TestPages:
    def test_check_in_then_show_me_then_visible_then_gone_after_check_out(
        self, ten, office, amina, eve, public_profile
    ):
        client = logged_in(amina)
        arrived = client.post(reverse("visits:member_checkin", kwargs={"slug": office.slug}))
        thanks = arrived["Location"]
        html = client.get(thanks).content.decode()
        visit = amina.visits.get()
        action = reverse("community:presence", kwargs={"public_id": visit.public_id})
        assert f'action="{action}"' in html
        assert 'name="profile"' in html
        assert 'name="audience"' in html
        assert "<legend>" in html
        assert 'id="presence-heading"' in html

        shown = client.post(
            action, {"profile": str(public_profile.public_id), "audience": Audience.MEMBERS}
        )
        assert shown.status_code == 302
        assert shown["Location"] == thanks
        presence = Presence.objects.get()
        assert (presence.profile, presence.audience, presence.office) == (
            public_profile,
            "members",
            office,
        )
        assert 'name="action" value="hide"' in client.get(thanks).content.decode()

        here = reverse("community:here_today", kwargs={"slug": office.slug})
        assert "Amina Design" in logged_in(eve).get(here).content.decode()
        anonymous = Client().get(here).content.decode()
        assert "Amina Design" not in anonymous
        assert "a@x.example" not in logged_in(eve).get(here).content.decode()

        client.post(reverse("visits:checkout", kwargs={"public_id": visit.public_id}))
        assert "Amina Design" not in logged_in(eve).get(here).content.decode()

    def test_stop_showing_me(self, ten, office, amina, public_profile):
        visit = check_in(office, amina)
        presence_show(visit=visit, profile=public_profile, audience="public")
        action = reverse("community:presence", kwargs={"public_id": visit.public_id})
        html = logged_in(amina).get(reverse("visits:thanks", kwargs={"public_id": visit.public_id}))
        assert 'name="action" value="hide"' in html.content.decode()

        response = logged_in(amina).post(action, {"action": "hide"})

        assert response.status_code == 302
        assert Presence.objects.count() == 0

    def test_a_member_without_a_showable_profile_is_told_how(self, ten, office, amina):
        make_profile(amina, "Dold", visibility="hidden")
        visit = check_in(office, amina)
        html = logged_in(amina).get(reverse("visits:thanks", kwargs={"public_id": visit.public_id}))
        text = html.content.decode()
        assert 'name="audience"' not in text
        assert reverse("community:profile_create") in text

    def test_the_anonymous_thank_you_page_has_no_panel(self, ten, office):
        from publicoffice.visits.tokens import day_token

        client = Client()
        token = day_token(office.pk, TEN.date())
        thanks = client.post(
            reverse("visits:checkin", kwargs={"slug": office.slug, "token": token})
        )["Location"]
        html = client.get(thanks).content.decode()
        assert "visits/" in thanks
        assert 'id="presence-heading"' not in html

    def test_others_cannot_show_on_my_visit_or_with_my_profile(
        self, ten, office, amina, eve, public_profile
    ):
        visit = check_in(office, amina)
        action = reverse("community:presence", kwargs={"public_id": visit.public_id})
        data = {"profile": str(public_profile.public_id), "audience": "members"}
        assert logged_in(eve).post(action, data).status_code == 404
        anonymous = Client().post(action, data)
        assert anonymous.status_code == 302
        assert "/accounts/login/" in anonymous["Location"]

        eves_visit = check_in(office, eve)
        eves_action = reverse("community:presence", kwargs={"public_id": eves_visit.public_id})
        response = logged_in(eve).post(eves_action, data)  # Amina's profile, Eve's visit
        assert response.status_code == 302
        assert Presence.objects.count() == 0

    @pytest.mark.parametrize(
        "data",
        [
            {"audience": "public"},
            {"profile": "not-a-uuid", "audience": "members"},
            {"profile": "", "audience": "everyone<script>"},
        ],
    )
    def test_bad_input_changes_nothing(self, ten, office, amina, public_profile, data):
        visit = check_in(office, amina)
        action = reverse("community:presence", kwargs={"public_id": visit.public_id})
        response = logged_in(amina).post(action, data, follow=True)
        assert "message-error" in response.content.decode()
        assert Presence.objects.count() == 0

    def test_too_wide_an_audience_is_explained(self, ten, office, amina, members_profile):
        visit = check_in(office, amina)
        action = reverse("community:presence", kwargs={"public_id": visit.public_id})
        response = logged_in(amina).post(
            action, {"profile": str(members_profile.public_id), "audience": "public"}, follow=True
        )
        assert "message-error" in response.content.decode()
        assert Presence.objects.count() == 0
        with translation.override("sv"):
            why = gettext(
                "This profile is for members only, so only members can see that you are here. "
                "Choose members only, or make the profile public."
            )
        assert escape(why) in response.content.decode()

    def test_office_page_panel_counts_for_the_viewer(self, ten, office, amina, eve, public_profile):
        presence_show(visit=check_in(office, amina), profile=public_profile, audience="members")
        office_page = office.get_absolute_url()
        here = reverse("community:here_today", kwargs={"slug": office.slug})

        assert f'href="{here}"' in logged_in(eve).get(office_page).content.decode()
        assert f'href="{here}"' not in Client().get(office_page).content.decode()
        with translation.override("sv"):
            one = ngettext("%(count)s person you can meet", "%(count)s people you can meet", 1)
        assert (
            f'href="{here}">{one % {"count": 1}}</a>'
            in logged_in(eve).get(office_page).content.decode()
        )

    def test_unknown_office_is_404(self, ten, db):
        assert (
            Client().get(reverse("community:here_today", kwargs={"slug": "nope"})).status_code
            == 404
        )

    def test_here_today_queries_do_not_grow(self, ten, office, eve, django_assert_max_num_queries):
        def arrive(count: int) -> None:
            for _index in range(count):
                person = UserFactory()
                profile = make_profile(person, f"Person {person.pk}", visibility="public")
                presence_show(visit=check_in(office, person), profile=profile, audience="public")

        here = reverse("community:here_today", kwargs={"slug": office.slug})
        client = logged_in(eve)
        arrive(2)
        with django_assert_max_num_queries(10) as few:
            assert client.get(here).status_code == 200
        arrive(8)
        with django_assert_max_num_queries(len(few.captured_queries)):
            html = client.get(here).content.decode()
        assert html.count("<h2>") == 10
