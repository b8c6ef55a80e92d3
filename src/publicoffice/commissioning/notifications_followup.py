"""E-mails about follow-up reports, sent through the task queue in each person's language.

Who hears what, and why:

* the municipality's **officers** hear that a report was submitted (it is
  theirs to assess) and that one has become very late (time to call);
* the commission's **operator admins** hear that the municipality accepted
  a report or asks for changes (with the comment), and are reminded a week
  before a report is due, the day after it fell due, and when it becomes
  very late.

The e-mails carry no private narrative: the report's page, behind the
log-in, holds it.
"""

from __future__ import annotations

import logging

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy
from django_tasks import task

from publicoffice.accounts.models import User
from publicoffice.commissioning.models import Report
from publicoffice.commissioning.selectors import followup as selectors
from publicoffice.core.ical import site_url
from publicoffice.core.mail import address_of, in_language_of, send_templated

logger = logging.getLogger(__name__)

TEMPLATE = "commissioning/email/report_notice"

#: what → (subject, lead); the lead may name the report's due date (``%(due)s``).
WORDS = {
    "submitted": (
        gettext_lazy("A follow-up report was submitted"),
        gettext_lazy("The operator submitted a follow-up report. It is yours to assess."),
    ),
    "accepted": (
        gettext_lazy("Your follow-up report was accepted"),
        gettext_lazy(
            "The municipality accepted your follow-up report. Its public parts are now published."
        ),
    ),
    "changes": (
        gettext_lazy("Changes asked for in your follow-up report"),
        gettext_lazy(
            "The municipality asks for changes in your follow-up report. "
            "You can edit it and submit it again."
        ),
    ),
    "soon": (
        gettext_lazy("A follow-up report is due in a week"),
        gettext_lazy("A follow-up report is due on %(due)s."),
    ),
    "overdue": (
        gettext_lazy("A follow-up report is overdue"),
        gettext_lazy("A follow-up report was due on %(due)s and has not been submitted."),
    ),
    "very_late": (
        gettext_lazy("A follow-up report is very late"),
        gettext_lazy("A follow-up report was due on %(due)s and is now very late."),
    ),
}
TO_OFFICERS = frozenset({"submitted", "very_late"})
TO_OPERATORS = frozenset({"accepted", "changes", "soon", "overdue", "very_late"})


def recipients(what: str, report: Report) -> list[User]:
    people: list[User] = []
    if what in TO_OPERATORS:
        people += selectors.operator_admins_of(report.commission)
    if what in TO_OFFICERS:
        people += [p for p in selectors.officers_of(report.commission) if p not in people]
    return people


def _send(person: User, what: str, report: Report) -> None:
    subject, lead = WORDS[what]
    with in_language_of(person):
        send_templated(
            to=address_of(person),
            subject=f"{subject}: {report.commission.title}",
            template=TEMPLATE,
            context={
                "name": str(person),
                "lead": str(lead) % {"due": date_format(report.due_on, "DATE_FORMAT")},
                "report": report,
                "comment": report.officer_comment if what == "changes" else "",
                "url": site_url(reverse("commissioning:report", args=[report.pk])),
            },
        )


def send_report_notice(*, what: str, report_id: int) -> str:
    """E-mail everyone who should hear ``what`` of the report; what was done."""
    report = selectors.report_by_id(report_id)
    if report is None or what not in WORDS:
        return "skipped: report gone"
    sent = 0
    for person in recipients(what, report):
        if address_of(person):
            _send(person, what, report)
            sent += 1
    return f"sent: {what} to {sent}"


@task()
def report_notice(*, what: str, report_id: int) -> str:
    return send_report_notice(what=what, report_id=report_id)


def queue(what: str, report_id: int) -> None:
    """Queue one notice; a queue that fails is logged, never the service's failure."""
    try:
        report_notice.enqueue(what=what, report_id=report_id)
    except Exception:
        logger.exception("Could not queue the report notice %s for %s", what, report_id)
