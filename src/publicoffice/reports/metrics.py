"""Every figure the reports keep: its name, family, words and breakdown.

A metric is a number per office and local day, summed over days and
offices (every metric is a sum, so any period and any scope is a sum of
day rows). A metric's *key* breaks it down ("qr", "meeting_room|attended");
a key with several parts joins them with ``|`` in the order of
:attr:`Metric.dimensions`. Medians are kept as histograms: the key is the
number of days and the value how many items took that long.

:attr:`Metric.about_people` says whether the number counts people or what
people did (visits, bookings, incidents): those go through the disclosure
rule before they are published. Opening hours and capacity describe the
premises and are published as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.bookings.models.statistics import Outcome as BookingOutcome
from publicoffice.community.models import ProfileKind, RequestStatus
from publicoffice.conduct.models import AppealOutcome, Category, SanctionKind
from publicoffice.dialogue.models import Kind as ProposalKind
from publicoffice.dialogue.models import ProblemCategory
from publicoffice.events.models import RegistrationStatus
from publicoffice.places.facts import Family
from publicoffice.places.models import SpaceKind
from publicoffice.visits.models import CommuteBand, Source, TravelMode, WouldOtherwise


class Unit(StrEnum):
    COUNT = "count"
    MINUTES = "minutes"
    HISTOGRAM = "histogram"  # key: a number of days; value: how many items


class AnswerTiming(TextChoices):
    ON_TIME = "on_time", _("Answered on time")
    LATE = "late", _("Answered late")


class ProblemOutcome(TextChoices):
    OPEN = "open", pgettext_lazy("problem now", "Still open")
    FIXED = "fixed", pgettext_lazy("problem now", "Fixed")
    CLOSED = "closed", pgettext_lazy("problem now", "Closed without a fix")


class EventHeld(TextChoices):
    HELD = "held", pgettext_lazy("event outcome", "Held")
    CANCELLED = "cancelled", pgettext_lazy("event outcome", "Cancelled")


class Hour(TextChoices):
    """Local hours of arrival, "00" to "23"."""

    H00 = "00", "00"
    H01 = "01", "01"
    H02 = "02", "02"
    H03 = "03", "03"
    H04 = "04", "04"
    H05 = "05", "05"
    H06 = "06", "06"
    H07 = "07", "07"
    H08 = "08", "08"
    H09 = "09", "09"
    H10 = "10", "10"
    H11 = "11", "11"
    H12 = "12", "12"
    H13 = "13", "13"
    H14 = "14", "14"
    H15 = "15", "15"
    H16 = "16", "16"
    H17 = "17", "17"
    H18 = "18", "18"
    H19 = "19", "19"
    H20 = "20", "20"
    H21 = "21", "21"
    H22 = "22", "22"
    H23 = "23", "23"


@dataclass(frozen=True)
class Metric:
    name: str
    family: Family
    label: Promise
    unit: Unit = Unit.COUNT
    #: The parts of the key, each a set of choices; empty for a plain number.
    dimensions: tuple[type[TextChoices], ...] = ()
    about_people: bool = True

    def key_label(self, key: str) -> str:
        """The key in words ("QR code at the door · Meeting room"); the number for histograms."""
        if not self.dimensions:
            return key
        parts = key.split("|")
        words = []
        for part, choices in zip(parts, self.dimensions, strict=False):
            label = dict(choices.choices).get(part, part)
            words.append(str(label))
        return " · ".join(words)


M = Metric
METRICS: Mapping[str, Metric] = {
    m.name: m
    for m in (
        # Visits: day of arrival.
        M("visits.checkins", Family.VISITS, _("Check-ins"), dimensions=(Source,)),
        M("visits.people", Family.VISITS, _("People counted"), dimensions=(Source,)),
        M("visits.hourly", Family.VISITS, _("People by hour of arrival"), dimensions=(Hour,)),
        M("visits.unique", Family.VISITS, _("Estimated unique visitors (summed per day)")),
        M("visits.person_minutes", Family.VISITS, _("Time spent here"), Unit.MINUTES),
        M(
            "survey.answers",
            Family.VISITS,
            _("Survey answers"),
            # would otherwise work | came by | distance to usual workplace | usually travels by
            dimensions=(WouldOtherwise, TravelMode, CommuteBand, TravelMode),
        ),
        # Opening hours and premises: per day, as planned with exceptions.
        M(
            "hours.open_minutes",
            Family.HOURS,
            _("Opening hours offered"),
            Unit.MINUTES,
            about_people=False,
        ),
        M(
            "hours.capacity_minutes",
            Family.HOURS,
            _("Seat hours offered"),
            Unit.MINUTES,
            about_people=False,
        ),
        M(
            "hours.bookable_minutes",
            Family.HOURS,
            _("Bookable space hours offered"),
            Unit.MINUTES,
            dimensions=(SpaceKind,),
            about_people=False,
        ),
        # Bookings: day the booking starts.
        M("bookings.count", Family.BOOKINGS, _("Bookings"), dimensions=(SpaceKind, BookingOutcome)),
        M(
            "bookings.booked_minutes",
            Family.BOOKINGS,
            _("Booked time"),
            Unit.MINUTES,
            dimensions=(SpaceKind,),
        ),
        M(
            "bookings.waitlist_unmet",
            Family.BOOKINGS,
            _("Waitlist requests not met"),
            dimensions=(SpaceKind,),
        ),
        # Events: day the event starts.
        M("events.count", Family.EVENTS, _("Events"), dimensions=(EventHeld,)),
        M(
            "events.registrations",
            Family.EVENTS,
            _("Registrations"),
            dimensions=(RegistrationStatus,),
        ),
        M("events.attendance", Family.EVENTS, _("Attendance recorded")),
        M("events.with_attendance", Family.EVENTS, _("Events with attendance recorded")),
        # The meeting place: day of creation or sending.
        M("community.profiles", Family.COMMUNITY, _("New profiles"), dimensions=(ProfileKind,)),
        M(
            "community.contact_requests",
            Family.COMMUNITY,
            _("Contact requests"),
            dimensions=(RequestStatus,),
        ),
        # Dialogue: proposals by the day they were made, answers by the day given.
        M("dialogue.proposals", Family.DIALOGUE, _("Proposals"), dimensions=(ProposalKind,)),
        M("dialogue.supports", Family.DIALOGUE, _("Supports")),
        M("dialogue.answers", Family.DIALOGUE, _("Answers"), dimensions=(AnswerTiming,)),
        M("dialogue.answer_days", Family.DIALOGUE, _("Days to answer"), Unit.HISTOGRAM),
        # Problem reports: by the day reported; where they stand now.
        M(
            "problems.reported",
            Family.PROBLEMS,
            _("Problem reports"),
            dimensions=(ProblemCategory, ProblemOutcome),
        ),
        M("problems.fix_days", Family.PROBLEMS, _("Days to fix"), Unit.HISTOGRAM),
        # Conduct, in counts only: by the day it happened or was decided.
        M("conduct.incidents", Family.CONDUCT, _("Incidents"), dimensions=(Category,)),
        M(
            "conduct.sanctions",
            Family.CONDUCT,
            _("Decisions under the house rules"),
            dimensions=(SanctionKind,),
        ),
        M("conduct.appeals", Family.CONDUCT, _("Appeals"), dimensions=(AppealOutcome,)),
    )
}


def metric(name: str) -> Metric:
    return METRICS[name]


def of_family(family: Family) -> list[Metric]:
    return [m for m in METRICS.values() if m.family is family]
