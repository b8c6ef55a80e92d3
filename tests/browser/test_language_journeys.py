"""Journeys in the languages the site was translated for, in a real browser.

A Somali speaker without JavaScript registers for an event; a Tigrinya
phone opens the poster's language-neutral check-in link; a Persian speaker
books a desk right to left. Every text is looked up with ``gettext`` in the
journey's language, so the tests speak the translation, whatever it says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from publicoffice.accounts.models import Role
from publicoffice.bookings.models import Booking, BookingStatus
from publicoffice.events.models import Event, Registration, RegistrationStatus
from publicoffice.events.notifications import SUBJECTS as EVENT_SUBJECTS
from publicoffice.events.services import event_create
from publicoffice.places.models import Office
from publicoffice.staff.services import role_assign
from publicoffice.visits.models import Source, Visit
from publicoffice.visits.tokens import day_token
from tests.browser.conftest import assert_page_healthy
from tests.factories import SpaceFactory, UserFactory

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PASSWORD = "a-good-test-password"  # tests.factories.UserFactory's
#: A slot of tomorrow: bookable whenever the tests run, and never in the past.
START, END = "10:00", "10:30"

OFFICE_NAMES = {
    "name": "Rinkeby kontor",
    "name_en": "Rinkeby office",
    "name_ar": "مكتب رينكبي",
    "name_fa": "دفتر رینکبی",
    "name_so": "Xafiiska Rinkeby",
    "name_ti": "ቤት ጽሕፈት ሪንከቢ",
}
EVENT_TITLES = {
    "sv": "Språkcafé",
    "en": "Language café",
    "ar": "مقهى اللغة",
    "fa": "کافه زبان",
    "so": "Kafeega luqadda",
    "ti": "ካፈ ቋንቋ",
}


def _(message: str, language: str) -> str:
    """A message as the pages show it in ``language``."""
    with translation.override(language):
        return gettext(message)


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    return always_open_office(slug="rinkeby", **OFFICE_NAMES)


@pytest.fixture
def mail_at_once(settings: Any) -> list[Any]:
    """E-mail queued after commit is sent before the response, into ``mail.outbox``."""
    settings.EMAIL_BACKEND = LOCMEM_EMAIL
    settings.TASKS = IMMEDIATE_TASKS
    mail.outbox = []
    return mail.outbox


def _member(language: str) -> Any:
    """A member who signed up in ``language`` (so it is their account's language)."""
    return UserFactory(
        email=f"{language}-member@example.org", display_name="Hodan", preferred_language=language
    )


@pytest.fixture
def event(office: Office) -> Event:
    """Tomorrow evening at the office, ten seats, with a title in every language."""
    host: Any = UserFactory(email="host@example.org", display_name="Värd")
    role_assign(user=host, role=Role.HOST, office=office)
    tomorrow = timezone.localdate() + timedelta(days=1)
    starts = timezone.make_aware(datetime.combine(tomorrow, datetime.min.time())) + timedelta(
        hours=17
    )
    event = event_create(
        office=office,
        actor=host,
        title=EVENT_TITLES["sv"],
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=10,
    )
    for code, title in EVENT_TITLES.items():
        setattr(event, f"title_{code}", title)
    event.save()
    return event


def test_somali_speaker_without_javascript_registers_for_an_event(
    new_page: Callable[..., Any], live_server: Any, event: Event, mail_at_once: list[Any]
) -> None:
    """From the events list to a seat, logging in on the way, all in Somali."""
    member = _member("so")
    page = new_page(locale="so", javascript=False)
    page.goto(f"{live_server.url}/so/events/")
    expect(page.locator("html")).to_have_attribute("lang", "so")
    page.get_by_role("link", name=EVENT_TITLES["so"]).first.click()

    event_url = f"{live_server.url}/so/events/{event.public_id}/"
    page.wait_for_url(event_url)
    expect(page.locator("h1")).to_have_text(EVENT_TITLES["so"])
    page.get_by_role("link", name=_("Log in to register", "so")).click()

    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/so/accounts/login/")))
    expect(page.locator("h1")).to_have_text(_("Log in", "so"))
    page.get_by_label(_("E-mail address", "so")).fill(member.email)
    page.get_by_label(_("Password", "so")).fill(PASSWORD)
    page.locator("main form").get_by_role("button", name=_("Log in", "so")).click()

    page.wait_for_url(event_url)
    page.get_by_role("button", name=_("Register", "so"), exact=True).click()

    page.wait_for_url(event_url)
    expect(page.locator("html")).to_have_attribute("lang", "so")
    expect(page.locator(".messages")).to_contain_text(_("You are registered. Welcome!", "so"))
    expect(page.locator("section.event-register")).to_contain_text(_("You have a seat.", "so"))
    assert_page_healthy(page)
    registration = Registration.objects.get(event=event)
    assert (registration.member, registration.status) == (member, RegistrationStatus.REGISTERED)
    # The confirmation by e-mail is in Somali too.
    (message,) = mail_at_once
    with translation.override("so"):
        subject_start = str(EVENT_SUBJECTS["registered"]).split("%(title)s")[0]
    assert message.subject.startswith(subject_start)
    assert f"/so/events/{event.public_id}/" in message.body


def test_tigrinya_phone_checks_in_by_the_language_neutral_qr_link(
    new_page: Callable[..., Any], live_server: Any, office: Office
) -> None:
    """The poster's link has no language in it; a Tigrinya phone gets Tigrinya."""
    page = new_page(locale="ti-ER", **PHONE)
    token = day_token(office.pk, timezone.localdate())
    neutral = f"/offices/{office.slug}/checkin/{token}/"
    response = page.goto(live_server.url + neutral)

    assert response is not None and response.status == 200
    page.wait_for_url(f"{live_server.url}/ti{neutral}")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ti")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_contain_text(OFFICE_NAMES["name_ti"])
    im_here = page.get_by_role("button", name=_("I'm here", "ti"))
    expect(im_here).to_be_visible()
    page.wait_for_load_state("load")
    assert_page_healthy(page)

    im_here.tap()

    page.wait_for_url(re.compile(re.escape(live_server.url) + r"/ti/visits/[0-9a-f-]{36}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ti")
    expect(page.locator("h1")).to_have_text(_("Thank you, you are checked in", "ti"))
    assert_page_healthy(page)
    visit = Visit.objects.get()
    assert (visit.office, visit.source) == (office, Source.QR)

    # The language switcher is at hand on the result page, and it works.
    switcher = page.get_by_role("navigation", name=_("Language", "ti"))
    expect(switcher).to_be_visible()
    swedish = switcher.locator("[lang=sv]")
    expect(swedish).to_be_visible()
    expect(switcher.locator("[lang=ti]")).to_have_attribute("aria-current", "true")
    thanks_path = page.url.removeprefix(f"{live_server.url}/ti")
    swedish.tap()
    page.wait_for_url(f"{live_server.url}/sv{thanks_path}")
    expect(page.locator("h1")).to_have_text(_("Thank you, you are checked in", "sv"))


def _slot(page: Any, day: Any, start: str, end: str) -> Any:
    """One slot of the week view: its list item on that day."""
    day_section = page.locator(f"#week section.week-day[aria-labelledby='day-{day:%Y%m%d}']")
    return day_section.locator("li.slot", has_text=f"{start}–{end}")


def test_persian_speaker_books_a_desk_right_to_left(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    office: Office,
    mail_at_once: list[Any],
) -> None:
    """Office page → the desk's week → a free slot → the form → the booking, in Persian."""
    desk: Any = SpaceFactory(
        office=office,
        kind="desk",
        capacity=1,
        is_bookable=True,
        name="Skrivbord 1",
        name_en="Desk 1",
        name_fa="میز ۱",
    )
    member = _member("fa")
    page = new_page(locale="fa")
    log_in(page, member)
    page.goto(f"{live_server.url}/fa/offices/{office.slug}/")
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    panel = page.locator("section.book-panel")
    expect(panel.locator("h2")).to_have_text(_("Book a desk or a room", "fa"))
    panel.get_by_role("link", name=desk.name_fa).click()

    page.wait_for_url(f"{live_server.url}/fa/spaces/{desk.pk}/week/")
    expect(page.locator("h1")).to_have_text(desk.name_fa)
    tomorrow = timezone.localdate() + timedelta(days=1)
    free = _slot(page, tomorrow, START, END).get_by_role("link")
    expect(free).to_contain_text(_("Free: book", "fa"))
    free.click()

    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/fa/spaces/{desk.pk}/book/")))
    expect(page.get_by_label(_("Day", "fa"))).to_have_value(tomorrow.isoformat())
    expect(page.get_by_label(_("From", "fa"))).to_have_value(START)
    expect(page.get_by_label(_("To", "fa"))).to_have_value(END)
    page.get_by_role("button", name=_("Book", "fa"), exact=True).click()

    page.wait_for_url(re.compile(re.escape(f"{live_server.url}/fa") + r"/bookings/[0-9a-f-]{36}/$"))
    expect(html).to_have_attribute("lang", "fa")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator(".messages")).to_contain_text(
        _("Booked! A confirmation is on its way by e-mail.", "fa")
    )
    expect(page.locator("h1")).to_contain_text(desk.name_fa)
    expect(page.locator("dl")).to_contain_text(f"{START}–{END}")
    with translation.override("fa"):
        confirmed = str(BookingStatus.CONFIRMED.label)
    expect(page.locator("dl")).to_contain_text(confirmed)
    assert_page_healthy(page)
    booking = Booking.objects.get()
    assert (booking.member, booking.space, booking.status) == (
        member,
        desk,
        BookingStatus.CONFIRMED,
    )
    (message,) = mail_at_once
    assert message.extra_headers["Content-Language"] == "fa"
    assert f"/fa/bookings/{booking.public_id}/" in message.body
