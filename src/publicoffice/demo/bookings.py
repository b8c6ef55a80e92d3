"""Demo bookings: booking rules, some weeks of bookings, approvals and waitlists.

Everything is written through :mod:`publicoffice.bookings.services`, as a
member or a host would have done it, with ``at=`` set to the moment it
happened. So every rule is checked, and the log, the statistics and the
rules copied onto each booking are made exactly as in real use. The events
(bookings, approvals, check-ins, cancellations, waitlist joins) run in time
order, so quotas and no-shows see the calendar as it was at that moment.
Last, the no-shows the clock has released are recorded (``release_no_shows``).

On every run the demo offices' bookings, waitlists and booking statistics are
deleted and made again, like the visits. For a given ``today`` and ``now``
the calendar is always the same: one ``random.Random`` seeded with the day.

Two sorts of bookings:

* the scenes (:mod:`publicoffice.demo.booking_scenes`): a fixed story for the
  demo logins amina@ and johan@ and the Ronna host, so the member pages, the
  host's day, approvals, overrides and the waitlist have something to show;
* the everyday: bookings spread over the bookable spaces by a handful of
  members who cannot log in (:data:`CROWD`) and by hosts for visitors. The
  everyday never books for amina@ or johan@, so their story stays as written.

E-mails: the booking services queue an e-mail when their transaction
commits. ``load_demo`` runs inside :func:`tasks_muted`, so the demo queues
none (see that function for why).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Q

from publicoffice.accounts.models import Role, RoleAssignment, User
from publicoffice.bookings import services
from publicoffice.bookings.models import (
    Booking,
    BookingRule,
    BookingStatistic,
    BookingStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from publicoffice.bookings.rules import RULE_FIELDS, rules_for_many
from publicoffice.demo.booking_calendar import Calendar
from publicoffice.demo.booking_everyday import Everyday
from publicoffice.demo.booking_scenes import Scenes
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.demo.visit_shapes import seeded
from publicoffice.places.models import Office, OfficeStatus, Space, SpaceKind

#: Members who fill the calendars. They have no password, so nobody logs in as them.
CROWD = (
    ("hodan", "Hodan Abdi", "so"),
    ("yonas", "Yonas Gebremedhin", "ti"),
    ("leyla", "Leyla Karimi", "fa"),
    ("omar", "Omar Haddad", "ar"),
    ("sofia", "Sofia Andersson", "sv"),
    ("nils", "Nils Ek", "sv"),
    ("ayaan", "Ayaan Warsame", "so"),
    ("karin", "Karin Holm", "en"),
)

#: Booking rules of the demo: (office slug or None for the whole network,
#: kind of space or "" for every kind, values). Fields not given inherit.
RULES: tuple[tuple[str | None, str, dict[str, Any]], ...] = (
    (None, SpaceKind.HALL, {"needs_approval": True, "min_notice_minutes": 3 * 24 * 60}),
    ("fittja", "", {"checkin_window_minutes": 20, "max_days_ahead": 21}),
    (
        "fittja",
        SpaceKind.WORKSHOP,
        {"min_minutes": 60, "max_minutes": 180, "buffer_minutes": 30},
    ),
)
#: Rules of one space: (office slug, Swedish name of the space, values).
SPACE_RULES: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("tensta-bibliotek", "Grupprum 1", {"max_minutes": 120}),
)

#: Days of history before today, and days ahead after it ("this week and next").
PAST_DAYS = 14
COMING_DAYS = 13


def member_email(name: str) -> str:
    return f"{name}@{DEMO_DOMAIN}"


@contextmanager
def tasks_muted() -> Iterator[None]:
    """Point django-tasks at its dummy backend for a while: queued tasks go nowhere.

    The booking services queue their e-mails with ``transaction.on_commit``,
    so the muting has to last until the demo's transaction has committed:
    wrap the ``atomic()`` block, not the calls. Why not just let them queue?
    A demo load makes a few hundred bookings, most of them in the past; a
    worker started later would send a "booking confirmed" for each of them.

    This swaps ``settings.TASKS`` and sends ``setting_changed`` (which is
    how django-tasks learns to drop the backends it has made), then puts
    both back: what ``override_settings`` does, without importing test
    utilities into a management command. Queue names are kept, so a task
    meant for a named queue is still accepted.
    """
    before = settings.TASKS
    muted = {
        alias: {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            **({"QUEUES": config["QUEUES"]} if "QUEUES" in config else {}),
        }
        for alias, config in before.items()
    }
    sender = type(settings)
    settings.TASKS = muted
    setting_changed.send(sender=sender, setting="TASKS", value=muted, enter=True)
    try:
        yield
    finally:
        settings.TASKS = before
        setting_changed.send(sender=sender, setting="TASKS", value=before, enter=False)


# -- rules and people ------------------------------------------------------------


def _rule_row(lookup: dict[str, Any], values: dict[str, Any]) -> BookingRule:
    rule = BookingRule.objects.filter(**lookup).first() or BookingRule(**lookup)
    for name in RULE_FIELDS:
        setattr(rule, name, values.get(name))
    rule.full_clean()
    rule.save()
    return rule


def load_rules(offices: dict[str, Office]) -> list[BookingRule]:
    """The demo's booking rules, each found by its scope and set to exactly these values."""
    rows = []
    for slug, kind, values in RULES:
        office = offices.get(slug) if slug else None
        if slug and office is None:
            continue
        rows.append(_rule_row({"office": office, "space_kind": kind, "space": None}, values))
    for slug, name, values in SPACE_RULES:
        space = Space.objects.filter(office__slug=slug, name_sv=name).first()
        if space is not None:
            rows.append(_rule_row({"office": None, "space_kind": "", "space": space}, values))
    return rows


def load_crowd() -> list[User]:
    """The members of :data:`CROWD`, created or reset, without a usable password."""
    members = []
    for name, display_name, language in CROWD:
        email = member_email(name)
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=None)
        user.display_name = display_name
        user.preferred_language = language
        user.is_active = True
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        RoleAssignment.objects.filter(user=user).delete()
        members.append(user)
    return members


def clear_bookings(*, office_slugs: list[str]) -> None:
    """Delete the demo offices' bookings, waitlists and statistics (made anew each run).

    The statistics too: they outlive a deleted booking on purpose, so the
    demo's would pile up run after run.
    """
    WaitlistEntry.objects.filter(space__office__slug__in=office_slugs).delete()
    BookingStatistic.objects.filter(office__slug__in=office_slugs).delete()
    Booking.objects.filter(office__slug__in=office_slugs).delete()


def staff_of(offices: list[Office]) -> dict[int, list[User]]:
    """Who runs each office's bookings: its hosts, then its operator's admins.

    Platform admins are left out: they may do anything anywhere, so they would
    book for every visitor in the network. They approve halls only where an
    office has no staff of its own (see :func:`approvers`).
    """
    assignments = list(
        RoleAssignment.objects.filter(
            Q(role=Role.HOST, office__in=offices)
            | Q(role=Role.OPERATOR_ADMIN, operator_id__in={o.operator_id for o in offices})
        )
        .select_related("user")
        .order_by("pk")
    )
    staff: dict[int, list[User]] = {}
    for office in offices:
        hosts = [a.user for a in assignments if a.role == Role.HOST and a.office_id == office.pk]
        admins = [
            a.user
            for a in assignments
            if a.role == Role.OPERATOR_ADMIN and a.operator_id == office.operator_id
        ]
        staff[office.pk] = list(dict.fromkeys([*hosts, *admins]))
    return staff


def approvers(offices: list[Office], staff: dict[int, list[User]]) -> dict[int, list[User]]:
    """Who approves hall bookings: the office's staff, else a platform admin."""
    admin = RoleAssignment.objects.filter(role=Role.PLATFORM_ADMIN).select_related("user").first()
    fallback = [admin.user] if admin is not None else []
    return {office.pk: staff.get(office.pk) or fallback for office in offices}


@dataclass
class BookingsResult:
    """What the demo's bookings came to, and what the services refused while making them."""

    totals: dict[str, int] = field(default_factory=dict)
    #: Refusal code -> how many demo events a service refused (the story went on without).
    refused: Counter[str] = field(default_factory=Counter)


def load_bookings(offices: dict[str, Office], *, today: date, now: datetime) -> BookingsResult:
    """Replace the demo offices' bookings and waitlists; see the module docstring."""
    fresh = list(
        Office.objects.filter(pk__in=[o.pk for o in offices.values()])
        .prefetch_related("weekly_hours", "hours_exceptions")
        .order_by("slug")
    )
    office_ids = [office.pk for office in fresh]
    clear_bookings(office_slugs=[office.slug for office in fresh])
    rule_rows = load_rules({office.slug: office for office in fresh})
    crowd = load_crowd()
    by_pk = {office.pk: office for office in fresh}
    spaces = list(
        Space.objects.filter(
            office_id__in=office_ids, is_bookable=True, office__status=OfficeStatus.OPEN
        ).order_by("office__slug", "kind", "pk")
    )
    for space in spaces:
        space.office = by_pk[space.office_id]  # the one with its opening hours loaded
    rules = rules_for_many(spaces)
    staff = staff_of(fresh)
    deciders = approvers(fresh, staff)
    calendar = Calendar(now=now)

    # The story first, so the everyday bookings fit around it.
    Scenes(calendar, spaces, rules, deciders, today).play()
    everyday = Everyday(calendar, seeded("bookings", today), crowd, staff, deciders, rules)
    for offset in range(-PAST_DAYS, COMING_DAYS + 1):
        for space in spaces:
            everyday.day(space, today + timedelta(days=offset))
    calendar.run()
    services.release_no_shows(at=now)
    return BookingsResult(totals(office_ids, now, len(rule_rows)), calendar.refused)


def totals(office_ids: list[int], now: datetime, rules: int) -> dict[str, int]:
    bookings = Booking.objects.filter(office_id__in=office_ids)
    statuses = Counter(bookings.values_list("status", flat=True))
    waiting = WaitlistEntry.objects.filter(space__office_id__in=office_ids)
    return {
        "booking rules": rules,
        "bookings": sum(statuses.values()),
        "bookings attended (checked in)": bookings.filter(checked_in_at__isnull=False).count(),
        "no-shows": statuses[BookingStatus.NO_SHOW],
        "cancelled bookings": statuses[BookingStatus.CANCELLED],
        "bookings waiting for approval": statuses[BookingStatus.PENDING],
        "coming confirmed bookings": bookings.filter(
            status=BookingStatus.CONFIRMED, starts_at__gt=now
        ).count(),
        "waitlist entries": waiting.count(),
        "waitlist offers": waiting.filter(status=WaitlistStatus.OFFERED).count(),
        "booking statistics": BookingStatistic.objects.filter(office_id__in=office_ids).count(),
    }
