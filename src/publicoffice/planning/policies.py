"""Who may plan: the one place these questions are answered.

Municipal officers plan within their own municipality: its population
sources, candidate sites, travel-time matrices, scenarios and runs. A
platform admin plans everywhere, and alone manages national sources (those
with no municipality). Nothing in planning is public: residents are counted,
never named, but the figures are drafts of political choices.
"""

from __future__ import annotations

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.roles import is_platform_admin, officer_municipality_ids


def can_plan(user: AnyUser) -> bool:
    """May the user open planning at all?"""
    return is_platform_admin(user) or bool(officer_municipality_ids(user))


def planning_municipalities(user: AnyUser) -> set[int] | None:
    """The municipalities the user plans for; None means all (a platform admin)."""
    return None if is_platform_admin(user) else officer_municipality_ids(user)


def can_plan_in(user: AnyUser, municipality_id: int | None) -> bool:
    """May the user act on something of this municipality (None: national)?"""
    if is_platform_admin(user):
        return True
    return municipality_id is not None and municipality_id in officer_municipality_ids(user)
