"""Booking journeys in a real browser: a member books, is e-mailed and cancels;
a host books a room for a visitor at the desk."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from publicoffice.accounts.models import NamedPermission, Role
from publicoffice.bookings.models import Booking, BookingStatus
from publicoffice.places.models import Office
from publicoffice.staff.services import role_assign
from tests.browser.conftest import assert_page_healthy
from tests.factories import SpaceFactory, UserFactory

#: Tasks run at once, in the request that queues them, and e-mail stays in memory.
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"
BOOKING_URL = r"/bookings/[0-9a-f-]{36}/$"
#: A slot of tomorrow: bookable whenever the tests run, and never in the past.
START, END = "10:00", "10:30"


def _(message: str, language: str = "en") -> str:
    """A message as the pages show it in ``language`` (English until translated)."""
    with translation.override(language):
        return gettext(message)


def _tomorrow() -> date:
    return timezone.localdate() + timedelta(days=1)


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    return always_open_office(
        slug="rinkeby", name="Rinkeby kontor", name_en="Rinkeby office", name_ar="مكتب رينكبي"
    )


@pytest.fixture
def room(office: Office) -> Any:
    return SpaceFactory(
        office=office,
        name="Mötesrum Ek",
        name_en="Oak meeting room",
        kind="meeting_room",
        capacity=6,
        is_bookable=True,
    )


@pytest.fixture
def member(transactional_db: None) -> Any:
    return UserFactory(email="amina@example.org", display_name="Amina")


@pytest.fixture
def host(office: Office) -> Any:
    user: Any = UserFactory(email="host@example.org", display_name="Värd")
    role_assign(
        user=user, role=Role.HOST, office=office, permissions=[NamedPermission.BOOK_ON_BEHALF]
    )
    return user


@pytest.fixture
def mail_at_once(settings: Any) -> list[Any]:
    """E-mail queued after commit is sent before the response, into ``mail.outbox``."""
    settings.EMAIL_BACKEND = LOCMEM_EMAIL
    settings.TASKS = IMMEDIATE_TASKS
    mail.outbox = []
    return mail.outbox


def _slot(page: Any, day: date, start: str, end: str) -> Any:
    """One slot of the week view: its list item on that day."""
    day_section = page.locator(f"#week section.week-day[aria-labelledby='day-{day:%Y%m%d}']")
    return day_section.locator("li.slot", has_text=f"{start}–{end}")


def _calendar_files(message: Any) -> list[str]:
    """The text of the message's calendar attachments, whichever form Django keeps."""
    found = []
    for attachment in message.attachments:
        if isinstance(attachment, tuple):
            filename, content, mimetype = attachment
        else:  # a MIMEBase part
            filename, mimetype = attachment.get_filename(), attachment.get_content_type()
            content = attachment.get_payload(decode=True)
        if (filename or "").endswith(".ics") or mimetype == "text/calendar":
            found.append(content.decode() if isinstance(content, bytes) else content)
    return found


def test_member_books_a_room_gets_the_confirmation_and_cancels(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    office: Office,
    room: Any,
    member: Any,
    mail_at_once: list[Any],
) -> None:
    """The issue's journey, in English: office page → week → slot → form →
    booking page and e-mail → cancel → the slot is free again."""
    page = new_page(locale="en")
    log_in(page, member)
    page.goto(f"{live_server.url}/en/offices/{office.slug}/")
    panel = page.locator("section.book-panel")
    expect(panel.locator("h2")).to_have_text(_("Book a desk or a room"))
    panel.get_by_role("link", name=room.name_en).click()

    week_url = f"{live_server.url}/en/spaces/{room.pk}/week/"
    page.wait_for_url(week_url)
    expect(page.locator("h1")).to_have_text(room.name_en)
    tomorrow = _tomorrow()
    slot = _slot(page, tomorrow, START, END)
    expect(slot).to_have_class(re.compile(r"\bslot-free\b"))
    free_link = slot.get_by_role("link")
    expect(free_link).to_contain_text(_("Free: book"))
    page.wait_for_load_state("load")
    assert_page_healthy(page)
    # By keyboard: the slot is a link that takes focus and follows on Enter.
    free_link.focus()
    expect(free_link).to_be_focused()
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/en/spaces/{room.pk}/book/")))
    expect(page.get_by_label(_("Day"))).to_have_value(tomorrow.isoformat())
    expect(page.get_by_label(_("From"))).to_have_value(START)
    expect(page.get_by_label(_("To"))).to_have_value(END)
    page.get_by_label(_("What is it for? (optional)")).fill("Study group")
    page.get_by_role("button", name=_("Book"), exact=True).click()

    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/en") + BOOKING_URL))
    expect(page.locator(".messages")).to_contain_text(
        _("Booked! A confirmation is on its way by e-mail.")
    )
    expect(page.locator("h1")).to_contain_text(room.name_en)
    expect(page.locator("dl")).to_contain_text(f"{START}–{END}")
    expect(page.locator("dl")).to_contain_text(_("Confirmed"))
    assert_page_healthy(page)
    booking = Booking.objects.get()
    assert (booking.member, booking.space, booking.status) == (
        member,
        room,
        BookingStatus.CONFIRMED,
    )
    assert timezone.localtime(booking.starts_at).date() == tomorrow
    assert booking.purpose == "Study group"
    assert str(booking.public_id) in page.url

    # The confirmation went out once the booking was committed, with a calendar file.
    assert len(mail_at_once) == 1, "no confirmation e-mail was sent"
    confirmation = mail_at_once[0]
    assert confirmation.to == [member.email]
    [calendar_file] = _calendar_files(confirmation)
    assert calendar_file.startswith("BEGIN:VCALENDAR")
    assert str(booking.public_id) in calendar_file

    page.get_by_role("button", name=_("Cancel the booking")).click()

    page.wait_for_url(f"{live_server.url}/en/me/bookings/")
    expect(page.locator(".messages")).to_contain_text(
        _("Your booking is cancelled. Thank you for giving the time back.")
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert len(mail_at_once) == 2, "no e-mail about the cancellation"
    assert mail_at_once[1].to == [member.email]

    page.goto(week_url)
    slot = _slot(page, tomorrow, START, END)
    expect(slot).to_have_class(re.compile(r"\bslot-free\b"))
    expect(slot.get_by_role("link")).to_contain_text(_("Free: book"))
    assert_page_healthy(page)


def test_week_view_moves_to_the_next_week_in_place(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    room: Any,
    member: Any,
) -> None:
    """ "Next week" swaps only the week (htmx) and puts the new week in the address."""
    page = new_page(locale="en")
    log_in(page, member)
    week_url = f"{live_server.url}/en/spaces/{room.pk}/week/"
    page.goto(week_url)
    page.wait_for_load_state("load")
    page.evaluate("window.notReloaded = true")
    next_start = timezone.localdate() + timedelta(days=7)

    page.locator("#week nav").get_by_role("link", name=_("Next week")).click()

    page.wait_for_url(f"{week_url}?start={next_start.isoformat()}")
    expect(page.locator(f"#day-{next_start:%Y%m%d}")).to_be_visible()
    expect(page.locator(f"#day-{timezone.localdate():%Y%m%d}")).to_have_count(0)
    expect(page.locator("#week")).to_have_count(1)
    assert page.evaluate("window.notReloaded === true"), "the whole page was reloaded"
    expect(_slot(page, next_start, START, END).get_by_role("link")).to_contain_text(_("Free: book"))
    assert_page_healthy(page)


def test_host_books_a_room_for_a_visitor(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    office: Office,
    room: Any,
    host: Any,
) -> None:
    """From the office page to the host's day, the on-behalf form, and the
    booking in the day's schedule."""
    page = new_page(locale="sv")
    log_in(page, host)
    page.goto(f"{live_server.url}/sv/offices/{office.slug}/")
    page.get_by_role("link", name=_("Today's bookings at this office", "sv")).click()
    day_url = f"{live_server.url}/sv/host/{office.slug}/bookings/"
    page.wait_for_url(day_url)
    page.get_by_role("link", name=_("Book for a visitor or member", "sv")).click()

    page.wait_for_url(f"{day_url}new/")
    tomorrow = _tomorrow()
    page.get_by_label(_("Space", "sv"), exact=True).select_option(str(room.pk))
    page.get_by_label(_("Day", "sv"), exact=True).fill(tomorrow.isoformat())
    page.get_by_label(_("From", "sv"), exact=True).fill("14:00")
    page.get_by_label(_("To", "sv"), exact=True).fill("15:00")
    page.get_by_label(_("Number of people", "sv")).fill("2")
    page.get_by_label(_("Or the visitor's first name", "sv")).fill("Fatima")
    page.get_by_role("button", name=_("Book", "sv"), exact=True).click()

    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/sv") + BOOKING_URL))
    expect(page.locator(".messages")).to_contain_text(
        _("Booked for %(who)s.", "sv") % {"who": "Fatima"}
    )
    assert_page_healthy(page)
    booking = Booking.objects.get()
    assert (booking.member, booking.visitor_name, booking.booked_by) == (None, "Fatima", host)
    assert (booking.attendees, booking.status) == (2, BookingStatus.CONFIRMED)

    page.get_by_role("link", name=_("Bookings at this office", "sv")).click()

    page.wait_for_url(f"{day_url}?date={tomorrow.isoformat()}")
    rows = page.locator("section[aria-labelledby=schedule-heading] tbody tr")
    expect(rows).to_have_count(1)
    row = rows.first
    expect(row).to_contain_text(room.name)
    expect(row).to_contain_text("14:00–15:00")
    expect(row).to_contain_text("Fatima")
    expect(row.locator("td").nth(3)).to_have_text("2")
    assert_page_healthy(page)
