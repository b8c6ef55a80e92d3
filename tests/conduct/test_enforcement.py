"""Every app asks the one question before a member acts, so decisions hold everywhere.

The decisions are made through :func:`sanction_decide` (by a host of the
office) and the apps' own services are called, never the check alone, except
where only the scope's reach is in question. Each refusal is matched by a
second member who is not sanctioned and may act.

Offices: Ronna and Hovsjö (one operator, one municipality), Alby (another
operator and municipality); the scope tests add an office of another
operator in Ronna's municipality and one of Ronna's operator elsewhere.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from publicoffice.accounts.models import NamedPermission, Role
from publicoffice.bookings import policies as booking_policies
from publicoffice.bookings.services import booking_create
from publicoffice.community.services.contacts import contact_request_send
from publicoffice.community.services.presence import presence_show
from publicoffice.community.services.profiles import profile_create
from publicoffice.conduct import rules
from publicoffice.conduct.enforcement import until_text
from publicoffice.conduct.models import RuleScope, RuleVersion, Sanction
from publicoffice.conduct.services.appeals import appeal_decide, appeal_make
from publicoffice.conduct.services.sanctions import sanction_approve, sanction_decide
from publicoffice.core.errors import DomainError
from publicoffice.dialogue.services.proposals import argument_add, proposal_create, support_add
from publicoffice.dialogue.services.visitors import proposal_from_visitor
from publicoffice.events.services import event_create, registration_cancel, registration_create
from publicoffice.places.models import Office
from publicoffice.places.restrictions import MemberAction, restriction_for
from publicoffice.staff.services import role_assign
from publicoffice.visits.models import Source
from publicoffice.visits.services import visit_check_in
from tests.conduct.conftest import NOW
from tests.dialogue.factories import STOCKHOLM, host_of, person
from tests.factories import OfficeFactory, SpaceFactory, WeeklyHoursFactory

pytestmark = pytest.mark.django_db

#: Thursday 26 November 2026, the day after NOW.
TOMORROW = NOW.date() + timedelta(days=1)


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


# -- makers -------------------------------------------------------------------------------


def decide(host: Any, member: Any, office: Office, kind: str, scope: str, **terms: Any) -> Sanction:
    """A decision with its statement of reasons; a restriction or ban ends in 30 days."""
    if kind in ("restriction", "ban") and "review_at" not in terms:
        terms.setdefault("ends_at", NOW + timedelta(days=30))
    return sanction_decide(
        staff=host,
        member=member,
        office=office,
        kind=kind,
        scope=scope,
        facts="Shouted at another visitor in the kitchen.",
        grounds="The house rules ask everyone to treat others with respect.",
        category="disturbance",
        **terms,
    )


def opened(office: Office) -> Office:
    """``office``, open Monday–Friday 08:00–20:00."""
    if not office.weekly_hours.exists():
        for weekday in range(5):
            WeeklyHoursFactory(office=office, weekday=weekday, opens=time(8), closes=time(20))
    return office


def space_at(office: Office) -> Any:
    """A meeting room at ``office``."""
    return SpaceFactory(office=opened(office), kind="meeting_room", capacity=6, is_bookable=True)


def book(member: Any, office: Office, *, actor: Any = None) -> Any:
    start = datetime.combine(TOMORROW, time(10), tzinfo=STOCKHOLM)
    return booking_create(
        space=space_at(office),
        member=member,
        actor=actor,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )


def register(member: Any, office: Office) -> Any:
    start = datetime.combine(TOMORROW, time(17), tzinfo=STOCKHOLM)
    event = event_create(
        office=office,
        actor=host_of(office, f"Eventhost{office.pk}"),
        title="Språkcafé",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    return registration_create(event=event, member=member)


def contact(member: Any) -> Any:
    mine = profile_create(
        owner=member, kind="person", name=f"{member.display_name} profil", visibility="members"
    )
    owner = person(f"Recipient{member.pk}")
    theirs = profile_create(owner=owner, kind="person", name="Läxhjälp", visibility="members")
    return contact_request_send(
        sender=member, sender_profile=mine, recipient=theirs, message="Hej! Kan vi ses?"
    )


def propose(member: Any, office: Office | None = None, **scope: Any) -> Any:
    return proposal_create(
        author=member,
        kind="activity",
        title="Läxhjälp på lördagar",
        body="Många barn behöver hjälp med läxorna.",
        language="sv",
        office=office,
        **scope,
    )


def check_in(member: Any, office: Office) -> Any:
    return visit_check_in(office=opened(office), source=Source.MEMBER, member=member)


def refused_with(code: str, action: Any, *args: Any, **kwargs: Any) -> DomainError:
    with pytest.raises(DomainError) as caught:
        action(*args, **kwargs)
    assert caught.value.code == code, caught.value.as_dict()
    return caught.value


def says_which_decision(error: DomainError, sanction: Sanction) -> None:
    """The words name the decision, until when it holds, and where to read and appeal it."""
    text = str(error.message)
    assert sanction.get_kind_display().lower() in text
    assert until_text(sanction) in text
    assert reverse("conduct:my_decision", args=[sanction.public_id]) in text


def blocked(member: Any, action: MemberAction, office: Office | None) -> bool:
    return restriction_for(member, action, office=office) is not None


# -- a network-wide ban -------------------------------------------------------------------


class TestNetworkBan:
    @pytest.fixture
    def ban(self, host, member, office) -> Sanction:
        return decide(host, member, office, "ban", "network")

    @pytest.mark.parametrize("place", ["office", "other_office"])
    def test_stops_booking_registering_and_proposing_anywhere(
        self, request, ban, member, other_member, place
    ):
        where = request.getfixturevalue(place)
        for act in (book, register, propose):
            says_which_decision(refused_with("restricted", act, member, where), ban)
            act(other_member, where)

    def test_stops_contact_requests_and_proposals_to_a_whole_operator(
        self, ban, member, other_member, other_office
    ):
        says_which_decision(refused_with("restricted", contact, member), ban)
        says_which_decision(
            refused_with("restricted", propose, member, operator=other_office.operator), ban
        )
        contact(other_member)
        propose(other_member, operator=other_office.operator)

    def test_stops_checking_in_as_a_member_but_not_an_anonymous_check_in(
        self, ban, member, other_member, other_office
    ):
        refused_with("restricted", check_in, member, other_office)
        assert check_in(other_member, other_office).created
        anonymous = visit_check_in(
            office=opened(other_office), source=Source.QR, device_hash="a" * 64
        )
        assert anonymous.created

    def test_stops_support_and_arguments(self, ban, member, other_member, other_office):
        proposal = propose(person("Author"), other_office)
        refused_with("restricted", support_add, member=member, proposal=proposal)
        refused_with(
            "restricted", argument_add, member=member, proposal=proposal, side="for", text="Ja!"
        )
        assert support_add(member=other_member, proposal=proposal)
        argument_add(member=other_member, proposal=proposal, side="for", text="Ja!")

    def test_stops_being_shown_here_today(self, ban, member, other_office):
        # Checked in before the ban (a visit already open), then shown: refused.
        Sanction.objects.filter(pk=ban.pk).update(starts_at=NOW + timedelta(minutes=1))
        visit = check_in(member, other_office).visit
        profile = profile_create(owner=member, kind="person", name="Amina", visibility="members")
        with time_machine.travel(NOW + timedelta(minutes=2), tick=False):
            refused_with(
                "restricted", presence_show, visit=visit, profile=profile, audience="members"
            )

    def test_staff_cannot_book_for_a_banned_member_but_for_a_visitor(self, ban, member, office):
        staff = person("Bookinghost")
        role_assign(
            user=staff, role=Role.HOST, office=office, permissions=[NamedPermission.BOOK_ON_BEHALF]
        )
        space_at(office)
        refused_with("restricted", book, member, office, actor=staff)
        start = datetime.combine(TOMORROW, time(14), tzinfo=STOCKHOLM)
        booking_create(
            space=space_at(office),
            visitor_name="Besökare",
            actor=staff,
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )

    def test_a_logged_in_visitor_form_is_asked_but_an_anonymous_one_passes(
        self, ban, member, office
    ):
        fields = {
            "office": office,
            "email": "besok@example.org",
            "kind": "activity",
            "title": "Fler bänkar",
            "body": "Det behövs fler bänkar.",
            "language": "sv",
            "reply_language": "sv",
        }
        refused_with("restricted", proposal_from_visitor, visitor=member, **fields)
        assert proposal_from_visitor(**fields).awaiting_confirmation


# -- how far a decision reaches ----------------------------------------------------------


class TestScope:
    def test_an_office_booking_restriction_stops_booking_there_only(
        self, host, member, other_member, office, sibling_office
    ):
        sanction = decide(host, member, office, "restriction", "office", actions=["book"])
        says_which_decision(refused_with("restricted", book, member, office), sanction)
        book(other_member, office)
        book(member, sibling_office)
        register(member, office)
        check_in(member, office)

    def test_operator_scope_reaches_the_operators_other_office_only(
        self, host, member, other_member, office, sibling_office, other_office
    ):
        decide(host, member, office, "restriction", "operator", actions=["book", "register"])
        elsewhere = OfficeFactory(operator=office.operator)  # another municipality
        for place in (office, sibling_office, elsewhere):
            assert blocked(member, MemberAction.BOOK, place)
            assert not blocked(other_member, MemberAction.BOOK, place)
        assert not blocked(member, MemberAction.BOOK, other_office)
        assert not blocked(member, MemberAction.BOOK, None)
        refused_with("restricted", register, member, sibling_office)
        register(member, other_office)

    def test_municipality_scope_reaches_every_operator_in_it_only(
        self, host, member, other_member, office, other_office
    ):
        decide(host, member, office, "restriction", "municipality", actions=["book"])
        neighbour = OfficeFactory(municipality=office.municipality)  # another operator
        elsewhere = OfficeFactory(operator=office.operator)  # same operator, elsewhere
        assert blocked(member, MemberAction.BOOK, neighbour)
        assert not blocked(other_member, MemberAction.BOOK, neighbour)
        assert not blocked(member, MemberAction.BOOK, elsewhere)
        assert not blocked(member, MemberAction.BOOK, other_office)
        refused_with("restricted", book, member, neighbour)
        book(member, other_office)

    def test_a_contact_restriction_at_one_office_does_not_reach_the_directory(
        self, host, member, office
    ):
        decide(host, member, office, "restriction", "office", actions=["contact"])
        assert blocked(member, MemberAction.CONTACT, office)
        contact(member)


# -- when a decision holds ----------------------------------------------------------------


class TestWhen:
    def test_a_restriction_ends_exactly_across_the_spring_clock_change(
        self, host, member, other_member, office
    ):
        # 28 March 2027: Stockholm's clocks go from 02:00 to 03:00.
        ends = datetime(2027, 3, 28, 3, 30, tzinfo=STOCKHOLM)
        with time_machine.travel(datetime(2027, 3, 20, 9, 0, tzinfo=STOCKHOLM), tick=False):
            decide(host, member, office, "restriction", "office", actions=["book"], ends_at=ends)
        for moment, stopped in (
            (datetime(2027, 3, 27, 12, 0, tzinfo=STOCKHOLM), True),
            (ends - timedelta(minutes=1), True),
            (ends + timedelta(minutes=1), False),
            (datetime(2027, 3, 29, 9, 0, tzinfo=STOCKHOLM), False),
        ):
            with time_machine.travel(moment, tick=False):
                refusal = booking_policies.may_book(member, office=office)
                assert (refusal is not None) is stopped, moment
                assert booking_policies.may_book(other_member, office=office) is None

    def test_a_lifted_decision_no_longer_applies(self, host, second_host, member, office):
        sanction = decide(host, member, office, "ban", "network")
        appeal = appeal_make(member=member, sanction=sanction, text="Det var ett missförstånd.")
        appeal_decide(staff=second_host, appeal=appeal, outcome="lifted", reply="Vi håller med.")
        book(member, office)
        propose(member, office)

    def test_an_indefinite_ban_holds_only_once_a_second_host_approves(
        self, host, second_host, member, other_member, office
    ):
        sanction = decide(
            host, member, office, "ban", "network", review_at=NOW + timedelta(days=90)
        )
        assert not blocked(member, MemberAction.REGISTER, office)
        register(member, office)
        sanction_approve(staff=second_host, sanction=sanction)
        says_which_decision(refused_with("restricted", register, member, office), sanction)
        assert not blocked(other_member, MemberAction.REGISTER, office)

    @pytest.mark.parametrize("kind", ["note", "warning"])
    def test_a_note_or_a_warning_stops_nothing(self, host, member, office, kind):
        decide(host, member, office, kind, "network")
        for action in MemberAction:
            assert not blocked(member, action, office)
        book(member, office)

    def test_a_place_in_line_is_not_taken_back(self, host, member, other_member, office):
        start = datetime.combine(TOMORROW, time(17), tzinfo=STOCKHOLM)
        event = event_create(
            office=office,
            actor=host,
            title="Fullt",
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            capacity=1,
        )
        first = registration_create(event=event, member=other_member)
        waiting = registration_create(event=event, member=member)
        assert waiting.status == "waiting"
        decide(host, member, office, "restriction", "office", actions=["register"])
        registration_cancel(registration=first, actor=other_member)
        waiting.refresh_from_db()
        assert waiting.status == "registered"


# -- the house rules gate -----------------------------------------------------------------


class TestRulesGate:
    @pytest.fixture
    def version(self, db) -> RuleVersion:
        return RuleVersion.objects.create(
            scope=RuleScope.NETWORK,
            number=2,
            effective_from=NOW - timedelta(days=1),
            material=True,
            summary_sv="Vi visar varandra respekt.",
            full_text_sv="Vi visar varandra respekt. Vi städar efter oss.",
            changes_sv="Nytt: städning.",
        )

    def test_a_member_must_accept_changed_rules_to_book_but_may_check_in(
        self, version, member, office
    ):
        refused_with("rules_not_accepted", book, member, office)
        assert reverse("conduct:accept_rules") in str(
            restriction_for(member, MemberAction.BOOK, office=office)
        )
        assert check_in(member, office).created
        rules.accept(member, version)
        book(member, office)

    def test_a_member_who_accepted_passes(self, version, other_member, office):
        rules.accept(other_member, version)
        book(other_member, office)
        propose(other_member, office)

    def test_a_change_that_is_not_material_asks_nothing(self, version, member, office):
        RuleVersion.objects.filter(pk=version.pk).update(material=False)
        book(member, office)
