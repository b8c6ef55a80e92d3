"""Moderation pages, and hidden content leaving every page, list, feed, search and the API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from publicoffice.community.matching import suggestions_for
from publicoffice.community.models import ContactRequest
from publicoffice.community.services.profiles import profile_create
from publicoffice.conduct import moderation
from publicoffice.conduct.models import CaseState, ContentCase, ContentFlag
from publicoffice.events.models import Event, Registration
from publicoffice.events.selectors import member_registrations
from tests.dialogue.factories import person, propose


def shows(client: Any, url: str, *markers: Any) -> bool:
    """Whether the page or the API answer at ``url`` mentions any of ``markers``."""
    body = client.get(url).content.decode("unicode_escape" if "/api/" in url else "utf-8")
    return any(str(marker) in body for marker in markers)


def report(who: Any, kind: str, key: Any, reason: str = "Bryter mot husreglerna.") -> ContentCase:
    return moderation.report(reporter=who, kind_name=kind, key=str(key), reason=reason)


def hidden_by(host: Any, kind: str, key: Any, reporter: Any) -> ContentCase:
    case = report(reporter, kind, key)
    return moderation.hide(staff=host, case=case, reason="Kränkande text.")


@pytest.fixture
def profile(office: Any, member: Any) -> Any:
    return profile_create(
        owner=member,
        kind="business",
        name="Aminas Bokföring",
        visibility="public",
        home_offices=[office],
        offers=["bokföring"],
    )


@pytest.fixture
def event(office: Any, host: Any) -> Any:
    start = timezone.now() + timedelta(days=2)
    return Event.objects.create(
        office=office,
        title="Språkcafé i Ronna",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        created_by=host,
    )


class TestHiddenProfile:
    def test_leaves_directory_page_search_and_suggestions(
        self, client, profile, member, other_member, host
    ):
        profile_create(
            owner=other_member,
            kind="person",
            name="Johan",
            visibility="members",
            needs=["bokföring"],
        )
        assert [s.profile for s in suggestions_for(member=other_member)] == [profile]
        case = hidden_by(host, "profile", profile.public_id, other_member)
        client.force_login(other_member)
        directory = client.get(reverse("community:directory"), {"q": "bokföring"})
        assert "Aminas Bokföring" not in directory.content.decode()
        assert client.get(reverse("community:profile", args=[profile.public_id])).status_code == 404
        assert suggestions_for(member=other_member) == []
        client.force_login(member)
        own = client.get(reverse("community:profile", args=[profile.public_id]))
        assert own.status_code == 200 and "Kränkande text." in own.content.decode()
        moderation.restore(staff=host, case=case, reason="Rättat.")
        client.force_login(other_member)
        directory = client.get(reverse("community:directory"), {"q": "bokföring"})
        assert "Aminas Bokföring" in directory.content.decode()
        assert [s.profile for s in suggestions_for(member=other_member)] == [profile]


class TestHiddenEvent:
    def test_leaves_pages_feeds_and_the_api(self, client, office, event, host, other_member):
        urls = [
            reverse("events:list"),
            reverse("events:office_events", args=[office.slug]),
            reverse("events_office_feed", args=[office.slug]),
            "/api/v1/events",
        ]
        for url in urls:
            assert shows(client, url, event.public_id, event.title), url
        Registration.objects.create(
            event=event, member=other_member, status="registered", queued_at=timezone.now()
        )
        case = hidden_by(host, "event", event.public_id, other_member)
        assert not member_registrations(member=other_member, at=timezone.now()).exists()
        for url in urls:
            assert not shows(client, url, event.public_id, event.title), url
        detail = reverse("events:detail", args=[event.public_id])
        assert client.get(detail).status_code == 404
        assert client.get(f"/api/v1/events/{event.public_id}").status_code == 404
        client.force_login(host)
        page = client.get(detail)
        assert page.status_code == 200 and "Kränkande text." in page.content.decode()
        assert "application/ld+json" not in page.content.decode()
        moderation.restore(staff=host, case=case, reason="Missförstånd.")
        client.logout()
        for url in [*urls, detail, f"/api/v1/events/{event.public_id}"]:
            assert shows(client, url, event.public_id, event.title), url


class TestHiddenProposal:
    def test_leaves_the_list_and_the_api(self, client, office, member, other_member, host):
        proposal = propose(member, office=office, title="Fler bänkar")
        urls = [reverse("dialogue:network"), "/api/v1/proposals"]
        case = hidden_by(host, "proposal", proposal.public_id, other_member)
        for url in urls:
            assert not shows(client, url, proposal.public_id, proposal.title), url
        page = reverse("dialogue:proposal", args=[proposal.public_id])
        assert client.get(page).status_code == 404
        moderation.restore(staff=host, case=case, reason="OK.")
        for url in [*urls, page]:
            assert shows(client, url, proposal.public_id, proposal.title), url


def test_a_hidden_contact_message_is_hidden_from_its_recipient(
    client, office, member, other_member, host, profile
):
    sender_profile = profile_create(
        owner=other_member, kind="person", name="Johan", visibility="members"
    )
    contact = ContactRequest.objects.create(
        sender=other_member,
        sender_profile=sender_profile,
        recipient=profile,
        message="Ett otrevligt meddelande",
    )
    client.force_login(member)
    assert "Ett otrevligt meddelande" in client.get(reverse("community:contacts")).content.decode()
    hidden_by(host, "contact", contact.pk, member)
    page = client.get(reverse("community:contacts")).content.decode()
    assert "Ett otrevligt meddelande" not in page
    client.force_login(other_member)
    assert "Kränkande text." in client.get(reverse("community:contacts")).content.decode()


class TestQueue:
    def test_staff_see_their_offices_cases_oldest_first(
        self, client, office, member, other_member, host, other_host
    ):
        first = propose(member, office=office, title="Första")
        second = propose(member, office=office, title="Andra")
        report(other_member, "proposal", second.public_id)
        report(other_member, "proposal", first.public_id)
        report(person("Third"), "proposal", first.public_id)
        client.force_login(host)
        page = client.get(reverse("conduct:moderation_queue")).content.decode()
        assert page.index("Andra") < page.index("Första")
        filtered = client.get(reverse("conduct:moderation_queue"), {"office": "other"})
        assert "Andra" not in filtered.content.decode()
        client.force_login(other_host)
        assert "Andra" not in client.get(reverse("conduct:moderation_queue")).content.decode()
        case = ContentCase.objects.get(key=str(second.public_id))
        url = reverse("conduct:moderation_case", args=[case.public_id])
        assert client.get(url).status_code == 404
        decide = reverse("conduct:moderation_decide", args=[case.public_id])
        assert client.post(decide, {"decision": "hide", "reason": "x"}).status_code == 404

    def test_members_are_refused(self, client, other_member):
        client.force_login(other_member)
        assert client.get(reverse("conduct:moderation_queue")).status_code == 403

    def test_hide_restore_and_bad_input_on_the_case_page(
        self, client, office, member, other_member, host
    ):
        proposal = propose(member, office=office, title="Fler bänkar")
        case = report(other_member, "proposal", proposal.public_id)
        client.force_login(host)
        url = reverse("conduct:moderation_case", args=[case.public_id])
        assert client.get(url).status_code == 200
        decide = reverse("conduct:moderation_decide", args=[case.public_id])
        assert client.post(decide, {"decision": "hide", "reason": ""}).status_code == 400
        assert client.post(decide, {"decision": "delete", "reason": "x"}).status_code == 404
        assert client.post(decide, {"decision": "hide", "reason": "Hot."}).status_code == 302
        case.refresh_from_db()
        assert (case.state, case.reason) == (CaseState.HIDDEN, "Hot.")


class TestReportPage:
    def test_a_member_reports_through_the_form(self, client, office, member, other_member):
        proposal = propose(member, office=office)
        url = reverse("conduct:moderation_report", args=["proposal", proposal.public_id])
        assert client.get(url).status_code == 302  # log in first
        client.force_login(other_member)
        assert client.get(url).status_code == 200
        assert client.post(url, {"reason": ""}).status_code == 400
        assert client.post(url, {"reason": "Reklam."}).status_code == 302
        assert ContentFlag.objects.get().reason == "Reklam."
        bad = reverse("conduct:moderation_report", args=["proposal", "nope"])
        assert client.get(bad).status_code == 404
        client.force_login(member)
        assert client.post(url, {"reason": "Min egen."}).status_code == 403

    def test_reports_are_rate_limited(self, client, office, member, other_member):
        proposal = propose(member, office=office)
        url = reverse("conduct:moderation_report", args=["proposal", proposal.public_id])
        client.force_login(other_member)
        answers = [client.post(url, {"reason": "Reklam."}).status_code for _ in range(21)]
        assert answers[-1] == 429


class TestAuthorsPage:
    def test_the_author_reads_the_reason_and_appeals(
        self, client, office, member, other_member, host
    ):
        proposal = propose(member, office=office)
        case = hidden_by(host, "proposal", proposal.public_id, other_member)
        url = reverse("conduct:moderation_mine", args=[case.public_id])
        client.force_login(other_member)
        assert client.get(url).status_code == 404
        client.force_login(member)
        page = client.get(url)
        assert "Kränkande text." in page.content.decode()
        assert "Läxhjälp" in client.get(reverse("conduct:moderation_mine_list")).content.decode()
        appeal = reverse("conduct:moderation_appeal", args=[case.public_id])
        assert client.post(appeal, {"text": ""}).status_code == 400
        assert client.post(appeal, {"text": "Det var ett citat."}).status_code == 302
        assert client.post(appeal, {"text": "Igen."}).status_code == 409
