"""``publicoffice demo`` holds proposals at several offices, in every state, kind and language.

The proposals are made, supported, reworded, argued over, answered,
withdrawn and hidden through the dialogue services with ``now=`` in the
past, so these tests check what a visitor of the demo should find (the
states, the queue with an overdue proposal, a scheduled draft, a kept
version, a hidden argument, the demo logins' own proposals) and what the
services promise (the kept count equals the rows, dates in story order).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from publicoffice.accounts.models import User
from publicoffice.demo.dialogue import IDEAS, clear_dialogue, demo_proposals, load_dialogue
from publicoffice.demo.loader import load_demo
from publicoffice.dialogue import clock, selectors
from publicoffice.dialogue.models import (
    Answer,
    Argument,
    ContentReport,
    Kind,
    ProblemReport,
    Proposal,
    ProposalStatistic,
    ProposalVersion,
    Side,
    State,
    Support,
)
from publicoffice.dialogue.services.answers import publish_due_answers
from publicoffice.places.models import Office, Operator

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Wednesday late in November 2026 that is no holiday, at 11 in the morning.
WEDNESDAY_11 = datetime(2026, 11, 25, 11, 0, tzinfo=STOCKHOLM)
DOMAIN = "demo.publicoffice.example"
#: The network and the dialogue only: the other stories have their own tests.
WITHOUT_OTHERS = (
    "--without-visits",
    "--without-bookings",
    "--without-community",
    "--without-events",
    "--without-history",
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network and its proposals, loaded once on a Wednesday morning."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        time_machine.travel(WEDNESDAY_11, tick=False),
        transaction.atomic(),
    ):
        yield load_demo(
            visits=False,
            bookings=False,
            community=False,
            events=False,
            conduct=False,
            history=False,
        )
        transaction.set_rollback(True)


@pytest.fixture
def wednesday():
    with time_machine.travel(WEDNESDAY_11, tick=False):
        yield


def by_email(name: str) -> User:
    return User.objects.get(email=f"{name}@{DOMAIN}")


def counts() -> dict[str, int]:
    models = (Proposal, Support, Answer, Argument, ProposalVersion, ProposalStatistic)
    return {model.__name__: model.objects.count() for model in (*models, ContentReport, User)}


def test_the_services_refused_nothing_and_the_totals_count_the_rows(demo):
    assert demo.dialogue_refusals == Counter()
    assert demo.totals["proposals"] == Proposal.objects.count() == len(IDEAS)
    assert 25 <= len(IDEAS) <= 40
    assert demo.totals["supports of proposals"] == Support.objects.count()
    assert demo.totals["answers drafted"] == 2
    assert demo.totals["proposals overdue"] >= 1


def test_every_kind_and_state_at_several_offices_and_for_two_networks(demo):
    proposals = list(Proposal.objects.select_related("office", "operator", "municipality"))
    assert {p.kind for p in proposals} == set(Kind.values)
    states = {p.state for p in proposals}
    assert states == set(State.values) - {State.BECAME_EVENT}
    assert Proposal.objects.filter(archived_at__isnull=False).count() == 1
    per_office = Counter(p.office.slug for p in proposals if p.office)
    assert len(per_office) >= 6
    assert all(per_office[slug] >= 4 for slug in ("ronna", "fittja", "rinkeby", "hovsjo"))
    network_wide = [p for p in proposals if p.office is None]
    assert {p.municipality.name for p in network_wide if p.municipality} == {"Södertälje"}
    assert [p.operator.name for p in network_wide if p.operator] == [
        "Ronna Områdesföretag ekonomisk förening"
    ]
    assert all(p.public_id for p in proposals)


def _script(text: str) -> str:
    if any("\u1200" <= char <= "\u137f" for char in text):
        return "ethiopic"
    if any("\u0600" <= char <= "\u06ff" for char in text):
        return "arabic"
    return "latin"


def test_proposals_are_written_in_six_languages_and_say_which(demo):
    proposals = list(Proposal.objects.all())
    assert {p.language for p in proposals} == {"sv", "en", "ar", "fa", "so", "ti"}
    scripts = {"ti": "ethiopic", "ar": "arabic", "fa": "arabic"}
    for proposal in proposals:
        assert _script(proposal.title + proposal.body) == scripts.get(proposal.language, "latin")
    languages = Counter(p.language for p in proposals)
    assert all(count >= 2 for count in languages.values())


def test_support_counts_are_the_rows_and_range_from_none_to_sixty(demo):
    for proposal in Proposal.objects.all():
        rows = Support.objects.filter(proposal=proposal).count()
        assert proposal.support_count == rows, proposal.title
        figures = ProposalStatistic.objects.get(proposal_public_id=proposal.public_id)
        assert figures.supports == rows
        assert not Support.objects.filter(proposal=proposal, member=proposal.author).exists()
    supported = sorted(Proposal.objects.values_list("support_count", flat=True))
    assert supported[0] == 0 and supported[-1] <= 60
    assert sum(1 for count in supported if count >= 20) >= 8


def test_dates_run_in_story_order_within_four_months(demo, wednesday):
    now = timezone.now()
    for proposal in Proposal.objects.all():
        age = now - proposal.created_at
        assert timedelta(hours=12) <= age <= timedelta(days=121), proposal.title
        assert proposal.created_at <= proposal.updated_at <= now
        for support in proposal.supports.all():
            assert proposal.created_at < support.created_at < now
        for answer in proposal.answers.exclude(published_at=None):
            assert answer.created_at == answer.published_at
            assert proposal.created_at < answer.published_at < now
            # Nobody supports or argues once the answer closed it.
            if answer.state not in (State.CONSIDERING, State.PLANNED):
                assert not proposal.supports.filter(created_at__gt=answer.published_at).exists()
                assert not proposal.arguments.filter(created_at__gt=answer.published_at).exists()
        for argument in proposal.arguments.all():
            assert proposal.created_at < argument.created_at < now


def test_the_response_clock_runs_by_each_operators_promise(demo, wednesday):
    today = timezone.localdate()
    rinkeby = Operator.objects.get(name="Föreningen Rinkeby Företagarhus")
    assert rinkeby.answer_within_days == 10
    for proposal in Proposal.objects.select_related("office__operator"):
        days = clock.promised_days(office=proposal.office, operator=proposal.operator)
        assert proposal.answer_due == clock.local_day(proposal.created_at) + timedelta(days=days)
    overdue = [p for p in Proposal.objects.all() if clock.is_overdue(p, today=today)]
    assert len(overdue) >= 2
    assert any(p.support_count == 0 for p in overdue) and any(p.support_count for p in overdue)
    waiting = Proposal.objects.filter(state=State.NEW, archived_at=None)
    assert any(not clock.is_overdue(p, today=today) for p in waiting)
    figures = ProposalStatistic.objects.exclude(answered_on_time=None)
    assert {f.answered_on_time for f in figures} == {True, False}
    assert clock.on_time_share(office=Office.objects.get(slug="ronna"), today=today).due >= 3


def test_the_ronna_host_has_a_queue_with_one_overdue_first(demo, wednesday):
    today = timezone.localdate()
    host = by_email("host.ronna")
    queue = list(selectors.queue_to_answer(user=host))
    assert {p.office.slug for p in queue} == {"ronna"}
    assert len(queue) >= 4
    overdue = [p for p in queue if clock.is_overdue(p, today=today)]
    assert len(overdue) == 1 and queue[0] == overdue[0]
    assert any(p.has_draft for p in queue)


def test_nour_waits_for_an_answer_to_her_sewing_cafe_at_rinkeby(demo, wednesday):
    nour = by_email("nour")
    proposal = Proposal.objects.get(author=nour)
    assert proposal.office.slug == "rinkeby" and proposal.language == "ar"
    assert proposal.state == State.NEW and proposal.first_answer_at is None
    assert 20 <= proposal.support_count <= 60
    assert not clock.is_overdue(proposal, today=timezone.localdate())
    assert proposal.arguments.filter(side=Side.FOR).count() >= 2
    assert any("\u0600" <= char <= "\u06ff" for char in proposal.title)


def test_the_other_demo_logins_have_something_to_see(demo):
    amina = by_email("amina")
    assert Support.objects.filter(member=amina).count() >= 4
    assert Proposal.objects.filter(author=amina).exists()
    johan = by_email("johan")
    assert Proposal.objects.get(author=johan).state == State.DECLINED
    assert Support.objects.filter(member=johan).count() >= 3
    karim = by_email("karim")
    assert Proposal.objects.get(author=karim).state == State.PLANNED
    assert Support.objects.filter(member=karim).exists()


def test_closed_proposals_say_why_and_where(demo):
    declined = Proposal.objects.filter(state=State.DECLINED)
    assert declined.count() >= 2
    for proposal in declined:
        assert len(proposal.answers.get(state=State.DECLINED).text) > 80
    duplicate = Proposal.objects.get(state=State.DUPLICATE)
    assert duplicate.duplicate_of is not None and duplicate.duplicate_of.state in (
        State.CONSIDERING,
        State.PLANNED,
    )
    forwarded = Proposal.objects.filter(state=State.FORWARDED)
    assert any("park" in p.forwarded_to for p in forwarded)
    assert all(p.forwarded_to for p in forwarded)
    withdrawn = Proposal.objects.get(state=State.WITHDRAWN)
    answer = withdrawn.answers.get()
    assert answer.written_by == withdrawn.author and answer.text
    assert ProposalStatistic.objects.get(proposal_public_id=withdrawn.public_id).excluded
    done = Proposal.objects.filter(state=State.DONE)
    assert done.count() >= 3
    assert all(p.answers.count() >= 2 for p in done)


def test_answers_are_written_in_the_proposals_language_or_swedish(demo):
    answers = Answer.objects.select_related("proposal").exclude(state=State.WITHDRAWN)
    scripts = {"ti": "ethiopic", "ar": "arabic", "fa": "arabic"}
    for answer in answers:
        expected = {scripts.get(answer.proposal.language, "latin"), "latin"}
        assert _script(answer.text) in expected
    assert any(_script(a.text) == "arabic" for a in answers)
    assert {a.written_by.email for a in answers} >= {
        f"host.ronna@{DOMAIN}",
        f"host.fittja@{DOMAIN}",
        f"officer.sodertalje@{DOMAIN}",
    }


def test_a_draft_publishes_itself_tomorrow_at_nine_and_another_waits(demo, wednesday):
    drafts = list(Answer.objects.filter(published_at=None).select_related("proposal__office"))
    assert len(drafts) == 2
    scheduled = next(d for d in drafts if d.publish_at is not None)
    local = timezone.localtime(scheduled.publish_at)
    assert local.date() == timezone.localdate() + timedelta(days=1)
    assert (local.hour, local.minute) == (9, 0)
    assert scheduled.proposal.office.slug == "ronna" and scheduled.proposal.state == State.NEW
    assert publish_due_answers(now=scheduled.publish_at - timedelta(minutes=1)) == 0
    assert publish_due_answers(now=scheduled.publish_at) == 1
    scheduled.proposal.refresh_from_db()
    assert scheduled.proposal.state == scheduled.state == State.PLANNED


def test_a_reworded_proposal_keeps_what_its_first_supporters_read(demo):
    version = ProposalVersion.objects.select_related("proposal").get()
    proposal = version.proposal
    assert proposal.version == 2 and version.number == 1
    assert (version.title, version.body) != (proposal.title, proposal.body)
    assert 0 < version.supporters_then < proposal.support_count
    assert proposal.created_at < version.replaced_at
    later = proposal.supports.filter(created_at__gt=version.replaced_at).count()
    assert later == proposal.support_count - version.supporters_then


def test_arguments_for_and_against_and_one_hidden_after_a_report(demo):
    arguments = Argument.objects.all()
    assert {a.side for a in arguments} == {Side.FOR, Side.AGAINST}
    assert arguments.values("proposal").distinct().count() >= 4
    hidden = Argument.objects.get(hidden_at__isnull=False)
    assert hidden.hidden_reason and hidden.hidden_at > hidden.created_at
    report = ContentReport.objects.get(argument=hidden)
    assert report.reporter == hidden.proposal.author
    assert hidden.created_at < report.created_at <= report.handled_at == hidden.hidden_at
    page = selectors.proposal_page(
        user=AnonymousUser(), proposal=hidden.proposal, now=timezone.now()
    )
    assert hidden not in page.arguments and len(page.arguments) >= 2


def test_every_row_passes_validation(demo):
    for proposal in Proposal.objects.all():
        proposal.full_clean()
    for model in (Answer, Argument):
        for row in model.objects.all():
            row.full_clean()
    supporters = User.objects.filter(proposal_supports__isnull=False).distinct()
    for user in supporters:
        user.full_clean(exclude=["password"])
    assert not any(u.has_usable_password() for u in supporters if "." in u.email.split("@")[0])


def test_loading_again_gives_the_same_story(demo, wednesday):
    first = counts()
    titles = sorted(Proposal.objects.values_list("title", "state", "support_count"))
    offices = {o.slug: o for o in Office.objects.all()}
    with transaction.atomic():
        result = load_dialogue(offices, today=timezone.localdate(), now=timezone.now())
        assert counts() == first
        assert sorted(Proposal.objects.values_list("title", "state", "support_count")) == titles
        assert result.totals == {k: demo.totals[k] for k in result.totals}
        transaction.set_rollback(True)


def test_the_command_twice_gives_the_same_counts_and_prints_them(demo, wednesday):
    out = StringIO()
    call_command("demo", *WITHOUT_OTHERS, stdout=out)
    first = counts()
    call_command("demo", *WITHOUT_OTHERS, stdout=StringIO())
    assert counts() == first
    assert "proposals overdue" in out.getvalue()


def test_without_dialogue_the_demo_has_no_proposals(demo, wednesday):
    clear_dialogue()
    out = StringIO()
    call_command("demo", *WITHOUT_OTHERS, "--without-dialogue", stdout=out)
    assert not demo_proposals().exists()
    assert not ProposalStatistic.objects.exists()
    assert "proposals" not in out.getvalue()


def test_problem_reports_tell_their_story(demo):
    reports = {r.office.slug: r for r in ProblemReport.objects.select_related("office")}
    assert set(reports) == {"fittja", "ronna", "rinkeby", "hovsjo", "tensta-bibliotek"}
    lift = reports["fittja"]
    assert (lift.category, lift.state, lift.language) == ("accessibility", "acknowledged", "ar")
    assert reports["ronna"].reopened_count == 1 and reports["ronna"].state == "in_progress"
    assert reports["rinkeby"].reporter is None and reports["rinkeby"].state == "fixed"
    assert reports["tensta-bibliotek"].state == "not_a_problem"
    assert all(r.updates.filter(published_at__isnull=False).exists() for r in reports.values())
