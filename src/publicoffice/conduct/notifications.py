"""E-mails about conduct decisions, sent through the task queue in each person's language.

Who hears what, and why:

* the **member** hears of every decision about them once it holds (a note
  or a warning stops nothing but is still told), with the full statement of
  reasons (EU Digital Services Act, Art. 17): what it stops, where and how
  long it holds, the facts, the rule, that a person decided, and how and
  until when to appeal; and later the answer to their appeal;
* the **office's address** (in the site's language) hears of a new report,
  a new appeal with the date it must be answered by, the appeal's answer
  (both sides hear the outcome), and an indefinite
  ban whose review date has come. These e-mails carry no reporter's
  contact and no account of what happened: the staff pages, behind the
  staff's log-in, hold those;
* the **reporter** hears only that staff looked at the report and acted
  on it, never who was involved or what followed (the privacy of everyone
  else). A visitor's address is erased once that answer is sent.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from django_tasks import task

from publicoffice.conduct.models import Appeal, AppealOutcome, Incident, Sanction
from publicoffice.conduct.services import _common as events
from publicoffice.conduct.services.appeals import appeal_deadline
from publicoffice.conduct.services.incidents import forget_contact
from publicoffice.conduct.statement import Lines, statement_lines, when
from publicoffice.core.ical import site_url
from publicoffice.core.mail import address_of, in_language_of, send_templated
from publicoffice.places.models import Office

logger = logging.getLogger(__name__)

TEMPLATE = "conduct/email/notice"


def full_url(name: str, public_id: Any) -> str:
    """A page's full address in the active language, for an e-mail."""
    return site_url(reverse(name, kwargs={"public_id": public_id}))


def _member_notice(
    sanction: Sanction, *, subject: str, lead: str, lines: Lines, blocks: Lines, notes: list[str]
) -> None:
    """One e-mail to the decision's member, in the active language."""
    member = sanction.member
    send_templated(
        to=address_of(member),
        subject=subject,
        template=TEMPLATE,
        context={
            "name": str(member),
            "lead": lead,
            "lines": lines,
            "blocks": blocks,
            "notes": notes,
            "link_label": gettext("Your decision's page, where you can read it and appeal:"),
            "url": full_url("conduct:my_decision", sanction.public_id),
        },
        reply_to=sanction.office.email or "",
    )


def send_sanction_notice(*, sanction_id: int) -> str:
    """Tell the member of a decision that now holds, with its statement of reasons."""
    sanction = (
        Sanction.objects.select_related("member", "office", "rule_version")
        .filter(pk=sanction_id)
        .first()
    )
    if sanction is None or not address_of(sanction.member):
        return "skipped: nobody to tell"
    with in_language_of(sanction.member):
        automated = (
            gettext("This decision was taken automatically.")
            if sanction.automated
            else gettext("A person took this decision, not a machine.")
        )
        appeal = gettext(
            "If you think the decision is wrong, you can appeal it on its page until "
            "%(deadline)s. Somebody other than the person who decided will answer, with reasons."
        ) % {"deadline": when(appeal_deadline(sanction))}
        _member_notice(
            sanction,
            subject=gettext("A decision about you under the house rules: %(kind)s")
            % {"kind": sanction.get_kind_display()},
            lead=gettext(
                "Staff at %(office)s have taken a decision about you under the house rules. "
                "This is what it means and why."
            )
            % {"office": sanction.office.name},
            lines=statement_lines(sanction),
            blocks=[
                (gettext_lazy("What happened"), sanction.facts),
                (gettext_lazy("Why this decision"), sanction.grounds),
            ],
            notes=[automated, appeal],
        )
    return "sent: member"


def send_appeal_answer(*, appeal_id: int) -> str:
    """Tell the member the answer to their appeal: the outcome, the reasons, any new end."""
    appeal = (
        Appeal.objects.select_related("sanction__member", "sanction__office")
        .filter(pk=appeal_id)
        .first()
    )
    if appeal is None or not address_of(appeal.sanction.member):
        return "skipped: nobody to tell"
    sanction = appeal.sanction
    with in_language_of(sanction.member):
        outcome = str(AppealOutcome(appeal.outcome).label)
        lines: Lines = [
            (gettext_lazy("Decision"), str(sanction.get_kind_display())),
            (gettext_lazy("Answer"), outcome),
        ]
        if appeal.outcome == AppealOutcome.SHORTENED and appeal.new_ends_at is not None:
            lines.append((gettext_lazy("Now holds until"), when(appeal.new_ends_at)))
        _member_notice(
            sanction,
            subject=gettext("The answer to your appeal: %(outcome)s") % {"outcome": outcome},
            lead=gettext(
                "Your appeal has been answered by somebody other than the person who decided."
            ),
            lines=lines,
            blocks=[(gettext_lazy("Reasons"), appeal.reply)],
            notes=[],
        )
    return "sent: member"


def _tell_office(
    office: Office, *, subject: str, lead: str, lines: Lines, url_name: str, public_id: Any
) -> str:
    """One e-mail to the office's own address, in the site's language."""
    if not office.email:
        return "skipped: the office has no address"
    send_templated(
        to=office.email,
        subject=subject,
        template=TEMPLATE,
        context={
            "lead": lead,
            "lines": lines,
            "blocks": [],
            "notes": [],
            "link_label": gettext("Open it in the staff pages:"),
            "url": full_url(url_name, public_id),
        },
    )
    return "sent: office"


def send_appeal_made_notice(*, appeal_id: int) -> str:
    """Tell the office an appeal waits for an answer, and by when."""
    appeal = Appeal.objects.select_related("sanction__office").filter(pk=appeal_id).first()
    if appeal is None:
        return "skipped: no such appeal"
    office = appeal.sanction.office
    with translation.override(settings.LANGUAGE_CODE):
        due = when(appeal.answer_due)
        return _tell_office(
            office,
            subject=gettext("An appeal to answer at %(office)s by %(due)s")
            % {"office": office.name, "due": due},
            lead=gettext(
                "A member has appealed a decision taken at the office. Somebody other than the "
                "person who decided must answer it, with reasons, by %(due)s."
            )
            % {"due": due},
            lines=[
                (gettext_lazy("Decision"), str(appeal.sanction.get_kind_display())),
                (gettext_lazy("Appealed"), when(appeal.submitted_at)),
                (gettext_lazy("Answer by"), due),
            ],
            url_name="conduct:appeal",
            public_id=appeal.public_id,
        )


def send_appeal_answered_notice(*, appeal_id: int) -> str:
    """Tell the office how an appeal was answered: both sides hear the outcome."""
    appeal = Appeal.objects.select_related("sanction__office").filter(pk=appeal_id).first()
    if appeal is None:
        return "skipped: no such appeal"
    office = appeal.sanction.office
    with translation.override(settings.LANGUAGE_CODE):
        outcome = str(AppealOutcome(appeal.outcome).label)
        return _tell_office(
            office,
            subject=gettext("An appeal at %(office)s was answered: %(outcome)s")
            % {"office": office.name, "outcome": outcome},
            lead=gettext("An appeal against a decision taken at the office has been answered."),
            lines=[
                (gettext_lazy("Decision"), str(appeal.sanction.get_kind_display())),
                (gettext_lazy("Answer"), outcome),
            ],
            url_name="conduct:appeal",
            public_id=appeal.public_id,
        )


def send_incident_reported_notice(*, incident_id: int) -> str:
    """Tell the office an incident was reported; the details stay in the staff pages."""
    incident = Incident.objects.select_related("office").filter(pk=incident_id).first()
    if incident is None:
        return "skipped: no such incident"
    with translation.override(settings.LANGUAGE_CODE):
        return _tell_office(
            incident.office,
            subject=gettext("An incident was reported at %(office)s")
            % {"office": incident.office.name},
            lead=gettext(
                "Somebody reported an incident at the office. Read it and handle it in the "
                "staff pages."
            ),
            lines=[
                (gettext_lazy("Rule broken"), str(incident.get_category_display())),
                (gettext_lazy("When it happened"), when(incident.occurred_at)),
            ],
            url_name="conduct:incident",
            public_id=incident.public_id,
        )


def send_review_notice(*, sanction_id: int) -> str:
    """Tell the office an indefinite ban's review date has come."""
    sanction = Sanction.objects.select_related("office").filter(pk=sanction_id).first()
    if sanction is None:
        return "skipped: no such decision"
    with translation.override(settings.LANGUAGE_CODE):
        return _tell_office(
            sanction.office,
            subject=gettext("A ban decided at %(office)s is due for review")
            % {"office": sanction.office.name},
            lead=gettext(
                "A ban without an end, decided at the office, has reached its review date. "
                "Look at it again: lift it, give it an end, or keep it with a new review date."
            ),
            lines=[
                (gettext_lazy("Decision"), str(sanction.get_kind_display())),
                (gettext_lazy("From"), when(sanction.starts_at)),
                (gettext_lazy("Review by"), when(sanction.review_at, "DATE_FORMAT")),
            ],
            url_name="conduct:sanction",
            public_id=sanction.public_id,
        )


def send_handled_notice(*, incident_id: int) -> str:
    """Thank the reporter, in their language, then erase the address they left."""
    incident = Incident.objects.select_related("office", "reporter").filter(pk=incident_id).first()
    if incident is None:
        return "skipped: no such incident"
    try:
        if address_of(incident.reporter):
            with in_language_of(incident.reporter):
                _thank(address_of(incident.reporter), incident, visitor=False)
            return "sent: reporter"
        if incident.reporter_contact:
            with translation.override(incident.reporter_language or settings.LANGUAGE_CODE):
                _thank(incident.reporter_contact, incident, visitor=True)
            return "sent: visitor"
        return "skipped: nobody to tell"
    finally:
        forget_contact(incident.pk)


def _thank(to: str, incident: Incident, *, visitor: bool) -> None:
    """Only that staff acted: never who was involved or what was decided."""
    office = incident.office.name
    notes = [gettext("For the privacy of everyone involved, we do not say what was decided.")]
    if visitor:
        notes.append(gettext("Your e-mail address is now deleted: it was kept only for this."))
    send_templated(
        to=to,
        subject=gettext("Your report to %(office)s has been handled") % {"office": office},
        template=TEMPLATE,
        context={
            "name": str(incident.reporter) if not visitor else "",
            "lead": gettext(
                "Staff at %(office)s have looked at the report you made on %(date)s and acted "
                "on it. Thank you for telling them."
            )
            % {"office": office, "date": when(incident.created_at, "DATE_FORMAT")},
            "lines": [],
            "blocks": [],
            "notes": notes,
        },
        reply_to=incident.office.email or "",
    )


@task()
def send_conduct_notice(*, kind: str, pk: int) -> str:
    """One conduct e-mail; ``kind`` names the sender in :data:`SENDERS`."""
    return SENDERS[kind](pk)


SENDERS = {
    "sanction": lambda pk: send_sanction_notice(sanction_id=pk),
    "appeal_made": lambda pk: send_appeal_made_notice(appeal_id=pk),
    "appeal_decided": lambda pk: send_appeal_answer(appeal_id=pk),
    "appeal_answered_office": lambda pk: send_appeal_answered_notice(appeal_id=pk),
    "incident_reported": lambda pk: send_incident_reported_notice(incident_id=pk),
    "incident_handled": lambda pk: send_handled_notice(incident_id=pk),
    "review": lambda pk: send_review_notice(sanction_id=pk),
}


def queue(kind: str, pk: int) -> None:
    """Queue one e-mail; a queue that fails is logged, never the service's failure."""
    try:
        send_conduct_notice.enqueue(kind=kind, pk=pk)
    except Exception:
        logger.exception("Could not queue the conduct notice %s for %s", kind, pk)


def queue_sanction_notice(*, sanction_id: int) -> None:
    queue("sanction", sanction_id)


def queue_appeal_made_notice(*, appeal_id: int) -> None:
    queue("appeal_made", appeal_id)


def queue_appeal_answer(*, appeal_id: int) -> None:
    queue("appeal_decided", appeal_id)
    queue("appeal_answered_office", appeal_id)


def queue_incident_reported_notice(*, incident_id: int) -> None:
    queue("incident_reported", incident_id)


def queue_handled_notice(*, incident_id: int) -> None:
    queue("incident_handled", incident_id)


def listen() -> None:
    """Subscribe the e-mails to what the conduct services publish (from ``ready()``)."""
    events.sanction_in_force.subscribe(queue_sanction_notice)
    events.appeal_made.subscribe(queue_appeal_made_notice)
    events.appeal_decided.subscribe(queue_appeal_answer)
    events.incident_reported.subscribe(queue_incident_reported_notice)
    events.incident_handled.subscribe(queue_handled_notice)
