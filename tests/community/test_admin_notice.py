"""The e-mail to a member who was made an admin of an organisation's profile.

Nobody should run a profile in a member's name without the member knowing,
so being added sends one short e-mail, in the new admin's language, that
says where to leave the profile. It goes once the transaction commits.
"""

from __future__ import annotations

import pytest
from django.core import mail

from publicoffice.community.models import ProfileAdmin
from publicoffice.community.notifications import send_admin_added
from publicoffice.community.services.profiles import profile_admin_add, profile_admin_remove
from publicoffice.core.errors import DomainError

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _mail_and_tasks(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_BASE_URL = "https://kontor.example"


@pytest.fixture
def association(member, make_profile):
    return make_profile(member, "Föreningen Ronna", kind="association")


def test_the_new_admin_is_told_in_their_language_after_the_commit(
    member, other_member, association, django_capture_on_commit_callbacks
):
    other_member.preferred_language = "ar"
    other_member.save()
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        profile_admin_add(profile=association, actor=member, email=other_member.email)
    assert mail.outbox == []  # nothing before the commit
    for callback in waiting:
        callback()
    (notice,) = mail.outbox
    assert notice.to == [other_member.email]
    assert notice.extra_headers["Content-Language"] == "ar"
    assert "Föreningen Ronna" in notice.subject
    edit = f"https://kontor.example/ar/profiles/{association.public_id}/edit/"
    body = notice.body
    assert edit in body
    html = notice.alternatives[0][0]
    assert 'dir="rtl"' in html
    assert member.email not in body  # the e-mail says nothing about who else runs it


def test_in_swedish_by_default(
    member, other_member, association, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        profile_admin_add(profile=association, actor=member, email=other_member.email)
    (notice,) = mail.outbox
    assert notice.subject == "Du är nu administratör för Föreningen Ronna"


def test_a_refused_addition_sends_nothing(
    member, other_member, association, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(DomainError):
            profile_admin_add(profile=association, actor=other_member, email=other_member.email)
        with pytest.raises(DomainError):
            profile_admin_add(profile=association, actor=member, email="nobody@example.org")
    assert mail.outbox == []


def test_an_admin_removed_before_the_worker_runs_gets_nothing(member, other_member, association):
    link = profile_admin_add(profile=association, actor=member, email=other_member.email)
    profile_admin_remove(profile=association, actor=member, user=other_member)
    assert not ProfileAdmin.objects.filter(pk=link.pk).exists()
    assert send_admin_added(admin_id=link.pk) == "skipped: no longer an admin"
    assert mail.outbox == []


def test_a_profile_name_cannot_break_the_subject_or_the_html(
    member, other_member, make_profile, django_capture_on_commit_callbacks
):
    profile = make_profile(member, "<b>Grupp</b>", kind="informal_group")
    profile.name = "Grupp\nBcc: x@example.org <script>"
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        profile_admin_add(profile=profile, actor=member, email=other_member.email)
    (notice,) = mail.outbox
    assert "\n" not in notice.subject
    assert notice.bcc == []
    html = notice.alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
