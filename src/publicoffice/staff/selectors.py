"""Reading invitations: by the token of a link, with what its page needs."""

from __future__ import annotations

from dataclasses import dataclass

from publicoffice.accounts.models import User
from publicoffice.staff.models import Invitation, hash_token

#: A token is ``secrets.token_urlsafe(32)``: 43 characters. Longer is no token.
TOKEN_MAX_LENGTH = 100


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation a link stands for (in any state), or ``None`` for no such link."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    return (
        Invitation.objects.select_related("office", "invited_by")
        .filter(token_hash=hash_token(token))
        .first()
    )


@dataclass(frozen=True)
class Invitee:
    """Who the invitation is for, as far as its page needs to know."""

    account: User | None

    @property
    def has_account(self) -> bool:
        return self.account is not None


def invitee_of(invitation: Invitation) -> Invitee:
    """The account the invitation's address already has, if any."""
    return Invitee(account=User.objects.filter(email__iexact=invitation.email).first())
