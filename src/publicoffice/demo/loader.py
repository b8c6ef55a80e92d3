"""Write the demo network (:mod:`publicoffice.demo.network`) to the database.

Loading is idempotent: every row is found by its natural key (municipality
code, district name, operator name, office slug, amenity and language code,
space name, user e-mail) and updated, so loading twice gives the same rows.
An office's weekly hours and exceptions are replaced as a whole, because the
exceptions are dated relative to the day of loading. Every object is
validated with ``full_clean()`` before it is saved, and the whole load runs
in one transaction. Last, the demo's visits, bookings, meeting place,
events and proposals are generated again from scratch
(:mod:`publicoffice.demo.visits`, :mod:`publicoffice.demo.bookings`,
:mod:`publicoffice.demo.community`, :mod:`publicoffice.demo.events`,
:mod:`publicoffice.demo.dialogue`), with the e-mails the services would
queue muted (:func:`publicoffice.demo.bookings.tasks_muted`). After the
stories, a year of history (:mod:`publicoffice.demo.history`), and the
report figures and public tables are built from it.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any, TypeVar, cast

from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.utils import timezone, translation

from publicoffice.demo import network, people, vocabulary
from publicoffice.demo.accessibility import ACCESSIBILITY
from publicoffice.demo.bookings import clear_bookings, load_bookings, tasks_muted
from publicoffice.demo.commissioning import load_commissioning
from publicoffice.demo.community import load_community
from publicoffice.demo.conduct import clear_conduct, load_conduct
from publicoffice.demo.conduct_moderation import load_hidden_content
from publicoffice.demo.dialogue import load_dialogue
from publicoffice.demo.dialogue_people import load_people
from publicoffice.demo.events import load_events
from publicoffice.demo.history import load_history
from publicoffice.demo.load_result import LoadResult, Stories, add_stories, network_totals
from publicoffice.demo.planning import load_planning
from publicoffice.demo.users import DEMO_LOGINS, load_user, login_rows
from publicoffice.demo.visits import load_visits
from publicoffice.places.holidays_se import holidays_between, is_public_holiday
from publicoffice.places.models import (
    AccessibilityFacts,
    Amenity,
    District,
    HoursException,
    Language,
    Municipality,
    Office,
    Operator,
    Space,
    WeeklyHours,
)
from publicoffice.places.validators import luhn_ok

DEMO_PASSWORD = people.DEMO_PASSWORD

#: The languages the demo writes texts in: all six (a text left empty in one
#: of them, on purpose, falls back; see ``vocabulary.not_yet_translated``).
TEXT_LANGUAGES = vocabulary.TEXT_LANGUAGES

M = TypeVar("M", bound=models.Model)

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "LoadResult", "load_demo", "login_rows"]

# -- helpers ----------------------------------------------------------------


def organisation_number(without_check_digit: str) -> str:
    """Complete a nine-digit organisation number with its Luhn check digit."""
    digits = without_check_digit.replace("-", "")
    if len(digits) != 9 or not digits.isdigit():
        raise ValueError(f"nine digits expected, got {without_check_digit!r}")
    check = next(d for d in "0123456789" if luhn_ok(digits + d))
    return f"{digits[:6]}-{digits[6:]}{check}"


def _translated(name: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{name}_{code}": texts.get(code, "") for code in TEXT_LANGUAGES}


def _upsert(
    model: type[M], lookup: dict[str, Any], values: dict[str, Any], result: LoadResult
) -> M:
    """update_or_create, but validated with full_clean() before saving."""
    obj = model._default_manager.filter(**lookup).first()
    created = obj is None
    if obj is None:
        obj = model(**lookup)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    result.note(obj, created)
    return obj


def _create(obj: M, result: LoadResult) -> M:
    obj.full_clean()
    obj.save()
    result.note(obj, True)
    return obj


def _time(text: str) -> time:
    return time.fromisoformat(text)


# -- vocabulary and network ---------------------------------------------------


def _load_vocabulary(result: LoadResult) -> tuple[dict[str, Amenity], dict[str, Language]]:
    amenities = {
        code: _upsert(Amenity, {"code": code}, _translated("name", names), result)
        for code, names in vocabulary.AMENITIES.items()
    }
    languages = {
        code: _upsert(
            Language,
            {"code": code},
            {"endonym": endonym, **_translated("name", names)},
            result,
        )
        for code, (endonym, names) in vocabulary.LANGUAGES.items()
    }
    return amenities, languages


def _load_municipalities(
    result: LoadResult,
) -> tuple[dict[str, Municipality], dict[tuple[str, str], District]]:
    municipalities: dict[str, Municipality] = {}
    districts: dict[tuple[str, str], District] = {}
    for code, (name, district_names) in network.MUNICIPALITIES.items():
        municipality = _upsert(Municipality, {"code": code}, {"name": name}, result)
        municipalities[code] = municipality
        for district_name in district_names:
            districts[code, district_name] = _upsert(
                District, {"municipality": municipality, "name": district_name}, {}, result
            )
    return municipalities, districts


def _load_operators(result: LoadResult) -> dict[str, Operator]:
    operators = {}
    for spec in network.OPERATORS:
        values = {
            "kind": spec["kind"],
            "organisation_number": organisation_number(spec["org_number"]),
            "contact_email": spec.get("contact_email", ""),
            "contact_phone": spec.get("contact_phone", ""),
            "website": spec.get("website", ""),
        }
        operators[spec["name"]] = _upsert(Operator, {"name": spec["name"]}, values, result)
    return operators


# -- offices ------------------------------------------------------------------


def _exception_date(office: Office, when: tuple[str, int], today: date) -> date:
    rule, offset = when
    start = today + timedelta(days=offset)
    if rule == "holiday":
        return holidays_between(start, start + timedelta(days=400))[0][0]
    if rule != "open_day":
        raise ValueError(f"unknown date rule {rule!r}")
    open_weekdays = {row.weekday for row in office.weekly_hours.all()}
    if not open_weekdays & set(vocabulary.WEEKDAYS):
        raise ValueError(f"{office.slug} is never open Monday to Friday")
    day = start
    while day.weekday() not in open_weekdays or day.weekday() >= 5 or is_public_holiday(day):
        day += timedelta(days=1)
    return day


def _load_hours(office: Office, spec: dict[str, Any], today: date, result: LoadResult) -> None:
    """Replace the office's weekly hours and dated exceptions."""
    office.weekly_hours.all().delete()
    office.hours_exceptions.all().delete()
    pattern = vocabulary.HOURS[spec["hours"]] if spec["hours"] else {}
    for weekday, intervals in sorted(pattern.items()):
        for opens, closes in intervals:
            _create(
                WeeklyHours(
                    office=office, weekday=weekday, opens=_time(opens), closes=_time(closes)
                ),
                result,
            )
    for exception in spec["exceptions"]:
        day = _exception_date(office, exception["when"], today)
        if exception["when"][0] == "holiday" and not exception.get("closed"):
            result.holiday_specials.append((getattr(office, "name_sv", office.name), day))
        reason = _translated("reason", exception["reason"])
        if exception.get("closed"):
            _create(HoursException(office=office, date=day, is_closed=True, **reason), result)
            continue
        for opens, closes in exception["hours"]:
            _create(
                HoursException(
                    office=office,
                    date=day,
                    is_closed=False,
                    opens=_time(opens),
                    closes=_time(closes),
                    **reason,
                ),
                result,
            )


def _load_spaces(office: Office, spec: dict[str, Any], result: LoadResult) -> None:
    kept = []
    for kind, capacity, bookable, names in spec["spaces"]:
        space = _upsert(
            Space,
            {"office": office, "name_sv": names["sv"]},
            {
                "kind": kind,
                "capacity": capacity,
                "is_bookable": bookable,
                **_translated("name", names),
            },
            result,
        )
        kept.append(space.pk)
    # Spaces are matched by name so that bookings of kept spaces survive.
    office.spaces.exclude(pk__in=kept).delete()


def _load_accessibility(office: Office, profile: str | None, result: LoadResult) -> None:
    if profile is None:
        AccessibilityFacts.objects.filter(office=office).delete()
        return
    facts = ACCESSIBILITY[profile]
    values: dict[str, Any] = {}
    for category in ("moving", "seeing", "hearing", "substances", "information"):
        status, texts = cast(tuple[str, dict[str, str]], facts[category])
        values[category] = status
        values.update(_translated(f"{category}_text", texts))
    for name in ("step_free_entrance", "wheelchair", "accessible_toilet", "hearing_loop"):
        values[name] = facts[name]
    _upsert(AccessibilityFacts, {"office": office}, values, result)


def _load_office(
    spec: dict[str, Any],
    *,
    operators: dict[str, Operator],
    municipalities: dict[str, Municipality],
    districts: dict[tuple[str, str], District],
    amenities: dict[str, Amenity],
    languages: dict[str, Language],
    today: date,
    result: LoadResult,
) -> Office:
    values = {
        "kind": spec["kind"],
        "status": spec["status"],
        "operator": operators[spec["operator"]],
        "municipality": municipalities[spec["municipality"]],
        "district": districts[spec["municipality"], spec["district"]],
        "street_address": spec["street_address"],
        "postal_code": spec["postal_code"],
        "city": spec["city"],
        "latitude": Decimal(spec["latitude"]),
        "longitude": Decimal(spec["longitude"]),
        "capacity": spec["capacity"],
        "email": spec.get("email", ""),
        "phone": spec.get("phone", ""),
        **_translated("name", spec["name"]),
        **_translated("description", spec["description"]),
    }
    office = _upsert(Office, {"slug": spec["slug"]}, values, result)
    office.amenities.set([amenities[code] for code in spec["amenities"]])
    office.staff_languages.set([languages[code] for code in spec["languages"]])
    _load_hours(office, spec, today, result)
    _load_spaces(office, spec, result)
    _load_accessibility(office, spec["accessibility"], result)
    return office


# -- the whole network -----------------------------------------------------------


def load_demo(
    today: date | None = None,
    *,
    visits: bool = True,
    bookings: bool = True,
    community: bool = True,
    events: bool = True,
    dialogue: bool = True,
    conduct: bool = True,
    history: bool = True,
    commissioning: bool = True,
    planning: bool = True,
) -> LoadResult:
    """Create or update the demo network; dated exceptions are relative to ``today``.

    With ``visits`` (the default) the demo's visits, hourly figures and kiosks
    are generated again too; without, whatever visits there are stay as they
    are. ``bookings`` does the same for booking rules, bookings and waitlists,
    ``community`` for the directory, contact requests and "here today",
    ``events`` for a month of events with their rooms and registrations,
    ``dialogue`` for members' proposals with their supports and answers,
    ``conduct`` for the house rules, incidents, decisions and appeals.
    ``history`` adds the year before the stories, for the stories loaded
    (:mod:`publicoffice.demo.history`), and then rebuilds the report figures
    from its first day to today and publishes the public tables. ``commissioning``
    (last: its reports keep the history's figures) adds calls and commissions,
    ``planning`` a synthetic grid, sites and two scenarios already run.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    result = LoadResult(today=today)
    # Muted outside the transaction: the e-mails are queued when it commits.
    with tasks_muted(), translation.override("sv"), transaction.atomic():
        offices = _load_network(today=today, result=result, clear=bookings)
        # First: the last run's decisions and new rules would refuse the stories' members.
        clear_conduct(list(offices))
        if dialogue:  # its people before the events, which draw from all demo members
            load_people()
        stories = Stories(
            history=load_visits(offices, today=today, now=now) if visits else None,
            booked=load_bookings(offices, today=today, now=now) if bookings else None,
            meeting_place=load_community(now=now) if community else None,
            calendar=load_events(offices, today=today, now=now) if events else None,
            dialogue=load_dialogue(offices, today=today, now=now) if dialogue else None,
        )
        conduct_story = load_conduct(offices, today=today, now=now) if conduct else None
        if conduct:
            load_hidden_content(offices, now=now, proposals=dialogue, profiles=community)
        loaded = {"visits": visits, "bookings": bookings, "events": events, "dialogue": dialogue}
        loaded["conduct"] = conduct
        past = load_history(offices, today=today, now=now, **loaded) if history else None
        commissioned = load_commissioning(offices, today=today) if commissioning else None
        planned = load_planning() if planning else None
    result.totals = network_totals(offices)
    add_stories(result, stories, offices=offices, now=now)
    if conduct_story is not None:
        result.totals.update(conduct_story.totals)
    for told in (past, commissioned, planned):
        result.totals.update(told.totals() if told is not None else {})
    return result


def _load_network(*, today: date, result: LoadResult, clear: bool) -> dict[str, Office]:
    """Vocabulary, municipalities, operators, offices and the demo people."""
    amenities, languages = _load_vocabulary(result)
    municipalities, districts = _load_municipalities(result)
    operators = _load_operators(result)
    if clear:  # before the spaces: a space the network no longer has may be booked
        clear_bookings(office_slugs=[str(spec["slug"]) for spec in network.OFFICES])
    offices = {
        str(spec["slug"]): _load_office(
            spec,
            operators=operators,
            municipalities=municipalities,
            districts=districts,
            amenities=amenities,
            languages=languages,
            today=today,
            result=result,
        )
        for spec in network.OFFICES
    }
    password_hash = make_password(DEMO_PASSWORD)
    for spec in people.USERS:
        user, created = load_user(
            spec,
            offices=offices,
            operators=operators,
            municipalities=municipalities,
            password_hash=password_hash,
        )
        result.note(user, created)
    return offices
