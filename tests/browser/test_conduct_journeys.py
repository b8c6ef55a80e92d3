"""The conduct journey in a real browser, from an incident to a lifted restriction.

A host working in Swedish records an incident at the office and decides a
30-day booking restriction; the member, reading Arabic, is refused a
booking, reads the statement of reasons and appeals; an operator admin
lifts the restriction with reasons; the member books again.

Every text is looked up with ``gettext`` in the journey's language, so the
tests speak the translation, whatever it says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from playwright.sync_api import expect

from publicoffice.bookings.models import Booking
from publicoffice.conduct.models import Appeal, AppealOutcome, Sanction, SanctionState
from publicoffice.places.models import Office
from tests.browser.conftest import assert_page_healthy
from tests.dialogue.factories import host_of, operator_admin_of, person
from tests.factories import SpaceFactory

FACTS = "Lämnade studierummet med spilld läsk över tangentbordet."
GROUNDS = "Regel 6: håll ordning. Du får inte boka här i 30 dagar."
APPEAL = "لم أكن آخر من استخدم الغرفة؛ كان هناك شخص بعدي."
REPLY = "Bokningslistan visar att någon annan bokade rummet efter dig. Beslutet hävs."


def _(message: str, language: str) -> str:
    with translation.override(language):
        return gettext(message)


def _p(context: str, message: str, language: str) -> str:
    with translation.override(language):
        return pgettext(context, message)


def _tomorrow() -> date:
    return timezone.localdate() + timedelta(days=1)


@pytest.fixture
def office(always_open_office: Callable[..., Office]) -> Office:
    return always_open_office(
        slug="ronna", name="Ronna kontor", name_en="Ronna office", name_ar="مكتب رونا"
    )


@pytest.fixture
def room(office: Office) -> Any:
    return SpaceFactory(
        office=office,
        name="Studierum",
        name_ar="غرفة الدراسة",
        kind="meeting_room",
        capacity=4,
        is_bookable=True,
    )


def _book(page: Any, live_server: Any, room: Any) -> None:
    """The member's booking form for tomorrow 10:00–10:30, in Arabic, sent."""
    day = _tomorrow()
    page.goto(
        f"{live_server.url}/ar/spaces/{room.pk}/book/?day={day.isoformat()}&start=10:00&end=10:30"
    )
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("button", name=_("Book", "ar"), exact=True).click()
    page.wait_for_load_state("load")


def _host_records_and_restricts(page: Any, live_server: Any, office: Office) -> Sanction:
    page.goto(f"{live_server.url}/sv/staff/offices/{office.slug}/incidents/new/")
    page.get_by_label(_p("incident category", "Damage to the premises", "sv"), exact=True).check()
    page.get_by_label(_p("incident severity", "Serious", "sv"), exact=True).check()
    page.get_by_label(_("What happened", "sv"), exact=True).fill(FACTS)
    page.get_by_label(_("The member involved: their e-mail", "sv")).fill("tariq@example.org")
    page.get_by_role("button", name=_("Record the incident", "sv")).click()
    expect(page.locator(".messages")).to_contain_text(_("The incident is recorded.", "sv"))
    assert_page_healthy(page)

    page.get_by_role("link", name=_("Take a decision on it", "sv")).click()
    expect(page.get_by_label(_("The member's e-mail", "sv"))).to_have_value("tariq@example.org")
    page.get_by_label(_p("sanction kind", "Restriction", "sv"), exact=True).check()
    page.get_by_label(_p("restricted action", "Book desks and rooms", "sv"), exact=True).check()
    page.get_by_label(_p("sanction scope", "This office", "sv"), exact=True).check()
    page.get_by_label(_("For how many days?", "sv")).fill("30")
    page.get_by_label(_("The facts: what happened", "sv")).fill(FACTS)
    page.get_by_label(_("Why this decision", "sv"), exact=True).fill(GROUNDS)
    page.get_by_role("button", name=_("Decide", "sv"), exact=True).click()
    page.wait_for_url(re.compile(r"/sv/staff/decisions/[0-9a-f-]{36}/$"))
    assert_page_healthy(page)
    return Sanction.objects.get()


def test_host_restricts_member_appeals_in_arabic_admin_lifts_member_books_again(
    new_page: Callable[..., Any],
    live_server: Any,
    log_in: Callable[[Any, Any], None],
    office: Office,
    room: Any,
) -> None:
    host = host_of(office, "Hanna")
    member = person("Tariq", language="ar")
    admin = operator_admin_of(office.operator, "Olivia")

    staff_page = new_page(locale="sv")
    log_in(staff_page, host)
    sanction = _host_records_and_restricts(staff_page, live_server, office)
    assert sanction.member == member and sanction.actions == ["book"]
    assert sanction.ends_at is not None
    assert sanction.ends_at - sanction.starts_at >= timedelta(days=30)

    # The member is refused a booking, with the address of the decision.
    page = new_page(locale="ar")
    log_in(page, member)
    _book(page, live_server, room)
    decision_path = f"/ar/me/decisions/{sanction.public_id}/"
    expect(page.locator("main")).to_contain_text(decision_path)
    assert not Booking.objects.exists()
    page.broken_resources.clear()  # the refusal is answered 403, as it should be

    # The statement of reasons in Arabic, then the appeal.
    page.goto(f"{live_server.url}/ar/me/decisions/")
    expect(page.locator("h1")).to_have_text(_("Decisions about you", "ar"))
    page.locator(f"a[href='{decision_path}']").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    reasons = page.locator("dl.reasons")
    expect(reasons).to_contain_text(_("The facts", "ar"))
    expect(reasons).to_contain_text(FACTS)
    expect(reasons).to_contain_text(GROUNDS)
    expect(reasons).to_contain_text(_p("restricted action", "Book desks and rooms", "ar"))
    assert_page_healthy(page)
    label = _("Why is the decision wrong? Write in your own words and language.", "ar")
    page.get_by_label(label).fill(APPEAL)
    page.get_by_role("button", name=_("Send the appeal", "ar")).click()
    page.wait_for_url(f"{live_server.url}{decision_path}")
    expect(page.locator("dl.reasons")).to_contain_text(_("You have appealed.", "ar"))
    appeal = Appeal.objects.get()
    assert appeal.text == APPEAL and appeal.outcome == AppealOutcome.PENDING

    # An operator admin, not the host who decided, lifts it with reasons.
    admin_page = new_page(locale="sv")
    log_in(admin_page, admin)
    admin_page.goto(f"{live_server.url}/sv/staff/appeals/{appeal.public_id}/")
    expect(admin_page.locator("main")).to_contain_text(APPEAL)
    admin_page.get_by_label(_p("appeal outcome", "Decision lifted", "sv"), exact=True).check()
    admin_page.get_by_label(_("The reasons for the answer", "sv")).fill(REPLY)
    admin_page.get_by_role("button", name=_("Send the answer", "sv")).click()
    admin_page.wait_for_url(f"{live_server.url}/sv/staff/appeals/{appeal.public_id}/")
    assert_page_healthy(admin_page)
    sanction.refresh_from_db()
    appeal.refresh_from_db()
    assert sanction.state == SanctionState.LIFTED
    assert (appeal.outcome, appeal.decided_by, appeal.reply) == (
        AppealOutcome.LIFTED,
        admin,
        REPLY,
    )

    # The member reads the answer, and books again.
    page.goto(f"{live_server.url}{decision_path}")
    expect(page.locator("main")).to_contain_text(REPLY)
    _book(page, live_server, room)
    expect(page.locator(".messages")).to_contain_text(
        _("Booked! A confirmation is on its way by e-mail.", "ar")
    )
    assert Booking.objects.get().member == member
    assert_page_healthy(page)
