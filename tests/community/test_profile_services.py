"""Profile services: creating, changing, deleting, sharing; every refusal changes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from publicoffice.community.models import MAX_LINKS, Profile, ProfileAdmin, ProfileLink, Tag
from publicoffice.community.policies import can_edit_profile
from publicoffice.community.services.profiles import (
    ADMIN_ADDS_PER_HOUR,
    MAX_FREE_WORDS,
    MAX_PROFILES_PER_MEMBER,
    member_profiles_leave,
    profile_admin_add,
    profile_admin_remove,
    profile_create,
    profile_delete,
    profile_refresh_search_text,
    profile_update,
)
from publicoffice.core.errors import DomainError
from tests.factories import OfficeFactory, UserFactory

pytestmark = pytest.mark.django_db


def refused(code: str, call: Any, **kwargs: Any) -> DomainError:
    with pytest.raises(DomainError) as error:
        call(**kwargs)
    assert error.value.code == code, error.value.as_dict()
    return error.value


class TestCreate:
    def test_every_field(self, member, office, other_office, languages, tags):
        profile = profile_create(
            owner=member,
            kind="business",
            name="  Räkna Rätt\x00 AB ",
            visibility="public",
            presentation="Vi hjälper små föreningar.\r\n\r\n\r\n\r\nRing oss!",
            presentation_language="sv",
            offers=[tags["bookkeeping"], "årsredovisning", "redovisning"],
            needs=["webbdesign"],
            offers_text="Bokslut och deklaration",
            needs_text="En ny hemsida",
            languages=["sv", languages["ar"]],
            home_offices=[office, "hovsjo"],
            links=["https://rakna.example.se", ("http://fb.example/rr", "Facebook")],
            is_new_in_town=True,
            contact_email="hej@rakna.example.se",
            contact_phone="+46 70-123 45 67",
            contact_other="Signal",
        )
        profile.refresh_from_db()
        assert profile.name == "Räkna Rätt AB"
        assert profile.presentation == "Vi hjälper små föreningar.\n\nRing oss!"
        offers = list(profile.offers.all())
        assert tags["bookkeeping"] in offers and len(offers) == 2  # "redovisning" is bookkeeping
        assert [tag.slug for tag in profile.needs.all()] == ["web-design"]
        assert {lang.code for lang in profile.languages.all()} == {"sv", "ar"}
        assert set(profile.home_offices.all()) == {office, other_office}
        assert [(link.url, link.label) for link in profile.links.all()] == [
            ("https://rakna.example.se", ""),
            ("http://fb.example/rr", "Facebook"),
        ]
        assert list(profile.admins.all()) == [member]
        assert profile.search_name == "rakna ratt ab"
        assert "محاسبه" in profile.search_tags and "arsredovisning" in profile.search_tags
        assert "bokslut och deklaration" in profile.search_text

    def test_the_least_a_profile_needs(self, member):
        profile = profile_create(owner=member, kind="person", name="Amina", visibility="members")
        assert profile.presentation_language == "sv"
        assert profile.search_text == "amina"

    @pytest.mark.parametrize(
        ("fields", "code", "field"),
        [
            ({"name": ""}, "text_missing", "name"),
            ({"name": " \x00\t "}, "text_missing", "name"),
            ({"name": "x" * 101}, "text_too_long", "name"),
            ({"name": 42}, "bad_value", "name"),
            ({"kind": "king"}, "bad_value", "kind"),
            ({"visibility": "everyone"}, "bad_value", "visibility"),
            ({"presentation": "ا" * 1001}, "text_too_long", "presentation"),
            ({"presentation_language": "xx"}, "bad_value", "presentation_language"),
            ({"offers_text": "😀" * 301}, "text_too_long", "offers_text"),
            ({"is_new_in_town": "yes"}, "bad_value", "is_new_in_town"),
            ({"contact_email": "not-an-address"}, "bad_email", "contact_email"),
            ({"contact_phone": "<script>"}, "bad_phone", "contact_phone"),
            ({"links": ["javascript:alert(1)"]}, "bad_link", "links"),
            ({"links": ["ftp://files.example.se"]}, "bad_link", "links"),
            ({"links": ["https://" + "a" * 300 + ".se"]}, "bad_link", "links"),
            (
                {"links": [f"https://e{i}.example.se" for i in range(MAX_LINKS + 1)]},
                "too_many_links",
                "links",
            ),
            ({"links": "https://one.example.se"}, "bad_value", "links"),
            (
                {"offers": [f"ord {i}" for i in range(MAX_FREE_WORDS + 1)]},
                "too_many_words",
                "offers",
            ),
            ({"needs": ["x" * 61]}, "text_too_long", "needs"),
            ({"needs": [123]}, "bad_value", "needs"),
            ({"languages": ["klingon"]}, "language_unknown", "languages"),
            ({"home_offices": ["no-such-office"]}, "office_unknown", "home_offices"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_is_written(self, member, fields, code, field):
        base: dict[str, Any] = {"kind": "person", "name": "Amina", "visibility": "members"}
        tags_before = Tag.objects.count()
        error = refused(code, profile_create, owner=member, **{**base, **fields})
        assert error.details.get("field") == field
        if code == "text_too_long":
            assert isinstance(error.details["limit"], int)
        assert str(error.message)  # a sentence for people
        assert not Profile.objects.exists()
        assert Tag.objects.count() == tags_before

    def test_arabic_emoji_and_markup_are_kept_as_written(self, member):
        profile = profile_create(
            owner=member,
            kind="cultural_worker",
            name="<script>alert('x')</script> 🎨",
            visibility="public",
            presentation="أنا فنانة من حلب 🎨",
            presentation_language="ar",
        )
        profile.refresh_from_db()
        assert profile.name == "<script>alert('x')</script> 🎨"
        assert profile.presentation == "أنا فنانة من حلب 🎨"

    def test_closed_offices_cannot_be_home(self, member):
        closed = OfficeFactory(slug="stangt", status="closed")
        refused(
            "office_unknown",
            profile_create,
            owner=member,
            kind="person",
            name="A",
            visibility="members",
            home_offices=[closed],
        )

    def test_a_member_has_at_most_ten_profiles(self, member, make_profile):
        for number in range(MAX_PROFILES_PER_MEMBER):
            make_profile(member, f"Profil {number}")
        refused(
            "too_many_profiles",
            profile_create,
            owner=member,
            kind="person",
            name="En till",
            visibility="members",
        )
        assert Profile.objects.count() == MAX_PROFILES_PER_MEMBER

    def test_visitors_cannot_create(self):
        from django.contrib.auth.models import AnonymousUser

        refused(
            "not_a_member",
            profile_create,
            owner=AnonymousUser(),
            kind="person",
            name="A",
            visibility="public",
        )

    def test_unknown_fields_are_a_programming_error(self, member):
        with pytest.raises(TypeError):
            profile_create(owner=member, kind="person", name="A", visibility="public", age=3)


class TestUpdate:
    def test_only_given_fields_change(self, member, make_profile, tags):
        profile = make_profile(
            member, "Amina", offers=[tags["sewing"]], links=["https://amina.example.se"]
        )
        profile_update(profile=profile, actor=member, name="Amina H.", needs=["matte"])
        profile.refresh_from_db()
        assert profile.name == "Amina H."
        assert list(profile.offers.all()) == [tags["sewing"]]
        assert list(profile.needs.all()) == [tags["maths-tutoring"]]
        assert profile.links.count() == 1
        assert profile.search_name == "amina h."
        assert "matematik" in profile.search_tags

    def test_links_are_replaced(self, member, make_profile):
        profile = make_profile(member, "Amina", links=["https://a.example.se"])
        profile_update(profile=profile, actor=member, links=[("https://b.example.se", "B")])
        assert [link.url for link in ProfileLink.objects.filter(profile=profile)] == [
            "https://b.example.se"
        ]

    def test_others_cannot_change_it(self, member, other_member, make_profile):
        profile = make_profile(member, "Amina", visibility="public")
        error = refused(
            "not_allowed", profile_update, profile=profile, actor=other_member, name="X"
        )
        assert error.status == 403
        assert Profile.objects.get(pk=profile.pk).name == "Amina"

    def test_bad_input_changes_nothing(self, member, make_profile, tags):
        profile = make_profile(member, "Amina", offers=[tags["sewing"]])
        refused(
            "bad_link",
            profile_update,
            profile=profile,
            actor=member,
            name="Ny",
            offers=[tags["music"]],
            links=["mailto:a@example.se"],
        )
        profile.refresh_from_db()
        assert profile.name == "Amina"
        assert list(profile.offers.all()) == [tags["sewing"]]

    def test_a_shared_profile_cannot_become_a_person(self, member, other_member, make_profile):
        profile = make_profile(member, "Föreningen", kind="association")
        profile_admin_add(profile=profile, actor=member, email=other_member.email)
        refused(
            "person_has_one_admin", profile_update, profile=profile, actor=member, kind="person"
        )

    def test_hiding(self, member, other_member, make_profile):
        profile = make_profile(member, "Amina", visibility="public")
        profile_update(profile=profile, actor=member, visibility="hidden")
        assert not Profile.objects.visible_to(other_member).filter(pk=profile.pk).exists()
        assert Profile.objects.visible_to(member).filter(pk=profile.pk).exists()


class TestDelete:
    def test_an_admin_deletes(self, member, make_profile):
        profile = make_profile(member, "Amina")
        profile_delete(profile=profile, actor=member)
        assert not Profile.objects.exists()
        assert not ProfileAdmin.objects.exists()

    def test_others_cannot(self, member, other_member, make_profile):
        profile = make_profile(member, "Amina", visibility="public")
        refused("not_allowed", profile_delete, profile=profile, actor=other_member)
        assert Profile.objects.filter(pk=profile.pk).exists()


class TestAdmins:
    def test_an_organisation_adds_and_removes_admins(self, member, other_member, make_profile):
        profile = make_profile(member, "Föreningen Ronna", kind="association")
        profile_admin_add(profile=profile, actor=member, email="  JOHAN@example.org ")
        assert can_edit_profile(other_member, profile)
        profile_admin_remove(profile=profile, actor=other_member, user=member)
        assert list(profile.admins.all()) == [other_member]
        assert not can_edit_profile(member, profile)

    def test_the_last_admin_cannot_leave(self, member, make_profile):
        profile = make_profile(member, "Föreningen", kind="association")
        refused("last_admin", profile_admin_remove, profile=profile, actor=member, user=member)
        assert list(profile.admins.all()) == [member]

    def test_no_hint_whether_an_address_has_an_account(self, member, make_profile):
        profile = make_profile(member, "Föreningen", kind="ngo")
        inactive = UserFactory(email="gone@example.org", is_active=False)
        unknown = refused(
            "admin_not_addable",
            profile_admin_add,
            profile=profile,
            actor=member,
            email="nobody@example.org",
        )
        closed = refused(
            "admin_not_addable",
            profile_admin_add,
            profile=profile,
            actor=member,
            email=inactive.email,
        )
        assert str(unknown.message) == str(closed.message)
        assert ProfileAdmin.objects.filter(profile=profile).count() == 1

    @pytest.mark.parametrize("email", ["", "x" * 300, "<script>@x", "مستخدم@مثال.سو"])
    def test_odd_addresses(self, member, make_profile, email):
        profile = make_profile(member, "Föreningen", kind="ngo")
        refused("admin_not_addable", profile_admin_add, profile=profile, actor=member, email=email)

    def test_a_person_has_one_admin(self, member, other_member, make_profile):
        profile = make_profile(member, "Amina", kind="person")
        refused(
            "person_has_one_admin",
            profile_admin_add,
            profile=profile,
            actor=member,
            email=other_member.email,
        )

    def test_only_admins_add_admins(self, member, other_member, third_member, make_profile):
        profile = make_profile(member, "Föreningen", kind="association", visibility="public")
        refused(
            "not_allowed",
            profile_admin_add,
            profile=profile,
            actor=other_member,
            email=third_member.email,
        )
        refused(
            "not_allowed", profile_admin_remove, profile=profile, actor=other_member, user=member
        )

    def test_already_an_admin(self, member, make_profile):
        profile = make_profile(member, "Föreningen", kind="association")
        refused(
            "already_admin", profile_admin_add, profile=profile, actor=member, email=member.email
        )

    def test_adding_is_rate_limited(self, frozen, member, make_profile):
        profile = make_profile(member, "Föreningen", kind="association")
        for number in range(ADMIN_ADDS_PER_HOUR):
            refused(
                "admin_not_addable",
                profile_admin_add,
                profile=profile,
                actor=member,
                email=f"probe{number}@example.org",
            )
        error = refused(
            "too_many_attempts",
            profile_admin_add,
            profile=profile,
            actor=member,
            email="probe@example.org",
        )
        assert error.status == 429


class TestLeaving:
    def test_own_profiles_go_shared_ones_stay(self, member, other_member, make_profile):
        own = make_profile(member, "Amina")
        shared = make_profile(member, "Föreningen", kind="association")
        profile_admin_add(profile=shared, actor=member, email=other_member.email)
        theirs = make_profile(other_member, "Johan")
        assert member_profiles_leave(user=member) == 1
        assert not Profile.objects.filter(pk=own.pk).exists()
        assert list(shared.admins.all()) == [other_member]
        assert Profile.objects.filter(pk=theirs.pk).exists()


def test_refreshing_search_text_reads_the_stored_tags(member, make_profile, tags):
    profile = make_profile(member, "Amina")
    profile.offers.add(tags["translation"])  # behind the service's back
    assert "ترجمه" not in Profile.objects.get(pk=profile.pk).search_text
    profile_refresh_search_text(profile)
    assert "ترجمه" in Profile.objects.get(pk=profile.pk).search_text
