"""Profile pages through the HTTP client: reading, creating, editing, deleting,
sharing, the member's hub and the office panel; who may see and do what."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from publicoffice.community.models import Profile, ProfileAdmin, Tag
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "person",
        "name": "Amal",
        "presentation": "وصلت إلى السويد قبل شهرين.",
        "presentation_language": "ar",
        "offers": ["cooking"],
        "offer_words": "",
        "offers_text": "",
        "needs": ["bookkeeping"],
        "need_words": "",
        "needs_text": "",
        "visibility": "members",
        "contact_email": "",
        "contact_phone": "",
        "contact_other": "",
    }
    for index in range(1, 6):
        data[f"link_url_{index}"] = ""
        data[f"link_label_{index}"] = ""
    data.update(overrides)
    return data


@pytest.fixture
def public(member, make_profile, tags, office, languages):
    return make_profile(
        member,
        "Räkna Rätt AB",
        kind="business",
        visibility="public",
        presentation="Vi sköter bokföringen.",
        offers=[tags["bookkeeping"], "kontoplan"],
        needs=[tags["web-design"]],
        offers_text="Bokslut",
        languages=["sv", "ar"],
        home_offices=[office],
        links=[("https://rakna.example.se", "Vår webbplats"), "https://fb.example/rr"],
        contact_email="hej@rakna.example.se",
        contact_phone="+46 70 123 45 67",
    )


@pytest.fixture
def members_only(member, make_profile):
    return make_profile(member, "Amina", visibility="members")


@pytest.fixture
def hidden(member, make_profile):
    return make_profile(member, "Amina i hemlighet", visibility="hidden")


def url(profile: Profile, action: str = "") -> str:
    return f"/en/profiles/{profile.public_id}/{action + '/' if action else ''}"


class TestProfilePage:
    def test_a_public_profile_for_anyone(self, client, public):
        response = client.get(url(public))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Räkna Rätt AB" in html
        assert 'name="robots"' not in html
        assert '<div class="lead" lang="sv" dir="auto">' in html
        assert "Bookkeeping" in html and "Web design" in html and "kontoplan" in html
        assert '<span lang="ar">العربية</span>' in html
        assert 'href="https://rakna.example.se" rel="nofollow ugc noopener"' in html
        assert "Vår webbplats" in html
        assert "/en/offices/ronna/directory/" in html
        # Contact details are never on the profile; visitors are asked to log in.
        assert "hej@rakna.example.se" not in html and "123 45 67" not in html
        assert "Log in to send a contact request" in html

    def test_a_member_may_ask_for_contact(self, client, public, other_member):
        client.force_login(other_member)
        html = client.get(url(public)).content.decode()
        assert f"/en/profiles/{public.public_id}/contact/" in html
        assert "Edit the profile" not in html
        assert "hej@rakna.example.se" not in html

    def test_its_admin_sees_edit_links_instead(self, client, public, member):
        client.force_login(member)
        html = client.get(url(public)).content.decode()
        assert "Edit the profile" in html and "Delete the profile" in html
        assert "/contact/" not in html

    def test_members_only_profiles(self, client, members_only, other_member):
        assert client.get(url(members_only)).status_code == 404
        client.force_login(other_member)
        response = client.get(url(members_only))
        assert response.status_code == 200
        assert '<meta name="robots" content="noindex">' in response.content.decode()

    def test_hidden_profiles_only_for_their_admins(self, client, hidden, member, other_member):
        assert client.get(url(hidden)).status_code == 404
        client.force_login(other_member)
        assert client.get(url(hidden)).status_code == 404
        client.force_login(member)
        response = client.get(url(hidden))
        assert response.status_code == 200
        assert '<meta name="robots" content="noindex">' in response.content.decode()

    def test_unknown_profiles(self, client):
        assert client.get("/en/profiles/00000000-0000-0000-0000-000000000000/").status_code == 404
        assert client.get("/en/profiles/not-a-uuid/").status_code == 404

    def test_user_text_is_escaped(self, client, member, make_profile):
        profile = make_profile(
            member,
            "<script>alert(1)</script>",
            visibility="public",
            presentation="<img src=x onerror=alert(1)>",
        )
        html = client.get(url(profile)).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


class TestCreate:
    def test_visitors_are_asked_to_log_in(self, client):
        response = client.get("/en/me/profiles/new/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        client.post("/en/me/profiles/new/", form_data())
        assert not Profile.objects.exists()

    def test_the_form_groups_words_and_labels_everything(self, client, member, languages, office):
        client.force_login(member)
        html = client.get("/en/me/profiles/new/").content.decode()
        assert "<legend>What do you offer?</legend>" in html
        assert "<legend>Languages and translation</legend>" in html
        assert "Other things you offer, separated by commas" in html
        assert '<option value="ar" lang="ar">العربية</option>' in html
        assert '<span lang="so">Soomaali</span>' in html
        assert 'name="home_offices" value="ronna"' in html
        assert 'name="csrfmiddlewaretoken"' in html

    def test_an_arabic_newcomer_creates_a_profile(self, client, member, tags, languages, office):
        client.force_login(member)
        response = client.post(
            "/en/me/profiles/new/",
            form_data(
                need_words="مسك الدفاتر، تصليح الهواتف",
                languages=["ar"],
                home_offices=["ronna"],
                is_new_in_town="on",
                link_url_1="https://amal.example.se",
                link_label_1="مدونتي",
            ),
        )
        profile = Profile.objects.get()
        assert response.status_code == 302
        assert response["Location"] == url(profile)
        assert list(profile.admins.all()) == [member]
        needs = {tag.slug for tag in profile.needs.all()}
        assert "bookkeeping" in needs and len(needs) == 2  # the typed synonym is curated
        assert Tag.objects.filter(needed_by=profile, is_curated=False).get().name_sv == (
            "تصليح الهواتف"
        )
        assert profile.is_new_in_town and profile.presentation_language == "ar"
        assert [link.label for link in profile.links.all()] == ["مدونتي"]
        assert "Your profile is saved." in client.get(url(profile)).content.decode()

    @pytest.mark.parametrize(
        ("overrides", "field_id", "message"),
        [
            ({"name": ""}, "id_name", "This field is required."),
            ({"name": "\x07 \x1b"}, "id_name", "Give the profile a name."),
            ({"name": "ع" * 101}, "id_name", "at most 100 characters"),
            ({"kind": "<script>"}, "fieldset-kind", "Select a valid choice."),
            ({"offers": ["no-such-word"]}, "fieldset-offers", "Select a valid choice."),
            ({"need_words": "x" * 70}, "id_need_words", "under 60 characters"),
            ({"link_url_1": "javascript:alert(1)"}, "id_link_url_1", "https://"),
            ({"contact_email": "🙂"}, "id_contact_email", "name@example.se"),
            ({"presentation": "😀" * 1001}, "id_presentation", "at most 1000 characters"),
        ],
    )
    def test_bad_input_is_explained_and_nothing_is_saved(
        self, client, member, overrides, field_id, message
    ):
        client.force_login(member)
        tags_before = Tag.objects.count()
        response = client.post("/en/me/profiles/new/", form_data(**overrides))
        assert response.status_code == 400
        html = response.content.decode()
        assert "Please correct the following" in html
        assert f'href="#{field_id}"' in html
        assert message in html
        assert "<script>" not in html.split("<main", 1)[1]
        assert not Profile.objects.exists()
        assert Tag.objects.count() == tags_before

    def test_csrf_is_required(self, member):
        client = Client(enforce_csrf_checks=True)
        client.force_login(member)
        assert client.post("/en/me/profiles/new/", form_data()).status_code == 403
        assert not Profile.objects.exists()

    def test_the_eleventh_profile_is_refused_in_words(self, client, member, make_profile):
        for number in range(10):
            make_profile(member, f"Profil {number}")
        client.force_login(member)
        response = client.post("/en/me/profiles/new/", form_data())
        assert response.status_code == 400
        assert "You can have at most 10 profiles" in response.content.decode()
        assert Profile.objects.count() == 10


class TestEdit:
    def test_the_form_is_filled_in(self, client, public, member):
        client.force_login(member)
        html = client.get(url(public, "edit")).content.decode()
        assert 'value="bookkeeping" id="id_offers_' in html
        assert 'name="offers" value="bookkeeping" id="id_offers_' in html and "checked" in html
        assert 'value="kontoplan"' in html  # the free word in its text field
        assert 'value="https://rakna.example.se"' in html
        assert 'value="hej@rakna.example.se"' in html

    def test_saving_changes(self, client, public, member):
        client.force_login(member)
        response = client.post(
            url(public, "edit"),
            form_data(kind="business", name="Räkna Rätt", visibility="hidden", offers=["music"]),
        )
        assert response.status_code == 302
        public.refresh_from_db()
        assert public.name == "Räkna Rätt" and public.visibility == "hidden"
        assert [tag.slug for tag in public.offers.all()] == ["music"]
        assert public.links.count() == 0

    def test_bad_input_changes_nothing(self, client, public, member):
        client.force_login(member)
        response = client.post(url(public, "edit"), form_data(name="", offers=["music"]))
        assert response.status_code == 400
        public.refresh_from_db()
        assert public.name == "Räkna Rätt AB"
        assert "bookkeeping" in {tag.slug for tag in public.offers.all()}

    def test_others_get_not_found(self, client, public, hidden, other_member):
        client.force_login(other_member)
        for profile in (public, hidden):
            assert client.get(url(profile, "edit")).status_code == 404
            assert client.post(url(profile, "edit"), form_data(name="Kapad")).status_code == 404
        public.refresh_from_db()
        assert public.name == "Räkna Rätt AB"

    def test_visitors_are_asked_to_log_in(self, client, public):
        response = client.get(url(public, "edit"))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


class TestDelete:
    def test_confirm_then_delete(self, client, public, member):
        client.force_login(member)
        page = client.get(url(public, "delete"))
        assert page.status_code == 200
        assert "Yes, delete the profile" in page.content.decode()
        assert Profile.objects.filter(pk=public.pk).exists()
        response = client.post(url(public, "delete"))
        assert response.status_code == 302 and response["Location"] == "/en/me/meeting-place/"
        assert not Profile.objects.filter(pk=public.pk).exists()

    def test_others_cannot(self, client, public, other_member):
        client.force_login(other_member)
        assert client.get(url(public, "delete")).status_code == 404
        assert client.post(url(public, "delete")).status_code == 404
        assert Profile.objects.filter(pk=public.pk).exists()

    def test_csrf_is_required(self, public, member):
        client = Client(enforce_csrf_checks=True)
        client.force_login(member)
        assert client.post(url(public, "delete")).status_code == 403
        assert Profile.objects.filter(pk=public.pk).exists()


class TestAdminsPages:
    def test_add_and_remove_an_admin(self, client, public, member, other_member):
        client.force_login(member)
        response = client.post(url(public, "admins/add"), {"email": "johan@example.org"})
        assert response.status_code == 302
        assert set(public.admins.all()) == {member, other_member}
        html = client.get(url(public, "edit")).content.decode()
        assert "Johan" in html and "Leave the profile" in html
        link = ProfileAdmin.objects.get(profile=public, user=other_member)
        assert client.post(url(public, f"admins/{link.pk}/remove")).status_code == 302
        assert list(public.admins.all()) == [member]

    def test_unknown_addresses_get_the_same_answer(self, client, public, member):
        client.force_login(member)
        UserFactory(email="inactive@example.org", is_active=False)
        for email in ("nobody@example.org", "inactive@example.org"):
            response = client.post(url(public, "admins/add"), {"email": email})
            assert response.status_code == 400
            assert "No member with that e-mail can be added." in response.content.decode()
        response = client.post(url(public, "admins/add"), {"email": "<script>"})
        assert response.status_code == 400
        assert public.admins.count() == 1

    def test_a_person_cannot_share(self, client, members_only, member, other_member):
        client.force_login(member)
        html = client.get(url(members_only, "edit")).content.decode()
        assert "Add as admin" not in html
        response = client.post(url(members_only, "admins/add"), {"email": other_member.email})
        assert response.status_code == 400
        assert members_only.admins.count() == 1

    def test_others_cannot_add_or_remove(self, client, public, member, other_member):
        client.force_login(other_member)
        assert (
            client.post(url(public, "admins/add"), {"email": other_member.email}).status_code == 404
        )
        link = ProfileAdmin.objects.get(profile=public)
        assert client.post(url(public, f"admins/{link.pk}/remove")).status_code == 404
        assert list(public.admins.all()) == [member]

    def test_the_last_admin_is_told_why(self, client, public, member):
        client.force_login(member)
        link = ProfileAdmin.objects.get(profile=public)
        response = client.post(url(public, f"admins/{link.pk}/remove"), follow=True)
        assert "A profile needs at least one admin" in response.content.decode()
        assert public.admins.count() == 1


class TestHub:
    def test_the_member_sees_all_their_profiles(self, client, public, hidden, member, other_member):
        make = other_member  # someone else's profile is not listed
        Profile.objects.create(kind="person", name="Johans", visibility="public")
        client.force_login(member)
        response = client.get("/en/me/meeting-place/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Räkna Rätt AB" in html and "Amina i hemlighet" in html
        assert "Johans" not in html
        assert "Hidden: only you can see it" in html
        assert url(hidden, "edit") in html
        assert '<a href="/en/me/meeting-place/" aria-current="page">Meeting place</a>' in html
        assert "connect-summary-heading" in html  # connect's part of the hub
        assert make.pk

    def test_someone_without_profiles_is_invited(self, client, other_member):
        client.force_login(other_member)
        html = client.get("/en/me/meeting-place/").content.decode()
        assert "You have no profile yet" in html
        assert "/en/me/profiles/new/" in html

    def test_visitors_are_asked_to_log_in(self, client):
        response = client.get("/en/me/meeting-place/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_query_count_does_not_grow_with_profiles(
        self, client, member, make_profile, tags, django_assert_max_num_queries
    ):
        make_profile(member, "Ett", offers=[tags["music"]])
        client.force_login(member)
        client.get("/en/me/meeting-place/")
        with django_assert_max_num_queries(14) as few:
            client.get("/en/me/meeting-place/")
        for number in range(5):
            make_profile(member, f"Profil {number}", offers=[tags["music"]], needs=["egen"])
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get("/en/me/meeting-place/")


class TestOfficePanel:
    def test_the_office_page_counts_what_the_visitor_may_see(
        self, client, office, member, other_member, make_profile
    ):
        make_profile(member, "Offentlig", visibility="public", home_offices=[office])
        make_profile(member, "Medlemmar", visibility="members", home_offices=[office])
        make_profile(member, "Dold", visibility="hidden", home_offices=[office])
        html = client.get("/en/offices/ronna/").content.decode()
        assert "1 profile at this office." in html
        assert "/en/offices/ronna/directory/" in html
        client.force_login(other_member)
        assert "2 profiles at this office." in client.get("/en/offices/ronna/").content.decode()

    def test_an_empty_directory_still_links(self, client, office):
        html = client.get("/en/offices/ronna/").content.decode()
        assert "No profiles at this office yet." in html


def test_the_main_menu_links_to_the_directory(client, member):
    html = client.get("/en/").content.decode()
    assert '<a href="/en/directory/">Directory</a>' in html
    assert "/en/me/meeting-place/" not in html
    client.force_login(member)
    assert (
        '<a href="/en/me/meeting-place/">Meeting place</a>' in client.get("/en/").content.decode()
    )
