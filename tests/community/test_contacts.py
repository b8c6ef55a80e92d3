"""Contact requests as services: sending and every refusal, answers, blocks,
reports, what is revealed when, statistics and the e-mails.

Profiles are made with the ORM through the small factories at the top, so
these tests do not depend on how profiles are edited. The e-mails go
through django-tasks' immediate backend into ``mail.outbox``.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_tasks.signals import task_finished

from publicoffice.community import notifications
from publicoffice.community.models import (
    MAX_MESSAGE,
    AbuseReport,
    Block,
    ContactRequest,
    ContactStatistic,
    Profile,
    ProfileAdmin,
    RequestStatus,
    Tag,
)
from publicoffice.community.selectors.contacts import (
    accepted_contacts,
    pending_count,
    received_pending,
    sent_requests,
)
from publicoffice.community.services.contacts import (
    abuse_report,
    block_sender,
    contact_request_answer,
    contact_request_send,
    contact_request_withdraw,
)
from publicoffice.core import domain_events
from publicoffice.core.errors import DomainError
from tests.factories import UserFactory

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


# -- small factories, shared by the connect tests ----------------------------------------


def make_profile(
    owner: Any,
    name: str,
    *,
    kind: str = "person",
    visibility: str = "members",
    offers: tuple[Tag, ...] = (),
    needs: tuple[Tag, ...] = (),
    offices: tuple[Any, ...] = (),
    new_in_town: bool = False,
    admins: tuple[Any, ...] = (),
    **fields: Any,
) -> Profile:
    """A profile run by ``owner`` (and ``admins``), straight through the ORM."""
    profile = Profile.objects.create(
        kind=kind, name=name, visibility=visibility, is_new_in_town=new_in_town, **fields
    )
    for user in (owner, *admins):
        ProfileAdmin.objects.create(profile=profile, user=user)
    profile.offers.set(offers)
    profile.needs.set(needs)
    profile.home_offices.set(offices)
    return profile


def make_tag(slug: str, sv: str, en: str, ar: str = "") -> Tag:
    return Tag.objects.create(
        slug=slug,
        name=sv,
        name_sv=sv,
        name_en=en,
        name_ar=ar or en,
        search_terms=f"\n{sv.casefold()}\n{en.casefold()}\n",
    )


@pytest.fixture(autouse=True)
def _mail_and_tasks(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_BASE_URL = "https://kontor.example"


@pytest.fixture(autouse=True)
def _commit_at_once(monkeypatch):
    """Tests run inside a transaction that never commits: run what waits for it now.

    :func:`test_notices_wait_for_the_commit` checks the real order once.
    """
    monkeypatch.setattr("publicoffice.core.domain_events.after_commit", lambda action: action())


@pytest.fixture(autouse=True)
def _no_task_fails():
    """The immediate backend swallows a task's exception; fail the test instead."""
    failed: list[str] = []

    def remember(sender: Any, task_result: Any, **kwargs: Any) -> None:
        if task_result.errors:
            failed.append(task_result.errors[-1].traceback)

    task_finished.connect(remember)
    yield
    task_finished.disconnect(remember)
    assert not failed, failed[0]


@pytest.fixture
def amina(db):
    return UserFactory(email="amina@example.org", display_name="Amina", preferred_language="ar")


@pytest.fixture
def johan(db):
    return UserFactory(email="johan@example.org", display_name="Johan", preferred_language="sv")


@pytest.fixture
def sara(db):
    return UserFactory(email="sara@example.org", display_name="Sara", preferred_language="en")


@pytest.fixture
def amina_profile(amina):
    return make_profile(
        amina, "Amina Design", contact_email="hej@amina.example", contact_phone="070-111 22 33"
    )


@pytest.fixture
def bookkeeping(johan, sara):
    """An association run by Johan and Sara; it shares only a phone number."""
    return make_profile(
        johan,
        "Föreningen Räkna",
        kind="association",
        visibility="public",
        admins=(sara,),
        contact_phone="08-123 45 67",
    )


def in_language(code: str, message: str) -> str:
    """``message`` as the catalogue of ``code`` has it (the msgid until translated)."""
    with translation.override(code):
        return translation.gettext(message)


def send(sender: Any, sender_profile: Profile, recipient: Profile, message: Any = "Hej!") -> Any:
    return contact_request_send(
        sender=sender, sender_profile=sender_profile, recipient=recipient, message=message
    )


def refused(code: str, **kwargs: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        send(**kwargs)
    assert caught.value.code == code
    return caught.value


def nothing_sent() -> None:
    assert ContactRequest.objects.count() == 0
    assert ContactStatistic.objects.count() == 0
    assert mail.outbox == []


# -- sending ------------------------------------------------------------------------------


class TestSend:
    def test_a_request_waits_is_counted_and_told_without_the_message(
        self, amina, amina_profile, bookkeeping, johan, sara
    ):
        request = send(amina, amina_profile, bookkeeping, "Hej! Jag behöver hjälp med bokföring.")

        assert request.status == RequestStatus.PENDING
        statistic = ContactStatistic.objects.get(request_id=request.pk)
        assert (statistic.outcome, statistic.recipient_kind) == ("pending", "association")
        # Both admins hear of it, each in their own language, without the message.
        by_address = {message.to[0]: message for message in mail.outbox}
        assert set(by_address) == {"johan@example.org", "sara@example.org"}
        swedish, english = by_address["johan@example.org"], by_address["sara@example.org"]
        assert swedish.subject == in_language("sv", "New contact request to %(profile)s") % {
            "profile": "Föreningen Räkna"
        }
        assert english.subject == "New contact request to Föreningen Räkna"
        assert swedish.extra_headers["Content-Language"] == "sv"
        assert english.extra_headers["Content-Language"] == "en"
        for message in mail.outbox:
            html = message.alternatives[0][0]
            for text in (message.body, html, message.subject):
                assert "bokföring" not in text
                assert "amina" not in text.lower()
                assert "hej@amina.example" not in text
            assert "https://kontor.example/" in message.body
            assert "/me/contacts/" in message.body

    def test_a_profile_name_is_escaped_in_the_html_e_mail(self, amina, amina_profile, johan):
        tricky = make_profile(johan, "<b>Räkna</b> & Co")
        send(amina, amina_profile, tricky)

        (notice,) = mail.outbox
        html = notice.alternatives[0][0]
        assert "&lt;b&gt;Räkna&lt;/b&gt; &amp; Co" in html
        assert "<b>Räkna" not in html
        assert "<b>Räkna</b> & Co" in notice.body  # plain text stays plain

    def test_message_is_kept_as_written_minus_control_characters(
        self, amina, amina_profile, bookkeeping
    ):
        written = "مرحبا 👋\r\nJag heter\x00 Amina\x07 <script>alert(1)</script>\n\n\n\nHej då"
        request = send(amina, amina_profile, bookkeeping, written)

        assert request.message == ("مرحبا 👋\nJag heter Amina <script>alert(1)</script>\n\nHej då")

    @pytest.mark.parametrize(
        ("message", "code"),
        [
            ("", "text_missing"),
            ("   \n\t ", "text_missing"),
            ("\x00\x07", "text_missing"),
            ("x" * (MAX_MESSAGE + 1), "text_too_long"),
            ("😀" * (MAX_MESSAGE + 1), "text_too_long"),
            (12345, "text_invalid"),
            (None, "text_invalid"),
        ],
    )
    def test_bad_messages_are_refused_and_nothing_is_sent(
        self, amina, amina_profile, bookkeeping, message, code
    ):
        error = refused(
            code, sender=amina, sender_profile=amina_profile, recipient=bookkeeping, message=message
        )
        assert error.details["field"] == "message"
        assert str(error.message)  # translated words, not a code
        nothing_sent()

    def test_the_longest_message_is_fine(self, amina, amina_profile, bookkeeping):
        assert send(amina, amina_profile, bookkeeping, "م" * MAX_MESSAGE).pk

    def test_only_as_a_profile_you_run(self, amina, johan, bookkeeping):
        someone_elses = make_profile(johan, "Johan själv")
        refused(
            "not_your_profile", sender=amina, sender_profile=someone_elses, recipient=bookkeeping
        )
        nothing_sent()

    def test_not_to_your_own_profile(self, johan, bookkeeping):
        johans_own = make_profile(johan, "Johan själv")
        refused("own_profile", sender=johan, sender_profile=johans_own, recipient=bookkeeping)
        nothing_sent()

    def test_a_hidden_profile_is_not_found(self, amina, amina_profile, johan):
        hidden = make_profile(johan, "Hemlig", visibility="hidden")
        error = refused(
            "profile_not_found", sender=amina, sender_profile=amina_profile, recipient=hidden
        )
        assert error.status == 404
        nothing_sent()

    def test_members_only_profiles_can_be_written_to(self, amina, amina_profile, johan):
        members_only = make_profile(johan, "Bara för medlemmar", visibility="members")
        assert send(amina, amina_profile, members_only).pk

    def test_only_one_waiting_request_to_a_profile(self, amina, amina_profile, bookkeeping):
        send(amina, amina_profile, bookkeeping)
        second_profile = make_profile(amina, "Aminas förening", kind="association")
        mail.outbox.clear()

        for profile in (amina_profile, second_profile):
            error = refused(
                "already_pending", sender=amina, sender_profile=profile, recipient=bookkeeping
            )
            assert error.status == 409
        assert ContactRequest.objects.count() == 1
        assert mail.outbox == []

    def test_a_block_is_answered_neutrally(self, amina, amina_profile, bookkeeping, sara):
        Block.objects.create(blocker=sara, blocked=amina)

        error = refused(
            "cannot_send", sender=amina, sender_profile=amina_profile, recipient=bookkeeping
        )
        assert str(error.message) == in_language("sv", "This request can't be sent.")
        assert "block" not in in_language("en", "This request can't be sent.").lower()
        nothing_sent()

    def test_rate_limit_per_hour(self, frozen, settings, amina, amina_profile, johan):
        settings.COMMUNITY_CONTACTS_PER_HOUR = 2
        targets = [make_profile(johan, f"Mål {n}") for n in range(3)]
        send(amina, amina_profile, targets[0])
        send(amina, amina_profile, targets[1])

        error = refused(
            "too_many_requests", sender=amina, sender_profile=amina_profile, recipient=targets[2]
        )
        assert error.status == 429
        assert ContactRequest.objects.count() == 2

    def test_rate_limit_per_day(self, frozen, settings, amina, amina_profile, johan, sara):
        settings.COMMUNITY_CONTACTS_PER_HOUR = 100
        settings.COMMUNITY_CONTACTS_PER_DAY = 1
        first, second = make_profile(johan, "Ett"), make_profile(johan, "Två")
        send(amina, amina_profile, first)

        refused("too_many_requests", sender=amina, sender_profile=amina_profile, recipient=second)
        # The limit is per sender: someone else still may.
        sara_profile = make_profile(sara, "Sara")
        assert send(sara, sara_profile, second).pk

    def test_refused_attempts_do_not_use_up_the_allowance(
        self, frozen, settings, amina, amina_profile, bookkeeping
    ):
        settings.COMMUNITY_CONTACTS_PER_HOUR = 1
        for _attempt in range(3):
            refused(
                "text_missing",
                sender=amina,
                sender_profile=amina_profile,
                recipient=bookkeeping,
                message="",
            )
        assert send(amina, amina_profile, bookkeeping).pk

    def test_anonymous_cannot_send(self, amina_profile, bookkeeping):
        from django.contrib.auth.models import AnonymousUser

        refused(
            "not_authenticated",
            sender=AnonymousUser(),
            sender_profile=amina_profile,
            recipient=bookkeeping,
        )
        nothing_sent()

    def test_a_twin_request_in_a_race_is_refused(self, amina, amina_profile, bookkeeping):
        """The database keeps one waiting request per pair, whatever slips past the check."""
        ContactRequest.objects.create(
            sender=amina, sender_profile=amina_profile, recipient=bookkeeping, message="Först"
        )
        from unittest import mock

        with mock.patch(
            "publicoffice.community.services.contacts.ContactRequest.objects.filter"
        ) as looked_up:
            looked_up.return_value.exists.return_value = False
            refused(
                "already_pending",
                sender=amina,
                sender_profile=amina_profile,
                recipient=bookkeeping,
            )
        assert ContactRequest.objects.count() == 1


# -- answering, withdrawing ------------------------------------------------------------------


class TestAnswer:
    def test_accept_tells_the_sender_and_reveals_both_sides(
        self, amina, amina_profile, bookkeeping, johan, sara
    ):
        request = send(amina, amina_profile, bookkeeping)
        assert accepted_contacts(user=amina) == []
        assert accepted_contacts(user=johan) == []
        mail.outbox.clear()

        contact_request_answer(request=request, actor=sara, accept=True)

        request.refresh_from_db()
        assert (request.status, request.answered_by) == (RequestStatus.ACCEPTED, sara)
        assert ContactStatistic.objects.get(request_id=request.pk).outcome == "accepted"
        (notice,) = mail.outbox
        assert notice.to == ["amina@example.org"]
        assert "Föreningen Räkna" in notice.subject
        assert notice.extra_headers["Content-Language"] == "ar"
        assert "08-123 45 67" not in notice.body  # the details stay behind the login

        (seen_by_amina,) = accepted_contacts(user=amina)
        assert seen_by_amina.theirs == bookkeeping
        assert seen_by_amina.details.phone == "08-123 45 67"
        assert seen_by_amina.details.email == ""
        assert seen_by_amina.i_sent
        for admin in (johan, sara):
            (seen,) = accepted_contacts(user=admin)
            assert seen.theirs == amina_profile
            assert seen.details.email == "hej@amina.example"
            assert seen.details.phone == "070-111 22 33"
            assert not seen.i_sent

    def test_a_side_that_shared_nothing_says_so(self, amina, bookkeeping, johan):
        silent = make_profile(amina, "Tyst")
        request = send(amina, silent, bookkeeping)
        contact_request_answer(request=request, actor=johan, accept=True)

        (seen,) = accepted_contacts(user=johan)
        assert seen.details.nothing_shared
        (other_side,) = accepted_contacts(user=amina)
        assert not other_side.details.nothing_shared

        says = in_language("sv", "%(name)s has not shared any contact details yet.")
        johans_page, aminas_page = Client(), Client()
        johans_page.force_login(johan)
        aminas_page.force_login(amina)
        contacts = reverse("community:contacts")
        assert says % {"name": "Tyst"} in johans_page.get(contacts).content.decode()
        assert says % {"name": "Föreningen Räkna"} not in aminas_page.get(contacts).content.decode()

    def test_decline_is_not_mailed_and_reveals_nothing(
        self, amina, amina_profile, bookkeeping, johan
    ):
        request = send(amina, amina_profile, bookkeeping)
        mail.outbox.clear()

        contact_request_answer(request=request, actor=johan, accept=False)

        assert mail.outbox == []
        assert ContactStatistic.objects.get(request_id=request.pk).outcome == "declined"
        assert accepted_contacts(user=amina) == []
        assert accepted_contacts(user=johan) == []
        assert [r.status for r in sent_requests(user=amina)] == ["declined"]

    def test_only_the_recipients_admins_may_answer(self, amina, amina_profile, bookkeeping, db):
        request = send(amina, amina_profile, bookkeeping)
        stranger = UserFactory(email="stranger@example.org")
        for actor in (stranger, amina):
            with pytest.raises(DomainError) as caught:
                contact_request_answer(request=request, actor=actor, accept=True)
            assert (caught.value.code, caught.value.status) == ("request_not_found", 404)
        request.refresh_from_db()
        assert request.status == RequestStatus.PENDING

    def test_an_answered_request_cannot_be_answered_again(
        self, amina, amina_profile, bookkeeping, johan, sara
    ):
        request = send(amina, amina_profile, bookkeeping)
        contact_request_answer(request=request, actor=johan, accept=False)
        # Sara still holds the old, pending copy: the service reads the row afresh.
        with pytest.raises(DomainError) as caught:
            contact_request_answer(request=request, actor=sara, accept=True)
        assert caught.value.code == "request_not_pending"
        request.refresh_from_db()
        assert request.status == RequestStatus.DECLINED

    def test_withdraw_while_waiting_then_write_again(
        self, amina, amina_profile, bookkeeping, johan
    ):
        request = send(amina, amina_profile, bookkeeping)
        with pytest.raises(DomainError) as caught:
            contact_request_withdraw(request=request, actor=johan)
        assert caught.value.code == "request_not_found"

        contact_request_withdraw(request=request, actor=amina)

        request.refresh_from_db()
        assert request.status == RequestStatus.WITHDRAWN
        assert ContactStatistic.objects.get(request_id=request.pk).outcome == "withdrawn"
        assert list(received_pending(user=johan)) == []
        assert send(amina, amina_profile, bookkeeping).pk  # the pair is free again

    def test_an_accepted_request_cannot_be_withdrawn(
        self, amina, amina_profile, bookkeeping, johan
    ):
        request = send(amina, amina_profile, bookkeeping)
        contact_request_answer(request=request, actor=johan, accept=True)
        with pytest.raises(DomainError) as caught:
            contact_request_withdraw(request=request, actor=amina)
        assert caught.value.code == "request_not_pending"

    def test_a_notice_for_a_request_gone_or_withdrawn_sends_nothing(
        self, amina, amina_profile, bookkeeping
    ):
        request = send(amina, amina_profile, bookkeeping)
        contact_request_withdraw(request=request, actor=amina)
        mail.outbox.clear()

        assert notifications.send_new_request(request_id=request.pk).startswith("skipped")
        assert notifications.send_accepted(request_id=request.pk).startswith("skipped")
        assert notifications.send_new_request(request_id=10**9) == "skipped: request gone"
        assert mail.outbox == []


# -- blocks and reports -------------------------------------------------------------------------


class TestBlockAndReport:
    def test_block_declines_what_waits_and_stops_new_requests_from_any_profile(
        self, amina, amina_profile, bookkeeping, johan
    ):
        johans_own = make_profile(johan, "Johan själv")
        first = send(amina, amina_profile, bookkeeping)
        second = send(amina, amina_profile, johans_own)

        block_sender(blocker=johan, request=first)

        assert Block.objects.filter(blocker=johan, blocked=amina).exists()
        for request in (first, second):
            request.refresh_from_db()
            assert request.status == RequestStatus.DECLINED
            assert ContactStatistic.objects.get(request_id=request.pk).outcome == "declined"
        assert pending_count(user=johan) == 0
        other_profile = make_profile(amina, "Aminas andra", kind="business")
        for profile in (amina_profile, other_profile):
            refused("cannot_send", sender=amina, sender_profile=profile, recipient=johans_own)

    def test_blocking_twice_is_harmless(self, amina, amina_profile, bookkeeping, johan):
        request = send(amina, amina_profile, bookkeeping)
        block_sender(blocker=johan, request=request)
        block_sender(blocker=johan, request=request)
        assert Block.objects.count() == 1

    def test_only_the_recipients_admins_may_block(self, amina, amina_profile, bookkeeping, db):
        request = send(amina, amina_profile, bookkeeping)
        stranger = UserFactory(email="stranger@example.org")
        with pytest.raises(DomainError) as caught:
            block_sender(blocker=stranger, request=request)
        assert caught.value.status == 404
        assert Block.objects.count() == 0

    def test_report_quotes_the_message_and_blocks(self, amina, amina_profile, bookkeeping, johan):
        request = send(amina, amina_profile, bookkeeping, "Köp billiga klockor!!")

        report = abuse_report(reporter=johan, request=request, reason="Reklam, inte en fråga.")

        assert report.quoted_message == "Köp billiga klockor!!"
        assert (report.reporter, report.reported) == (johan, amina)
        assert report.contact_request == request
        assert Block.objects.filter(blocker=johan, blocked=amina).exists()
        request.refresh_from_db()
        assert request.status == RequestStatus.DECLINED
        # The quote survives the request being deleted with the sender's account.
        amina.delete()
        report.refresh_from_db()
        assert report.quoted_message == "Köp billiga klockor!!"
        assert report.reported is None

    @pytest.mark.parametrize(
        ("reason", "code"), [("", "text_missing"), ("x" * 1001, "text_too_long")]
    )
    def test_a_report_needs_a_reason(self, amina, amina_profile, bookkeeping, johan, reason, code):
        request = send(amina, amina_profile, bookkeeping)
        with pytest.raises(DomainError) as caught:
            abuse_report(reporter=johan, request=request, reason=reason)
        assert caught.value.code == code
        assert caught.value.details["field"] == "reason"
        assert AbuseReport.objects.count() == 0
        assert Block.objects.count() == 0

    def test_only_the_recipients_admins_may_report_a_request(
        self, amina, amina_profile, bookkeeping
    ):
        request = send(amina, amina_profile, bookkeeping)
        with pytest.raises(DomainError) as caught:
            abuse_report(reporter=amina, request=request, reason="Själv")
        assert caught.value.status == 404
        assert AbuseReport.objects.count() == 0

    def test_a_visible_profile_can_be_reported_but_not_your_own_or_a_hidden_one(
        self, amina, amina_profile, johan
    ):
        shown = make_profile(johan, "Bluff AB", presentation="Snabba pengar!")
        hidden = make_profile(johan, "Dold", visibility="hidden")

        report = abuse_report(reporter=amina, profile=shown, reason="Ser ut som bedrägeri.")
        assert report.quoted_message == "Bluff AB\n\nSnabba pengar!"
        for profile, code in ((hidden, "profile_not_found"), (amina_profile, "own_profile")):
            with pytest.raises(DomainError) as caught:
                abuse_report(reporter=amina, profile=profile, reason="x")
            assert caught.value.code == code
        assert AbuseReport.objects.count() == 1


def test_notices_wait_for_the_commit(
    monkeypatch, amina, amina_profile, bookkeeping, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(domain_events, "after_commit", transaction.on_commit)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send(amina, amina_profile, bookkeeping)
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert len(mail.outbox) == 2


# -- figures and the member's own data -----------------------------------------------------------


def test_figures_outlive_the_people(amina, amina_profile, bookkeeping, johan):
    request = send(amina, amina_profile, bookkeeping)
    contact_request_answer(request=request, actor=johan, accept=True)

    amina.delete()

    assert ContactRequest.objects.count() == 0
    statistic = ContactStatistic.objects.get()
    assert (statistic.outcome, statistic.recipient_kind) == ("accepted", "association")
