"""Who may book, see and change bookings. Every permission check of bookings.

:func:`may_book` is the one place that decides whether a member may book at
all; the conduct issue adds its exclusions there, and every path (web, API,
waitlist offers, staff on behalf) asks it.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.models import NamedPermission
from publicoffice.accounts.roles import is_member
from publicoffice.bookings.checks import Refusal
from publicoffice.bookings.models import Booking
from publicoffice.places.models import Office
from publicoffice.places.policies import can_manage_office, has_named_permission


def may_book(member: Any, *, office: Office) -> Refusal | None:
    """``None`` when the member may book in ``office``; otherwise why not.

    A visitor booked for by staff (no account) passes; the staff member's own
    rights are checked by :func:`can_book_on_behalf`.
    """
    if member is None:
        return None
    if not is_member(member):
        return Refusal("not_a_member", _("Log in with an active account to book."))
    return None


def can_run_bookings(user: Any, office: Office) -> bool:
    """The day's schedule, approvals, no-shows and waitlists of an office."""
    return can_manage_office(user, office)


def can_book_on_behalf(user: Any, office: Office) -> bool:
    return can_manage_office(user, office) and has_named_permission(
        user, NamedPermission.BOOK_ON_BEHALF, office
    )


def can_override(user: Any, permission: str, office: Office) -> bool:
    """Staff of the office holding the named permission for this rule."""
    return can_manage_office(user, office) and has_named_permission(user, permission, office)


def owns_booking(user: Any, booking: Booking) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and booking.member_id is not None
        and booking.member_id == user.pk
    )


def can_see_booking(user: Any, booking: Booking) -> bool:
    return owns_booking(user, booking) or can_run_bookings(user, booking.office)


def can_change_booking(user: Any, booking: Booking) -> bool:
    return owns_booking(user, booking) or can_run_bookings(user, booking.office)


def can_set_booking_rules(user: Any, office: Office | None) -> bool:
    """Operator admins for their offices; platform admins also for the whole network.

    Hosts run the day but do not change the rules they enforce.
    """
    from publicoffice.accounts.roles import administered_operator_ids, is_platform_admin

    if is_platform_admin(user):
        return True
    return office is not None and office.operator_id in administered_operator_ids(user)
