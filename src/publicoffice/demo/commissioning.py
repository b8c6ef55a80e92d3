"""Demo commissioning: how municipalities commission Public Offices, told relative to today.

1. A closed and decided call in Södertälje for Hovsjö, with three
   applications, two reviewers (one conflict), a question answered and the
   decisions (:mod:`publicoffice.demo.commissioning_call`).
2. Two running commissions with targets and reports, Hovsjö (the decided
   call's; its latest report waits for the officer) and Fittja (its latest
   report overdue) (:mod:`publicoffice.demo.commissioning_reports`).
3. An open call in Botkyrka for Tumba, whose office is paused: published two
   weeks ago, its deadline about a month ahead, followed by ``johan@``, and
   Arbetsbänken's application half written as a draft (this module).

Texts are in :mod:`publicoffice.demo.commissioning_texts` and
:mod:`publicoffice.demo.commissioning_followup_texts`. Reviews, the
question, the declines, the commissions, the amendment and the reports go
through the commissioning services with ``now=`` in the past; the calls,
the applications (submitted or draft, with their planned offices and plans)
and the approval (whose planned office is Hovsjö's, already there) are
written with the models, each row validated with ``full_clean()``. It runs
after the history, because the reports keep the figures it built. On every
run the demo municipalities' calls, applications, commissions and reports
are deleted and made again (:func:`clear_commissioning`).
"""

from __future__ import annotations

from datetime import date, timedelta

from publicoffice.accounts.models import User
from publicoffice.commissioning.models import (
    Application,
    ApplicationStatus,
    Call,
    CallCriterion,
    CallFollower,
    CallGuideline,
    CallStatus,
    Commission,
    Decision,
    GuidelinePlan,
    PlannedOffice,
)
from publicoffice.demo import commissioning_followup_texts as texts
from publicoffice.demo import network
from publicoffice.demo.commissioning_call import (
    APPLICANTS,
    FITTJA_OPERATOR,
    CommissioningResult,
    Story,
    application,
    decide,
    decided_call,
    hovsjo_plan,
    other_plan,
    save,
    years_later,
)
from publicoffice.demo.commissioning_reports import load_commissions
from publicoffice.demo.commissioning_reviews import review
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.guidelines.models import Guideline
from publicoffice.places.models import Office, Operator

__all__ = ["CommissioningResult", "clear_commissioning", "load_commissioning"]

#: The open call: published this many days ago, its deadline this many days ahead.
OPEN_PUBLISHED_DAYS_AGO = 14
OPEN_DEADLINE_DAYS = 31


def clear_commissioning() -> None:
    """Delete the demo municipalities' calls, applications, commissions and reports."""
    codes = list(network.MUNICIPALITIES)
    Commission.objects.filter(municipality__code__in=codes).delete()
    Decision.objects.filter(application__call__municipality__code__in=codes).delete()
    Application.objects.filter(call__municipality__code__in=codes).delete()
    Call.objects.filter(municipality__code__in=codes).delete()


def make_story(offices: dict[str, Office], today: date) -> Story:
    people = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__iendswith=f"@{DEMO_DOMAIN}")
    }
    names = [spec["name"] for spec in network.OPERATORS]
    return Story(
        today=today,
        offices=offices,
        people=people,
        operators={o.name: o for o in Operator.objects.filter(name__in=names)},
        guidelines=list(Guideline.objects.order_by("number")),
        result=CommissioningResult(),
    )


# -- the open call -------------------------------------------------------------------------


def open_call(story: Story) -> Call:
    """Botkyrka's call for Tumba, open for applications, with its rubric and a follower."""
    deadline = story.today + timedelta(days=OPEN_DEADLINE_DAYS)
    after = deadline + timedelta(days=90)
    starts = date(after.year, after.month, 1)
    ends = years_later(starts, 2)
    tumba = story.offices["tumba"]
    call = save(
        Call(
            municipality=tumba.municipality,
            status=CallStatus.OPEN,
            title=texts.OPEN_CALL_TITLE.format(first=starts.year, last=ends.year),
            summary=texts.OPEN_CALL_SUMMARY,
            area=texts.OPEN_CALL_AREA,
            offices_wanted=1,
            min_hours_per_week=30,
            target_groups=texts.OPEN_CALL_TARGET_GROUPS,
            criteria=texts.OPEN_CALL_CRITERIA,
            period_starts=starts,
            period_ends=ends,
            budget_sek=1_300_000,
            deadline=story.at(deadline, 23, 59),
            decision_days=45,
            contact_email="kontoren@botkyrka.example.se",
            published_at=story.at(story.today - timedelta(days=OPEN_PUBLISHED_DAYS_AGO), 8, 30),
            created_by=story.people["officer.botkyrka"],
        ),
        story.result,
        "calls",
    )
    call.districts.set([story.district("0127", "Tumba")])
    for guideline in story.guidelines:
        save(CallGuideline(call=call, guideline=guideline, weight=5), story.result, "rubric lines")
    title, description, weight = texts.OPEN_CALL_CRITERION
    save(
        CallCriterion(call=call, title=title, description=description, weight=weight),
        story.result,
        "rubric lines",
    )
    save(CallFollower(call=call, user=story.people["johan"]), story.result, "call followers")
    return call


def draft(story: Story, call: Call) -> Application:
    """Arbetsbänken's application for Tumba, half written: some sections and three plans."""
    spec = texts.DRAFT
    found = save(
        Application(
            call=call,
            lead=story.operators[FITTJA_OPERATOR],
            status=ApplicationStatus.DRAFT,
            title=spec["title"],
            residents=spec["residents"],
            existing=spec["existing"],
            budget_sek=int(spec["budget_sek"]),
            contact_email=spec["contact_email"],
            created_by=story.people["operator.fittja"],
        ),
        story.result,
        "applications",
    )
    tumba = story.offices["tumba"]
    save(
        PlannedOffice(
            application=found,
            name="Arbetsbänken Tumba",
            district=tumba.district,
            street_address=tumba.street_address,
            postal_code=tumba.postal_code,
            city=tumba.city,
            latitude=tumba.latitude,
            longitude=tumba.longitude,
            hours_per_week=32,
            capacity=tumba.capacity,
        ),
        story.result,
        "planned offices",
    )
    by_number = {g.number: g for g in story.guidelines}
    for number, commitment, plan in texts.DRAFT_PLANS:
        save(
            GuidelinePlan(
                application=found, guideline=by_number[number], commitment=commitment, plan=plan
            ),
            story.result,
            "plans per guideline",
        )
    return found


def load_decided_call(story: Story) -> Application:
    """The whole decided call; the approved application, which becomes Hovsjö's commission."""
    call = decided_call(story)
    found: dict[str, Application] = {}
    for number, key in enumerate(APPLICANTS, start=1):
        found[key] = application(story, call, key, number)
        if key == "hovsjo":
            hovsjo_plan(story, found[key], found[key].submitted_at or call.deadline)
        else:
            other_plan(story, found[key], key)
    review(story, found)
    decide(story, call, found)
    return found["hovsjo"]


def load_commissioning(offices: dict[str, Office], *, today: date) -> CommissioningResult:
    """Make the whole story again; see the module's docstring."""
    clear_commissioning()
    story = make_story(offices, today)
    approved = load_decided_call(story)
    load_commissions(story, approved)
    draft(story, open_call(story))
    return story.result
