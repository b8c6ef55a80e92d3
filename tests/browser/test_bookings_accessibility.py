"""axe-core finds no WCAG 2.1 A/AA violations on the booking pages, LTR and RTL.

The live server runs on the real clock, so every booking is made relative to
now in an office open around the clock: tomorrow's slots can always be
booked, and today's early ones have passed (unless the tests run just after
midnight).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from publicoffice.accounts.models import NamedPermission, Role
from publicoffice.bookings import services, waitlist
from publicoffice.bookings.models import Booking, WaitlistStatus
from publicoffice.core.timeutils import local_zone
from publicoffice.places.models import Office, Space
from publicoffice.staff.services import role_assign
from tests.browser.conftest import assert_page_healthy
from tests.browser.test_accessibility import AXE_OPTIONS, _report
from tests.factories import AccessibilityFactsFactory, SpaceFactory, UserFactory

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]
HALF_HOUR = timedelta(minutes=30)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _day(offset: int) -> date:
    return timezone.localdate() + timedelta(days=offset)


def _at(offset: int, hour: int, minute: int = 0) -> datetime:
    """A wall-clock moment ``offset`` days from today, in the office's zone."""
    return datetime.combine(_day(offset), time(hour, minute), tzinfo=local_zone())


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    office = always_open_office(
        slug="rinkeby", name="Rinkeby kontor", name_en="Rinkeby office", name_ar="مكتب رينكبي"
    )
    AccessibilityFactsFactory(office=office, step_free_entrance=True)
    return office


@pytest.fixture
def room(office: Office) -> Any:
    return SpaceFactory(
        office=office,
        name="Mötesrum Ek",
        name_ar="غرفة اجتماعات البلوط",
        kind="meeting_room",
        capacity=6,
        is_bookable=True,
    )


@pytest.fixture
def hall(office: Office) -> Any:
    """Every booking of a hall waits for the staff's approval."""
    return SpaceFactory(office=office, name="Salen", kind="hall", capacity=80, is_bookable=True)


@pytest.fixture
def member(transactional_db: None) -> Any:
    return UserFactory(email="amina@example.org", display_name="Amina")


@pytest.fixture
def other_member(transactional_db: None) -> Any:
    return UserFactory(email="johan@example.org", display_name="Johan")


@pytest.fixture
def host(office: Office) -> Any:
    user: Any = UserFactory(email="host@example.org", display_name="Värd")
    role_assign(
        user=user,
        role=Role.HOST,
        office=office,
        permissions=[NamedPermission.BOOK_ON_BEHALF, NamedPermission.BOOK_OUTSIDE_OPENING_HOURS],
    )
    return user


@pytest.fixture
def taken(room: Space, other_member: Any) -> Booking:
    """Someone else's booking tomorrow 10:00–11:00."""
    return services.booking_create(
        space=room, member=other_member, starts_at=_at(1, 10), ends_at=_at(1, 11)
    )


@pytest.fixture
def mine(room: Space, member: Any) -> Booking:
    """The member's own booking tomorrow 12:00–12:30."""
    return services.booking_create(
        space=room,
        member=member,
        starts_at=_at(1, 12),
        ends_at=_at(1, 12, 30),
        attendees=2,
        purpose="Läxhjälp",
    )


def _assert_no_violations(axe: Axe, page: Any) -> None:
    results = axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if violations:
        pytest.fail("axe found violations:\n" + _report(violations), pytrace=False)


def _member_page(
    new_page: Callable[..., Any], log_in: Callable[[Any, Any], None], user: Any, language: str
) -> Any:
    page = new_page(locale=language)
    log_in(page, user)
    return page


def _ready(page: Any, language: str, status: int = 200) -> None:
    """The page is in the language asked for, loaded, and nothing of it broke.

    A page answered with ``status`` (a refused form) is itself no broken resource.
    """
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.wait_for_load_state("load")
    if status != 200:
        answered = f"{status} {page.url}"
        assert answered in page.broken_resources, f"expected {answered}"
        page.broken_resources.remove(answered)
    assert_page_healthy(page)  # axe on a page without its stylesheet proves little


def _open_details(page: Any) -> None:
    """Show what folded ``<details>`` hide, so axe checks it too."""
    page.locator("details").evaluate_all("all => all.forEach(d => { d.open = true; })")


@pytest.mark.parametrize("language", LANGUAGES)
def test_space_week(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    room: Space,
    member: Any,
    taken: Booking,
    mine: Booking,
    language: str,
) -> None:
    """A week with free, taken, own and (normally) passed slots."""
    page = _member_page(new_page, log_in, member, language)
    page.goto(f"{live_server.url}/{language}/spaces/{room.pk}/week/")
    _ready(page, language)
    expect(page.locator("li.slot-taken").first).to_be_visible()
    expect(page.locator("li.slot-mine").first).to_be_visible()
    expect(page.locator("li.slot-free a").first).to_be_visible()
    expect(page.locator("li.slot-taken a.slot-wait").first).to_be_visible()
    _open_details(page)
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_booking_form_and_refusal_with_waitlist(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    room: Space,
    member: Any,
    taken: Booking,
    language: str,
) -> None:
    """The form from a slot link, then the answer to booking a taken time:
    the reason, and a button to join the waitlist."""
    page = _member_page(new_page, log_in, member, language)
    query = f"day={_day(1).isoformat()}&start=10:00&end=10:30"
    page.goto(f"{live_server.url}/{language}/spaces/{room.pk}/book/?{query}")
    _ready(page, language)
    expect(page.locator("input[name=start]")).to_have_value("10:00")
    _open_details(page)
    _assert_no_violations(axe, page)

    page.locator(f"form[action$='/spaces/{room.pk}/book/'] button[type=submit]").click()

    expect(page.locator("#booking-error[role=alert]")).to_be_visible()
    _ready(page, language, status=409)
    expect(page.locator(f"form[action$='/spaces/{room.pk}/wait/'] button")).to_be_visible()
    _open_details(page)
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_booking_form_with_field_errors(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    room: Space,
    member: Any,
    language: str,
) -> None:
    """Errors beside the fields: an end before the start, too many people."""
    page = _member_page(new_page, log_in, member, language)
    query = f"day={_day(1).isoformat()}&start=11:00&end=10:00"
    page.goto(f"{live_server.url}/{language}/spaces/{room.pk}/book/?{query}")
    page.locator("input[name=attendees]").fill("0")
    page.locator("form.form-narrow").evaluate("form => { form.noValidate = true; }")
    page.locator(f"form[action$='/spaces/{room.pk}/book/'] button[type=submit]").click()

    expect(page.locator(".field .errorlist").first).to_be_visible()
    _ready(page, language, status=400)
    expect(page.locator("input[name=attendees]")).to_have_attribute("aria-invalid", "true")
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_booking_page(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    member: Any,
    mine: Booking,
    language: str,
) -> None:
    """The member's coming booking: details, change form, cancel button."""
    page = _member_page(new_page, log_in, member, language)
    page.goto(f"{live_server.url}/{language}/bookings/{mine.public_id}/")
    _ready(page, language)
    expect(page.locator("form[action$='/change/'] button")).to_be_visible()
    expect(page.locator("form[action$='/cancel/'] button")).to_be_visible()
    _open_details(page)
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_my_bookings_with_a_waitlist_offer(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    room: Space,
    member: Any,
    other_member: Any,
    taken: Booking,
    mine: Booking,
    language: str,
) -> None:
    """An offer to take, a coming booking, a time still waited for, a cancelled
    booking among the earlier ones, and the calendar address."""
    offered = waitlist.waitlist_join(
        space=room, member=member, starts_at=_at(1, 10), ends_at=_at(1, 10, 30)
    )
    services.booking_cancel(booking=taken, actor=other_member)
    offered.refresh_from_db()
    assert offered.status == WaitlistStatus.OFFERED
    later = services.booking_create(
        space=room, member=other_member, starts_at=_at(2, 14), ends_at=_at(2, 15)
    )
    waitlist.waitlist_join(
        space=room, member=member, starts_at=later.starts_at, ends_at=later.ends_at
    )
    given_back = services.booking_create(
        space=room, member=member, starts_at=_at(3, 9), ends_at=_at(3, 9, 30)
    )
    services.booking_cancel(booking=given_back, actor=member)
    services.calendar_feed_renew(member=member)
    page = _member_page(new_page, log_in, member, language)
    page.goto(f"{live_server.url}/{language}/me/bookings/")
    _ready(page, language)
    expect(page.locator("section.offer")).to_have_count(1)
    expect(page.locator("#feed-url")).to_be_visible()
    expect(page.locator("table")).to_have_count(2)
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_find_with_results(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    office: Office,
    room: Space,
    hall: Space,
    member: Any,
    language: str,
) -> None:
    page = _member_page(new_page, log_in, member, language)
    query = f"duration=60&attendees=2&kind=&office={office.slug}&needs=step_free_entrance"
    page.goto(f"{live_server.url}/{language}/bookings/find/?{query}")
    _ready(page, language)
    expect(page.locator("#find-results li").first).to_be_visible()
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_host_day(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    office: Office,
    room: Space,
    hall: Space,
    host: Any,
    member: Any,
    taken: Booking,
    mine: Booking,
    language: str,
) -> None:
    """Tomorrow's schedule, a hall booking to approve, a no-show and a waitlist."""
    services.booking_create(
        space=hall, member=member, starts_at=_at(3, 10), ends_at=_at(3, 12), attendees=40
    )
    services.booking_create(
        space=room,
        visitor_name="Fatima",
        actor=host,
        starts_at=_at(1, 14),
        ends_at=_at(1, 15),
        purpose="Möte med kommunen",
    )
    waitlist.waitlist_join(space=room, member=member, starts_at=_at(1, 10), ends_at=_at(1, 11))
    # Booked earlier for a slot two hours ago; nobody came, so it was released.
    # (Should yesterday have been a holiday, the host may book outside hours.)
    now = timezone.now()
    gone = timezone.localtime(now - timedelta(hours=2))
    gone = gone.replace(minute=gone.minute - gone.minute % 30, second=0, microsecond=0)
    services.booking_create(
        space=room,
        visitor_name="Ali",
        actor=host,
        starts_at=gone,
        ends_at=gone + HALF_HOUR,
        override_reason="Kvällsmöte",
        at=gone - timedelta(hours=1),
    )
    page = _member_page(new_page, log_in, host, language)
    page.goto(f"{live_server.url}/{language}/host/{office.slug}/bookings/?date={_day(1)}")
    _ready(page, language)
    expect(page.locator("section[aria-labelledby=schedule-heading] tbody tr")).to_have_count(3)
    expect(page.locator("section[aria-labelledby=pending-heading] form")).to_have_count(1)
    expect(page.locator("section[aria-labelledby=noshow-heading] li")).to_have_count(1)
    expect(page.locator("section[aria-labelledby=waitlist-heading] li")).to_have_count(1)
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_book_on_behalf_form(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    office: Office,
    room: Space,
    host: Any,
    language: str,
) -> None:
    """The empty form, then the form sent without whom it is for."""
    page = _member_page(new_page, log_in, host, language)
    page.goto(f"{live_server.url}/{language}/host/{office.slug}/bookings/new/")
    _ready(page, language)
    expect(page.locator("select[name=space]")).to_be_visible()
    _assert_no_violations(axe, page)

    page.locator("select[name=space]").select_option(str(room.pk))
    page.locator("input[name=start]").fill("10:00")
    page.locator("input[name=end]").fill("11:00")
    page.locator("form.form-narrow button[type=submit]").click()

    expect(page.locator("form .errorlist[role=alert]").first).to_be_visible()
    _ready(page, language, status=400)
    _assert_no_violations(axe, page)
