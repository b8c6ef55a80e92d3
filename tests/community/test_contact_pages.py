"""Contact request pages over HTTP: who may see what, bad input, CSRF, query counts.

Nobody's e-mail address or phone number appears on any page before a
request is accepted; after that, both sides see what the other shared.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from publicoffice.community.models import (
    MAX_MESSAGE,
    AbuseReport,
    Block,
    ContactRequest,
    RequestStatus,
)
from publicoffice.community.services.contacts import contact_request_send
from tests.community.test_contacts import make_profile
from tests.factories import UserFactory

AMINA_EMAIL = "amina.kontakt@example.org"
JOHAN_PHONE = "08-765 43 21"


@pytest.fixture(autouse=True)
def _quiet_tasks(settings, monkeypatch):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    monkeypatch.setattr("publicoffice.core.domain_events.after_commit", lambda action: action())


@pytest.fixture
def amina(db):
    return UserFactory(email="amina@example.org", display_name="Amina")


@pytest.fixture
def johan(db):
    return UserFactory(email="johan@example.org", display_name="Johan")


@pytest.fixture
def eve(db):
    """A second member with a profile of her own, entitled to nothing here."""
    user = UserFactory(email="eve@example.org", display_name="Eve")
    make_profile(user, "Eves profil")
    return user


@pytest.fixture
def amina_profile(amina):
    return make_profile(
        amina,
        "Amina Design",
        presentation="أصمم مواقع الويب",
        presentation_language="ar",
        contact_email=AMINA_EMAIL,
    )


@pytest.fixture
def johan_profile(johan):
    return make_profile(
        johan, "Johans Bokföring", kind="business", visibility="public", contact_phone=JOHAN_PHONE
    )


@pytest.fixture
def as_amina(amina, amina_profile):
    client = Client()
    client.force_login(amina)
    return client


@pytest.fixture
def as_johan(johan, johan_profile):
    client = Client()
    client.force_login(johan)
    return client


@pytest.fixture
def as_eve(eve):
    client = Client()
    client.force_login(eve)
    return client


@pytest.fixture
def waiting(amina, amina_profile, johan_profile):
    return contact_request_send(
        sender=amina,
        sender_profile=amina_profile,
        recipient=johan_profile,
        message="Hej <script>alert('x')</script> 👋 مرحبا",
    )


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"community:{name}", kwargs=kwargs)


def page(response: Any) -> str:
    return response.content.decode()


def said(message: str) -> str:
    """The message as the Swedish pages (the default language) show it."""
    with translation.override("sv"):
        return gettext(message)


def no_contact_details(html: str) -> None:
    for detail in (AMINA_EMAIL, JOHAN_PHONE, "amina@example.org", "johan@example.org"):
        assert detail not in html


# -- who may come in ----------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, johan_profile, waiting):
    gets = [url("contact_new", public_id=johan_profile.public_id), url("contacts")]
    gets.append(url("contact_report", pk=waiting.pk))
    for address in gets:
        response = client.get(address)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    for name in ("contact_answer", "contact_block", "contact_withdraw", "contact_report"):
        response = client.post(url(name, pk=waiting.pk), {"decision": "accept"})
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.PENDING


def test_a_second_member_gets_404_for_requests_not_theirs(as_eve, waiting):
    for name in ("contact_answer", "contact_block", "contact_withdraw", "contact_report"):
        assert as_eve.post(url(name, pk=waiting.pk), {"decision": "accept"}).status_code == 404
    assert as_eve.get(url("contact_report", pk=waiting.pk)).status_code == 404
    contacts = page(as_eve.get(url("contacts")))
    assert "Amina Design" not in contacts
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.PENDING
    assert Block.objects.count() == 0


def test_the_sender_cannot_answer_and_the_recipient_cannot_withdraw(as_amina, as_johan, waiting):
    assert (
        as_amina.post(url("contact_answer", pk=waiting.pk), {"decision": "accept"}).status_code
        == 404
    )
    assert as_amina.post(url("contact_block", pk=waiting.pk)).status_code == 404
    assert as_johan.post(url("contact_withdraw", pk=waiting.pk)).status_code == 404


def test_hidden_and_unknown_profiles_are_404(as_amina, johan):
    hidden = make_profile(johan, "Dold", visibility="hidden")
    assert as_amina.get(url("contact_new", public_id=hidden.public_id)).status_code == 404
    unknown = "00000000-0000-0000-0000-000000000000"
    assert as_amina.get(url("contact_new", public_id=unknown)).status_code == 404


# -- writing ---------------------------------------------------------------------------------


class TestWrite:
    def test_the_form_offers_only_your_profiles_and_shows_no_details(
        self, as_amina, amina, johan_profile, eve
    ):
        second = make_profile(amina, "Aminas förening", kind="association")
        html = page(as_amina.get(url("contact_new", public_id=johan_profile.public_id)))

        assert 'name="sender_profile"' in html
        assert str(second.public_id) in html
        assert "Eves profil" not in html
        assert f'maxlength="{MAX_MESSAGE}"' in html
        assert '<label for="id_message">' in html
        no_contact_details(html)

    def test_without_a_profile_the_page_says_how_to_make_one(self, johan_profile, db):
        newcomer = UserFactory(email="ny@example.org")
        client = Client()
        client.force_login(newcomer)

        response = client.get(url("contact_new", public_id=johan_profile.public_id))

        assert response.status_code == 200
        html = page(response)
        assert 'name="message"' not in html
        assert f'href="{url("profile_create")}"' in html

    def test_your_own_profile_has_no_form(self, as_johan, johan_profile):
        html = page(as_johan.get(url("contact_new", public_id=johan_profile.public_id)))
        assert 'name="message"' not in html

    def test_sending_redirects_to_the_contacts_page(self, as_amina, amina_profile, johan_profile):
        response = as_amina.post(
            url("contact_new", public_id=johan_profile.public_id),
            {"sender_profile": str(amina_profile.public_id), "message": "Hej! 👋 مرحبا"},
        )

        assert response.status_code == 302
        assert response["Location"] == url("contacts")
        request = ContactRequest.objects.get()
        assert (request.sender_profile, request.recipient) == (amina_profile, johan_profile)
        assert request.message == "Hej! 👋 مرحبا"
        follow = as_amina.get(url("contacts"))
        assert 'class="message message-success"' in page(follow)

    @pytest.mark.parametrize(
        "message",
        ["", "   ", "x" * (MAX_MESSAGE + 1), "\x00"],
        ids=["empty", "blank", "huge", "null"],
    )
    def test_bad_messages_show_a_linked_error_and_change_nothing(
        self, as_amina, amina_profile, johan_profile, message
    ):
        response = as_amina.post(
            url("contact_new", public_id=johan_profile.public_id),
            {"sender_profile": str(amina_profile.public_id), "message": message},
        )

        assert response.status_code == 400
        html = page(response)
        assert 'role="alert"' in html
        assert 'href="#id_message"' in html
        assert 'aria-invalid="true"' in html
        assert ContactRequest.objects.count() == 0

    def test_writing_as_someone_elses_profile_is_refused(self, as_amina, johan_profile, eve):
        eves = eve.profiles.get()
        response = as_amina.post(
            url("contact_new", public_id=johan_profile.public_id),
            {"sender_profile": str(eves.public_id), "message": "Hej"},
        )
        assert response.status_code == 400
        assert 'href="#id_sender_profile"' in page(response)
        assert ContactRequest.objects.count() == 0

    @pytest.mark.parametrize("sender_profile", ["not-a-uuid", "", "<script>", "١٢٣"])
    def test_a_wrong_profile_value_is_a_linked_error(self, as_amina, johan_profile, sender_profile):
        response = as_amina.post(
            url("contact_new", public_id=johan_profile.public_id),
            {"sender_profile": sender_profile, "message": "Hej"},
        )
        assert response.status_code == 400
        assert 'href="#id_sender_profile"' in page(response)
        assert "<script>" not in page(response).split("</nav>", 2)[-1]
        assert ContactRequest.objects.count() == 0

    def test_a_blocked_sender_is_told_neutrally(
        self, as_amina, amina, johan, amina_profile, johan_profile
    ):
        Block.objects.create(blocker=johan, blocked=amina)
        response = as_amina.post(
            url("contact_new", public_id=johan_profile.public_id),
            {"sender_profile": str(amina_profile.public_id), "message": "Hej"},
        )
        assert response.status_code == 403
        assert "block" not in page(response).lower().replace("blocktranslate", "")
        assert escape(said("This request can't be sent.")) in page(response)
        assert ContactRequest.objects.count() == 0

    def test_too_many_requests_is_429(self, settings, as_amina, amina_profile, johan_profile):
        settings.COMMUNITY_CONTACTS_PER_HOUR = 0
        response = as_amina.post(
            url("contact_new", public_id=johan_profile.public_id),
            {"sender_profile": str(amina_profile.public_id), "message": "Hej"},
        )
        assert response.status_code == 429
        assert ContactRequest.objects.count() == 0

    def test_csrf_is_required(self, amina, amina_profile, johan_profile):
        client = Client(enforce_csrf_checks=True)
        client.force_login(amina)
        response = client.post(
            url("contact_new", public_id=johan_profile.public_id),
            {"sender_profile": str(amina_profile.public_id), "message": "Hej"},
        )
        assert response.status_code == 403
        assert ContactRequest.objects.count() == 0


# -- the contacts page ---------------------------------------------------------------------------


class TestContactsPage:
    def test_received_request_is_escaped_marked_and_reveals_nothing(self, as_johan, waiting):
        html = page(as_johan.get(url("contacts")))

        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
        assert "<script>alert" not in html
        assert 'lang="ar" dir="auto"' in html  # the sender profile's presentation
        assert f'action="{url("contact_answer", pk=waiting.pk)}"' in html
        assert f'action="{url("contact_block", pk=waiting.pk)}"' in html
        assert f'href="{url("contact_report", pk=waiting.pk)}"' in html
        assert 'aria-current="page"' in html
        no_contact_details(html)

    def test_sent_request_shows_its_state_and_withdraw(self, as_amina, waiting):
        html = page(as_amina.get(url("contacts")))
        assert f'action="{url("contact_withdraw", pk=waiting.pk)}"' in html
        assert "Johans Bokföring" in html
        no_contact_details(html)

    def test_accepting_reveals_both_sides(self, as_amina, as_johan, waiting):
        response = as_johan.post(url("contact_answer", pk=waiting.pk), {"decision": "accept"})
        assert response.status_code == 302
        assert response["Location"] == url("contacts")

        johans_view = page(as_johan.get(url("contacts")))
        aminas_view = page(as_amina.get(url("contacts")))
        assert f"mailto:{AMINA_EMAIL}" in johans_view
        assert JOHAN_PHONE in aminas_view
        assert f'action="{url("contact_withdraw", pk=waiting.pk)}"' not in aminas_view
        # Johan shared no e-mail; Amina shared no phone: each page says only what exists.
        assert "mailto:" not in aminas_view
        assert "tel:" not in johans_view

    def test_declining_reveals_nothing(self, as_amina, as_johan, waiting):
        as_johan.post(url("contact_answer", pk=waiting.pk), {"decision": "decline"})
        waiting.refresh_from_db()
        assert waiting.status == RequestStatus.DECLINED
        no_contact_details(page(as_amina.get(url("contacts"))))
        no_contact_details(page(as_johan.get(url("contacts"))))

    def test_a_wrong_decision_or_a_get_changes_nothing(self, as_johan, waiting):
        answer = url("contact_answer", pk=waiting.pk)
        assert as_johan.post(answer, {"decision": "maybe"}).status_code == 400
        assert as_johan.post(answer, {}).status_code == 400
        assert as_johan.get(answer).status_code == 405
        waiting.refresh_from_db()
        assert waiting.status == RequestStatus.PENDING

    def test_answering_twice_says_it_was_answered(self, as_johan, waiting):
        answer = url("contact_answer", pk=waiting.pk)
        as_johan.post(answer, {"decision": "decline"})
        response = as_johan.post(answer, {"decision": "accept"}, follow=True)
        assert "message-error" in page(response)
        assert escape(said("This request has already been answered or withdrawn.")) in page(
            response
        )
        waiting.refresh_from_db()
        assert waiting.status == RequestStatus.DECLINED

    def test_withdraw(self, as_amina, waiting):
        response = as_amina.post(url("contact_withdraw", pk=waiting.pk))
        assert response.status_code == 302
        waiting.refresh_from_db()
        assert waiting.status == RequestStatus.WITHDRAWN

    def test_block(self, as_johan, amina, johan, waiting):
        response = as_johan.post(url("contact_block", pk=waiting.pk))
        assert response.status_code == 302
        assert Block.objects.filter(blocker=johan, blocked=amina).exists()
        waiting.refresh_from_db()
        assert waiting.status == RequestStatus.DECLINED

    def test_queries_do_not_grow_with_the_requests(
        self, as_johan, johan, johan_profile, django_assert_max_num_queries
    ):
        def add(n: int) -> None:
            for index in range(n):
                sender = UserFactory(email=f"sender{ContactRequest.objects.count()}-{index}@ex.org")
                profile = make_profile(sender, f"Avsändare {index}")
                contact_request_send(
                    sender=sender, sender_profile=profile, recipient=johan_profile, message="Hej"
                )
            # Some accepted and some sent by Johan, so every list has rows.
            mine = make_profile(johan, f"Johan {ContactRequest.objects.count()}")
            other = make_profile(UserFactory(), "Mottagare")
            contact_request_send(sender=johan, sender_profile=mine, recipient=other, message="Hej")

        add(2)
        with django_assert_max_num_queries(12) as few:
            assert as_johan.get(url("contacts")).status_code == 200
        add(8)
        with django_assert_max_num_queries(len(few.captured_queries)):
            html = page(as_johan.get(url("contacts")))
        assert html.count('name="decision" value="accept"') == 10


# -- reporting ---------------------------------------------------------------------------------


class TestReport:
    def test_the_form_quotes_the_message_escaped(self, as_johan, waiting):
        response = as_johan.get(url("contact_report", pk=waiting.pk))
        assert response.status_code == 200
        html = page(response)
        assert "&lt;script&gt;" in html
        assert '<label for="id_reason">' in html
        assert escape(waiting.message) in html
        assert "<script>alert" not in html

    def test_reporting_blocks_and_keeps_the_quote(self, as_johan, amina, johan, waiting):
        response = as_johan.post(
            url("contact_report", pk=waiting.pk), {"reason": "Konstigt meddelande 🤔"}
        )
        assert response.status_code == 302
        report = AbuseReport.objects.get()
        assert report.reason == "Konstigt meddelande 🤔"
        assert report.quoted_message == waiting.message
        assert Block.objects.filter(blocker=johan, blocked=amina).exists()

    @pytest.mark.parametrize("reason", ["", "x" * 1001])
    def test_a_bad_reason_changes_nothing(self, as_johan, waiting, reason):
        response = as_johan.post(url("contact_report", pk=waiting.pk), {"reason": reason})
        assert response.status_code == 400
        assert 'href="#id_reason"' in page(response)
        assert AbuseReport.objects.count() == 0
        assert Block.objects.count() == 0


def test_the_hub_summarises_waiting_requests(as_johan, as_amina, waiting):
    from django.utils.translation import gettext, ngettext

    def summary(client: Client) -> str:
        html = page(client.get(url("mine")))
        return html.split('id="connect-summary-heading"')[1].split("</section>")[0]

    johans = summary(as_johan)
    waits = ngettext(
        "%(count)s contact request waits for your answer",
        "%(count)s contact requests wait for your answer",
        1,
    ) % {"count": 1}
    assert waits in johans
    assert f'href="{url("contacts")}"' in johans
    assert f'href="{url("suggestions")}"' in johans
    # Nothing waits for the sender's answer.
    aminas = summary(as_amina)
    assert gettext("Your contacts and requests") in aminas
    assert waits not in aminas
