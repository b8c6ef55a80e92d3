"""The statement of reasons of a decision, in words, in the active language.

Every decision carries what the EU Digital Services Act (Art. 17) asks of
a statement of reasons: what it stops, where and how long it holds, the
rule broken and the version of the house rules then in force. The e-mail to
the member (:mod:`.notifications`) and the member's page say it with these
same words.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from publicoffice.conduct.models import Category, Sanction, SanctionKind
from publicoffice.places.restrictions import MemberAction

#: What a restriction stops, in words for the member.
ACTION_WORDS: dict[str, Promise] = {
    MemberAction.BOOK: gettext_lazy("booking desks and rooms"),
    MemberAction.REGISTER: gettext_lazy("registering for events"),
    MemberAction.CONTACT: gettext_lazy("contacting other members"),
    MemberAction.CHECK_IN: gettext_lazy("checking in at an office"),
    MemberAction.PROPOSE: gettext_lazy("making proposals"),
}

Lines = list[tuple[Any, str]]


def when(moment: datetime | None, fmt: str = "DATETIME_FORMAT") -> str:
    """A moment in Stockholm time, in the active language's format."""
    if moment is None:
        return ""
    return formats.date_format(timezone.localtime(moment), fmt)


def stops_text(sanction: Sanction) -> str:
    if sanction.kind not in (SanctionKind.RESTRICTION, SanctionKind.BAN):
        return gettext("Nothing: it is kept on record and counts if it happens again.")
    return ", ".join(str(ACTION_WORDS.get(action, action)) for action in sanction.actions)


def rule_text(sanction: Sanction) -> str:
    """The rule broken: its category, and the version of the house rules then in force."""
    labels = dict(Category.choices)
    category = str(labels.get(sanction.category, sanction.category))
    if sanction.rule_version is None:
        return category
    return gettext("%(category)s (house rules, version %(number)s)") % {
        "category": category,
        "number": sanction.rule_version.number,
    }


def statement_lines(sanction: Sanction) -> Lines:
    """The statement of reasons, label by label, in the active language."""
    if sanction.ends_at is not None:
        until = when(sanction.ends_at)
    elif sanction.kind in (SanctionKind.RESTRICTION, SanctionKind.BAN):
        until = gettext("until further notice")
    else:
        until = ""
    lines: Lines = [
        (gettext_lazy("Decision"), str(sanction.get_kind_display())),
        (gettext_lazy("What it stops"), stops_text(sanction)),
        (
            gettext_lazy("Where it holds"),
            gettext("%(scope)s (decided at %(office)s)")
            % {"scope": sanction.get_scope_display(), "office": sanction.office.name},
        ),
        (gettext_lazy("From"), when(sanction.starts_at)),
    ]
    if until:
        lines.append((gettext_lazy("Until"), until))
    if sanction.review_at is not None:
        lines.append((gettext_lazy("Review by"), when(sanction.review_at, "DATE_FORMAT")))
    lines.append((gettext_lazy("Rule broken"), rule_text(sanction)))
    return lines
