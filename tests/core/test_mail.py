"""E-mail in the recipient's language, with the headers every automatic message needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.utils import translation

from publicoffice.core.mail import address_of, in_language_of, language_of, send_templated
from tests.factories import UserFactory


@pytest.mark.django_db
def test_language_and_address_of_a_person():
    nour = UserFactory(preferred_language="ar")
    assert language_of(nour) == "ar"
    assert language_of(UserFactory(preferred_language="xx")) == "sv"  # unknown: the default
    assert language_of(None) == "sv"
    assert address_of(nour) == nour.email
    nour.is_active = False
    assert address_of(nour) == ""  # a closed account gets nothing
    assert address_of(AnonymousUser()) == ""
    assert address_of(None) == ""


@pytest.mark.django_db
def test_in_language_of_switches_and_restores():
    with in_language_of(UserFactory(preferred_language="ar")) as language:
        assert language == "ar"
        assert translation.get_language() == "ar"
    assert translation.get_language() == "sv"


def test_send_templated_renders_both_parts_in_the_active_language(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [Path(__file__).parent / "templates"]}]
    with translation.override("ar"):
        send_templated(
            to="nour@example.se",
            subject="تذكير\nبالحجز",
            template="core/email/test_message",
            context={"name": "نور"},
            reply_to="ronna@example.se",
        )
    (message,) = mail.outbox
    assert message.subject == "تذكير بالحجز"  # a header may not break lines
    assert message.to == ["nour@example.se"]
    assert message.reply_to == ["ronna@example.se"]
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert message.extra_headers["Content-Language"] == "ar"
    assert "نور" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'dir="rtl"' in html
