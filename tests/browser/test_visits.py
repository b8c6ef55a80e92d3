"""Check-in journeys in a real browser: QR code on a phone, the kiosk, the host's desk."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

from publicoffice.accounts.models import Role
from publicoffice.places.models import Office
from publicoffice.staff.services import role_assign
from publicoffice.visits import services
from publicoffice.visits.models import Source, Visit, VisitCorrection
from publicoffice.visits.tokens import day_token
from publicoffice.visits.views.kiosk import KIOSK_COOKIE
from tests.browser.conftest import assert_page_healthy
from tests.factories import UserFactory

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
#: The kiosk's thank-you screen goes back after six seconds; allow some slack.
KIOSK_RETURN_MS = 10_000
#: Whether everything drawn in an <svg> lies inside the box the page gives it.
INSIDE_ITS_BOX = """svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll("path, rect")].every(shape => {
    const drawn = shape.getBoundingClientRect();
    return drawn.left >= box.left - 1 && drawn.top >= box.top - 1
      && drawn.right <= box.right + 1 && drawn.bottom <= box.bottom + 1;
  });
}"""


def _(message: str, language: str = "sv") -> str:
    """A message as the pages show it in ``language`` (English until translated)."""
    with translation.override(language):
        return gettext(message)


def _people(count: int) -> str:
    """ "3 people" as the desk shows a headcount entry in Swedish."""
    with translation.override("sv"):
        return ngettext("%(counter)s person", "%(counter)s people", count) % {"counter": count}


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    return always_open_office(
        slug="rinkeby", name="Rinkeby kontor", name_en="Rinkeby office", name_ar="مكتب رينكبي"
    )


@pytest.fixture
def host(office: Office) -> Any:
    user = UserFactory(email="host@example.org")
    role_assign(user=user, role=Role.HOST, office=office)
    return user


def _checkin_url(live_server: Any, office: Office, day_offset: int = 0) -> str:
    """The link in the QR code of today's poster (or of an older one)."""
    day = timezone.localdate() + timedelta(days=day_offset)
    return f"{live_server.url}/sv/offices/{office.slug}/checkin/{day_token(office.pk, day)}/"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_phone_checks_in_by_qr_code_and_answers_the_survey(
    new_page: Callable[..., Any], live_server: Any, office: Office, javascript: bool
) -> None:
    """A visitor scans the poster, taps "I'm here" and answers the three
    questions; tapping again on the same phone still counts one visit."""
    page = new_page(locale="sv", javascript=javascript, **PHONE)
    checkin_url = _checkin_url(live_server, office)
    response = page.goto(checkin_url)
    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_contain_text(office.name)
    im_here = page.get_by_role("button", name=_("I'm here"))
    expect(im_here).to_be_visible()
    page.wait_for_load_state("load")
    assert_page_healthy(page)
    # The button is a big target, and the page fits the phone's width.
    box = im_here.bounding_box()
    assert box is not None and box["height"] >= 48
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    im_here.tap()

    page.wait_for_url(re.compile(re.escape(live_server.url) + r"/sv/visits/[0-9a-f-]{36}/$"))
    thanks_url = page.url
    expect(page.locator("h1")).to_have_text(_("Thank you, you are checked in"))
    survey = page.locator("form.survey")
    fieldsets = survey.locator("fieldset")
    expect(fieldsets).to_have_count(4)
    # One tap on a label per question; the labels are the touch targets.
    answers = {
        "would_otherwise": "home",
        "travel_mode": "bike",
        "commute_band": "5-10",
        "usual_mode": "public_transport",
    }
    for index, (field, value) in enumerate(answers.items()):
        label = fieldsets.nth(index).locator("label", has=page.locator(f"input[value='{value}']"))
        label.tap()
        expect(page.locator(f"input[name={field}][value='{value}']")).to_be_checked()
    survey.get_by_role("button", name=_("Send answers")).tap()

    page.wait_for_url(thanks_url)
    expect(page.locator("form.survey")).to_have_count(0)
    expect(page.locator(".messages")).to_contain_text(_("Thank you for answering."))
    expect(page.locator("main")).to_contain_text(_("Thank you for answering the questions."))
    assert_page_healthy(page)
    visit = Visit.objects.get()
    assert visit.source == Source.QR
    assert (
        visit.would_otherwise,
        visit.travel_mode,
        visit.commute_band,
        visit.usual_mode,
    ) == tuple(answers.values())
    assert visit.device_hash  # the phone is recognised today ...
    assert visit.member is None  # ... and nobody is named

    # Back to the check-in page and tap again: the device cookie counts it once.
    page.go_back()
    page.go_back()
    expect(page).to_have_url(checkin_url)
    page.get_by_role("button", name=_("I'm here")).tap()

    page.wait_for_url(thanks_url)
    expect(page.locator(".messages")).to_contain_text(
        _("You were already checked in. You are counted once.")
    )
    assert Visit.objects.count() == 1
    assert_page_healthy(page)


def test_yesterdays_qr_code_explains_and_counts_nobody(
    new_page: Callable[..., Any], live_server: Any, office: Office
) -> None:
    page = new_page(locale="sv", **PHONE)
    response = page.goto(_checkin_url(live_server, office, day_offset=-1))

    assert response.status == 410
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    yesterday = timezone.localdate() - timedelta(days=1)
    expect(alert).to_contain_text(str(yesterday.day))
    expect(page.locator("form.checkin-form")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile(re.escape(office.name)))).to_have_attribute(
        "href", f"/sv/offices/{office.slug}/"
    )
    assert page.js_errors == []
    assert not Visit.objects.exists()


def test_kiosk_in_arabic_checks_in_and_returns_by_itself(
    new_page: Callable[..., Any], live_server: Any, office: Office, host: Any
) -> None:
    device, key = services.kiosk_create(office=office, name="Entré", by=host)
    page = new_page(locale="ar", viewport={"width": 1024, "height": 768}, has_touch=True)
    page.goto(f"{live_server.url}/ar/kiosk/unlock/?key={key}")
    expect(page.locator("input[name=key]")).to_have_value(key)
    page.locator("form.form-narrow button[type=submit]").click()

    kiosk_url = f"{live_server.url}/ar/kiosk/"
    page.wait_for_url(kiosk_url)
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_contain_text(office.name_ar)
    # Each language is offered in its own script, marked with its language.
    picker = page.locator("nav.kiosk-languages")
    for code, name in {"sv": "svenska", "ar": "العربيّة", "so": "Soomaali", "ti": "ትግርኛ"}.items():
        expect(picker.locator(f"a[lang={code}]")).to_have_text(name)
    expect(picker.locator("a[lang=ar]")).to_have_attribute("aria-current", "true")
    # The QR code for phones is shown whole, not cropped by the layout.
    qr = page.locator(".kiosk-qr svg")
    expect(qr).to_have_attribute("role", "img")
    assert qr.evaluate(INSIDE_ITS_BOX), "the QR code is cropped"
    page.wait_for_load_state("load")
    assert_page_healthy(page)

    page.get_by_role("button", name=_("I'm here", "ar")).tap()

    page.wait_for_url(f"{live_server.url}/ar/kiosk/thanks/")
    expect(page.locator("h1")).to_have_text(_("Thank you, welcome!", "ar"))
    expect(page.get_by_role("status").first).to_have_text(_("You are checked in.", "ar"))
    visit = Visit.objects.get()
    assert (visit.source, visit.office_id, visit.device_hash) == (Source.KIOSK, office.pk, "")
    # Ready for the next visitor without anyone touching it.
    page.wait_for_url(kiosk_url, timeout=KIOSK_RETURN_MS)
    expect(page.get_by_role("button", name=_("I'm here", "ar"))).to_be_visible()
    assert_page_healthy(page)

    # A revoked kiosk stops at once.
    services.kiosk_revoke(device=device)
    response = page.reload()
    assert response.status == 403
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("button", name=_("I'm here", "ar"))).to_have_count(0)
    assert Visit.objects.filter(source=Source.KIOSK).count() == 1


def test_kiosk_thanks_screen_can_be_kept(
    new_page: Callable[..., Any], live_server: Any, office: Office, host: Any
) -> None:
    """Whoever needs longer than six seconds can stop the screen going back."""
    _device, key = services.kiosk_create(office=office, name="Entré", by=host)
    page = new_page(locale="sv")
    page.clock.install()  # the page's timers run on a clock the test moves
    page.context.add_cookies([{"name": KIOSK_COOKIE, "value": key, "url": live_server.url}])
    page.goto(f"{live_server.url}/sv/kiosk/")
    page.get_by_role("button", name=_("I'm here")).click()
    thanks_url = f"{live_server.url}/sv/kiosk/thanks/"
    page.wait_for_url(thanks_url)

    page.get_by_role("button", name=_("Stay on this screen")).click()

    expect(page.locator(".kiosk-return [role=status]")).to_have_text(
        _("This screen stays until you tap Back.")
    )
    back = page.get_by_role("link", name=_("Back"))
    expect(back).to_be_focused()
    page.clock.run_for(60_000)
    expect(page.get_by_role("button", name=_("Stay on this screen"))).to_be_hidden()
    assert page.url == thanks_url
    back.click()
    page.wait_for_url(f"{live_server.url}/sv/kiosk/")
    assert_page_healthy(page)


def test_kiosk_thanks_screen_goes_back_without_javascript_too(
    new_page: Callable[..., Any], live_server: Any, office: Office, host: Any
) -> None:
    """Without JavaScript a meta refresh, parsed only then, takes the screen back."""
    _device, key = services.kiosk_create(office=office, name="Entré", by=host)
    refresh = "meta[http-equiv=refresh]"
    for javascript, count in [(False, 1), (True, 0)]:
        page = new_page(locale="sv", javascript=javascript)
        page.context.add_cookies([{"name": KIOSK_COOKIE, "value": key, "url": live_server.url}])
        page.goto(f"{live_server.url}/sv/kiosk/thanks/")
        expect(page.locator(refresh)).to_have_count(count)
    expect(page.locator("noscript")).to_have_count(1)
    assert "6;url=/sv/kiosk/" in (page.locator("noscript").text_content() or "")


def test_host_counts_visitors_and_corrects_the_count(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    office: Office,
    host: Any,
) -> None:
    page = new_page(locale="sv")
    log_in(page, host)
    desk_url = f"{live_server.url}/sv/host/{office.slug}/"
    page.goto(desk_url)
    expect(page.locator("h1")).to_contain_text(office.name)
    entries = page.locator("#count-heading ~ ul.entries > li")
    expect(entries).to_have_count(0)

    page.get_by_label(_("Number of visitors to add")).fill("3")
    page.locator(f"form[action='/sv/host/{office.slug}/headcount/'] button[type=submit]").click()

    page.wait_for_url(desk_url)
    expect(page.locator(".messages")).to_contain_text(_("Added to today's count."))
    expect(entries).to_have_count(1)
    entry = entries.first
    expect(entry.locator("p").first).to_contain_text(_people(3))
    expect(entry.locator("p").first).to_contain_text(host.email)
    expect(entry.locator("details")).to_have_count(0)
    headcount = Visit.objects.get(source=Source.STAFF)
    assert (headcount.people, headcount.recorded_by) == (3, host)

    entry.get_by_label(_("Correct number (0 removes)")).fill("2")
    entry.get_by_label(_("Reason")).fill("Två gick direkt")
    entry.get_by_role("button", name=_("Correct")).click()

    page.wait_for_url(desk_url)
    expect(page.locator(".messages")).to_contain_text(
        _("The count is corrected; the change is logged.")
    )
    expect(entry.locator("p").first).to_contain_text(_people(2))
    log = entry.locator("details")
    expect(log.locator("li")).not_to_be_visible()
    log.locator("summary").click()
    expect(log.locator("li")).to_have_count(1)
    expect(log.locator("li")).to_be_visible()
    expect(log.locator("li")).to_contain_text("3 → 2")
    expect(log.locator("li")).to_contain_text("Två gick direkt")
    expect(log.locator("li")).to_contain_text(host.email)
    headcount.refresh_from_db()
    assert headcount.people == 2
    correction = VisitCorrection.objects.get()
    assert (correction.people_before, correction.people_after) == (3, 2)
    assert_page_healthy(page)

    # Today's poster prints its QR code whole.
    page.get_by_role("link", name=_("Poster A4")).click()
    page.wait_for_url(f"{desk_url}poster/?size=a4")
    assert page.locator(".poster-qr svg").evaluate(INSIDE_ITS_BOX), "the QR code is cropped"
    assert_page_healthy(page)
