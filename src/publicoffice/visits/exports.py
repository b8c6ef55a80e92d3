"""The member's visits in their data export (see ``accounts.extensions``).

The same rows as the "my visits" download, so the two never disagree about
what we keep; times carry their offset so the file reads right anywhere.
"""

from __future__ import annotations

from typing import Any

from publicoffice.accounts.actors import Member
from publicoffice.accounts.privacy import iso
from publicoffice.visits.selectors import member_visits


def visits_section(user: Member) -> list[dict[str, Any]]:
    """Each check-in of the member, newest first, with their survey answers."""
    return [
        {
            "office": str(visit.office.name),
            "arrived": iso(visit.started_at),
            "ended": iso(visit.ends_at),
            "checked_out": iso(visit.checked_out_at),
            "source": visit.source,
            "would_otherwise": visit.would_otherwise,
            "travel_mode": visit.travel_mode,
            "commute_band": visit.commute_band,
        }
        for visit in member_visits(member=user)
    ]
