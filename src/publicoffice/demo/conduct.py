"""Demo house rules: two versions of the network's rules, additions, incidents and decisions.

The network's rules (texts in :mod:`publicoffice.demo.conduct_texts`) took
effect about two years ago; version 2, a material change that adds "keep
the space tidy" and "the meeting place is for meeting, not selling", has
been in force for a few weeks. Ronna's operator and the Fittja office add
rules of their own. Every demo account accepted version 1; all but two
(:data:`~publicoffice.demo.conduct_cases.PENDING`: ``selam@`` and a
neighbour) accepted version 2 too.

Incidents at six offices, recorded by staff or reported by visitors (some
anonymously), lead to a note, a warning, restrictions of booking (Ronna,
30 days: ``tariq@``, who appealed and waits for an answer), of event
registration (the Fittja operator's offices; the appeal shortened it), of
contact requests (the municipality of Södertälje), a network-wide ban for
90 days, an indefinite ban at Ronna waiting for a second person's approval,
and a restriction that ended more than a year ago, so it no longer counts
(:mod:`publicoffice.demo.conduct_cases`).

Everything goes through the conduct services with ``now=`` set to when it
happened, so the audit trail is as in real life. ``created_at`` and
``updated_at`` are stamped by the database at the real moment, so they
(and the publication entries of the rules in the audit trail, written at
the real moment) are dated afterwards: the one place this story writes
dates directly, as the dialogue's does.

On every run the demo's incidents, decisions, rules and acceptances are
deleted and made again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Model, Q

from publicoffice.accounts.models import User
from publicoffice.conduct import rules
from publicoffice.conduct.models import (
    Appeal,
    AuditEntry,
    ContentAppeal,
    ContentCase,
    Incident,
    RuleAcceptance,
    RuleScope,
    RuleVersion,
    Sanction,
)
from publicoffice.conduct.services.appeals import appeal_decide, appeal_make
from publicoffice.conduct.services.incidents import (
    incident_handle,
    incident_record,
    incident_report,
)
from publicoffice.conduct.services.sanctions import sanction_decide
from publicoffice.core.errors import DomainError
from publicoffice.demo import conduct_texts as texts
from publicoffice.demo.booking_calendar import wall
from publicoffice.demo.conduct_cases import (
    CASES,
    DECISIONS,
    NETWORK_V1_AT,
    NETWORK_V2_AT,
    OFFICE_ADDITION_AT,
    OPERATOR_ADDITION_AT,
    OWN_PEOPLE,
    PENDING,
    Case,
    Decision,
    Moment,
)
from publicoffice.demo.dialogue_people import load_people
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.places.models import Office, Operator


@dataclass
class ConductResult:
    totals: dict[str, int] = field(default_factory=dict)
    #: Refusal code -> demo writes the conduct services refused (expected: none).
    refused: Counter[str] = field(default_factory=Counter)


@dataclass
class _Story:
    today: date
    people: dict[str, User]
    offices: dict[str, Office]
    result: ConductResult
    incidents: dict[str, Incident] = field(default_factory=dict)

    def moment(self, when: Moment) -> datetime:
        days, hour = when
        return wall(self.today - timedelta(days=days), hour, (days * 13 + hour * 7) % 60)

    def person(self, name: str | None) -> User | None:
        return None if name is None else self.people[name]

    def staff(self, name: str) -> User:
        return self.people[name]


def _stamp(obj: Model, at: datetime, *, created: bool = False) -> None:
    """Date a row's own timestamps at the story's moment (the database wrote the real one)."""
    values: dict[str, Any] = {"updated_at": at}
    if created:
        values["created_at"] = at
    type(obj)._default_manager.filter(pk=obj.pk).update(**values)


# -- clearing --------------------------------------------------------------------------------


def _demo_versions() -> Q:
    return Q(created_by__email__iendswith=f"@{DEMO_DOMAIN}")


def clear_conduct(office_slugs: list[str]) -> None:
    """Delete the demo's decisions, incidents, rules, acceptances and their audit entries."""
    offices = Q(office__slug__in=office_slugs)
    Sanction.objects.filter(offices).delete()  # appeals go with them
    Incident.objects.filter(offices).delete()
    versions = list(
        RuleVersion.objects.filter(_demo_versions())
        .exclude(incidents__isnull=False)
        .exclude(sanctions__isnull=False)
        .values_list("pk", flat=True)
    )
    # Content moderation keeps its own entries: they go with their cases (conduct_moderation).
    content = [str(pk) for pk in ContentCase.objects.values_list("public_id", flat=True)]
    content += [str(pk) for pk in ContentAppeal.objects.values_list("public_id", flat=True)]
    AuditEntry.objects.filter(offices | Q(target__in=[f"rules:{pk}" for pk in versions])).exclude(
        target__in=content
    ).delete()
    RuleAcceptance.objects.filter(version_id__in=versions).delete()
    RuleVersion.objects.filter(pk__in=versions).delete()


# -- house rules -----------------------------------------------------------------------------


def _fields(version: dict[str, dict[str, str]]) -> dict[str, str]:
    return {
        f"{name}_{code}": text
        for name, by_language in version.items()
        for code, text in by_language.items()
    }


def _publish(
    story: _Story, when: tuple[str, int, int], version: dict[str, dict[str, str]], **scope: Any
) -> RuleVersion:
    who, published, effective = when
    at = story.moment((published, 10))
    made = rules.publish_version(
        staff=story.staff(who),
        texts=_fields(version),
        effective_from=wall(story.today - timedelta(days=effective), 0),
        **scope,
    )
    _stamp(made, at, created=True)
    AuditEntry.objects.filter(target=f"rules:{made.pk}").update(at=at)
    return made


def _load_rules(story: _Story) -> tuple[RuleVersion, RuleVersion]:
    first = _publish(story, NETWORK_V1_AT, texts.NETWORK_V1, scope=RuleScope.NETWORK)
    second = _publish(story, NETWORK_V2_AT, texts.NETWORK_V2, scope=RuleScope.NETWORK)
    who, published, effective, operator = OPERATOR_ADDITION_AT
    _publish(
        story,
        (who, published, effective),
        texts.OPERATOR_ADDITION,
        scope=RuleScope.OPERATOR,
        operator=Operator.objects.get(name=operator),
    )
    who, published, effective, slug = OFFICE_ADDITION_AT
    _publish(
        story,
        (who, published, effective),
        texts.OFFICE_ADDITION,
        scope=RuleScope.OFFICE,
        office=story.offices[slug],
    )
    return first, second


def _accept_all(story: _Story, first: RuleVersion, second: RuleVersion) -> None:
    """Everyone accepted version 1 when they joined; all but :data:`PENDING` version 2."""
    members = User.objects.filter(email__iendswith=DEMO_DOMAIN).order_by("pk")
    v1_days = (story.today - first.effective_from.date()).days
    v2_days = (story.today - second.effective_from.date()).days
    for index, member in enumerate(members):
        rules.accept(member, first, now=story.moment((v1_days - index % 300, 9 + index % 8)))
        if member.email.split("@")[0] not in PENDING:
            rules.accept(member, second, now=story.moment((1 + index % v2_days, 9 + index % 9)))


# -- incidents, decisions, appeals --------------------------------------------------------------


def _incident(story: _Story, case: Case) -> Incident:
    office, at = story.offices[case.office], story.moment(case.at)
    if case.staff is not None:
        incident = incident_record(
            staff=story.staff(case.staff),
            office=office,
            category=case.category,
            severity=case.severity,
            description=case.description,
            occurred_at=at,
            member=story.person(case.member),
            person_description=case.person,
            now=at + timedelta(minutes=20),
        )
    else:
        incident = incident_report(
            reporter=story.person(case.reporter),
            office=office,
            category=case.category,
            description=case.description,
            contact=case.contact,
            language=case.language,
            occurred_at=at,
            now=at + timedelta(minutes=20),
        )
    _stamp(incident, at + timedelta(minutes=20), created=True)
    if case.handled is not None:
        when, who, outcome, severity = case.handled
        handled_at = story.moment(when)
        incident_handle(
            staff=story.staff(who),
            incident=incident,
            outcome=outcome,
            severity=severity,
            now=handled_at,
        )
        _stamp(incident, handled_at)
    return incident


def _decide(story: _Story, decision: Decision) -> Sanction:
    at = story.moment(decision.at)
    sanction = sanction_decide(
        staff=story.staff(decision.staff),
        member=story.people[decision.member],
        office=story.offices[decision.office],
        kind=decision.kind,
        scope=decision.scope,
        facts=decision.facts,
        grounds=decision.grounds,
        actions=list(decision.actions),
        incidents=[story.incidents[key] for key in decision.cases],
        starts_at=at,
        ends_at=at + timedelta(days=decision.days) if decision.days else None,
        review_at=at + timedelta(days=decision.review_days) if decision.review_days else None,
        now=at,
    )
    _stamp(sanction, at, created=True)
    if decision.appeal is not None:
        _appeal(story, sanction, decision)
    return sanction


def _appeal(story: _Story, sanction: Sanction, decision: Decision) -> Appeal:
    assert decision.appeal is not None
    at = story.moment(decision.appeal.at)
    member = story.people[decision.member]
    appeal = appeal_make(member=member, sanction=sanction, text=decision.appeal.text, now=at)
    _stamp(appeal, at, created=True)
    if decision.appeal.answer is None:
        return appeal
    when, who, outcome, reply, days = decision.appeal.answer
    answered = story.moment(when)
    appeal = appeal_decide(
        staff=story.staff(who),
        appeal=appeal,
        outcome=outcome,
        reply=reply,
        new_ends_at=sanction.starts_at + timedelta(days=days) if days else None,
        now=answered,
    )
    _stamp(appeal, answered)
    _stamp(sanction, answered)
    return appeal


def _attempt(story: _Story, write: Any, *args: Any) -> Any:
    try:
        return write(story, *args)
    except DomainError as error:
        story.result.refused[str(error.code)] += 1
        return None


def load_conduct(offices: dict[str, Office], *, today: date, now: datetime) -> ConductResult:
    """Clear and make the demo's house rules, incidents, decisions and appeals."""
    clear_conduct(list(offices))
    load_people()  # the neighbours and the crowd, when the dialogue is left out
    for local, (name, language) in OWN_PEOPLE.items():
        User.objects.get_or_create(
            email=f"{local}@conduct.{DEMO_DOMAIN}",
            defaults={"password": "!", "display_name": name, "preferred_language": language},
        )
    people = {
        user.email.split("@")[0]: user for user in User.objects.filter(email__iendswith=DEMO_DOMAIN)
    }
    story = _Story(today=today, people=people, offices=offices, result=ConductResult())
    first, second = _load_rules(story)
    _accept_all(story, first, second)
    for case in CASES:
        incident = _attempt(story, _incident, case)
        if incident is not None:
            story.incidents[case.key] = incident
    for decision in DECISIONS:
        _attempt(story, _decide, decision)
    story.result.totals = _totals(offices, now)
    return story.result


def _totals(offices: dict[str, Office], now: datetime) -> dict[str, int]:
    sanctions = Sanction.objects.filter(office__slug__in=list(offices))
    return {
        "house rules versions": RuleVersion.objects.filter(_demo_versions()).count(),
        "members yet to accept the new house rules": len(PENDING),
        "incidents": Incident.objects.filter(office__slug__in=list(offices)).count(),
        "conduct decisions": sanctions.count(),
        "conduct decisions in force": sanctions.filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=now), state="in_force", starts_at__lte=now
        ).count(),
        "appeals": Appeal.objects.filter(sanction__in=sanctions).count(),
    }


__all__ = ["ConductResult", "clear_conduct", "load_conduct"]
