"""Events as content the conduct app moderates (registered from ``ready()``).

A hidden event leaves the lists, the week page, the office panel, the
calendar feeds and the API; its page answers "not found" except to its
creator and its office's hosts, who see the reason
(:func:`publicoffice.events.selectors.event_get`).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.events.models import Event
from publicoffice.places.moderation import ContentKind


def _find(key: str) -> Event | None:
    try:
        public_id = UUID(key)
    except ValueError:
        return None
    return Event.objects.select_related("office").filter(public_id=public_id).first()


def _hide(event: Event, reason: str, at: datetime) -> None:
    Event.objects.filter(pk=event.pk).update(hidden_at=at, hidden_reason=reason[:300])
    event.hidden_at, event.hidden_reason = at, reason[:300]


def _restore(event: Event, at: datetime) -> None:
    Event.objects.filter(pk=event.pk).update(hidden_at=None, hidden_reason="")
    event.hidden_at, event.hidden_reason = None, ""


def _may_report(event: Event, user: AnyUser) -> bool:
    return event.hidden_at is None and event.created_by_id != user.pk


EVENT = ContentKind(
    name="event",
    label=_("event"),
    find=_find,
    key=lambda event: str(event.public_id),
    author_id=lambda event: event.created_by_id,
    office=lambda event: event.office,
    operator_id=lambda event: event.office.operator_id,
    title=lambda event: str(event.title),
    url=lambda event: reverse("events:detail", kwargs={"public_id": event.public_id}),
    hide=_hide,
    restore=_restore,
    is_hidden=lambda event: event.hidden_at is not None,
    can_report=_may_report,
)
