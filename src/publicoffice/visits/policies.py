"""Who may run an office's check-in desk. All permission checks of visits."""

from __future__ import annotations

from typing import Any

from publicoffice.accounts.roles import is_member
from publicoffice.places.models import Office
from publicoffice.places.policies import can_manage_office


def can_run_desk(user: Any, office: Office) -> bool:
    """Headcounts, corrections, kiosks and the poster: the office's staff."""
    return can_manage_office(user, office)


def can_check_in_as_member(user: Any) -> bool:
    return is_member(user)


def owns_visit(user: Any, visit: Any, device_hash_today: str | None) -> bool:
    """The member who checked in, or the same device on the same day."""
    if visit.member_id is not None:
        return bool(getattr(user, "is_authenticated", False) and user.pk == visit.member_id)
    return bool(device_hash_today) and visit.device_hash == device_hash_today
