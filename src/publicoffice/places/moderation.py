"""The registry of content members can report and staff can hide, for the conduct app.

Moderation lives in ``conduct``, which sits above community and events and
beside dialogue, so it may not import dialogue, and none of those apps may
import it. Each app that holds content registers a :class:`ContentKind` here
in its ``AppConfig.ready``: how to find an item by its key, who wrote it,
where it belongs, and how to hide and restore it. Conduct works through
these functions only.

The other way round, an app's own report form (the old "report" buttons on
a proposal or a contact request) hands the report on with
:func:`report_submitted`; conduct registers the *sink* that turns it into a
flag. With no sink registered (conduct not installed) a report only stays
in the app's own table. Likewise :func:`hidden_by_staff` tells conduct that
staff hid something from the app's own page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from publicoffice.accounts.actors import AnyUser
from publicoffice.places.models import Office


@dataclass(frozen=True)
class ContentKind:
    """What conduct needs to know about one kind of content (``name``: "profile", "event"...).

    ``find`` takes the key (a public id or a primary key, as a string) and
    answers ``None`` for anything malformed or missing; the others take the
    item ``find`` returned. ``hide`` and ``restore`` write the item's own
    fields and are called inside conduct's transaction.
    """

    name: str
    label: Any
    find: Callable[[str], Any | None]
    key: Callable[[Any], str]
    author_id: Callable[[Any], int | None]
    office: Callable[[Any], Office | None]
    operator_id: Callable[[Any], int | None]
    title: Callable[[Any], str]
    url: Callable[[Any], str]
    hide: Callable[[Any, str, datetime], None]
    restore: Callable[[Any, datetime], None]
    is_hidden: Callable[[Any], bool]
    #: Whether this member may report the item: they can see it and it is not theirs.
    can_report: Callable[[Any, AnyUser], bool]


#: A sink takes (kind name, item, reporter, reason, when) and records the report.
ReportSink = Callable[[str, Any, AnyUser, str, datetime], None]
#: A decision sink takes (kind name, item, staff, reason, when): staff hid it in the app.
DecisionSink = Callable[[str, Any, AnyUser, str, datetime], None]

_kinds: dict[str, ContentKind] = {}
_sinks: list[ReportSink] = []
_decision_sinks: list[DecisionSink] = []


def register_kind(kind: ContentKind) -> None:
    _kinds[kind.name] = kind


def kind_named(name: str) -> ContentKind | None:
    return _kinds.get(name)


def kinds() -> list[ContentKind]:
    return list(_kinds.values())


def find_item(name: str, key: str) -> tuple[ContentKind, Any] | None:
    """The kind and the item ``key`` names, or ``None`` when either is unknown."""
    kind = _kinds.get(name)
    if kind is None:
        return None
    item = kind.find(str(key)[:64])
    return None if item is None else (kind, item)


def register_report_sink(sink: ReportSink) -> None:
    if sink not in _sinks:
        _sinks.append(sink)


def report_submitted(
    *, kind: str, item: Any, reporter: AnyUser | None, reason: str, at: datetime | None = None
) -> None:
    """An app's own report form was sent: pass it to the moderation (if any is installed).

    A visitor without an account is not counted: only members' reports can
    hide content.
    """
    if reporter is None or not reporter.is_authenticated or kind not in _kinds:
        return
    for sink in _sinks:
        sink(kind, item, reporter, reason, at or timezone.now())


def register_decision_sink(sink: DecisionSink) -> None:
    if sink not in _decision_sinks:
        _decision_sinks.append(sink)


def hidden_by_staff(*, kind: str, item: Any, staff: AnyUser, reason: str, at: datetime) -> None:
    """Staff hid ``item`` from the app's own page: the moderation records the decision,
    so the author reads it with the others and may appeal it."""
    if kind not in _kinds:
        return
    for sink in _decision_sinks:
        sink(kind, item, staff, reason, at)
