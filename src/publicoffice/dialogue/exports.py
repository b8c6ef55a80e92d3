"""A member's proposals, supports, follows and arguments in their data export.

Registered with ``accounts.extensions`` (see :class:`DialogueConfig.ready`),
so ``accounts`` needs no import of dialogue. When a member leaves, their
supports are withdrawn first (so every count stays true,
``services.proposals.supports_before_account_deletion``); their proposals and
arguments stay, marked "a former member", because others supported and
answered them; the figures keep no person at all.
"""

from __future__ import annotations

from typing import Any

from publicoffice.accounts.actors import Member
from publicoffice.accounts.privacy import iso
from publicoffice.dialogue.models import Argument, Follow, Proposal, Support


def dialogue_section(user: Member) -> dict[str, Any]:
    proposals = Proposal.objects.filter(author=user).order_by("created_at", "pk")
    return {
        "proposals": [
            {
                "id": str(p.public_id),
                "title": p.title,
                "text": p.body,
                "kind": p.kind,
                "state": p.state,
                "made": iso(p.created_at),
                "versions": [
                    {"number": v.number, "title": v.title, "text": v.body}
                    for v in p.versions.order_by("number")
                ],
            }
            for p in proposals.prefetch_related("versions").iterator(chunk_size=200)
        ],
        "supports": [
            {"proposal": str(s.proposal.public_id), "since": iso(s.created_at)}
            for s in Support.objects.filter(member=user).select_related("proposal")
        ],
        "follows": [
            str(f.proposal.public_id)
            for f in Follow.objects.filter(member=user).select_related("proposal")
        ],
        "arguments": [
            {
                "proposal": str(a.proposal.public_id),
                "side": a.side,
                "text": a.text,
                "written": iso(a.created_at),
                "hidden_because": a.hidden_reason,
            }
            for a in Argument.objects.filter(member=user).select_related("proposal")
        ],
    }
