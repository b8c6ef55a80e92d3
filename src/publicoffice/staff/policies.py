"""Who may invite hosts, and whose invitations they see.

The same rule as appointing a host directly
(:func:`publicoffice.accounts.policies.can_assign_role`): a platform admin
invites to any office, an operator admin only to the offices of the
operators they run, and nobody else invites at all.
"""

from __future__ import annotations

from django.db.models import QuerySet

from publicoffice.accounts.actors import AnyUser
from publicoffice.accounts.policies import appoints_anywhere, operators_appointed_for
from publicoffice.places.models import Office
from publicoffice.staff.models import Invitation


def can_invite_hosts(user: AnyUser) -> bool:
    """Whether the user may invite hosts to some office (opens the admin's form)."""
    return appoints_anywhere(user) or bool(operators_appointed_for(user))


def can_invite_to(user: AnyUser, office: Office) -> bool:
    """Whether the user may invite a host of this office (or revoke such an invitation)."""
    return appoints_anywhere(user) or office.operator_id in operators_appointed_for(user)


def invitations_visible(user: AnyUser) -> QuerySet[Invitation]:
    """The invitations the user may see: all, their operators' offices', or none."""
    if appoints_anywhere(user):
        return Invitation.objects.all()
    return Invitation.objects.filter(office__operator_id__in=operators_appointed_for(user))
