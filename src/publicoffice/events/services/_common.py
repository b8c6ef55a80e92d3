"""What the event services share: the clock, clean text, field checks, the row lock.

Kept apart so :mod:`.events` and :mod:`.registrations` validate and lock in
exactly the same way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from publicoffice.core.errors import DomainError
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.timeutils import ensure_aware
from publicoffice.events.models import LONGEST_EVENT_DAYS, Audience, Event
from publicoffice.places.models import Language

TITLE_MAX = 120
DESCRIPTION_MAX = 4000
ACCESSIBILITY_MAX = 1000
NOTE_MAX = 300
#: No event seats more people than this, room or not (a stadium is not an office).
MOST_SEATS = 10_000

#: Fields :func:`event_update` may change, besides the time.
TEXT_FIELDS = {
    "title": TITLE_MAX,
    "description": DESCRIPTION_MAX,
    "accessibility_notes": ACCESSIBILITY_MAX,
    "status_note": NOTE_MAX,
}


def now_utc(at: datetime | None) -> datetime:
    """The moment a service acts at, in UTC so differences are real time."""
    if at is None:
        return timezone.now()
    return ensure_aware(at).astimezone(UTC)


def after_commit(action: Callable[[], Any]) -> None:
    transaction.on_commit(action)


def one_line(value: Any, limit: int) -> str:
    """One line of text: no control characters (PostgreSQL refuses NUL), single spaces.

    Cut at ``limit + 1`` so a too-long text is still seen as too long.
    """
    text = str(value)
    printable = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    return " ".join(printable.split())[: limit + 1]


def block(value: Any, limit: int) -> str:
    """Several lines (descriptions): newlines stay, other control characters go."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(
        " " if unicodedata.category(char) == "Cc" and char not in "\n\t" else char for char in text
    )
    return kept.strip()[: limit + 1]


def clean_title(value: Any) -> str:
    if not isinstance(value, str):
        raise DomainError("title_invalid", _("Give the event a title."))
    title = one_line(value, TITLE_MAX)
    if not title:
        raise DomainError("title_missing", _("Give the event a title."))
    if len(title) > TITLE_MAX:
        raise DomainError(
            "title_too_long", _("Keep the title under %(count)d characters.") % {"count": TITLE_MAX}
        )
    return title


def clean_text(name: str, value: Any, *, multiline: bool = True) -> str:
    """A free text field of the event, within its length."""
    limit = TEXT_FIELDS[name]
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError(f"{name}_invalid", _("This text could not be read."))
    text = block(value, limit) if multiline else one_line(value, limit)
    if len(text) > limit:
        raise DomainError(
            f"{name}_too_long",
            _("Keep this text under %(count)d characters.") % {"count": limit},
            field=name,
        )
    return text


def clean_times(
    starts_at: Any, ends_at: Any, *, now: datetime, allow_past: bool = False
) -> tuple[datetime, datetime]:
    """Aware, in order, not too long and not past; returned in UTC."""
    if not isinstance(starts_at, datetime) or not isinstance(ends_at, datetime):
        raise DomainError("time_invalid", _("Give the start and end as a date and a time."))
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise DomainError("time_invalid", _("Give the start and end as a date and a time."))
    starts_at, ends_at = starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    if ends_at <= starts_at:
        raise DomainError("ends_before_start", _("The end must come after the start."))
    if ends_at - starts_at > timedelta(days=LONGEST_EVENT_DAYS):
        raise DomainError(
            "event_too_long",
            _("No event can last longer than %(count)d days.") % {"count": LONGEST_EVENT_DAYS},
        )
    if not allow_past and starts_at < now:
        raise DomainError("event_in_past", _("This time has already passed."))
    return starts_at, ends_at


def clean_capacity(value: Any, *, room_capacity: int | None) -> int | None:
    """Empty for "anyone can come"; otherwise 1 up to the room's capacity."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError("capacity_invalid", _("Give the number of seats as a whole number."))
    if value < 1 or value > MOST_SEATS:
        raise DomainError("capacity_invalid", _("Give the number of seats as a whole number."))
    if room_capacity is not None and value > room_capacity:
        raise DomainError(
            "capacity_over_room",
            _("The room takes at most %(count)d people.") % {"count": room_capacity},
            room_capacity=room_capacity,
        )
    return value


def clean_audience(value: Any) -> str:
    if value not in Audience.values:
        raise DomainError("audience_invalid", _("Choose who the event is for."))
    return str(value)


def clean_languages(values: Iterable[Any] | None) -> list[Language]:
    """Language rows, given as rows or codes. Unknown codes are refused, not dropped."""
    if values is None:
        return []
    if isinstance(values, str | bytes):
        values = [values]
    rows: list[Language] = []
    codes: list[str] = []
    for value in values:
        if isinstance(value, Language):
            rows.append(value)
        elif isinstance(value, str):
            codes.append(value)
        else:
            raise DomainError("language_unknown", _("Choose languages from the list."))
    if codes:
        found = list(Language.objects.filter(code__in=codes))
        if len({row.code for row in found}) != len(set(codes)):
            raise DomainError("language_unknown", _("Choose languages from the list."))
        rows.extend(found)
    unique = {row.pk: row for row in rows}
    return list(unique.values())


def set_text(event: Event, name: str, value: str) -> None:
    """Write a translatable text as the author wrote it.

    It goes to the default language's column, which every language falls
    back to, and to the column of the language the author is writing in, so
    they read back what they wrote. Translations are added in the admin.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    setattr(event, build_localized_fieldname(name, default), value)
    active = translation.get_language()
    if active and active != default and active in LANGUAGE_CODES:
        setattr(event, build_localized_fieldname(name, active), value)


def lock_event(event: Event) -> Event:
    """The event row, locked: registrations and status changes queue behind it.

    ``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the write lock is
    taken when the transaction begins (``transaction_mode`` IMMEDIATE), so
    the same code serialises there too.
    """
    return (
        Event.objects.select_for_update(of=("self",))
        .select_related("office", "space", "booking")
        .get(pk=event.pk)
    )
