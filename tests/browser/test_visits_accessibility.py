"""axe-core finds no WCAG 2.1 A/AA violations on the visits pages, LTR and RTL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from publicoffice.accounts.models import Role
from publicoffice.places.models import Office
from publicoffice.staff.services import role_assign
from publicoffice.visits import services
from publicoffice.visits.models import Source
from publicoffice.visits.tokens import day_token, device_hash
from publicoffice.visits.views.kiosk import KIOSK_COOKIE
from tests.browser.conftest import assert_page_healthy
from tests.browser.test_accessibility import AXE_OPTIONS, _report
from tests.factories import AccessibilityFactsFactory, UserFactory

LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]
#: Page script that never runs timers of five seconds or more (axe needs short ones).
HOLD_LONG_TIMERS = """(() => {
  const setTimeout = window.setTimeout;
  window.setTimeout = (callback, delay, ...rest) =>
    delay >= 5000 ? 0 : setTimeout(callback, delay, ...rest);
})();"""


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    """An open office with a few people checked in, so occupancy shows."""
    office = always_open_office(
        slug="rinkeby", name="Rinkeby kontor", name_en="Rinkeby office", name_ar="مكتب رينكبي"
    )
    AccessibilityFactsFactory(office=office, step_free_entrance=True)
    for device in ("phone-a", "phone-b"):
        services.visit_check_in(
            office=office,
            source=Source.QR,
            device_hash=device_hash(device, timezone.localdate()),
        )
    return office


@pytest.fixture
def host(office: Office) -> Any:
    user = UserFactory(email="host@example.org")
    role_assign(user=user, role=Role.HOST, office=office)
    return user


@pytest.fixture
def kiosk_key(office: Office, host: Any) -> str:
    _device, key = services.kiosk_create(office=office, name="Entré", by=host)
    return key


def _checkin_path(office: Office) -> str:
    return f"offices/{office.slug}/checkin/{day_token(office.pk, timezone.localdate())}/"


def _assert_no_violations(axe: Axe, page: Any) -> None:
    results = axe.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if violations:
        pytest.fail("axe found violations:\n" + _report(violations), pytrace=False)


def _open(new_page: Callable[..., Any], live_server: Any, language: str, path: str) -> Any:
    page = new_page(locale=language)
    page.goto(f"{live_server.url}/{language}/{path}")
    return page


def _ready(page: Any, language: str) -> None:
    """The page is in the language asked for, loaded, and nothing of it broke."""
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.wait_for_load_state("load")
    assert_page_healthy(page)  # axe on a page without its stylesheet proves little


@pytest.mark.parametrize("language", LANGUAGES)
def test_checkin_page(
    new_page: Callable[..., Any], live_server: Any, axe: Axe, office: Office, language: str
) -> None:
    page = _open(new_page, live_server, language, _checkin_path(office))
    _ready(page, language)
    expect(page.locator("form.checkin-form button[type=submit]")).to_be_visible()
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_thanks_page_with_survey(
    new_page: Callable[..., Any], live_server: Any, axe: Axe, office: Office, language: str
) -> None:
    page = _open(new_page, live_server, language, _checkin_path(office))
    page.locator("form.checkin-form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/{language}/visits/*/")
    _ready(page, language)
    expect(page.locator("form.survey fieldset")).to_have_count(4)
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_kiosk_page(
    new_page: Callable[..., Any], live_server: Any, axe: Axe, kiosk_key: str, language: str
) -> None:
    page = new_page(locale=language)
    page.context.add_cookies([{"name": KIOSK_COOKIE, "value": kiosk_key, "url": live_server.url}])
    page.goto(f"{live_server.url}/{language}/kiosk/")
    _ready(page, language)
    expect(page.locator("button.button-huge")).to_be_visible()
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_kiosk_thanks_page(
    new_page: Callable[..., Any], live_server: Any, axe: Axe, kiosk_key: str, language: str
) -> None:
    page = new_page(locale=language)
    # The screen goes back by itself after six seconds; keep it for the check.
    page.add_init_script(HOLD_LONG_TIMERS)
    page.context.add_cookies([{"name": KIOSK_COOKIE, "value": kiosk_key, "url": live_server.url}])
    page.goto(f"{live_server.url}/{language}/kiosk/")
    page.locator("button.button-huge").click()
    page.wait_for_url(f"{live_server.url}/{language}/kiosk/thanks/")
    _ready(page, language)
    expect(page.locator(".kiosk-stay button")).to_be_visible()
    _assert_no_violations(axe, page)
    assert page.url == f"{live_server.url}/{language}/kiosk/thanks/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_host_desk(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    office: Office,
    host: Any,
    kiosk_key: str,
    language: str,
) -> None:
    """Every part of the desk: figures, chart, entries with a change log, kiosks
    (active and revoked) and a new kiosk's one-time link."""
    entry = services.headcount_add(office=office, people=3, by=host)
    services.headcount_correct(visit=entry, people=2, by=host, reason="Räknade fel")
    services.headcount_add(office=office, people=1, by=host)
    old_kiosk, _key = services.kiosk_create(office=office, name="Gamla surfplattan", by=host)
    services.kiosk_revoke(device=old_kiosk)
    page = new_page(locale=language)
    log_in(page, host)
    page.goto(f"{live_server.url}/{language}/host/{office.slug}/")
    _ready(page, language)
    # Creating a kiosk shows its one-time link on the desk page.
    page.locator(f"form[action$='/host/{office.slug}/kiosks/'] button[type=submit]").click()
    expect(page.locator(".message[role=status] code")).to_contain_text("/kiosk/unlock/?key=")
    _ready(page, language)
    page.locator("details").first.evaluate("details => { details.open = true; }")
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_office_page_for_a_member(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    axe: Axe,
    office: Office,
    language: str,
) -> None:
    """The office page shows a member how full it is and a check-in button."""
    page = new_page(locale=language)
    log_in(page, UserFactory(email="member@example.org"))
    page.goto(f"{live_server.url}/{language}/offices/{office.slug}/")
    _ready(page, language)
    expect(page.locator(".visit-panel .occupancy")).to_be_visible()
    panel_form = page.locator(f".visit-panel form[action$='/offices/{office.slug}/check-in/']")
    expect(panel_form.locator("button[type=submit]")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon").first).to_be_attached()
    _assert_no_violations(axe, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_page(
    new_page: Callable[..., Any], live_server: Any, transactional_db: None, axe: Axe, language: str
) -> None:
    page = _open(new_page, live_server, language, "privacy/")
    _ready(page, language)
    _assert_no_violations(axe, page)
