"""Two proposals of the demo that became events which have already taken place.

The events story puts on events two weeks back; here two of them, at Ronna
and Fittja, are what members once proposed: proposed a month before, answered
"planned" by the office with the event linked, and then moved to *became an
event* by the same step the sweep runs, so the demo shows the whole loop.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from publicoffice.accounts.models import User
from publicoffice.demo.people import DEMO_DOMAIN
from publicoffice.dialogue.models import Kind, Proposal
from publicoffice.dialogue.services.answers import answer_write
from publicoffice.dialogue.services.proposals import proposal_create, support_add
from publicoffice.dialogue.services.to_event import close_held_events
from publicoffice.events.models import Event, EventStatus
from publicoffice.places.models import Office

#: (office slug, author, host, text, answer), the proposal's title is the event's.
HELD = (
    (
        "ronna",
        "amina",
        "host.ronna",
        "Många här vill lära sig mer och träffa andra. Kan vi göra det till en "
        "återkommande träff på kontoret?",
        "Ja! Vi lägger in det som ett evenemang. Välkomna!",
    ),
    (
        "fittja",
        "johan",
        "host.fittja",
        "Jag och några grannar skulle gärna hålla i det här. Vi behöver bara ett rum.",
        "Gärna! Rummet är bokat och evenemanget publicerat.",
    ),
)


def _person(local: str) -> User | None:
    return User.objects.filter(email=f"{local}@{DEMO_DOMAIN}").first()


def _past_event(office: Office, now: datetime) -> Event | None:
    return (
        Event.objects.filter(office=office, ends_at__lt=now, proposals__isnull=True)
        .exclude(status=EventStatus.CANCELLED)
        .order_by("-ends_at")
        .first()
    )


def link_held_events(offices: dict[str, Office], *, now: datetime) -> int:
    """Make the proposals, link their events and close them; how many."""
    made = 0
    supporters = list(User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}").order_by("pk")[:12])
    for slug, author_name, host_name, text, reply in HELD:
        office, author, host = offices.get(slug), _person(author_name), _person(host_name)
        event = _past_event(office, now) if office is not None else None
        if office is None or author is None or host is None or event is None:
            continue
        proposed = event.starts_at - timedelta(days=30)
        proposal = proposal_create(
            author=author,
            office=office,
            kind=Kind.ACTIVITY,
            title=str(event.title)[:120],
            body=text,
            language="sv",
            now=proposed,
        )
        for supporter in supporters:
            if supporter.pk != author.pk:
                support_add(member=supporter, proposal=proposal)
        Proposal.objects.filter(pk=proposal.pk).update(event=event)
        proposal.refresh_from_db()
        answer_write(
            staff=host,
            proposal=proposal,
            state="planned",
            text=reply,
            now=proposed + timedelta(days=3),
        )
        made += 1
    close_held_events(now=now)
    return made
