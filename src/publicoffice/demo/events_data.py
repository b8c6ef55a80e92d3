"""The demo's events as plain data: the kinds of event the offices hold, and the hosts' notes.

The texts, in the six languages, are in :mod:`publicoffice.demo.events_texts`.
The Swedish text goes through the event services (the default language,
which every other language falls back to); the other languages are added
afterwards, as translations are added in the admin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from publicoffice.demo import events_texts as texts


@dataclass(frozen=True)
class EventKind:
    """One kind of event an office holds again and again."""

    key: str
    title: dict[str, str]
    description: dict[str, str]
    minutes: int
    #: Seats, never more than the room takes; None: anyone can come.
    capacity: int | None
    languages: tuple[str, ...]
    audience: str
    #: Hours (local) the event likes to start at, best first.
    hours: tuple[int, ...]
    #: Share of an office's events that are of this kind.
    weight: float
    #: What the event's page says about access, by language; empty: nothing.
    accessibility: dict[str, str] = field(default_factory=dict)


KINDS: tuple[EventKind, ...] = (
    EventKind(
        key="language-cafe",
        title=texts.LANGUAGE_CAFE_TITLE,
        description=texts.LANGUAGE_CAFE_DESCRIPTION,
        minutes=120,
        capacity=None,
        languages=("sv", "ar", "so", "en"),
        audience="everyone",
        hours=(17, 13, 10),
        weight=0.24,
        accessibility=texts.LANGUAGE_CAFE_ACCESSIBILITY,
    ),
    EventKind(
        key="cv-workshop",
        title=texts.CV_WORKSHOP_TITLE,
        description=texts.CV_WORKSHOP_DESCRIPTION,
        minutes=120,
        capacity=8,
        languages=("sv", "en", "ar"),
        audience="adults",
        hours=(10, 13, 17),
        weight=0.16,
    ),
    EventKind(
        key="homework-help",
        title=texts.HOMEWORK_HELP_TITLE,
        description=texts.HOMEWORK_HELP_DESCRIPTION,
        minutes=90,
        capacity=12,
        languages=("sv", "ar", "so"),
        audience="children",
        hours=(15, 16, 17),
        weight=0.16,
    ),
    EventKind(
        key="association-evening",
        title=texts.ASSOCIATION_EVENING_TITLE,
        # The demo's deliberate gap: described in Swedish, English and Arabic
        # only, so Persian, Somali and Tigrinya show the marked fallback.
        description=texts.ASSOCIATION_EVENING_DESCRIPTION,
        minutes=120,
        capacity=20,
        languages=("sv",),
        audience="associations",
        hours=(18, 17, 14),
        weight=0.1,
    ),
    EventKind(
        key="startup-advice",
        title=texts.STARTUP_ADVICE_TITLE,
        description=texts.STARTUP_ADVICE_DESCRIPTION,
        minutes=90,
        capacity=6,
        languages=("sv", "ar", "en"),
        audience="entrepreneurs",
        hours=(13, 10, 17),
        weight=0.12,
    ),
    EventKind(
        key="sewing-cafe",
        title=texts.SEWING_CAFE_TITLE,
        description=texts.SEWING_CAFE_DESCRIPTION,
        minutes=120,
        capacity=10,
        languages=("sv", "ar", "so"),
        audience="women",
        hours=(13, 17, 10),
        weight=0.1,
        accessibility=texts.SEWING_CAFE_ACCESSIBILITY,
    ),
    EventKind(
        key="digital-help",
        title=texts.DIGITAL_HELP_TITLE,
        description=texts.DIGITAL_HELP_DESCRIPTION,
        minutes=90,
        capacity=8,
        languages=("sv", "ar", "fa"),
        audience="seniors",
        hours=(10, 13, 14),
        weight=0.07,
    ),
    EventKind(
        key="newcomer-info",
        title=texts.NEWCOMER_INFO_TITLE,
        description=texts.NEWCOMER_INFO_DESCRIPTION,
        minutes=90,
        capacity=None,
        languages=("sv", "ar", "so", "ti", "fa"),
        audience="newcomers",
        hours=(14, 17, 10),
        weight=0.05,
    ),
)

#: Kinds of event that get more registrations than seats (a waitlist), at two offices.
FILLED_KINDS: tuple[str, ...] = ("cv-workshop", "startup-advice")

#: What the demo logins (e-mail local part) register for: kinds, in turn, in
#: coming events that still have room.
LOGIN_REGISTRATIONS: dict[str, tuple[str, ...]] = {
    "nour": ("language-cafe", "startup-advice"),
    "amina": ("sewing-cafe", "association-evening"),
    "johan": ("startup-advice",),
    "karim": ("association-evening",),
}

#: The hosts' notes, in the six languages.
CANCEL_NOTE = texts.CANCEL_NOTE
POSTPONE_NOTE = texts.POSTPONE_NOTE
#: Where a moved event is now: ``%(day)s``, ``%(time)s`` and ``%(room)s``.
MOVE_NOTE = texts.MOVE_NOTE
