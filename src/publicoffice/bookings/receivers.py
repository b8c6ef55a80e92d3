"""Bookings listens to visits: a member checking in at an office checks in their booking."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.accounts.actors import Member
from publicoffice.bookings.services import check_in_arriving_member
from publicoffice.places.models import Office
from publicoffice.visits.signals import member_arrived


def on_member_arrived(*, office: Office, member: Member, at: datetime, **_kwargs: Any) -> None:
    check_in_arriving_member(member=member, office=office, at=at)


def connect() -> None:
    member_arrived.connect(on_member_arrived, dispatch_uid="bookings.on_member_arrived")
