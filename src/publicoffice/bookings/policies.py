"""Who may book, see and change bookings, and set their rules. Every permission check of bookings.

:func:`may_book` is the one place that decides whether a member may book at
all; the conduct issue adds its exclusions there, and every path (web, API,
waitlist offers, staff on behalf) asks it. The admin asks the ``*_rules``
functions here rather than the role helpers.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser, Member
from publicoffice.accounts.models import NamedPermission
from publicoffice.accounts.roles import administered_operator_ids, is_member, is_platform_admin
from publicoffice.bookings.checks import Refusal
from publicoffice.bookings.models import Booking
from publicoffice.core.errors import ErrorCode
from publicoffice.places.models import Office
from publicoffice.places.policies import can_manage_office, has_named_permission
from publicoffice.places.restrictions import MemberAction, restriction_for
from publicoffice.places.selectors import offices_of_operators


def may_book(
    member: AnyUser | None, *, office: Office, at: datetime | None = None
) -> Refusal | None:
    """``None`` when the member may book in ``office``; otherwise why not.

    A visitor booked for by staff (no account) passes; the staff member's own
    rights are checked by :func:`can_book_on_behalf`. A member under a
    decision of the house rules that stops booking here (or who has not
    accepted the changed rules) is refused, whoever books for them: the
    registry in :mod:`publicoffice.places.restrictions` answers.
    """
    if member is None:
        return None
    if not is_member(member):
        return Refusal(ErrorCode.NOT_A_MEMBER, _("Log in with an active account to book."))
    restriction = restriction_for(member, MemberAction.BOOK, office=office, at=at)
    if restriction is not None:
        return Refusal(restriction.code, restriction.message)
    return None


def can_run_bookings(user: AnyUser | None, office: Office) -> bool:
    """The day's schedule, approvals, no-shows and waitlists of an office."""
    return user is not None and can_manage_office(user, office)


def can_book_on_behalf(user: AnyUser | None, office: Office) -> bool:
    return can_override(user, NamedPermission.BOOK_ON_BEHALF, office)


def can_override(user: AnyUser | None, permission: str, office: Office) -> bool:
    """Staff of the office holding the named permission for this rule."""
    return (
        user is not None
        and can_manage_office(user, office)
        and has_named_permission(user, permission, office)
    )


def owns_booking(user: AnyUser | None, booking: Booking) -> bool:
    return bool(
        isinstance(user, Member)
        and user.is_authenticated
        and booking.member_id is not None
        and booking.member_id == user.pk
    )


def can_see_booking(user: AnyUser | None, booking: Booking) -> bool:
    return owns_booking(user, booking) or can_run_bookings(user, booking.office)


def can_change_booking(user: AnyUser | None, booking: Booking) -> bool:
    return owns_booking(user, booking) or can_run_bookings(user, booking.office)


# -- the rules (the admin) ------------------------------------------------------------


def can_set_booking_rules(user: AnyUser, office: Office | None) -> bool:
    """Operator admins for their offices; platform admins also for the whole network.

    Hosts run the day but do not change the rules they enforce.
    """
    if is_platform_admin(user):
        return True
    return office is not None and office.operator_id in administered_operator_ids(user)


def can_add_booking_rules(user: AnyUser) -> bool:
    """Someone who may set the rules of at least one office."""
    return is_platform_admin(user) or bool(administered_operator_ids(user))


def sees_all_booking_rules(user: AnyUser) -> bool:
    """Platform admins see every rule, the network's own included."""
    return is_platform_admin(user)


def offices_for_booking_rules(user: AnyUser) -> QuerySet[Office]:
    """The offices whose rules the user may set (the admin's choices)."""
    if is_platform_admin(user):
        return Office.objects.all()
    return offices_of_operators(operator_ids=administered_operator_ids(user))


def can_read_booking_log_in_admin(user: AnyUser) -> bool:
    """Active staff read a booking's log in the admin (the booking itself is scoped)."""
    return bool(user.is_active and user.is_staff)
