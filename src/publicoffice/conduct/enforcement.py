"""The conduct app's answer to "may this member do X at office Y now?".

Registered in :mod:`publicoffice.places.restrictions`, so bookings, events,
community, visits and dialogue ask it without importing conduct. Two things
can stop a member:

1. a restriction or ban in force whose scope reaches the office. An action
   not done at one office (``office is None``: a contact request, a proposal
   to a whole operator or municipality) is reached only by decisions for the
   whole network;
2. for what is done online (everything but checking in), a material change
   of the network's house rules that the member has not accepted yet.

The refusal names the decision, until when it holds and where to appeal.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import Member
from publicoffice.conduct import rules
from publicoffice.conduct.models import RESTRICTING_KINDS, Sanction, SanctionKind, SanctionState
from publicoffice.core.errors import ErrorCode
from publicoffice.places.models import Office
from publicoffice.places.restrictions import MemberAction, Restriction


def sanctions_in_force(member: Member, at: datetime) -> list[Sanction]:
    """The member's restrictions and bans that hold at ``at``, in one query."""
    return list(
        Sanction.objects.filter(
            member=member,
            state=SanctionState.IN_FORCE,
            kind__in=RESTRICTING_KINDS,
            starts_at__lte=at,
        )
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gt=at))
        .order_by("ends_at")
    )


def reaches(sanction: Sanction, office: Office | None) -> bool:
    """Whether the sanction's scope covers ``office`` (``None``: only network-wide ones)."""
    if sanction.scope == "network":
        return True
    if office is None:
        return False
    if sanction.scope == "municipality":
        return office.municipality_id == sanction.municipality_id
    if sanction.scope == "operator":
        return office.operator_id == sanction.operator_id
    return office.pk == sanction.office_id


def stops(sanction: Sanction, action: MemberAction) -> bool:
    return sanction.kind == SanctionKind.BAN or str(action) in sanction.actions


def restriction_check(
    member: Member, action: MemberAction, office: Office | None, at: datetime
) -> Restriction | None:
    for sanction in sanctions_in_force(member, at):
        if reaches(sanction, office) and stops(sanction, action):
            return Restriction(ErrorCode.RESTRICTED, refusal_text(sanction))
    if action != MemberAction.CHECK_IN:
        pending = rules.pending_network_version(member, at)
        if pending is not None:
            return Restriction(ErrorCode.RULES_NOT_ACCEPTED, rules_refusal_text())
    return None


def until_text(sanction: Sanction) -> str:
    if sanction.ends_at is None:
        return _("until further notice")
    day = formats.date_format(timezone.localtime(sanction.ends_at), "DATETIME_FORMAT")
    return _("until %(time)s") % {"time": day}


def refusal_text(sanction: Sanction) -> str:
    """Which decision stops the member, until when, and where to read it and appeal."""
    address = reverse("conduct:my_decision", args=[sanction.public_id])
    return _(
        "A decision under the house rules (%(kind)s, %(scope)s) stops you from doing this "
        "%(until)s. Read the reasons and how to appeal at %(address)s."
    ) % {
        "kind": sanction.get_kind_display().lower(),
        "scope": sanction.get_scope_display().lower(),
        "until": until_text(sanction),
        "address": address,
    }


def rules_refusal_text() -> str:
    return _("The house rules have changed. Read and accept them at %(address)s to go on.") % {
        "address": reverse("conduct:accept_rules")
    }
