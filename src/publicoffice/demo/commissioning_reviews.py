"""The review of the decided call: reviewers, their scores, and the question to the winner.

Played through the commissioning services (:mod:`..services.reviews`,
:mod:`..services.info_requests`) with ``now=`` set to when each step
happened: the officer assigns two reviewers to every application; the
second declares a conflict of interest with Flemingsberg Arbetsplats'
application, so scores only the other two; the officer asks Hovsjö about
its lease, which pauses the clock until the answer; every line is scored
(one marked not applicable) with comments, some shared.
"""

from __future__ import annotations

from datetime import date, timedelta

from publicoffice.commissioning.models import Application, Call, Reviewer
from publicoffice.commissioning.services import info_requests, reviews
from publicoffice.demo import commissioning_texts as texts
from publicoffice.demo.commissioning_call import ANSWERED, ASKED, ASSIGNED, REVIEWED, Story

REVIEWERS = ("reviewer.sodertalje", "reviewer2.sodertalje")
#: The second reviewer's partner owns part of Flemingsberg Arbetsplats.
CONFLICTED = ("reviewer2.sodertalje", "flemingsberg")
#: Base scores per guideline and per criterion of the call (the second reviewer is stricter).
SCORES = {
    "hovsjo": ([4, 5, 4, 5, 4, 3, 5, 3, 4, 5], [5, 4]),
    "kvarnbacken": ([3, 1, 3, 2, 3, 4, 2, 3, 3, 2], [3, 2]),
    "flemingsberg": ([3, 2, 3, 2, 4, 4, 3, 4, 3, 3], [1, 1]),
}
#: The first reviewer found this line of Kvarnbacken's application not applicable.
NOT_APPLICABLE = ("kvarnbacken", 8)


def info_request(story: Story, found: Application, deadline: date) -> None:
    """The officer asked the winner about the lease; the answer came four days later."""
    asked = info_requests.ask(
        officer=story.people["officer.sodertalje"],
        application=found,
        question=texts.INFO_QUESTION,
        now=story.at(deadline + timedelta(days=ASKED), 10),
    )
    info_requests.answer(
        user=story.people["operator.hovsjo"],
        info_request=asked,
        text=texts.INFO_ANSWER,
        now=story.at(deadline + timedelta(days=ANSWERED), 16),
    )
    story.result.counts["information requests"] += 1


def assign(story: Story, found: dict[str, Application]) -> dict[tuple[int, str], Reviewer]:
    """Two reviewers on every application, each declaring a conflict of interest or none."""
    deadline = found["hovsjo"].call.deadline.date()
    assigned = {}
    for number, local in enumerate(REVIEWERS):
        user = story.people[local]
        for key, applied in found.items():
            conflict = local == CONFLICTED[0] and key == CONFLICTED[1]
            reviewer = reviews.assign_reviewer(
                officer=story.people["officer.sodertalje"], application=applied, user=user
            )
            assigned[number, key] = reviews.declare_conflict(
                user=user,
                reviewer=reviewer,
                has_conflict=conflict,
                note=texts.CONFLICT_NOTE if conflict else "",
                now=story.at(deadline + timedelta(days=ASSIGNED + 1), 9 + number),
            )
            story.result.counts["reviewers"] += 1
    return assigned


def score(story: Story, assigned: dict[tuple[int, str], Reviewer]) -> None:
    """Every reviewer without a conflict scores every line and completes the review."""
    for (number, key), reviewer in assigned.items():
        if not reviewer.may_score:
            continue
        user = story.people[REVIEWERS[number]]
        call = reviewer.application.call
        reviews.save_scores(user=user, reviewer=reviewer, answers=answers(story, call, key, number))
        reviews.complete_review(
            user=user,
            reviewer=reviewer,
            now=story.at(call.deadline.date() + timedelta(days=REVIEWED + number), 15),
        )
        story.result.counts["scores"] += reviewer.scores.count()


def answers(story: Story, call: Call, key: str, number: int) -> dict[str, reviews.Answer]:
    """One reviewer's scores, with the story's comments (some shared) on a few lines."""
    by_guideline, by_criterion = SCORES[key]
    comments = {
        line: (text, shared)
        for index, (line, text, shared) in enumerate(texts.REVIEW_COMMENTS[key])
        if index % 2 == number
    }
    found = {}
    for guideline, base in zip(story.guidelines, by_guideline, strict=True):
        value = str(max(0, base - (number if guideline.number in (3, 6, 8) else 0)))
        if (key, guideline.number) == NOT_APPLICABLE and number == 0:
            value = reviews.NOT_APPLICABLE
        text, shared = comments.get(guideline.number, ("", False))
        found[f"g{guideline.pk}"] = reviews.Answer(value, text, shared)
    for criterion, base in zip(call.extra_criteria.all(), by_criterion, strict=True):
        text, shared = comments.get(criterion.title, ("", False))
        found[f"c{criterion.pk}"] = reviews.Answer(str(max(0, base - number)), text, shared)
    return found


def review(story: Story, found: dict[str, Application]) -> None:
    assigned = assign(story, found)
    info_request(story, found["hovsjo"], found["hovsjo"].call.deadline.date())
    score(story, assigned)
