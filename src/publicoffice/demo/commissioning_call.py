"""The decided call of the commissioning story, and the story's people and dates.

Södertälje's call *Allmänt kontor i Hovsjö*, closed and decided: a rubric
of the ten guidelines with weights and two criteria of its own; three
applications (Hovsjö Kvartersförening with Ronna Områdesföretag as
confirmed co-applicant; Kvarnbackens Bostäder, whose budget section is
private; Flemingsberg Arbetsplats); two reviewers, one of whom declared a
conflict with Flemingsberg's application and did not score it; a question
asked and answered (the review clock paused meanwhile); one approval with
conditions and two declines with reasons. The approved plan is the office
that opened :data:`~publicoffice.demo.history_shapes.NEW_OFFICE_OPENED_DAYS_AGO`
days ago, Hovsjö, so its commission's reports read a real history.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar

from django.db import models

from publicoffice.accounts.models import User
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallCriterion,
    CallGuideline,
    CallStatus,
    CoApplicant,
    Decision,
    GuidelinePlan,
    Outcome,
    PlannedOffice,
    Section,
)
from publicoffice.commissioning.services import decisions
from publicoffice.demo import commissioning_texts as texts
from publicoffice.demo import history_shapes
from publicoffice.demo.booking_calendar import wall
from publicoffice.guidelines.models import Guideline
from publicoffice.places.models import District, Office, Operator

M = TypeVar("M", bound=models.Model)

HOVSJO_OPERATOR = "Hovsjö Kvartersförening"
RONNA_OPERATOR = "Ronna Områdesföretag ekonomisk förening"
KVARNBACKEN_OPERATOR = "Kvarnbackens Bostäder AB"
FLEMINGSBERG_OPERATOR = "Flemingsberg Arbetsplats AB"
FITTJA_OPERATOR = "Kooperativet Arbetsbänken i Fittja ekonomisk förening"
#: Days before the commission starts: the call published, its deadline.
PUBLISHED_BEFORE_START = 170
DEADLINE_BEFORE_START = 95
#: Days after the deadline: reviewers assigned, the question asked and answered, decided.
ASSIGNED, ASKED, ANSWERED, REVIEWED, DECIDED = 2, 6, 10, 24, 40
APPLICANTS = {
    "hovsjo": (HOVSJO_OPERATOR, texts.HOVSJO, texts.HOVSJO_PLANS, "operator.hovsjo", 12),
    "kvarnbacken": (
        KVARNBACKEN_OPERATOR,
        texts.KVARNBACKEN,
        texts.KVARNBACKEN_PLANS,
        "operator.kvarnbacken",
        3,
    ),
    "flemingsberg": (
        FLEMINGSBERG_OPERATOR,
        texts.FLEMINGSBERG,
        texts.FLEMINGSBERG_PLANS,
        "operator.flemingsberg",
        1,
    ),
}
SECTIONS = [s.value for s in Section]


@dataclass
class CommissioningResult:
    """What the story wrote, for the summary ``publicoffice demo`` prints."""

    counts: Counter[str] = field(default_factory=Counter)

    def totals(self) -> dict[str, int]:
        return {f"commissioning: {label}": n for label, n in self.counts.items()}


@dataclass
class Story:
    """Who and where, and the dates everything is counted from."""

    today: date
    offices: dict[str, Office]
    people: dict[str, User]
    operators: dict[str, Operator]
    guidelines: list[Guideline]
    result: CommissioningResult

    @property
    def starts(self) -> date:
        """The day Hovsjö opened: the decided call's commission starts then."""
        return self.today - timedelta(days=history_shapes.NEW_OFFICE_OPENED_DAYS_AGO)

    def day(self, before_start: int, after: int = 0) -> date:
        return self.starts - timedelta(days=before_start) + timedelta(days=after)

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return wall(day, hour, minute)

    def district(self, code: str, name: str) -> District:
        return District.objects.get(municipality__code=code, name=name)


def save(obj: M, result: CommissioningResult, label: str, *, exclude: tuple[str, ...] = ()) -> M:
    """Validate and save; ``exclude``: fields left empty that only a later step fills."""
    obj.full_clean(exclude=list(exclude))
    obj.save()
    result.counts[label] += 1
    return obj


def years_later(day: date, years: int) -> date:
    """The day before the same day ``years`` later: the last day of a period of whole years."""
    try:
        return day.replace(year=day.year + years) - timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# -- the decided call --------------------------------------------------------------------


def decided_call(story: Story) -> Call:
    """Södertälje's call for Hovsjö, with its rubric; decided by now."""
    ends = years_later(story.starts, 2)
    call = save(
        Call(
            municipality=story.offices["hovsjo"].municipality,
            status=CallStatus.REVIEW,  # the last decision closes it
            title=texts.CALL_TITLE.format(first=story.starts.year, last=ends.year),
            summary=texts.CALL_SUMMARY,
            area=texts.CALL_AREA,
            offices_wanted=1,
            min_hours_per_week=25,
            target_groups=texts.CALL_TARGET_GROUPS,
            criteria=texts.CALL_CRITERIA,
            period_starts=story.starts,
            period_ends=ends,
            budget_sek=1_400_000,
            deadline=story.at(story.day(DEADLINE_BEFORE_START), 23, 59),
            decision_days=60,
            contact_email="upphandling@sodertalje.example.se",
            published_at=story.at(story.day(PUBLISHED_BEFORE_START), 9),
            created_by=story.people["officer.sodertalje"],
        ),
        story.result,
        "calls",
    )
    call.districts.set([story.district("0181", "Hovsjö")])
    for guideline, weight, good in zip(
        story.guidelines, texts.WEIGHTS, texts.GOOD_ANSWERS, strict=True
    ):
        save(
            CallGuideline(call=call, guideline=guideline, weight=weight, good_answer=good),
            story.result,
            "rubric lines",
        )
    for position, (title, description, weight) in enumerate(texts.CRITERIA):
        save(
            CallCriterion(
                call=call, title=title, description=description, weight=weight, position=position
            ),
            story.result,
            "rubric lines",
        )
    return call


def application(story: Story, call: Call, key: str, number: int) -> Application:
    """One submitted application with its plans per guideline."""
    lead, spec, plans, admin, days_early = APPLICANTS[key]
    submitted = story.at(call.deadline.date() - timedelta(days=days_early), 14, 10 * number)
    sections = {name: spec[name] for name in SECTIONS}
    found = save(
        Application(
            call=call,
            lead=story.operators[lead],
            status=ApplicationStatus.SUBMITTED,
            title=spec["title"],
            budget_sek=spec["budget_sek"],
            private_sections=[Section.BUDGET.value] if key == "kvarnbacken" else [],
            contact_email=spec["contact_email"],
            created_by=story.people[admin],
            submitted_at=submitted,
            submitted_by=story.people[admin],
            receipt=f"{submitted.year}-{call.municipality.code}-{number}",
            **sections,
        ),
        story.result,
        "applications",
    )
    for guideline, (commitment, plan) in zip(story.guidelines, plans, strict=True):
        save(
            GuidelinePlan(application=found, guideline=guideline, commitment=commitment, plan=plan),
            story.result,
            "plans per guideline",
        )
    return found


def hovsjo_plan(story: Story, found: Application, submitted: datetime) -> None:
    """The winner's planned office (now Hovsjö's office) and its confirmed co-applicant."""
    office = story.offices["hovsjo"]
    save(
        PlannedOffice(
            application=found,
            name=office.name,
            district=office.district,
            street_address=office.street_address,
            postal_code=office.postal_code,
            city=office.city,
            latitude=office.latitude,
            longitude=office.longitude,
            premises="Föreningslokalen i bottenplan och våningen ovanför, med hiss.",
            opening_hours="Mån–fre 9–17 med lunchstängt, tis och tors till 21.",
            hours_per_week=32,
            spaces="Öppen arbetsyta med 14 platser, ett mötesrum för sex.",
            accessibility="Hiss, ramp vid entrén, hörselslinga i mötesrummet.",
            capacity=office.capacity,
            office=office,
        ),
        story.result,
        "planned offices",
    )
    save(
        CoApplicant(
            application=found,
            operator=story.operators[RONNA_OPERATOR],
            role=texts.HOVSJO["co_role"],
            confirmed_at=submitted - timedelta(days=2),
            confirmed_by=story.people["operator.ronna"],
        ),
        story.result,
        "co-applicants",
    )


def other_plan(story: Story, found: Application, key: str) -> None:
    """The declined applicants' planned offices, in Hovsjö centrum."""
    save(
        PlannedOffice(
            application=found,
            name=found.title,
            district=story.district("0181", "Hovsjö"),
            street_address="Hovsjö centrum 3" if key == "kvarnbacken" else "Hovsjö centrum 12",
            postal_code="151 48",
            city="Södertälje",
            latitude="59.184900",
            longitude="17.585200",
            opening_hours="Vardagar 10–15." if key == "kvarnbacken" else "Vardagar 7–18.",
            hours_per_week=18 if key == "kvarnbacken" else 55,
            capacity=12 if key == "kvarnbacken" else 40,
        ),
        story.result,
        "planned offices",
    )


def approve(story: Story, approved: Application, at: datetime) -> Decision:
    """The approval, written directly: its planned office is Hovsjö's, which exists already
    (the decision service would enter a new office for it)."""
    reasons, conditions = texts.DECISIONS["hovsjo"]
    decision = save(
        Decision(
            application=approved,
            outcome=Outcome.APPROVED,
            reasons=reasons,
            conditions=conditions,
            decided_by=story.people["officer.sodertalje"],
            decided_at=at,
        ),
        story.result,
        "decisions",
    )
    approved.status = ApplicationStatus.APPROVED
    approved.save(update_fields=["status", "updated_at"])
    return decision


def decide(story: Story, call: Call, found: dict[str, Application]) -> None:
    """One approval with conditions, then two declines with reasons, which close the call."""
    decided_at = story.at(call.deadline.date() + timedelta(days=DECIDED), 13)
    approve(story, found["hovsjo"], decided_at)
    for key in ("kvarnbacken", "flemingsberg"):
        decisions.decide(
            officer=story.people["officer.sodertalje"],
            application=found[key],
            outcome=Outcome.DECLINED,
            reasons=texts.DECISIONS[key][0],
            private_notes=texts.PRIVATE_NOTE if key == "kvarnbacken" else "",
            now=decided_at + timedelta(minutes=10),
        )
        story.result.counts["decisions"] += 1
