"""Decisions made through the services, as staff would make them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from publicoffice.conduct.models import Sanction
from publicoffice.conduct.services.sanctions import sanction_decide
from publicoffice.places.models import Office
from tests.dialogue.factories import NOW


def restriction(
    *,
    staff: Any,
    member: Any,
    office: Office,
    actions: tuple[str, ...] = ("book",),
    scope: str = "office",
    days: int = 30,
    now: datetime = NOW,
) -> Sanction:
    return sanction_decide(
        staff=staff,
        member=member,
        office=office,
        kind="restriction",
        scope=scope,
        actions=list(actions),
        category="threat",
        facts="Shouted threats at another visitor in the kitchen.",
        grounds="Threats break the first house rule; 30 days without booking.",
        ends_at=now + timedelta(days=days),
        now=now,
    )


def indefinite_ban(*, staff: Any, member: Any, office: Office, now: datetime = NOW) -> Sanction:
    return sanction_decide(
        staff=staff,
        member=member,
        office=office,
        kind="ban",
        scope="network",
        category="violence",
        facts="Hit a host.",
        grounds="Violence: banned until further notice.",
        review_at=now + timedelta(days=90),
        now=now,
    )
