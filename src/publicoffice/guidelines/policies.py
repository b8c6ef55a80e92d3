"""Who may change the guidelines: they are the network's, so platform admins only."""

from __future__ import annotations

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.roles import is_platform_admin


def can_edit_guidelines(user: AnyUser) -> bool:
    return is_platform_admin(user)


def can_read_accessibility_reports(user: AnyUser) -> bool:
    """Reports reach the platform admins, who answer for the whole service."""
    return is_platform_admin(user)
