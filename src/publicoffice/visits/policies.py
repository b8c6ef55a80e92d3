"""Who may run an office's check-in desk, and whose visit is whose.

All permission checks of visits: views and panels ask here, never the roles.
"""

from __future__ import annotations

from publicoffice.accounts.actors import AnyUser
from publicoffice.places.models import Office
from publicoffice.places.policies import can_manage_office
from publicoffice.visits.models import Visit


def can_run_desk(user: AnyUser, office: Office) -> bool:
    """Headcounts, corrections, kiosks and the poster: the office's staff."""
    return can_manage_office(user, office)


def can_void_check_ins(user: AnyUser, office: Office) -> bool:
    """Voiding flagged check-ins changes the office's figures: its staff only."""
    return can_run_desk(user, office)


def owns_visit(user: AnyUser, visit: Visit, device_hash_today: str | None) -> bool:
    """The member who checked in, or the same device on the same day."""
    if visit.member_id is not None:
        return bool(user.is_authenticated and user.pk == visit.member_id)
    return bool(device_hash_today) and visit.device_hash == device_hash_today
