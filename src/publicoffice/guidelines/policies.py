"""Who may change the guidelines: they are the network's, so platform admins only."""

from __future__ import annotations

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.roles import is_platform_admin


def can_edit_guidelines(user: AnyUser) -> bool:
    return is_platform_admin(user)
