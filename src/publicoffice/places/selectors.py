"""Reading places: searches and filters shared by the web pages and the API."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import get_language

from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.places.models import (
    Amenity,
    HoursException,
    Language,
    Municipality,
    Office,
    Space,
    WeeklyHours,
)
from publicoffice.places.opening_hours import OpeningSchedule

#: The longest search text we accept; longer input is cut, never an error.
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class OfficeFilters:
    """What a visitor can filter the network by (home page and API alike)."""

    q: str = ""
    municipality: str = ""  # municipality code, e.g. "0181"
    open_now: bool = False
    step_free: bool = False
    hearing_loop: bool = False
    amenity: str = ""  # amenity code
    language: str = ""  # staff language code


def office_base_queryset() -> QuerySet[Office]:
    """Public offices with the rows every list shows, joined in one query."""
    return Office.objects.public().select_related(
        "operator", "municipality", "district", "accessibility"
    )


class WeeklyRow(NamedTuple):
    """A weekly interval without the cost of a model instance (lists are hot)."""

    weekday: int
    opens: time
    closes: time


def schedules_for(office_ids: list[int], *, since: date) -> dict[int, OpeningSchedule]:
    """Opening schedules of these offices, in two queries for the whole list.

    Django's prefetch builds a queryset per office, which dominates the cost
    of a list of hundreds; plain bulk reads are several times faster.
    Exceptions before ``since`` are not needed for "now" or for what comes.
    """
    weekly: dict[int, list[WeeklyRow]] = defaultdict(list)
    exceptions: dict[int, list[HoursException]] = defaultdict(list)
    if office_ids:
        rows = WeeklyHours.objects.filter(office_id__in=office_ids).order_by()
        for office_id, weekday, opens, closes in rows.values_list(
            "office_id", "weekday", "opens", "closes"
        ):
            weekly[office_id].append(WeeklyRow(weekday, opens, closes))
        coming = HoursException.objects.filter(office_id__in=office_ids, date__gte=since)
        for exc in coming.order_by():
            exceptions[exc.office_id].append(exc)
    return {
        office_id: OpeningSchedule.from_rows(weekly[office_id], exceptions[office_id])
        for office_id in office_ids
    }


def attach_schedules(offices: list[Office], *, since: date) -> None:
    """Give each office its opening schedule (see :func:`schedules_for`)."""
    schedules = schedules_for([office.pk for office in offices], since=since)
    for office in offices:
        office._schedule = schedules[office.pk]


def attach_details(offices: list[Office]) -> None:
    """Amenities, staff languages and spaces, for the offices about to be shown."""
    prefetch_related_objects(
        offices,
        "amenities",
        "staff_languages",
        Prefetch("spaces", queryset=Space.objects.order_by("kind", "name")),
    )


def _text_condition(text: str) -> Q:
    condition = Q()
    for word in text.split()[:8]:
        word_q = (
            Q(street_address__icontains=word)
            | Q(city__icontains=word)
            | Q(district__name__icontains=word)
            | Q(municipality__name__icontains=word)
            | Q(operator__name__icontains=word)
        )
        for code in LANGUAGE_CODES:
            word_q |= Q(**{f"name_{code}__icontains": word})
            word_q |= Q(**{f"description_{code}__icontains": word})
        condition &= word_q
    return condition


def office_filtered(filters: OfficeFilters) -> QuerySet[Office]:
    """Public offices matching every filter that SQL can decide ("open now" cannot).

    An office appears at most once: amenity and language codes are unique.
    """
    queryset = office_base_queryset()
    text = filters.q.strip()[:MAX_QUERY_LENGTH]
    if text:
        queryset = queryset.filter(_text_condition(text))
    if filters.municipality:
        queryset = queryset.filter(municipality__code=filters.municipality)
    if filters.step_free:
        queryset = queryset.filter(accessibility__step_free_entrance=True)
    if filters.hearing_loop:
        queryset = queryset.filter(accessibility__hearing_loop=True)
    if filters.amenity:
        queryset = queryset.filter(amenities__code=filters.amenity)
    if filters.language:
        queryset = queryset.filter(staff_languages__code=filters.language)
    return queryset


def office_search(*, filters: OfficeFilters, at: datetime) -> list[Office]:
    """Every office matching the filters, ordered by name in the current language
    (the API's full list and GeoJSON; the home page reads a page at a time).

    "Open now" depends on holidays and exceptions, so it is decided in Python
    on the already narrowed set.
    """
    offices = list(office_filtered(filters).distinct())
    attach_schedules(offices, since=timezone.localtime(at).date() - timedelta(days=1))
    if filters.open_now:
        offices = [office for office in offices if office.is_open(at)]
    offices.sort(key=lambda office: str(office.name).casefold())
    return offices


def _one_with_details(queryset: QuerySet[Office]) -> Office | None:
    office = queryset.first()
    if office is not None:
        attach_details([office])
        # The office page lists every coming exception, so keep them all.
        attach_schedules([office], since=timezone.localdate() - timedelta(days=1))
    return office


#: Slugs are at most this long; a longer one cannot name an office.
SLUG_MAX = 80


def _public_by_slug(slug: str) -> QuerySet[Office]:
    """Offices visitors may see with this slug (none for an impossible slug)."""
    if not isinstance(slug, str) or len(slug) > SLUG_MAX:
        return Office.objects.none()
    return Office.objects.public().filter(slug=slug)


def office_get_public(*, slug: str) -> Office:
    """A public office with everything its page shows; refuses with ``office_not_found``."""
    office = _one_with_details(office_base_queryset().filter(pk__in=_public_by_slug(slug)))
    if office is None:
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    return office


def office_public(*, slug: str) -> Office:
    """A public office, the row alone (events, the directory); refuses with ``office_not_found``."""
    office = _public_by_slug(slug).first()
    if office is None:
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    return office


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """Options for the filter form, only those that some public office has."""
    public = Office.objects.public()
    language = get_language() or "sv"
    municipalities = Municipality.objects.filter(offices__in=public).distinct().order_by("name")
    amenities = Amenity.objects.filter(offices__in=public).distinct()
    languages = Language.objects.filter(offices__in=public).distinct()
    return {
        "municipality": [(m.code, m.name) for m in municipalities],
        "amenity": sorted(((a.code, str(a.name)) for a in amenities), key=lambda c: c[1]),
        "language": sorted(
            ((lang.code, _language_label(lang, language)) for lang in languages),
            key=lambda c: c[1],
        ),
    }


def _language_label(language: Language, interface_language: str) -> str:
    name = str(language.name)
    return name if language.endonym == name else f"{language.endonym} – {name}"


def offices_of_operators(*, operator_ids: set[int]) -> QuerySet[Office]:
    """Every office these operators run, closed ones included (for staff choices)."""
    return Office.objects.filter(operator_id__in=operator_ids)


def office_get_with_hours(*, slug: str) -> Office:
    """A public office with its opening hours only, for pages that need no more
    (check-in, occupancy, the host's desk); refuses with ``office_not_found``."""
    office = _public_by_slug(slug).prefetch_related("weekly_hours", "hours_exceptions").first()
    if office is None:
        raise DomainError(ErrorCode.OFFICE_NOT_FOUND)
    return office


def office_slug_by_id(*, office_id: int) -> str | None:
    """The slug of a public office by its number (the API's old numbered addresses)."""
    offices = Office.objects.public().filter(pk=office_id)
    return offices.values_list("slug", flat=True).first()


def municipality_by_code(*, code: str) -> Municipality | None:
    """The municipality with this four-digit code, or None (a list filter shows all then)."""
    if not isinstance(code, str) or len(code) != 4 or not code.isdigit():
        return None
    return Municipality.objects.filter(code=code).first()


def municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.order_by("name")
