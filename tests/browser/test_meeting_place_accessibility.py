"""axe-core finds no WCAG 2.1 A/AA violations on the meeting place, LTR and RTL.

One small network holds everything the pages can show: profiles of every
visibility with presentations in Arabic and Swedish, curated and free words,
links; contact requests waiting and accepted; events with seats left, full
with a waitlist, cancelled, and one running today so the week has something
whatever day the tests run; two members shown as here today. Each page is
checked in Swedish and Arabic, as a member and (for the public pages) as an
anonymous visitor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from publicoffice.accounts.models import Role
from publicoffice.community.models import Profile
from publicoffice.community.services.contacts import (
    contact_request_answer,
    contact_request_send,
)
from publicoffice.community.services.presence import presence_show
from publicoffice.community.services.profiles import profile_create
from publicoffice.core.timeutils import local_zone
from publicoffice.events.models import Event
from publicoffice.events.services import event_create, event_set_status, registration_create
from publicoffice.places.models import Language, Office
from publicoffice.staff.services import role_assign
from publicoffice.visits.models import Source, Visit
from publicoffice.visits.services import visit_check_in
from tests.browser.conftest import assert_page_healthy
from tests.browser.test_accessibility import AXE_OPTIONS, _report
from tests.browser.test_meeting_place import install_vocabulary
from tests.factories import AccessibilityFactsFactory, LanguageFactory, SpaceFactory, UserFactory

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]


@dataclass(frozen=True)
class Network:
    """What the pages are checked with; paths name these by attribute."""

    office: Office
    member: Any
    own_profile: Profile
    public_profile: Profile
    event: Event
    full_event: Event
    visit: Visit


#: Page → (path after the language prefix, filled from :class:`Network`;
#: whether a member looks at it, or an anonymous visitor; what must show,
#: so that axe checks the page with its content and not an empty state).
PAGES: dict[str, tuple[str, bool, str]] = {
    "directory": ("directory/", True, ".profile-card >> nth=2"),
    "directory anonymous": ("directory/", False, ".profile-card >> nth=1"),
    "directory searched": (
        "offices/{n.office.slug}/directory/?q=%D9%85%D8%AD%D8%A7%D8%B3%D8%A8%D8%A9"
        "&offer=bookkeeping",
        True,
        ".profile-card .profile-tags",
    ),
    "profile": ("profiles/{n.public_profile.public_id}/", True, ".profile-links a"),
    "profile anonymous": (
        "profiles/{n.public_profile.public_id}/",
        False,
        "article.profile .lead[lang=sv]",
    ),
    "own profile": ("profiles/{n.own_profile.public_id}/", True, ".lead[lang=ar][dir=auto]"),
    "meeting place hub": ("me/meeting-place/", True, "#connect-summary-heading"),
    "contacts": ("me/contacts/", True, "section[aria-labelledby=received-heading] button"),
    "who to meet": ("me/who-to-meet/", True, "ul.reasons li"),
    "events": ("events/", True, "article.event-card-cancelled"),
    "events anonymous": ("events/", False, "article.event-card .event-full"),
    "week": ("events/this-week/", True, ".event-today article.event-card"),
    "event registered": (
        "events/{n.event.public_id}/",
        True,
        "form[action$='/cancel-registration/'] button",
    ),
    "event full": ("events/{n.full_event.public_id}/", True, ".event-register button"),
    "event anonymous": ("events/{n.event.public_id}/", False, ".event-register a.button"),
    "my events": ("me/events/", True, "section[aria-labelledby=registered-heading] li"),
    "here today": (
        "offices/{n.office.slug}/here-today/",
        True,
        ".entries .badges bdi[lang=ar][dir=auto]",
    ),
    "here today anonymous": ("offices/{n.office.slug}/here-today/", False, ".entries > li"),
    "checked in, shown here today": (
        "visits/{n.visit.public_id}/",
        True,
        "form[action$='/here-today/']:has(input[value=hide]) button",
    ),
}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _at(days: int, hour: int) -> datetime:
    return datetime.combine(
        timezone.localdate() + timedelta(days=days), time(hour), tzinfo=local_zone()
    )


def _profiles(office: Office, languages: dict[str, Language], member: Any) -> tuple[Any, ...]:
    """The member's own profile, a public bookkeeper and an association."""
    tags = install_vocabulary()
    own = profile_create(
        owner=member,
        kind="person",
        name="ليلى حسن",
        visibility="members",
        presentation="مرحبا! وصلت إلى رينكبي قبل شهر وأبدأ مشروعا صغيرا للخياطة.",
        presentation_language="ar",
        is_new_in_town=True,
        offers=[tags["translation"], "حلويات سورية"],
        needs=[tags["bookkeeping"]],
        needs_text="أبحث عن محاسب يتكلم العربية",
        languages=[languages["ar"], languages["sv"]],
        home_offices=[office],
        contact_email="layla@example.org",
    )
    bookkeeper = UserFactory(email="anna@example.org", display_name="Anna")
    public = profile_create(
        owner=bookkeeper,
        kind="business",
        name="Lindqvist Redovisning",
        visibility="public",
        presentation="Jag hjälper små företag och föreningar med bokföring och bokslut.",
        presentation_language="sv",
        offers=[tags["bookkeeping"], "momsdeklaration"],
        needs=[tags["translation"]],
        offers_text="Första mötet är gratis.",
        languages=[languages["sv"], languages["ar"]],
        home_offices=[office],
        links=[("https://lindqvist.example", "Vår webbplats"), ("https://example.org/x", "")],
        contact_email="anna@lindqvist.example",
        contact_phone="08-123 456 78",
    )
    association = profile_create(
        owner=UserFactory(email="forening@example.org", display_name="Hodan"),
        kind="association",
        name="Somaliska kvinnoföreningen",
        visibility="public",
        presentation="Waxaan nahay urur haween ah oo ku yaal Rinkeby.",
        presentation_language="so",
        offers=[tags["translation"]],
        needs=[tags["bookkeeping"]],
        home_offices=[office],
    )
    return own, public, bookkeeper, association


def _events(office: Office, host: Any, member: Any, languages: dict[str, Language]) -> tuple:
    """An event the member has a seat at, a full one, a cancelled one, one today."""
    room: Any = SpaceFactory(
        office=office, name="Mötesrum Ek", name_ar="غرفة البلوط", kind="meeting_room", capacity=8
    )
    event = event_create(
        office=office,
        actor=host,
        title="Språkcafé",
        description="Vi pratar svenska och arabiska över en kopp te.\n\nAlla är välkomna.",
        starts_at=_at(1, 17),
        ends_at=_at(1, 19),
        space=room,
        capacity=6,
        languages=[languages["sv"], languages["ar"]],
        accessibility_notes="Hörslinga finns. Ingång utan trappsteg.",
    )
    Event.objects.filter(pk=event.pk).update(title_ar="مقهى اللغة")
    registration_create(event=event, member=member)
    full = event_create(
        office=office,
        actor=host,
        title="Starta eget: bokföring för nybörjare",
        starts_at=_at(2, 13),
        ends_at=_at(2, 15),
        capacity=1,
        audience="adults",
        languages=[languages["ar"]],
    )
    registration_create(event=full, member=UserFactory(email="first@example.org"))
    registration_create(event=full, member=UserFactory(email="second@example.org"))
    cancelled = event_create(
        office=office, actor=host, title="Läxhjälp", starts_at=_at(3, 15), ends_at=_at(3, 17)
    )
    event_set_status(event=cancelled, actor=host, status="cancelled", note="Ledaren är sjuk.")
    # Running all of today, made "yesterday", so the week is never empty.
    midnight = _at(0, 0)
    event_create(
        office=office,
        actor=host,
        title="Öppet hus",
        starts_at=midnight,
        ends_at=midnight + timedelta(hours=23, minutes=59),
        at=midnight - timedelta(minutes=1),
    )
    return event, full


@pytest.fixture
def network(always_open_office: Callable[..., Office]) -> Network:
    office = always_open_office(
        slug="rinkeby", name="Rinkeby kontor", name_en="Rinkeby office", name_ar="مكتب رينكبي"
    )
    AccessibilityFactsFactory(office=office, step_free_entrance=True)
    always_open_office(slug="husby", name="Husby kontor", name_ar="مكتب هوسبي")
    languages: dict[str, Any] = {
        "sv": LanguageFactory(code="sv", endonym="svenska", name="svenska"),
        "ar": LanguageFactory(code="ar", endonym="العربية", name="arabiska"),
        "so": LanguageFactory(code="so", endonym="Soomaali", name="somaliska"),
    }
    member = UserFactory(email="layla@example.org", display_name="Layla")
    own, public, bookkeeper, association = _profiles(office, languages, member)
    # One request the member accepted, one to her and one from her, both waiting.
    accepted = contact_request_send(
        sender=bookkeeper, sender_profile=public, recipient=own, message="Hej! Jag kan hjälpa."
    )
    contact_request_answer(request=accepted, actor=member, accept=True)
    waiting = profile_create(
        owner=UserFactory(email="omar@example.org", display_name="Omar"),
        kind="person",
        name="Omar Snickare",
        visibility="members",
        presentation="Snickare med egen verkstad. Söker någon som kan översätta.",
        needs=["översättning"],
    )
    contact_request_send(
        sender=waiting.admins.get(),
        sender_profile=waiting,
        recipient=own,
        message="Hej Layla! Kan du hjälpa mig med en översättning?",
    )
    contact_request_send(
        sender=member,
        sender_profile=own,
        recipient=association,
        message="مرحبا، هل تحتاجون إلى ترجمة؟ 🙂",
    )
    host: Any = UserFactory(email="host@example.org", display_name="Värd")
    role_assign(user=host, role=Role.HOST, office=office)
    event, full = _events(office, host, member, languages)
    # The member and the bookkeeper are at the office and show themselves.
    visit = visit_check_in(office=office, source=Source.MEMBER, member=member).visit
    presence_show(visit=visit, profile=own, audience="members")
    theirs = visit_check_in(office=office, source=Source.MEMBER, member=bookkeeper).visit
    presence_show(visit=theirs, profile=public, audience="public")
    return Network(
        office=office,
        member=member,
        own_profile=own,
        public_profile=public,
        event=event,
        full_event=full,
        visit=visit,
    )


def _assert_no_violations(axe: Axe, page: Any) -> None:
    results = axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if violations:
        pytest.fail("axe found violations:\n" + _report(violations), pytrace=False)


def _ready(page: Any, language: str, status: int = 200) -> None:
    """The page is in the language asked for, loaded, and nothing of it broke.

    A page answered with ``status`` (a refused form) is itself no broken resource.
    """
    expect(page.locator("html")).to_have_attribute("lang", language)
    direction = "rtl" if language in ("ar", "fa") else "ltr"
    expect(page.locator("html")).to_have_attribute("dir", direction)
    page.wait_for_load_state("load")
    if status != 200:
        answered = f"{status} {page.url}"
        assert answered in page.broken_resources, f"expected {answered}"
        page.broken_resources.remove(answered)
    assert_page_healthy(page)  # axe on a page without its stylesheet proves little


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_name", list(PAGES))
def test_no_axe_violations(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    network: Network,
    page_name: str,
    language: str,
) -> None:
    path, as_member, content = PAGES[page_name]
    page = new_page(locale=language)
    if as_member:
        log_in(page, network.member)
    page.goto(f"{live_server.url}/{language}/{path.format(n=network)}")
    _ready(page, language)
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(content).first).to_be_visible()
    # Every text a person wrote is marked with its language for screen readers.
    for element in page.locator("main [lang]").all():
        assert element.get_attribute("lang"), f"an empty lang attribute on {page.url}"
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_profile_form_with_errors(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    network: Network,
    language: str,
) -> None:
    """The profile form sent empty: an error summary linked to the fields."""
    page = new_page(locale=language)
    log_in(page, network.member)
    page.goto(f"{live_server.url}/{language}/me/profiles/new/")
    _ready(page, language)
    _assert_no_violations(axe, page)

    page.locator("form.profile-form button[type=submit]").click()

    summary = page.locator("#profile-errors[role=alert]")
    expect(summary).to_be_visible()
    _ready(page, language, status=400)
    assert Profile.objects.filter(admins=network.member).count() == 1, "an empty form saved"
    # Every error in the summary leads to its field, and following it focuses the field.
    targets = summary.locator("a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    assert "id_name" in targets
    for target in targets:
        expect(page.locator(f"[id='{target}']")).to_be_attached()
    name = page.locator("#id_name")
    expect(name).to_have_attribute("aria-invalid", "true")
    summary.locator("a[href='#id_name']").click()
    expect(name).to_be_focused()
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_form_with_errors(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    network: Network,
    language: str,
) -> None:
    """A contact request sent without a message."""
    page = new_page(locale=language)
    log_in(page, network.member)
    page.goto(f"{live_server.url}/{language}/profiles/{network.public_profile.public_id}/contact/")
    _ready(page, language)
    _assert_no_violations(axe, page)

    page.locator("form.form-narrow button[type=submit]").click()

    expect(page.locator(".error-summary[role=alert]")).to_be_visible()
    _ready(page, language, status=400)
    _assert_no_violations(axe, page)
