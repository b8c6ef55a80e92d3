"""What the event services share: text and field checks, translated texts, the row lock.

Kept apart so :mod:`.events` and :mod:`.registrations` validate and lock in
exactly the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.text import one_line, paragraphs
from publicoffice.core.time_format import ensure_wall_clock_exists
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


def _too_long(name: str, limit: int) -> DomainError:
    return DomainError(
        ErrorCode.TEXT_TOO_LONG,
        _("Keep this text under %(count)d characters.") % {"count": limit},
        field=name,
        limit=limit,
    )


def clean_title(value: Any) -> str:
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, _("Give the event a title."), field="title")
    title = one_line(value)
    if not title:
        raise DomainError(ErrorCode.TEXT_MISSING, _("Give the event a title."), field="title")
    if len(title) > TITLE_MAX:
        raise DomainError(
            ErrorCode.TEXT_TOO_LONG,
            _("Keep the title under %(count)d characters.") % {"count": TITLE_MAX},
            field="title",
            limit=TITLE_MAX,
        )
    return title


def clean_text(name: str, value: Any, *, multiline: bool = True, field: str = "") -> str:
    """A free text field of the event, within its length.

    ``field`` names the input in refusals when it differs from the column
    (the ``note`` or ``reason`` that is stored as ``status_note``).
    """
    limit = TEXT_FIELDS[name]
    field = field or name
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError(ErrorCode.TEXT_INVALID, _("This text could not be read."), field=field)
    text = paragraphs(value, as_laid_out=True) if multiline else one_line(value)
    if len(text) > limit:
        raise _too_long(field, limit)
    return text


def clean_times(
    starts_at: Any, ends_at: Any, *, now: datetime, allow_past: bool = False
) -> tuple[datetime, datetime]:
    """Aware, in order, not too long and not past; returned in UTC."""
    if not isinstance(starts_at, datetime) or not isinstance(ends_at, datetime):
        raise DomainError(ErrorCode.TIME_INVALID)
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise DomainError(ErrorCode.TIME_INVALID)
    ensure_wall_clock_exists(starts_at, ends_at)
    starts_at, ends_at = starts_at.astimezone(UTC), ends_at.astimezone(UTC)
    if ends_at <= starts_at:
        raise DomainError(ErrorCode.INVALID_RANGE)
    if ends_at - starts_at > timedelta(days=LONGEST_EVENT_DAYS):
        raise DomainError(
            ErrorCode.EVENT_TOO_LONG,
            _("No event can last longer than %(count)d days.") % {"count": LONGEST_EVENT_DAYS},
        )
    if not allow_past and starts_at < now:
        raise DomainError(ErrorCode.IN_PAST)
    return starts_at, ends_at


def clean_capacity(value: Any, *, room_capacity: int | None) -> int | None:
    """Empty for "anyone can come"; otherwise 1 up to the room's capacity."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError(ErrorCode.CAPACITY_INVALID)
    if value < 1 or value > MOST_SEATS:
        raise DomainError(ErrorCode.CAPACITY_INVALID)
    if room_capacity is not None and value > room_capacity:
        raise DomainError(
            ErrorCode.CAPACITY_OVER_ROOM,
            _("The room takes at most %(count)d people.") % {"count": room_capacity},
            room_capacity=room_capacity,
        )
    return value


def clean_audience(value: Any) -> str:
    if value not in Audience.values:
        raise DomainError(ErrorCode.AUDIENCE_INVALID)
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
            raise DomainError(ErrorCode.LANGUAGE_UNKNOWN)
    if codes:
        found = list(Language.objects.filter(code__in=codes))
        if len({row.code for row in found}) != len(set(codes)):
            raise DomainError(ErrorCode.LANGUAGE_UNKNOWN)
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
