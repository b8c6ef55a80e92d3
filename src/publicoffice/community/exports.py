"""The meeting place in a member's data export and account deletion.

Registered in :class:`~publicoffice.community.apps.CommunityConfig` with
:mod:`publicoffice.accounts.extensions`. The export holds what the member
wrote and did: their profiles with every field, the contact requests they
sent and those their profiles received, their "here today" presences,
blocks, hidden suggestions and abuse reports. Other people appear only as
the profile names the member saw, never by account or e-mail.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from publicoffice.accounts.actors import Member
from publicoffice.accounts.privacy import iso
from publicoffice.community.models import (
    AbuseReport,
    Block,
    ContactRequest,
    HiddenSuggestion,
    Presence,
    Profile,
    ProfileAdmin,
)
from publicoffice.community.services.profiles import member_profiles_leave


def _profile(profile: Profile, added_at: datetime) -> dict[str, Any]:
    def tags(side: str) -> list[dict[str, Any]]:
        return [
            {"code": tag.slug, "name": str(tag.name), "curated": tag.is_curated}
            for tag in getattr(profile, side).all()
        ]

    return {
        "id": str(profile.public_id),
        "kind": profile.kind,
        "name": profile.name,
        "presentation": profile.presentation,
        "presentation_language": profile.presentation_language,
        "offers": tags("offers"),
        "offers_text": profile.offers_text,
        "needs": tags("needs"),
        "needs_text": profile.needs_text,
        "languages": [language.code for language in profile.languages.all()],
        "home_offices": [str(office.name) for office in profile.home_offices.all()],
        "links": [{"url": link.url, "label": link.label} for link in profile.links.all()],
        "new_in_town": profile.is_new_in_town,
        "visibility": profile.visibility,
        "contact_email": profile.contact_email,
        "contact_phone": profile.contact_phone,
        "contact_other": profile.contact_other,
        "admins": len(profile.admin_links.all()),
        "admin_since": iso(added_at),
        "created": iso(profile.created_at),
        "updated": iso(profile.updated_at),
    }


def _request(request: ContactRequest) -> dict[str, Any]:
    return {
        "from_profile": request.sender_profile.name,
        "to_profile": request.recipient.name,
        "message": request.message,
        "status": request.status,
        "sent": iso(request.created_at),
        "answered": iso(request.answered_at),
    }


def _reports_made(user: Member) -> list[dict[str, Any]]:
    return [
        {
            "about_profile": report.profile.name if report.profile else None,
            "reason": report.reason,
            "quoted_message": report.quoted_message,
            "reported": iso(report.created_at),
            "handled": iso(report.handled_at),
        }
        for report in AbuseReport.objects.filter(reporter=user)
        .select_related("profile")
        .order_by("created_at", "id")
    ]


def meeting_place_section(user: Member) -> dict[str, Any]:
    """Everything the meeting place keeps about ``user``, ready for ``json.dumps``."""
    links = (
        ProfileAdmin.objects.filter(user=user)
        .select_related("profile")
        .prefetch_related(
            "profile__offers",
            "profile__needs",
            "profile__languages",
            "profile__home_offices",
            "profile__links",
            "profile__admin_links",
        )
        .order_by("added_at", "id")
    )
    profile_ids = [link.profile_id for link in links]
    requests = ContactRequest.objects.select_related("sender_profile", "recipient").order_by(
        "created_at", "id"
    )
    return {
        "profiles": [_profile(link.profile, link.added_at) for link in links],
        "contact_requests_sent": [_request(r) for r in requests.filter(sender=user)],
        "contact_requests_received": [
            _request(r) for r in requests.filter(recipient_id__in=profile_ids)
        ],
        "here_today": [
            {
                "profile": presence.profile.name,
                "office": str(presence.office.name),
                "shown_to": presence.audience,
                "since": iso(presence.created_at),
            }
            for presence in Presence.objects.filter(profile_id__in=profile_ids)
            .select_related("profile", "office")
            .order_by("created_at", "id")
        ],
        "blocks": [
            {"blocked": block.blocked.display_name, "since": iso(block.created_at)}
            for block in Block.objects.filter(blocker=user)
            .select_related("blocked")
            .order_by("created_at", "id")
        ],
        "hidden_suggestions": [
            {"profile": hidden.profile.name, "since": iso(hidden.created_at)}
            for hidden in HiddenSuggestion.objects.filter(member=user)
            .select_related("profile")
            .order_by("created_at", "id")
        ],
        "abuse_reports_made": _reports_made(user),
    }


def meeting_place_deletion(user: Member) -> None:
    """Profiles only the leaving member runs go; shared ones stay with their other admins.

    Contact requests, presences, blocks and hidden suggestions go by
    cascade with the account; contact figures stay, they hold no people.
    Abuse reports the member made stay for the moderators, but without
    them: the link to the reporter goes (``SET_NULL``) and so does the text
    they wrote, which is theirs and may say who they are. What they
    reported stays (the quoted message or profile, the person reported, the
    dates), because it is about someone else's conduct and moderators may
    still have to act on it or see a pattern.
    """
    AbuseReport.objects.filter(reporter=user).update(reason="")
    member_profiles_leave(user=user)
