"""E-mails about proposals, sent through the task queue in each person's language.

Who hears of a published answer: the author, every supporter and every
follower, once each, except the person who wrote it. Who hears of a new
wording: the supporters (they supported the old one; the page keeps it).
A member who has closed their account hears nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from publicoffice.accounts.actors import Member
from publicoffice.core.ical import site_url
from publicoffice.core.mail import address_of, in_language_of, send_templated
from publicoffice.dialogue.models import Answer, Proposal, State
from publicoffice.dialogue.services.visitors import confirmation_token

SUBJECTS: dict[str, Promise] = {
    "answer_author": gettext_lazy("Your proposal has an answer: %(title)s"),
    "answer_other": gettext_lazy("A proposal you follow has an answer: %(title)s"),
    "reworded": gettext_lazy("A proposal you support was changed: %(title)s"),
    "confirm": gettext_lazy("Confirm your proposal: %(title)s"),
    "co_host": gettext_lazy("Host it with us? %(title)s"),
}

LEADS: dict[str, Promise] = {
    "co_host": gettext_lazy(
        "Your proposal is becoming an event, and the office invites you to host it together. "
        "Say yes or no on the proposal's page; you can change your mind there later."
    ),
    "confirm": gettext_lazy(
        "Thank you for your proposal! Open the link below within three days to publish it. "
        "Your e-mail address is never shown; we use it only to send you the answers."
    ),
    "answer_author": gettext_lazy("The office has answered your proposal in public."),
    "answer_other": gettext_lazy(
        "The office has answered a proposal you support or follow, in public."
    ),
    "reworded": gettext_lazy(
        "The author has changed the text of a proposal you support. Your support stays; "
        "the page keeps the earlier text, so you can compare and take your support back "
        "if you wish."
    ),
}


#: The answer the sweep publishes when a proposal's event has taken place.
EVENT_HELD = gettext_lazy(
    "The event took place. Thank you to everyone who proposed and supported it!"
)


def proposal_url(proposal: Proposal) -> str:
    """The proposal's page in the active language, as a full address for e-mails."""
    return site_url(reverse("dialogue:proposal", kwargs={"public_id": proposal.public_id}))


def _where(proposal: Proposal) -> str:
    scope = proposal.office or proposal.operator or proposal.municipality
    return str(getattr(scope, "name", scope) or "")


def _send(*, member: Member, proposal: Proposal, kind: str, extra: dict[str, Any]) -> bool:
    to = address_of(member)
    if not to:
        return False
    with in_language_of(member):
        _write(to=to, name=str(member), proposal=proposal, kind=kind, extra=extra)
    return True


def _send_to_visitor(*, proposal: Proposal, kind: str, extra: dict[str, Any]) -> bool:
    """The visitor without an account who made ``proposal``, in the language they used."""
    if not proposal.contact_email:
        return False
    with translation.override(proposal.contact_language or settings.LANGUAGE_CODE):
        _write(to=proposal.contact_email, name="", proposal=proposal, kind=kind, extra=extra)
    return True


def _write(*, to: str, name: str, proposal: Proposal, kind: str, extra: dict[str, Any]) -> None:
    """One e-mail in the active language."""
    context = {
        "name": name,
        "lead": LEADS[kind],
        "title": proposal.title,
        "where": _where(proposal),
        "url": proposal_url(proposal),
        **extra,
    }
    send_templated(
        to=to,
        subject=SUBJECTS[kind] % {"title": proposal.title},
        template="dialogue/email/notice",
        context=context,
        reply_to=getattr(proposal.office, "email", "") or "",
    )


def _people(proposal: Proposal, *, followers: bool) -> Iterable[Member]:
    people = {s.member.pk: s.member for s in proposal.supports.select_related("member")}
    if followers:
        people.update({f.member.pk: f.member for f in proposal.follows.select_related("member")})
    return people.values()


def send_answer_notices(*, answer_id: int) -> str:
    """Tell the author, the supporters and the followers about a published answer."""
    answer = (
        Answer.objects.select_related(
            "proposal__office", "proposal__operator", "proposal__municipality", "proposal__author"
        )
        .filter(pk=answer_id, published_at__isnull=False)
        .first()
    )
    if answer is None:
        return "skipped: no published answer"
    proposal = answer.proposal
    sent = 0
    for member in _recipients(answer, proposal):
        kind = "answer_author" if member.pk == proposal.author_id else "answer_other"
        extra = {"state": State(answer.state).label, "answer": answer.text or EVENT_HELD}
        sent += _send(member=member, proposal=proposal, kind=kind, extra=extra)
    if proposal.author is None and answer.state != State.WITHDRAWN:
        extra = {"state": State(answer.state).label, "answer": answer.text or EVENT_HELD}
        sent += _send_to_visitor(proposal=proposal, kind="answer_author", extra=extra)
    return f"sent: {sent}"


def send_confirmation(*, proposal_id: int) -> str:
    """The link a visitor opens to make their proposal public (and prove the address)."""
    proposal = (
        Proposal.objects.select_related("office")
        .filter(pk=proposal_id, awaiting_confirmation=True)
        .first()
    )
    if proposal is None:
        return "skipped: confirmed or gone"
    path = reverse("dialogue:confirm", kwargs={"token": confirmation_token(proposal)})
    with translation.override(proposal.contact_language or settings.LANGUAGE_CODE):
        link = site_url(path)
    _send_to_visitor(proposal=proposal, kind="confirm", extra={"url": link, "confirm": True})
    return "sent: confirmation"


def _recipients(answer: Answer, proposal: Proposal) -> list[Member]:
    people = {m.pk: m for m in _people(proposal, followers=True)}
    if proposal.author is not None:
        people[proposal.author.pk] = proposal.author
    people.pop(answer.written_by_id or 0, None)
    return list(people.values())


def send_reworded_notices(*, proposal_id: int, version: int) -> str:
    """Tell the supporters that the text they supported has changed."""
    proposal = Proposal.objects.select_related("office", "operator", "municipality").get(
        pk=proposal_id
    )
    sent = 0
    for member in _people(proposal, followers=False):
        if member.pk == proposal.author_id:
            continue
        sent += _send(member=member, proposal=proposal, kind="reworded", extra={"version": version})
    return f"sent: {sent}"


def send_co_host_invitation(*, proposal_id: int) -> str:
    """Ask the author whether they host the event made from their proposal."""
    proposal = (
        Proposal.objects.select_related("office", "author")
        .filter(pk=proposal_id, co_host_invited_at__isnull=False, co_host_answer="")
        .first()
    )
    if proposal is None or proposal.author is None:
        return "skipped: answered or gone"
    sent = _send(member=proposal.author, proposal=proposal, kind="co_host", extra={})
    return "sent: invitation" if sent else "skipped: no address"
