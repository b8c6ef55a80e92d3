"""A decision as its statement of reasons (EU Digital Services Act, Art. 17).

The member's page, the staff page and the e-mail show the same parts:
what is restricted and where, from when until when, the facts, the rule it
rests on, that a person decided it (not an automated system), and how and
until when to appeal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from publicoffice.conduct.forms import ACTION_LABELS
from publicoffice.conduct.models import Appeal, Category, Sanction
from publicoffice.conduct.services.appeals import appeal_deadline, may_still_appeal
from publicoffice.conduct.services.sanctions import is_in_force
from publicoffice.places.restrictions import MemberAction


@dataclass(frozen=True)
class Statement:
    sanction: Sanction
    restricted: list[str]
    rule: str
    in_force: bool
    appeal: Appeal | None
    appeal_until: datetime
    may_appeal: bool


def _appeal_of(sanction: Sanction) -> Appeal | None:
    try:
        return sanction.appeal
    except Appeal.DoesNotExist:
        return None


def statement_of(sanction: Sanction, now: datetime) -> Statement:
    appeal = _appeal_of(sanction)
    known = {str(action) for action in MemberAction}
    labels = [str(ACTION_LABELS[MemberAction(a)]) for a in sanction.actions if a in known]
    category = Category(sanction.category).label if sanction.category in Category.values else ""
    return Statement(
        sanction=sanction,
        restricted=labels,
        rule=str(category),
        in_force=is_in_force(sanction, now),
        appeal=appeal,
        appeal_until=appeal_deadline(sanction),
        may_appeal=may_still_appeal(sanction, now, appealed=appeal is not None),
    )
