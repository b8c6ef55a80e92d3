"""Writes to "here today": show one of your profiles at the office you checked in to.

A presence belongs to one visit and lives exactly as long as it: the
selectors only show presences whose visit is still open, so check-out,
closing time and the longest stay end it without a job (see
:meth:`PresenceQuerySet.current`). Hiding it earlier deletes the row.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publicoffice.community.models import Audience, Presence, Profile, Visibility
from publicoffice.community.policies import is_profile_admin
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.places.restrictions import MemberAction, ensure_allowed
from publicoffice.visits.models import Visit


def _require_open_member_visit(visit: Visit, at: datetime) -> None:
    if visit.member_id is None:
        raise DomainError(
            ErrorCode.VISIT_NOT_A_MEMBER,
            _("Log in and check in as a member to be shown here today."),
        )
    if visit.removed_at is not None or not (visit.started_at <= at < visit.ends_at):
        raise DomainError(
            ErrorCode.VISIT_ENDED,
            _("Your visit has ended. Check in again to be shown here today."),
        )


@transaction.atomic
def presence_show(
    *, visit: Visit, profile: Profile, audience: str, at: datetime | None = None
) -> Presence:
    """Show ``profile`` as here today for ``visit``; showing again replaces the choice.

    Nobody can be shown wider than their profile is seen: a members-only
    profile cannot be shown to everyone, and a hidden profile not at all.
    Being shown invites contact, so a decision of the house rules that stops
    contact at the visit's office stops this too.
    """
    at = at or timezone.now()
    # Read the visit afresh (and hold it): a check-out a moment ago must count.
    visit = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("member", "office")
        .get(pk=visit.pk)
    )
    _require_open_member_visit(visit, at)
    ensure_allowed(visit.member, MemberAction.CONTACT, office=visit.office, at=at)
    if not is_profile_admin(visit.member, profile):
        raise DomainError(
            ErrorCode.NOT_YOUR_PROFILE,
            _("You can only show a profile you run."),
            field="profile",
        )
    if profile.visibility == Visibility.HIDDEN:
        raise DomainError(
            ErrorCode.PROFILE_HIDDEN,
            _("This profile is hidden. Make it public or members-only to show it here today."),
            field="profile",
        )
    if audience not in Audience.values:
        raise DomainError(
            ErrorCode.AUDIENCE_INVALID, _("Choose who may see that you are here."), field="audience"
        )
    if audience == Audience.PUBLIC and profile.visibility != Visibility.PUBLIC:
        raise DomainError(
            ErrorCode.AUDIENCE_TOO_WIDE,
            _(
                "This profile is for members only, so only members can see that you are here. "
                "Choose members only, or make the profile public."
            ),
            field="audience",
        )
    presence, _created = Presence.objects.update_or_create(
        visit=visit,
        defaults={"office_id": visit.office_id, "profile": profile, "audience": audience},
    )
    return presence


@transaction.atomic
def presence_hide(*, visit: Visit) -> int:
    """Stop showing anyone for ``visit``; return how many presences went (0 or 1)."""
    deleted, _per_model = Presence.objects.filter(visit=visit).delete()
    return deleted
