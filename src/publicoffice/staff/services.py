"""Giving and taking staff roles, and inviting hosts. Every change goes through here."""

from __future__ import annotations

import secrets

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import AnyUser, Member, StaffUser
from publicoffice.accounts.models import NamedPermission, Role, RoleAssignment, User
from publicoffice.accounts.roles import forget_roles, is_member
from publicoffice.accounts.services import language_checked, user_create
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import one_line, within_limit
from publicoffice.core.timeutils import acting_now
from publicoffice.places.models import Municipality, Office, Operator
from publicoffice.staff import happenings
from publicoffice.staff.models import Invitation, InvitationState, hash_token
from publicoffice.staff.policies import can_invite_to

__all__ = [
    "invitation_accept",
    "invitation_create",
    "invitation_revoke",
    "role_assign",
    "role_revoke",
]

#: The longest name to show an account takes (``User.display_name``).
DISPLAY_NAME_MAX = 100


@transaction.atomic
def role_assign(
    *,
    user: Member,
    role: Role,
    office: Office | None = None,
    operator: Operator | None = None,
    municipality: Municipality | None = None,
    permissions: list[str] | None = None,
) -> RoleAssignment:
    """Give a user a role in a scope (idempotent: the same role twice is one row)."""
    assignment = RoleAssignment.objects.filter(
        user=user, role=role, office=office, operator=operator, municipality=municipality
    ).first() or RoleAssignment(
        user=user, role=role, office=office, operator=operator, municipality=municipality
    )
    assignment.permissions = sorted(set(permissions or []))
    assignment.full_clean()
    assignment.save()
    forget_roles(user)
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment) -> None:
    """Take a role away; the user keeps their account and member rights."""
    user = assignment.user
    assignment.delete()
    forget_roles(user)


def _email_checked(email: str) -> str:
    email = email.strip().lower()
    try:
        if len(email) > 254:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        raise DomainError(ErrorCode.BAD_EMAIL, field="email") from None
    return email


def _permissions_checked(permissions: list[str]) -> list[str]:
    if any(name not in NamedPermission.values for name in permissions):
        raise DomainError(ErrorCode.BAD_VALUE, field="permissions")
    return sorted(set(permissions))


@transaction.atomic
def invitation_create(
    *, inviter: StaffUser, office: Office, email: str, permissions: list[str], language: str
) -> Invitation:
    """Invite ``email`` to host ``office``; the e-mail with the link follows the commit.

    A newer invitation for the same address and office replaces a pending
    one (the older link stops working), so an admin who mistyped the
    permissions simply invites again.
    """
    if not can_invite_to(inviter, office):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    email = _email_checked(email)
    invitation = Invitation(
        office=office,
        role=Role.HOST,
        permissions=_permissions_checked(permissions),
        email=email,
        language=language_checked(language),
        invited_by=inviter,
    )
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.full_clean()
    now = acting_now()
    Invitation.objects.filter(office=office, email=email, accepted_at=None, revoked_at=None).update(
        revoked_at=now
    )
    invitation.save()
    happenings.invitation_created.publish(invitation_id=invitation.pk, token=token)
    return invitation


@transaction.atomic
def invitation_revoke(*, by: StaffUser, invitation: Invitation) -> bool:
    """Stop an invitation's link; False when it was no longer pending."""
    if not can_invite_to(by, invitation.office):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    now = acting_now()
    if invitation.state(now) != InvitationState.PENDING:
        return False
    invitation.revoked_at = now
    invitation.save(update_fields=["revoked_at"])
    return True


def _new_account(invitation: Invitation, password: str, display_name: str) -> User:
    """The invitee's account, with the password they chose on the link's page."""
    name = within_limit(one_line(display_name), field="display_name", limit=DISPLAY_NAME_MAX)
    if not password:
        raise DomainError(ErrorCode.TEXT_MISSING, field="password")
    candidate = User(email=invitation.email, display_name=name)
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as error:
        raise DomainError(ErrorCode.BAD_VALUE, " ".join(error.messages), field="password") from None
    return user_create(
        email=invitation.email, password=password, display_name=name, language=invitation.language
    )


def _invitee(invitation: Invitation, user: AnyUser, password: str, display_name: str) -> User:
    """The account that becomes host: the address's own (logged in), or a new one."""
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        if is_member(user) and user.pk == existing.pk:
            return user
        raise DomainError(
            ErrorCode.NOT_AUTHENTICATED,
            _("Log in as %(email)s first.") % {"email": invitation.email},
        )
    if getattr(user, "is_authenticated", False):
        raise DomainError(
            ErrorCode.NOT_ALLOWED,
            _("Log out first: this invitation is for %(email)s.") % {"email": invitation.email},
        )
    return _new_account(invitation, password, display_name)


@transaction.atomic
def invitation_accept(
    *, token: str, user: AnyUser, password: str = "", display_name: str = ""
) -> Member:
    """Take up an invitation once: the invitee becomes host of its office.

    An address without an account gets one, with ``password``; an address
    with an account must be logged in as that account (``user``), and no
    password is asked. The role gets exactly the invitation's permissions.
    """
    now = acting_now()
    invitation = (
        Invitation.objects.select_related("office").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None or invitation.state(now) != InvitationState.PENDING:
        raise DomainError(ErrorCode.NOT_FOUND)
    invitee = _invitee(invitation, user, password, display_name)
    # One use only: whichever request marks it first wins; the other is refused.
    taken = Invitation.objects.filter(pk=invitation.pk, accepted_at=None, revoked_at=None).update(
        accepted_at=now
    )
    if not taken:
        raise DomainError(ErrorCode.NOT_FOUND)
    role_assign(
        user=invitee, role=Role.HOST, office=invitation.office, permissions=invitation.permissions
    )
    return invitee
