"""Demo dialogue: proposals at the offices, their supporters, arguments and public answers.

About thirty proposals of every kind, written over the last four months in
Swedish, Arabic, Persian, Somali, English and Tigrinya (the texts are in
:mod:`publicoffice.demo.dialogue_texts` and its two companions), at Ronna,
Hovsjö, Fittja, Hallunda, Alby, Rinkeby, Tensta and Husby, plus one for the
municipality of Södertälje and one for Ronna's operator. Some are waiting
for a first answer (a few past their day), others are under consideration,
planned, done, declined, a duplicate, forwarded, withdrawn by their author
or archived by the sweep; one has an earlier wording kept, two have an
answer waiting as a draft (one set to publish itself tomorrow at 09:00),
and one argument was hidden by a host.

Everything goes through the dialogue services with ``now=`` set to when it
happened: a proposal's making, rewording and withdrawal, each answer, the
hiding. Supports and arguments have no ``now=`` (a member always acts in
the present), so their rows are dated afterwards, as are the answers' and
reports' own ``created_at``: the one place the demo writes dates directly.
Supports come from the demo logins named in the texts and from about
eighty neighbours (:mod:`publicoffice.demo.dialogue_people`).
Rinkeby's operator promises an answer within ten days, to show the setting.

On every run the demo network's proposals (and their figures) are deleted
and made again; the e-mails the services would queue are muted by the
loader (:func:`publicoffice.demo.bookings.tasks_muted`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any, TypeVar

from django.db.models import Case, Q, QuerySet, Value, When

from publicoffice.accounts.models import User
from publicoffice.core.errors import DomainError
from publicoffice.demo import network
from publicoffice.demo.booking_calendar import wall
from publicoffice.demo.dialogue_events import link_held_events
from publicoffice.demo.dialogue_people import ANSWERERS, load_people, neighbours
from publicoffice.demo.dialogue_problems import load_problems
from publicoffice.demo.dialogue_texts import RONNA, Idea, Moment, Reply, Said
from publicoffice.demo.dialogue_texts_north import NORTH
from publicoffice.demo.dialogue_texts_south import SOUTH
from publicoffice.dialogue import clock, moderation, policies
from publicoffice.dialogue.models import (
    FAMILIES,
    OPEN_STATES,
    Answer,
    Argument,
    ContentReport,
    Family,
    Proposal,
    ProposalStatistic,
    Support,
)
from publicoffice.dialogue.services.answers import answer_write, archive_stale, proposal_withdraw
from publicoffice.dialogue.services.proposals import (
    argument_add,
    proposal_create,
    proposal_reword,
    support_add,
)
from publicoffice.places.models import Municipality, Office, Operator

T = TypeVar("T")

IDEAS: list[Idea] = [*RONNA, *SOUTH, *NORTH]
#: The operator whose promise the demo makes shorter than the default, to show the setting.
PROMISE = ("Föreningen Rinkeby Företagarhus", 10)
#: When the sweep archived what nobody had supported or answered.
ARCHIVE_SWEEP: Moment = (20, 3)
#: What the author says when reporting the abusive argument.
REPORT_REASON = "This is a personal attack, not an argument about the proposal."

Step = tuple[datetime, Callable[[], None]]


@dataclass
class DialogueResult:
    totals: dict[str, int] = field(default_factory=dict)
    #: Refusal code -> demo writes the dialogue services refused (expected: none).
    refused: Counter[str] = field(default_factory=Counter)


# -- clearing and the promise ---------------------------------------------------------------


def demo_proposals() -> QuerySet[Proposal]:
    """Proposals at the demo network's offices, or for its operators' or municipalities'."""
    return Proposal.objects.filter(
        Q(office__slug__in=[str(spec["slug"]) for spec in network.OFFICES])
        | Q(operator__name__in=[spec["name"] for spec in network.OPERATORS])
        | Q(municipality__code__in=list(network.MUNICIPALITIES))
    )


def clear_dialogue() -> None:
    """Delete the demo's proposals with everything on them, and their figures.

    The figures outlive a deleted proposal on purpose, so the demo's would
    pile up run after run.
    """
    proposals = demo_proposals()
    public_ids = list(proposals.values_list("public_id", flat=True))
    slugs = [str(spec["slug"]) for spec in network.OFFICES]
    ProposalStatistic.objects.filter(
        Q(proposal_public_id__in=public_ids) | Q(office__slug__in=slugs)
    ).delete()
    proposals.delete()


def keep_promise() -> None:
    """Rinkeby's operator answers within ten days (the default is fourteen)."""
    name, days = PROMISE
    operator = Operator.objects.filter(name=name).first()
    if operator is not None and operator.answer_within_days != days:
        operator.answer_within_days = days
        operator.full_clean()
        operator.save()


# -- the story -----------------------------------------------------------------------------


class _Story:
    """Plays each idea through the services in time order; see the module docstring."""

    def __init__(self, offices: dict[str, Office], *, today: date, now: datetime) -> None:
        self.offices, self.now = offices, now
        self.day = clock.local_day(now)
        self.tomorrow_at_nine = wall(max(today, self.day) + timedelta(days=1), 9)
        self.result = DialogueResult()
        self.people = load_people()
        self.pool = [(local, self.people[local]) for local, _spec in neighbours()]
        self.staff = [self.people[name] for name in ANSWERERS if name in self.people]
        self.made: dict[str, Proposal] = {}
        self.supported: dict[int, dict[int, datetime]] = defaultdict(dict)
        self.argued: dict[int, datetime] = {}
        self.hidden: dict[int, datetime] = {}
        self.answered: dict[int, datetime] = {}
        self.reported: dict[int, datetime] = {}
        self.touched: dict[int, datetime] = {}

    def attempt(self, service: Callable[..., T], **arguments: Any) -> T | None:
        """Call a service; a refusal is counted and ``None`` returned."""
        try:
            return service(**arguments)
        except DomainError as error:
            self.result.refused[str(error.code)] += 1
            return None

    def moment(self, when: Moment) -> datetime:
        days, hour = when
        return wall(self.day - timedelta(days=days), hour, (days * 17 + hour * 7) % 60)

    def scope(self, where: str) -> dict[str, Any] | None:
        kind, _colon, name = where.partition(":")
        if kind == "operator":
            return {"operator": Operator.objects.filter(name=name).first()}
        if kind == "municipality":
            return {"municipality": Municipality.objects.filter(code=name).first()}
        office = self.offices.get(where)
        return {"office": office} if office is not None else None

    def answerer(self, proposal: Proposal) -> User | None:
        return next((u for u in self.staff if policies.can_answer(u, proposal)), None)

    def run(self) -> DialogueResult:
        for number, idea in sorted(enumerate(IDEAS), key=lambda pair: -pair[1].made[0]):
            self.play(idea, number)
        self.attempt(archive_stale, now=self.moment(ARCHIVE_SWEEP))
        self.redate()
        self.result.totals = totals(self.day)
        return self.result

    def play(self, idea: Idea, number: int) -> None:
        where, author = self.scope(idea.where), self.people.get(idea.author)
        if where is None or None in where.values() or author is None:
            self.result.refused["not_in_the_demo"] += 1
            return
        made = self.moment(idea.made)
        proposal = self.attempt(
            proposal_create,
            author=author,
            kind=idea.kind,
            title=idea.title,
            body=idea.body,
            language=idea.language,
            now=made,
            **where,
        )
        if proposal is None:
            return
        self.made[idea.key] = proposal
        last = made
        for at, step in sorted(self.steps(idea, number, proposal, made), key=lambda s: s[0]):
            step()
            last = at
        self.touched[proposal.pk] = last

    # what happens to one proposal

    def steps(self, idea: Idea, number: int, proposal: Proposal, made: datetime) -> list[Step]:
        """Every later step, each with its moment: supports and arguments while it is open."""
        closing = [self.moment(r.at) for r in idea.replies if FAMILIES[r.state] != Family.OPEN]
        if idea.withdrawn is not None:
            closing.append(self.moment(idea.withdrawn[0]))
        end = min(closing, default=self.now) - timedelta(minutes=30)
        steps: list[Step] = []
        supporters = self.supporters(idea, number)
        for index, member in enumerate(supporters):
            # Most supports come in the first days, fewer later.
            at = made + (end - made) * ((index + 1) / (len(supporters) + 1)) ** 1.5
            steps.append((at, partial(self.support, proposal, member, at)))
        for index, said in enumerate(idea.said):
            at = made + (end - made) * ((index + 1) / (len(idea.said) + 1))
            steps.append((at, partial(self.argue, proposal, said, at)))
        if idea.reworded is not None:
            when, title, body = idea.reworded
            at = self.moment(when)
            steps.append((at, partial(self.reword, proposal, title, body, at)))
        for reply in idea.replies:
            at = self.moment(reply.at)
            steps.append((at, partial(self.answer, proposal, reply, at)))
        if idea.draft is not None:
            at = self.moment(idea.draft.at)
            publish_at = self.tomorrow_at_nine if idea.scheduled else None
            steps.append((at, partial(self.answer, proposal, idea.draft, at, publish_at, True)))
        if idea.withdrawn is not None:
            at = self.moment(idea.withdrawn[0])
            steps.append((at, partial(self.withdraw, proposal, idea.withdrawn[1], at)))
        return steps

    def supporters(self, idea: Idea, number: int) -> list[User]:
        """The demo logins named in the text among neighbours, a different slice each."""
        named = [self.people[name] for name in idea.named if name in self.people]
        start = (number * 11) % len(self.pool)
        turned = self.pool[start:] + self.pool[:start]
        left_out = {idea.author, *idea.named}
        drawn = [user for local, user in turned if local not in left_out]
        drawn = drawn[: max(idea.supporters - len(named), 0)]
        for index, member in enumerate(named):
            drawn.insert(min(2 * index + 1, len(drawn)), member)
        return drawn

    def support(self, proposal: Proposal, member: User, at: datetime) -> None:
        if self.attempt(support_add, member=member, proposal=proposal):
            self.supported[proposal.pk][member.pk] = at

    def argue(self, proposal: Proposal, said: Said, at: datetime) -> None:
        member = self.people[said.who]
        argument = self.attempt(
            argument_add, member=member, proposal=proposal, side=said.side, text=said.text
        )
        if argument is None:
            return
        self.argued[argument.pk] = at
        if not said.hidden:
            return
        report = self.attempt(
            moderation.report, reporter=proposal.author, item=argument, reason=REPORT_REASON
        )
        if report is not None:
            self.reported[report.pk] = at + timedelta(hours=1)
        hidden_at = at + timedelta(hours=3)
        staff = self.answerer(proposal)
        if staff is None:
            self.result.refused["no_staff"] += 1
        elif self.attempt(
            moderation.hide, staff=staff, item=argument, reason=said.hidden, now=hidden_at
        ):
            self.hidden[argument.pk] = hidden_at

    def reword(self, proposal: Proposal, title: str, body: str, at: datetime) -> None:
        author = proposal.author
        self.attempt(
            proposal_reword, author=author, proposal=proposal, title=title, body=body, now=at
        )

    def answer(
        self,
        proposal: Proposal,
        reply: Reply,
        at: datetime,
        publish_at: datetime | None = None,
        draft: bool = False,
    ) -> None:
        staff = self.answerer(proposal)
        if staff is None:
            self.result.refused["no_staff"] += 1
            return
        answer = self.attempt(
            answer_write,
            staff=staff,
            proposal=proposal,
            state=reply.state,
            text=reply.text,
            draft=draft,
            publish_at=publish_at,
            duplicate_of=self.made.get(reply.duplicate_of),
            forwarded_to=reply.forwarded_to,
            now=at,
        )
        if answer is not None:
            self.answered[answer.pk] = at

    def withdraw(self, proposal: Proposal, reason: str, at: datetime) -> None:
        if self.attempt(
            proposal_withdraw, author=proposal.author, proposal=proposal, reason=reason, now=at
        ):
            # The author's reason is published as the answer that closes it.
            for pk in Answer.objects.filter(proposal=proposal, published_at=at).values_list(
                "pk", flat=True
            ):
                self.answered[pk] = at

    # finishing touches

    def redate(self) -> None:
        """Rows the services date in the present say when they happened in the story."""
        rows = Support.objects.filter(proposal_id__in=list(self.supported)).values_list(
            "pk", "proposal_id", "member_id"
        )
        supports = {
            pk: self.supported[proposal_id][member_id]
            for pk, proposal_id, member_id in rows
            if member_id in self.supported[proposal_id]
        }
        redate(Support.objects.all(), supports, "created_at")
        redate(Argument.objects.all(), self.argued, "created_at", "updated_at")
        redate(Argument.objects.all(), self.hidden, "updated_at")
        redate(Answer.objects.all(), self.answered, "created_at", "updated_at")
        redate(ContentReport.objects.all(), self.reported, "created_at")
        redate(Proposal.objects.all(), self.touched, "updated_at")


def _chunks(moments: dict[int, datetime], size: int = 200) -> Iterator[dict[int, datetime]]:
    items = list(moments.items())
    for start in range(0, len(items), size):
        yield dict(items[start : start + size])


def redate(rows: QuerySet[Any], moments: dict[int, datetime], *fields: str) -> None:
    """Set ``fields`` of the rows with these primary keys to their moments."""
    for chunk in _chunks(moments):
        when = Case(*(When(pk=pk, then=Value(at)) for pk, at in chunk.items()))
        rows.filter(pk__in=list(chunk)).update(**dict.fromkeys(fields, when))


def totals(today: date) -> dict[str, int]:
    proposals = demo_proposals()
    waiting = proposals.filter(
        state__in=OPEN_STATES,
        first_answer_at__isnull=True,
        hidden_at__isnull=True,
        archived_at__isnull=True,
    )
    answers = Answer.objects.filter(proposal__in=proposals)
    return {
        "proposals": proposals.count(),
        "proposals waiting for a first answer": waiting.count(),
        "proposals overdue": waiting.filter(answer_due__lt=today).count(),
        "supports of proposals": Support.objects.filter(proposal__in=proposals).count(),
        "public answers": answers.filter(published_at__isnull=False).count(),
        "answers drafted": answers.filter(published_at__isnull=True).count(),
    }


def load_dialogue(offices: dict[str, Office], *, today: date, now: datetime) -> DialogueResult:
    """Replace the demo network's proposals; see the module docstring."""
    clear_dialogue()
    keep_promise()
    fresh = Office.objects.filter(pk__in=[o.pk for o in offices.values()]).select_related(
        "operator", "municipality"
    )
    result = _Story({o.slug: o for o in fresh}, today=today, now=now).run()
    link_held_events({o.slug: o for o in fresh}, now=now)
    load_problems({o.slug: o for o in fresh}, now=now)
    result.totals = totals(today)
    return result
