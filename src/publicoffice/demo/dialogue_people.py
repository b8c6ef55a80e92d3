"""The people of the demo's proposals: who writes, who supports, who answers.

Authors and those who argue are the demo logins, the bookings' crowd and
the people of :data:`publicoffice.demo.dialogue_texts.PEOPLE`; supporters
are neighbours drawn from the directory's names
(:data:`publicoffice.demo.community_people.BACKGROUNDS`), so a face in the
directory may be a supporter too. Nobody can log in as the people made
here; existing accounts are left as the other stories made them.
"""

from __future__ import annotations

from django.utils.text import slugify

from publicoffice.accounts.models import User
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.demo.bookings import CROWD
from publicoffice.demo.community_people import BACKGROUNDS
from publicoffice.demo.dialogue_texts import PEOPLE
from publicoffice.demo.people import DEMO_DOMAIN

#: Neighbours who support proposals (the most supported has 58).
POOL_SIZE = 80
#: Who answers and moderates: the first of these who answers for the proposal's scope
#: (the office's host, its operator's admin, the municipality's officer, else the
#: platform admin, as for the demo's events).
ANSWERERS = (
    "host.ronna",
    "host.fittja",
    "operator.ronna",
    "operator.fittja",
    "officer.sodertalje",
    "admin",
)
LOGINS = ("amina", "johan", "nour", "karim", *ANSWERERS)


def neighbours() -> list[tuple[str, tuple[str, str]]]:
    """The supporters' (local part, (name, language)), drawn in turn from each background."""
    drawn: dict[str, tuple[str, str]] = {}
    longest = max(len(firsts) for _key, firsts, *_rest in BACKGROUNDS)
    for offset in (0, 3):
        for index in range(longest):
            for _key, firsts, lasts, spoken, written in BACKGROUNDS:
                if index >= len(firsts):
                    continue
                first, last = firsts[index], lasts[(index + offset) % len(lasts)]
                language = next((c for c in (*spoken, *written) if c in LANGUAGE_CODES), "sv")
                drawn.setdefault(f"{slugify(first)}.{slugify(last)}", (f"{first} {last}", language))
    return list(drawn.items())[:POOL_SIZE]


def load_people() -> dict[str, User]:
    """Everyone in the story by local part; those missing are made without a password.

    Existing accounts are left as they are: the crowd and the directory's
    people belong to the other stories too.
    """
    wanted = dict(neighbours())
    wanted.update(PEOPLE)
    wanted.update({name: (display, language) for name, display, language in CROWD})
    emails = {f"{local}@{DEMO_DOMAIN}": spec for local, spec in wanted.items()}
    existing = set(User.objects.filter(email__in=list(emails)).values_list("email", flat=True))
    User.objects.bulk_create(
        [
            User(email=email, password="!", display_name=name, preferred_language=language)
            for email, (name, language) in emails.items()
            if email not in existing
        ]
    )
    every = [*emails, *(f"{name}@{DEMO_DOMAIN}" for name in LOGINS)]
    return {user.email.split("@")[0]: user for user in User.objects.filter(email__in=every)}
