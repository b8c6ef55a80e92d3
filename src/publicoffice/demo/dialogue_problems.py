"""Problem reports in the demo: a lift out of order, a printer fixed, one reopened.

Through the same services the site uses, dated in the past: at Fittja the
lift to the upper floor stopped two days ago (an open accessibility barrier,
flagged on the office page and its card); at Ronna the printer was reported,
fixed, reported again as not fixed and is being fixed; a dirty toilet at
Rinkeby was reported by a visitor without an account and fixed the same
day; a loose cable at Hovsjö was made safe; a "problem" at Tensta library was not
one. Like the proposals, loading again gives the same story.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from publicoffice.accounts.models import User
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.dialogue.models import ProblemReport, ProblemStatistic
from publicoffice.dialogue.services.problems import (
    problem_reopen,
    problem_report,
    problem_update,
)
from publicoffice.places.models import Office

#: (office, reporter or None for a visitor, category, language, title, description,
#:  days ago, [(staff, state, text, days after)], reopened (by, reason, days after) or None)
STORY: tuple[tuple, ...] = (
    (
        "fittja",
        "nour",
        "accessibility",
        "ar",
        "المصعد إلى الطابق العلوي معطل",
        "المصعد لا يعمل منذ صباح الأمس. لا أستطيع الوصول إلى غرفة الاجتماعات بالكرسي المتحرك.",
        2,
        [
            (
                "host.fittja",
                "acknowledged",
                "Tack! Hissfirman kommer på torsdag. Fram till "
                "dess bokar vi möten i rummet på bottenvåningen.",
                0,
            )
        ],
        None,
    ),
    (
        "ronna",
        "johan",
        "equipment",
        "sv",
        "Skrivaren drar inte in papper",
        "Skrivaren vid fönstret fastnar på varje ark.",
        12,
        [
            ("host.ronna", "fixed", "Vi har bytt matarrullen. Säg till om den krånglar igen!", 1),
            ("host.ronna", "in_progress", "Tack, vi har beställt en ny skrivare.", 5),
        ],
        ("amina", "Den fastnar fortfarande på tjockt papper.", 3),
    ),
    (
        "rinkeby",
        None,
        "cleanliness",
        "so",
        "Musqusha waa wasakh",
        "Musqusha dabaqa hoose waa wasakh oo saabuun ma jiro.",
        6,
        [("admin", "fixed", "Tack! Städningen är gjord och tvålen påfylld.", 0)],
        None,
    ),
    (
        "hovsjo",
        "karim",
        "safety",
        "en",
        "Loose cable by the entrance",
        "A power cable lies across the floor by the door. Someone will trip.",
        20,
        [("admin", "fixed", "Kabeln är nu dragen längs väggen under en list.", 1)],
        None,
    ),
    (
        "tensta-bibliotek",
        "amina",
        "other",
        "sv",
        "Wifi-lösenordet står inte någonstans",
        "Jag hittade inte lösenordet till det trådlösa nätet.",
        9,
        [
            (
                "admin",
                "not_a_problem",
                "Nätet är öppet: välj ”Tensta-kontoret” utan lösenord. "
                "Vi har satt upp en skylt vid entrén.",
                1,
            )
        ],
        None,
    ),
)


def _person(local: str | None) -> User | None:
    return None if local is None else User.objects.filter(email=f"{local}@{DEMO_DOMAIN}").first()


def clear_problems(slugs: list[str]) -> None:
    ProblemStatistic.objects.filter(office__slug__in=slugs).delete()
    ProblemReport.objects.filter(office__slug__in=slugs).delete()


def load_problems(offices: dict[str, Office], *, now: datetime) -> int:
    """The story above; how many reports it made."""
    clear_problems(list(offices))
    made = 0
    for slug, reporter, category, language, title, text, ago, updates, reopened in STORY:
        office = offices.get(slug)
        if office is None:
            continue
        reported = now - timedelta(days=ago, hours=3)
        report = problem_report(
            office=office,
            reporter=_person(reporter),
            contact_email="" if reporter else f"besokare@{DEMO_DOMAIN}",
            category=category,
            title=title,
            description=text,
            language=language,
            now=reported,
        )
        when = reported
        for step, (staff, state, words, after) in enumerate(updates):
            if step == 1 and reopened is not None:
                by, reason, later = reopened
                when += timedelta(days=later)
                member = _person(by)
                if member is not None:
                    problem_reopen(member=member, report=report, reason=reason, now=when)
            author = _person(staff)
            when += timedelta(days=after, hours=2)
            if author is not None:
                problem_update(staff=author, report=report, state=state, text=words, now=when)
                report.refresh_from_db()
        made += 1
    return made
