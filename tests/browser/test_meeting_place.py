"""Meeting-place journeys in a real browser.

1. A newcomer who reads Arabic makes a profile looking for bookkeeping,
   finds a bookkeeper in the directory and writes to them; the bookkeeper
   accepts in Swedish, and only then do both see each other's e-mail.
2. Two members and an event with one seat left: the first takes it, the
   second waits in line, the first cancels and the seat moves on.

The newcomer uses a phone with JavaScript off: every step is a plain form
or link. Forms are filled by their labels, as a screen-reader user finds
them: a control without a usable accessible name fails here first.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

from publicoffice.accounts.models import Role
from publicoffice.community.models import ContactRequest, Profile, RequestStatus, Tag
from publicoffice.community.services.profiles import profile_create
from publicoffice.core.timeutils import local_zone
from publicoffice.events.models import Event, Registration, RegistrationStatus
from publicoffice.events.services import event_create, registration_create
from publicoffice.places.models import Office
from publicoffice.staff.services import role_assign
from tests.browser.conftest import assert_page_healthy
from tests.factories import LanguageFactory, UserFactory

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"
UUID = r"[0-9a-f-]{36}"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
NEWCOMER_EMAIL = "layla@example.org"
BOOKKEEPER_EMAIL = "anna@lindqvist.example"
PRESENTATION = "مرحبا! وصلت إلى رينكبي قبل شهر وأبدأ مشروعا صغيرا للخياطة."
ARABIC_TITLE = "مقهى اللغة"
MESSAGE = "مرحبا، أحتاج مساعدة في مسك الدفاتر لمشروعي الجديد. هل يمكننا أن نلتقي؟"


def _(message: str, language: str) -> str:
    """A message as the pages show it in ``language`` (English until translated)."""
    with translation.override(language):
        return gettext(message)


def _n(singular: str, plural: str, count: int, language: str) -> str:
    """A ``{% blocktranslate count %}`` message as the pages show it."""
    with translation.override(language):
        return ngettext(singular, plural, count) % {"counter": count}


def install_vocabulary() -> dict[str, Tag]:
    """The curated words by code, put back if an earlier test's flush removed them.

    The words come from a data migration; browser tests run on a
    transactional database, which is emptied after every test, so the
    migration's own function installs them again (the same rows, the same
    search terms) rather than a copy of it.
    """
    if not Tag.objects.curated().exists():
        migration = importlib.import_module(
            "publicoffice.community.migrations.0002_curated_vocabulary"
        )
        migration.load_curated_vocabulary(apps, None)
    return {tag.slug: tag for tag in Tag.objects.curated()}


@pytest.fixture
def vocabulary(transactional_db: None) -> dict[str, Tag]:
    return install_vocabulary()


@pytest.fixture
def languages(transactional_db: None) -> dict[str, Any]:
    return {
        "sv": LanguageFactory(code="sv", endonym="svenska", name="svenska"),
        "ar": LanguageFactory(code="ar", endonym="العربية", name="arabiska"),
    }


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    return always_open_office(
        slug="rinkeby", name="Rinkeby kontor", name_en="Rinkeby office", name_ar="مكتب رينكبي"
    )


@pytest.fixture
def mail_at_once(settings: Any) -> list[Any]:
    """E-mail queued after commit is sent before the response, into ``mail.outbox``."""
    settings.EMAIL_BACKEND = LOCMEM_EMAIL
    settings.TASKS = IMMEDIATE_TASKS
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def newcomer(transactional_db: None) -> Any:
    return UserFactory(email=NEWCOMER_EMAIL, display_name="Layla", preferred_language="ar")


@pytest.fixture
def bookkeeper(transactional_db: None) -> Any:
    return UserFactory(email="anna@example.org", display_name="Anna", preferred_language="sv")


@pytest.fixture
def bookkeeper_profile(
    bookkeeper: Any, office: Office, vocabulary: dict[str, Tag], languages: dict[str, Any]
) -> Profile:
    """A bookkeeping firm at the office; its e-mail is shared only after acceptance."""
    return profile_create(
        owner=bookkeeper,
        kind="business",
        name="Lindqvist Redovisning",
        visibility="members",
        presentation="Jag hjälper små företag och föreningar med bokföring och bokslut.",
        presentation_language="sv",
        offers=[vocabulary["bookkeeping"]],
        languages=[languages["sv"]],
        home_offices=[office],
        contact_email=BOOKKEEPER_EMAIL,
    )


@pytest.fixture
def carpenter_profile(transactional_db: None, office: Office, vocabulary: dict[str, Tag]) -> Any:
    """Someone else at the office, whom a search for bookkeeping must not find."""
    return profile_create(
        owner=UserFactory(email="omar@example.org", display_name="Omar"),
        kind="person",
        name="Omar Snickare",
        visibility="members",
        presentation="Snickare med egen verkstad.",
        offers=[vocabulary["carpentry"]],
        home_offices=[office],
        contact_email="omar@snickeri.example",
    )


def _create_profile_in_arabic(page: Any, base: str, bookkeeping: str) -> None:
    """Fill the profile form the way the newcomer would, by the labels she reads."""
    ar = "ar"
    page.goto(f"{base}/ar/me/profiles/new/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(_("Create a profile", ar))
    kind = page.get_by_role("group", name=_("What kind of profile is it?", ar))
    kind.get_by_label(_("Person", ar), exact=True).check()
    page.get_by_label(_("Name", ar), exact=True).fill("ليلى حسن")
    page.get_by_label(_("Short presentation", ar)).fill(PRESENTATION)
    page.get_by_label(_("The presentation is written in", ar)).select_option("ar")
    page.get_by_label(_("I am new in town and would like to get to know people", ar)).check()
    needs = page.get_by_role("group", name=_("What are you looking for?", ar), exact=True)
    needs.get_by_label(bookkeeping, exact=True).check()
    visibility = page.get_by_role("group", name=_("Who can see the profile?", ar))
    visibility.get_by_label(_("Members only: signed-in members can see it", ar), exact=True).check()
    page.get_by_label(_("E-mail to share", ar)).fill(NEWCOMER_EMAIL)
    page.get_by_role("button", name=_("Create the profile", ar)).click()


def test_newcomer_in_arabic_finds_a_bookkeeper_who_accepts_in_swedish(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    mail_at_once: list[Any],
    vocabulary: dict[str, Tag],
    newcomer: Any,
    bookkeeper: Any,
    bookkeeper_profile: Profile,
    carpenter_profile: Profile,
) -> None:
    base = live_server.url
    ar, sv = "ar", "sv"
    with translation.override(ar):
        bookkeeping = str(vocabulary["bookkeeping"].name)
    assert re.search(r"[\u0600-\u06ff]", bookkeeping), "the tag has no Arabic name"

    # -- The newcomer makes her profile in Arabic, on a phone, without JavaScript.
    page = new_page(locale=ar, javascript=False, **PHONE)
    log_in(page, newcomer)
    _create_profile_in_arabic(page, base, bookkeeping)

    page.wait_for_url(re.compile(rf"{re.escape(base)}/ar/profiles/{UUID}/$"))
    expect(page.locator(".messages")).to_contain_text(_("Your profile is saved.", ar))
    mine = Profile.objects.get(admins=newcomer)
    assert (mine.kind, mine.presentation_language, mine.is_new_in_town) == ("person", "ar", True)
    assert mine.presentation == PRESENTATION
    assert [tag.slug for tag in mine.needs.all()] == ["bookkeeping"]
    assert mine.contact_email == NEWCOMER_EMAIL
    presentation = page.locator("article.profile .lead")
    expect(presentation).to_contain_text(PRESENTATION)
    expect(presentation).to_have_attribute("lang", "ar")
    expect(presentation).to_have_attribute("dir", re.compile(r"^(auto|rtl)$"))
    expect(page.locator("article.profile")).to_contain_text(_("New in town", ar))
    expect(page.locator("article.profile")).to_contain_text(bookkeeping)
    assert_page_healthy(page)

    # -- She finds a bookkeeper: a search in Arabic, narrowed to what is offered.
    page.get_by_role("navigation", name=_("Main menu", ar)).get_by_role(
        "link", name=_("Directory", ar)
    ).click()
    page.wait_for_url(f"{base}/ar/directory/")
    expect(
        page.get_by_role("navigation", name=_("Main menu", ar)).get_by_role(
            "link", name=_("Directory", ar)
        )
    ).to_have_attribute("aria-current", "page")
    search = page.get_by_role("search", name=_("Search the directory", ar))
    search.get_by_label(_("Search", ar), exact=True).fill("محاسبة")
    search.get_by_label(_("Offers", ar), exact=True).select_option(label=bookkeeping)
    search.get_by_role("button", name=_("Search", ar), exact=True).click()
    page.wait_for_url(re.compile(re.escape(f"{base}/ar/directory/?")))
    results = page.locator("section[aria-labelledby=results-heading]")
    expect(results.locator("[role=status]")).to_have_text(
        _n("%(counter)s profile found", "%(counter)s profiles found", 1, ar)
    )
    expect(results).not_to_contain_text(carpenter_profile.name)
    results.get_by_role("link", name=bookkeeper_profile.name).click()

    # -- The bookkeeper's profile: no e-mail on it, only a way to ask.
    page.wait_for_url(f"{base}/ar/profiles/{bookkeeper_profile.public_id}/")
    expect(page.locator("h1")).to_have_text(bookkeeper_profile.name)
    expect(page.locator("article.profile .lead")).to_have_attribute("lang", "sv")
    expect(page.locator("body")).not_to_contain_text(BOOKKEEPER_EMAIL)
    page.get_by_role("link", name=_("Send a contact request", ar)).click()

    page.wait_for_url(f"{base}/ar/profiles/{bookkeeper_profile.public_id}/contact/")
    expect(page.get_by_label(_("Write as", ar))).to_have_value(str(mine.public_id))
    page.get_by_label(_("Message", ar), exact=True).fill(MESSAGE)
    page.get_by_role("button", name=_("Send the request", ar)).click()

    page.wait_for_url(f"{base}/ar/me/contacts/")
    expect(page.locator(".messages")).to_contain_text(
        _(
            "Your request has been sent. You will get an e-mail when it is accepted; "
            "until then nobody sees anyone's contact details.",
            ar,
        )
    )
    sent = page.locator("section[aria-labelledby=sent-heading]")
    expect(sent).to_contain_text(bookkeeper_profile.name)
    expect(sent).to_contain_text(MESSAGE)
    expect(page.locator("body")).not_to_contain_text(BOOKKEEPER_EMAIL)
    assert_page_healthy(page)
    request = ContactRequest.objects.get()
    assert (request.sender_profile, request.recipient, request.status) == (
        mine,
        bookkeeper_profile,
        RequestStatus.PENDING,
    )
    # The bookkeeper is told by e-mail, without the newcomer's address or message.
    [notice] = mail_at_once
    assert notice.to == [bookkeeper.email]
    assert NEWCOMER_EMAIL not in notice.body
    assert MESSAGE not in notice.body

    # -- The bookkeeper reads and accepts in Swedish.
    other = new_page(locale=sv)
    log_in(other, bookkeeper)
    other.goto(f"{base}/sv/me/contacts/")
    expect(other.locator("html")).to_have_attribute("lang", "sv")
    expect(other.locator("html")).to_have_attribute("dir", "ltr")
    received = other.locator("section[aria-labelledby=received-heading]")
    expect(received).to_contain_text(mine.name)
    expect(received.locator("blockquote")).to_have_text(MESSAGE)
    their_presentation = received.locator("p[lang=ar]")
    expect(their_presentation).to_contain_text(PRESENTATION)
    expect(their_presentation).to_have_attribute("dir", "auto")
    expect(other.locator("body")).not_to_contain_text(NEWCOMER_EMAIL)
    received.get_by_role("button", name=_("Accept", sv)).click()

    other.wait_for_url(f"{base}/sv/me/contacts/")
    expect(other.locator(".messages")).to_contain_text(
        _("You accepted. Now you can both see how to reach each other.", sv)
    )
    contacts = other.locator("section[aria-labelledby=accepted-heading]")
    expect(contacts).to_contain_text(mine.name)
    expect(contacts.get_by_role("link", name=NEWCOMER_EMAIL)).to_have_attribute(
        "href", f"mailto:{NEWCOMER_EMAIL}"
    )
    assert_page_healthy(other)
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert [message.to for message in mail_at_once[1:]] == [[newcomer.email]]

    # -- The newcomer now sees how to reach the bookkeeper.
    page.reload()
    contacts = page.locator("section[aria-labelledby=accepted-heading]")
    expect(contacts).to_contain_text(bookkeeper_profile.name)
    expect(contacts.get_by_role("link", name=BOOKKEEPER_EMAIL)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_page_healthy(page)


# -- An event with one seat left, and its waitlist.


def _tomorrow_at(hour: int) -> datetime:
    return datetime.combine(
        timezone.localdate() + timedelta(days=1), time(hour), tzinfo=local_zone()
    )


@pytest.fixture
def host(office: Office) -> Any:
    user: Any = UserFactory(email="host@example.org", display_name="Värd")
    role_assign(user=user, role=Role.HOST, office=office)
    return user


@pytest.fixture
def last_seat_event(office: Office, host: Any) -> Event:
    """Tomorrow evening, two seats, one of them already taken."""
    event = event_create(
        office=office,
        actor=host,
        title="Språkcafé",
        description="Vi pratar svenska och arabiska över en kopp te.",
        starts_at=_tomorrow_at(17),
        ends_at=_tomorrow_at(19),
        capacity=2,
    )
    # Staff add translations in the admin; the Arabic page shows this title.
    Event.objects.filter(pk=event.pk).update(title_ar=ARABIC_TITLE)
    registration_create(event=event, member=UserFactory(email="early@example.org"))
    event.refresh_from_db()
    return event


def test_a_freed_seat_goes_to_the_first_in_line(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    mail_at_once: list[Any],
    last_seat_event: Event,
) -> None:
    base = live_server.url
    sv, ar = "sv", "ar"
    event_path = f"events/{last_seat_event.public_id}/"
    first: Any = UserFactory(email="johan@example.org", display_name="Johan")
    second: Any = UserFactory(
        email="samira@example.org", display_name="Samira", preferred_language=ar
    )

    # -- The first member takes the last seat, in Swedish.
    page = new_page(locale=sv)
    log_in(page, first)
    page.goto(f"{base}/sv/events/")
    card = page.locator("article.event-card", has_text=last_seat_event.title)
    expect(card).to_contain_text(_n("%(counter)s seat left", "%(counter)s seats left", 1, sv))
    card.get_by_role("link", name=last_seat_event.title).click()
    page.wait_for_url(f"{base}/sv/{event_path}")
    page.get_by_role("button", name=_("Register", sv), exact=True).click()
    page.wait_for_url(f"{base}/sv/{event_path}")
    expect(page.locator(".messages")).to_contain_text(_("You are registered. Welcome!", sv))
    expect(page.locator(".event-register")).to_contain_text(_("You have a seat.", sv))
    assert_page_healthy(page)

    # -- The second, in Arabic, finds it full and joins the line.
    waiting_page = new_page(locale=ar)
    log_in(waiting_page, second)
    waiting_page.goto(f"{base}/ar/{event_path}")
    expect(waiting_page.locator("html")).to_have_attribute("dir", "rtl")
    expect(waiting_page.locator("h1")).to_have_text(ARABIC_TITLE)
    expect(waiting_page.locator(".event-full")).to_contain_text(_("Full", ar))
    waiting_page.get_by_role("button", name=_("Join the waitlist", ar)).click()
    waiting_page.wait_for_url(f"{base}/ar/{event_path}")
    expect(waiting_page.locator(".event-line")).to_contain_text(
        _("You are on the waitlist: number %(place)s in line.", ar) % {"place": 1}
    )
    waiting_page.get_by_role("navigation", name=_("Main menu", ar)).get_by_role(
        "link", name=_("My events", ar)
    ).click()
    waiting_page.wait_for_url(f"{base}/ar/me/events/")
    waiting = waiting_page.locator("section[aria-labelledby=waiting-heading]")
    expect(waiting.get_by_role("link", name=ARABIC_TITLE)).to_be_visible()
    expect(waiting).to_contain_text(_("Number %(place)s in line", ar) % {"place": 1})
    expect(waiting_page.locator("section[aria-labelledby=registered-heading] li")).to_have_count(0)
    assert Registration.objects.get(event=last_seat_event, member=second).status == (
        RegistrationStatus.WAITING
    )

    # -- The first cannot come after all and gives the seat back.
    sent_before = len(mail_at_once)
    page.get_by_role("button", name=_("Cancel my registration", sv)).click()
    page.wait_for_url(f"{base}/sv/{event_path}")
    expect(page.locator(".messages")).to_contain_text(
        _("Your registration is cancelled. Thank you for telling us.", sv)
    )
    expect(page.get_by_role("button", name=_("Join the waitlist", sv))).to_be_visible()
    assert_page_healthy(page)

    # -- The seat is the second member's, on "My events", and she was told.
    waiting_page.reload()
    seated = waiting_page.locator("section[aria-labelledby=registered-heading]")
    expect(seated.get_by_role("link", name=ARABIC_TITLE)).to_be_visible()
    expect(waiting_page.locator("section[aria-labelledby=waiting-heading] li")).to_have_count(0)
    assert_page_healthy(waiting_page)
    assert Registration.objects.get(event=last_seat_event, member=second).status == (
        RegistrationStatus.REGISTERED
    )
    assert Registration.objects.get(event=last_seat_event, member=first).status == (
        RegistrationStatus.CANCELLED
    )
    told = [address for message in mail_at_once[sent_before:] for address in message.to]
    assert second.email in told, "the member who got the seat was not told"
