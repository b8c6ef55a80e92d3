"""The demo's people: their logins table and how each account is written."""

from __future__ import annotations

from typing import Any

from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.accounts.services import user_create
from publicoffice.demo import network, people
from publicoffice.places.models import Municipality, Office, Operator
from publicoffice.staff.services import role_assign, role_revoke

DEMO_PASSWORD = people.DEMO_PASSWORD

_ROLE_LABELS = {
    "platform_admin": "Platform admin",
    "operator_admin": "Operator admin",
    "host": "Host",
    "municipal_officer": "Municipal officer",
    "municipal_reviewer": "Municipal reviewer",
}


def _scope_name(spec: dict[str, Any]) -> str:
    if "office" in spec:
        office = next(o for o in network.OFFICES if o["slug"] == spec["office"])
        return str(office["name"]["sv"])  # type: ignore[index]
    if "operator" in spec:
        return str(spec["operator"])
    if "municipality" in spec:
        return network.MUNICIPALITIES[spec["municipality"]][0]
    return "whole network"


def login_rows() -> list[tuple[str, str, str]]:
    """(e-mail, roles, scope) for every demo account, for the logins table."""
    rows = []
    for user in people.USERS:
        roles: list[dict[str, Any]] = user["roles"]  # type: ignore[assignment]
        if not roles:
            rows.append((str(user["email"]), "Member", "own data"))
            continue
        labels = list(dict.fromkeys(_ROLE_LABELS[r["role"]] for r in roles))
        if user.get("superuser"):
            labels.append("superuser")
        scopes = []
        for role in roles:
            scope = _scope_name(role)
            if role.get("permissions"):
                scope += f" (may: {', '.join(role['permissions'])})"
            scopes.append(scope)
        rows.append((str(user["email"]), ", ".join(labels), "; ".join(scopes)))
    return rows


#: (e-mail, role description) of every demo login; all use :data:`DEMO_PASSWORD`.
DEMO_LOGINS: list[tuple[str, str]] = [
    (email, f"{roles} — {scope}") for email, roles, scope in login_rows()
]


# -- people -------------------------------------------------------------------


def load_user(
    spec: dict[str, Any],
    *,
    offices: dict[str, Office],
    operators: dict[str, Operator],
    municipalities: dict[str, Municipality],
    password_hash: str,
) -> tuple[User, bool]:
    """Create or update one demo account with exactly the roles the demo gives it."""
    email = str(spec["email"]).lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if user is None:
        user = user_create(
            email=email,
            password=DEMO_PASSWORD,
            display_name=spec["display_name"],
            language=spec["language"],
        )
    else:
        # Reset the password so the printed logins always work. Hashing is slow
        # on purpose, so every demo account gets the same hash, made once per run
        # (the password is published anyway).
        user.password = password_hash
    user.display_name = spec["display_name"]
    user.preferred_language = spec["language"]
    user.is_active = True
    user.is_superuser = bool(spec.get("superuser"))
    user.full_clean(exclude=["password"])
    user.save()

    kept = []
    for role in spec["roles"]:
        assignment = role_assign(
            user=user,
            role=Role(role["role"]),
            office=offices[role["office"]] if "office" in role else None,
            operator=operators[role["operator"]] if "operator" in role else None,
            municipality=municipalities[role["municipality"]] if "municipality" in role else None,
            permissions=role.get("permissions", []),
        )
        kept.append(assignment.pk)
    # The demo says which roles a demo account has: drop any others.
    for stale in RoleAssignment.objects.filter(user=user).exclude(pk__in=kept):
        role_revoke(assignment=stale)
    return user, created
