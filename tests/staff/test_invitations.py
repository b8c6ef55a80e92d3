"""Inviting a host by e-mail: who may invite, and what the link does, once."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from publicoffice.accounts.models import NamedPermission, Role, RoleAssignment, User
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.staff.models import Invitation, hash_token
from publicoffice.staff.services import invitation_create, role_assign
from tests.factories import OfficeFactory, OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-good-test-password"
ADD = "/sv/admin/staff/invitation/add/"
CHOSEN = [NamedPermission.BOOK_ON_BEHALF, NamedPermission.EDIT_OPENING_HOURS]


@pytest.fixture
def world():
    operator = OperatorFactory(name="Ronna Områdesföretag")
    admin = UserFactory(email="operator.ronna@example.org")
    role_assign(user=admin, role=Role.OPERATOR_ADMIN, operator=operator)
    return {
        "admin": admin,
        "mine": OfficeFactory(name="Ronna kontor", operator=operator),
        "foreign": OfficeFactory(name="Fittja kontor"),
    }


def _invite_in_admin(client: Client, office, email="newhost@example.org", language="ar"):
    return client.post(
        ADD,
        {
            "office": office.pk,
            "email": email,
            "permissions": [str(p) for p in CHOSEN],
            "language": language,
        },
    )


def _invite(world, email="newhost@example.org", language="ar", capture=None) -> str:
    """Invite through the service; the link's path from the e-mail."""
    with capture(execute=True):
        invitation_create(
            inviter=world["admin"],
            office=world["mine"],
            email=email,
            permissions=list(CHOSEN),
            language=language,
        )
    return _link(mail.outbox[-1])


def _link(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", str(message.body))
    assert match
    return match.group(1)


def _host_roles(email: str) -> list[RoleAssignment]:
    return list(RoleAssignment.objects.filter(user__email=email, role=Role.HOST))


class TestWhoMayInvite:
    def test_operator_admin_invites_a_host_of_their_office(
        self, client, world, django_capture_on_commit_callbacks
    ):
        client.force_login(world["admin"])
        with django_capture_on_commit_callbacks(execute=True):
            response = _invite_in_admin(client, world["mine"], email=" NewHost@Example.org ")
        assert response.status_code == 302
        invitation = Invitation.objects.get()
        assert invitation.email == "newhost@example.org"
        assert invitation.invited_by == world["admin"]
        assert invitation.permissions == sorted(CHOSEN)
        (message,) = mail.outbox
        assert message.to == ["newhost@example.org"]
        assert message.extra_headers["Content-Language"] == "ar"
        with translation.override("ar"):
            office_name = str(world["mine"].name)
            assert message.subject == gettext("You are invited to host %(office)s") % {
                "office": office_name
            }
        assert _link(message).startswith("/ar/staff/invitations/")
        # The list says where it stands.
        listing = client.get("/sv/admin/staff/invitation/")
        assert "newhost@example.org" in listing.content.decode()

    def test_not_for_another_operators_office(self, client, world):
        client.force_login(world["admin"])
        form_page = client.get(ADD)
        assert form_page.status_code == 200
        offered = set(form_page.context["adminform"].form.fields["office"].queryset)
        assert offered == {world["mine"]}
        response = _invite_in_admin(client, world["foreign"])
        assert response.status_code == 200
        assert "office" in response.context["adminform"].form.errors
        assert not Invitation.objects.exists()
        with pytest.raises(DomainError) as refused:
            invitation_create(
                inviter=world["admin"],
                office=world["foreign"],
                email="x@example.org",
                permissions=[],
                language="sv",
            )
        assert refused.value.code == ErrorCode.NOT_ALLOWED

    def test_a_host_cannot_invite(self, client, world):
        host = UserFactory()
        role_assign(user=host, role=Role.HOST, office=world["mine"])
        client.force_login(host)
        assert client.get(ADD).status_code == 403
        assert _invite_in_admin(client, world["mine"]).status_code == 403
        with pytest.raises(DomainError):
            invitation_create(
                inviter=host,
                office=world["mine"],
                email="x@example.org",
                permissions=[],
                language="sv",
            )
        assert not Invitation.objects.exists()

    def test_another_operators_admin_sees_none_of_them(
        self, client, world, django_capture_on_commit_callbacks
    ):
        _invite(world, capture=django_capture_on_commit_callbacks)
        other = UserFactory()
        role_assign(user=other, role=Role.OPERATOR_ADMIN, operator=world["foreign"].operator)
        client.force_login(other)
        listing = client.get("/sv/admin/staff/invitation/")
        assert list(listing.context["cl"].result_list) == []

    @pytest.mark.parametrize("email", ["", "not-an-address", "a@b", "<b>x</b>@example.org"])
    def test_a_bad_address_is_refused(self, client, world, email):
        client.force_login(world["admin"])
        response = _invite_in_admin(client, world["mine"], email=email)
        assert response.status_code == 200
        assert "email" in response.context["adminform"].form.errors
        assert not Invitation.objects.exists()
        assert mail.outbox == []


class TestTheLink:
    def test_the_invitee_sets_a_password_and_is_host(
        self, world, django_capture_on_commit_callbacks
    ):
        link = _invite(world, capture=django_capture_on_commit_callbacks)
        client = Client()
        page = client.get(link)
        assert page.status_code == 200
        assert 'for="id_password"' in page.content.decode()
        assert not User.objects.filter(email="newhost@example.org").exists()
        response = client.post(link, {"display_name": "Amina", "password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"] == "/ar/admin/"
        user = User.objects.get(email="newhost@example.org")
        assert user.check_password(PASSWORD)
        assert user.preferred_language == "ar"
        assert user.display_name == "Amina"
        (role,) = _host_roles("newhost@example.org")
        assert role.office == world["mine"]
        assert role.permissions == sorted(CHOSEN)
        assert client.get("/ar/admin/").status_code == 200  # logged in, and staff
        # Once only.
        again = Client().post(link, {"display_name": "", "password": PASSWORD})
        assert again.status_code == 410
        with translation.override("ar"):
            used = gettext(
                "The link has been used already, or it is incomplete. "
                "If you accepted the invitation, log in."
            )
        assert used in again.content.decode()
        assert len(_host_roles("newhost@example.org")) == 1

    def test_an_expired_link_is_refused(self, world, django_capture_on_commit_callbacks):
        link = _invite(world, capture=django_capture_on_commit_callbacks)
        with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
            page = Client().get(link)
            assert page.status_code == 410
            with translation.override("ar"):
                title = gettext("This invitation no longer works")
            assert title in page.content.decode()
            posted = Client().post(link, {"display_name": "", "password": PASSWORD})
            assert posted.status_code == 410
        assert not User.objects.filter(email="newhost@example.org").exists()

    def test_a_revoked_link_is_refused(self, client, world, django_capture_on_commit_callbacks):
        link = _invite(world, capture=django_capture_on_commit_callbacks)
        client.force_login(world["admin"])
        invitation = Invitation.objects.get()
        response = client.post(
            "/sv/admin/staff/invitation/",
            {"action": "revoke", "_selected_action": [invitation.pk]},
        )
        assert response.status_code == 302
        invitation.refresh_from_db()
        assert invitation.revoked_at is not None
        assert Client().get(link).status_code == 410
        Client().post(link, {"display_name": "", "password": PASSWORD})
        assert not User.objects.filter(email="newhost@example.org").exists()

    def test_a_new_invitation_replaces_the_pending_one(
        self, world, django_capture_on_commit_callbacks
    ):
        first = _invite(world, capture=django_capture_on_commit_callbacks)
        second = _invite(world, capture=django_capture_on_commit_callbacks)
        assert Client().get(first).status_code == 410
        assert Client().get(second).status_code == 200

    def test_an_unknown_or_huge_token_is_a_404(self, client):
        assert client.get("/sv/staff/invitations/nothing/").status_code == 404
        assert client.get("/sv/staff/invitations/" + "x" * 5000 + "/").status_code == 404

    def test_the_token_is_never_stored_in_clear(self, world, django_capture_on_commit_callbacks):
        link = _invite(world, capture=django_capture_on_commit_callbacks)
        token = link.rstrip("/").rsplit("/", 1)[1]
        invitation = Invitation.objects.get()
        assert invitation.token_hash == hash_token(token)
        stored = [str(v) for v in Invitation.objects.values_list().get()]
        assert not any(token in value for value in stored)


class TestAnExistingAccount:
    def test_must_log_in_first_then_only_confirms(self, world, django_capture_on_commit_callbacks):
        member = UserFactory(email="newhost@example.org", preferred_language="so")
        link = _invite(world, capture=django_capture_on_commit_callbacks)
        client = Client()
        page = client.get(link)
        assert page.status_code == 200
        assert page.context["must_log_in"] is True
        assert page.context["form"] is None
        client.post(link, {"display_name": "", "password": PASSWORD})
        assert _host_roles("newhost@example.org") == []
        member.refresh_from_db()
        assert member.check_password("a-good-test-password")
        client.force_login(member)
        page = client.get(link)
        assert 'type="password"' not in page.content.decode()
        response = client.post(link, {})
        assert response.status_code == 302
        assert response["Location"] == "/so/admin/"
        (role,) = _host_roles("newhost@example.org")
        assert role.permissions == sorted(CHOSEN)

    def test_another_account_logged_in_is_told_to_log_out(
        self, world, django_capture_on_commit_callbacks
    ):
        link = _invite(world, capture=django_capture_on_commit_callbacks)
        client = Client()
        client.force_login(UserFactory())
        page = client.get(link)
        assert page.context["wrong_account"] is True
        client.post(link, {"display_name": "", "password": PASSWORD})
        assert not User.objects.filter(email="newhost@example.org").exists()
        assert Invitation.objects.get().accepted_at is None


class TestInputs:
    @pytest.mark.parametrize(
        "name",
        ["", "<script>alert(1)</script>", "Amina 🌍", "أمينة", "Amina\u202eevil"],
    )
    def test_names_people_write_are_kept_as_text(
        self, world, name, django_capture_on_commit_callbacks
    ):
        link = _invite(world, capture=django_capture_on_commit_callbacks)
        client = Client()
        assert client.post(link, {"display_name": name, "password": PASSWORD}).status_code == 302
        user = User.objects.get(email="newhost@example.org")
        assert "\u202e" not in user.display_name
        page = client.get("/sv/admin/")
        assert "<script>alert(1)</script>" not in page.content.decode()

    @pytest.mark.parametrize(
        "data",
        [
            {"display_name": "", "password": ""},
            {"display_name": "x" * 101, "password": PASSWORD},
            {"display_name": "Amina", "password": "12345678"},
            {"display_name": "Amina", "password": "x" * 5000},
        ],
    )
    def test_refused_inputs_change_nothing(self, world, data, django_capture_on_commit_callbacks):
        link = _invite(world, capture=django_capture_on_commit_callbacks)
        response = Client().post(link, data)
        assert response.status_code == 400
        assert response.context["form"].errors
        assert 'role="alert"' in response.content.decode()
        assert not User.objects.filter(email="newhost@example.org").exists()
        assert Invitation.objects.get().accepted_at is None


def test_answers_are_rate_limited(world, django_capture_on_commit_callbacks):
    link = _invite(world, capture=django_capture_on_commit_callbacks)
    client = Client()
    client.get(link)
    statuses = [
        client.post(link, {"display_name": "", "password": ""}).status_code for _ in range(11)
    ]
    assert statuses[-1] == 429


def test_an_invitation_is_shown_read_only(client, world, django_capture_on_commit_callbacks):
    _invite(world, capture=django_capture_on_commit_callbacks)
    client.force_login(world["admin"])
    invitation = Invitation.objects.get()
    page = client.get(f"/sv/admin/staff/invitation/{invitation.pk}/change/")
    assert page.status_code == 200
    assert invitation.token_hash not in page.content.decode()
    assert client.post(f"/sv/admin/staff/invitation/{invitation.pk}/delete/").status_code == 403
