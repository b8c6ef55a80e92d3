"""The meeting place in the member's data export and account deletion, through
the accounts services that gather every app's sections and steps."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from publicoffice.accounts.services import account_delete, account_export
from publicoffice.community.models import (
    AbuseReport,
    Block,
    ContactRequest,
    ContactStatistic,
    HiddenSuggestion,
    Presence,
    Profile,
    ProfileAdmin,
)
from publicoffice.community.services.profiles import profile_admin_add
from publicoffice.visits.models import Visit
from tests.community.conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(member, other_member, third_member, make_profile, tags, office, languages):
    """Amina runs her own profile and shares an association with Johan; Samira writes to her."""
    own = make_profile(
        member,
        "Amina",
        visibility="hidden",
        presentation="مرحبا، أنا أمينة",
        presentation_language="ar",
        offers=[tags["sewing"], "broderi"],
        needs=[tags["bookkeeping"]],
        languages=["ar", "sv"],
        home_offices=[office],
        links=[("https://amina.example.se", "Blogg")],
        contact_email="amina.privat@example.org",
        is_new_in_town=True,
    )
    shared = make_profile(member, "Syföreningen", kind="association", visibility="public")
    profile_admin_add(profile=shared, actor=member, email=other_member.email)
    samira = make_profile(third_member, "Samira", visibility="members")
    received = ContactRequest.objects.create(
        sender=third_member, sender_profile=samira, recipient=own, message="Hej! Kan du sy?"
    )
    sent = ContactRequest.objects.create(
        sender=member,
        sender_profile=own,
        recipient=samira,
        message="Vill du fika?",
        status="accepted",
        answered_at=NOW,
        answered_by=third_member,
    )
    ContactStatistic.objects.create(
        request_id=received.pk, day=NOW.date(), recipient_kind="person", outcome="pending"
    )
    visit = Visit.objects.create(
        office=office,
        source="member",
        started_at=NOW,
        auto_end_at=NOW + timedelta(hours=8),
        member=member,
    )
    Presence.objects.create(visit=visit, office=office, profile=own, audience="members")
    Block.objects.create(blocker=member, blocked=third_member)
    HiddenSuggestion.objects.create(member=member, profile=samira)
    AbuseReport.objects.create(
        reporter=member,
        reported=third_member,
        contact_request=received,
        profile=samira,
        reason="Konstigt meddelande",
        quoted_message=received.message,
    )
    return {"own": own, "shared": shared, "samira": samira, "received": received, "sent": sent}


class TestExport:
    def test_everything_the_member_wrote_and_did(self, world, member):
        data = account_export(user=member)
        json.dumps(data)  # ready for the download as it is
        section = data["meeting_place"]
        profiles = {profile["name"]: profile for profile in section["profiles"]}
        assert set(profiles) == {"Amina", "Syföreningen"}
        own = profiles["Amina"]
        assert own["presentation"] == "مرحبا، أنا أمينة"
        assert own["presentation_language"] == "ar"
        assert own["visibility"] == "hidden" and own["new_in_town"] is True
        assert {tag["code"] for tag in own["offers"]} >= {"sewing"}
        assert any(tag["name"] == "broderi" and not tag["curated"] for tag in own["offers"])
        assert [tag["code"] for tag in own["needs"]] == ["bookkeeping"]
        assert sorted(own["languages"]) == ["ar", "sv"]
        assert own["links"] == [{"url": "https://amina.example.se", "label": "Blogg"}]
        assert own["contact_email"] == "amina.privat@example.org"
        assert profiles["Syföreningen"]["admins"] == 2
        assert [r["message"] for r in section["contact_requests_sent"]] == ["Vill du fika?"]
        assert section["contact_requests_sent"][0]["status"] == "accepted"
        assert [r["message"] for r in section["contact_requests_received"]] == ["Hej! Kan du sy?"]
        assert [p["profile"] for p in section["here_today"]] == ["Amina"]
        assert section["blocks"] == [{"blocked": "Samira", "since": section["blocks"][0]["since"]}]
        assert [h["profile"] for h in section["hidden_suggestions"]] == ["Samira"]
        assert section["abuse_reports_made"][0]["reason"] == "Konstigt meddelande"
        assert section["here_today"][0]["since"].endswith(("+01:00", "+02:00"))

    def test_no_one_elses_account_or_address(self, world, member):
        text = json.dumps(account_export(user=member)["meeting_place"], ensure_ascii=False)
        assert "samira@example.org" not in text and "johan@example.org" not in text

    def test_a_member_without_a_profile_gets_empty_lists(self, other_member):
        section = account_export(user=other_member)["meeting_place"]
        assert section["profiles"] == [] and section["contact_requests_sent"] == []

    def test_the_other_admin_sees_the_shared_profile_too(self, world, other_member):
        section = account_export(user=other_member)["meeting_place"]
        assert [profile["name"] for profile in section["profiles"]] == ["Syföreningen"]
        assert section["blocks"] == [] and section["abuse_reports_made"] == []


class TestDeletion:
    def test_own_profiles_go_shared_ones_stay_figures_stay(self, world, member, other_member):
        account_delete(user=member)
        assert not Profile.objects.filter(pk=world["own"].pk).exists()
        shared = Profile.objects.get(pk=world["shared"].pk)
        assert list(shared.admins.all()) == [other_member]
        assert not ContactRequest.objects.filter(pk=world["received"].pk).exists()
        assert not ContactRequest.objects.filter(pk=world["sent"].pk).exists()
        assert not Presence.objects.exists()
        assert not Block.objects.exists()
        assert not HiddenSuggestion.objects.exists()
        report = AbuseReport.objects.get()  # kept for the moderators, without the reporter
        assert report.reporter is None
        # The reporter's own words go with them; what they reported stays.
        assert report.reason == ""
        assert report.quoted_message == "Hej! Kan du sy?"
        assert report.reported is not None
        assert ContactStatistic.objects.filter(request_id=world["received"].pk).exists()
        assert Profile.objects.filter(pk=world["samira"].pk).exists()
        assert not ProfileAdmin.objects.filter(user_id=member.pk).exists()

    def test_the_last_remaining_admin_leaving_deletes_the_shared_profile(
        self, world, member, other_member
    ):
        account_delete(user=member)
        account_delete(user=other_member)
        assert not Profile.objects.filter(pk=world["shared"].pk).exists()
