"""E-mails about problem reports, sent through the task queue in each person's language.

Who hears of an update: the reporter, by their account's address in their
language, or a visitor by the address they left (in the language they
wrote the report in), unless they wrote the update themselves (a reopening).
The office's own address hears of new reports and reopenings, in the site's
language, so a problem does not wait for somebody to look at the page.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy
from django_tasks import task

from publicoffice.core.ical import site_url
from publicoffice.core.mail import address_of, in_language_of, send_templated
from publicoffice.dialogue.models import ProblemReport, ProblemState, ProblemUpdate
from publicoffice.dialogue.services import problems

logger = logging.getLogger(__name__)

SUBJECTS: dict[str, Promise] = {
    "updated": gettext_lazy("The problem you reported has an answer: %(title)s"),
    "reported": gettext_lazy("A problem was reported at the office: %(title)s"),
    "reopened": gettext_lazy("A fixed problem was reported as not fixed: %(title)s"),
}
LEADS: dict[str, Promise] = {
    "updated": gettext_lazy("The office has answered the problem you reported, in public."),
    "reported": gettext_lazy("Somebody reported a problem at the office. Answer it on its page."),
    "reopened": gettext_lazy("Somebody says this problem is not fixed. Look at it again."),
}


def problem_url(report: ProblemReport) -> str:
    """The report's page in the active language, as a full address for e-mails."""
    return site_url(reverse("dialogue:problem", kwargs={"public_id": report.public_id}))


def _send(*, to: str, kind: str, report: ProblemReport, context: dict[str, Any]) -> None:
    send_templated(
        to=to,
        subject=SUBJECTS[kind] % {"title": report.title},
        template="dialogue/problem_email",
        context={
            "lead": LEADS[kind],
            "title": report.title,
            "where": report.office.name,
            "url": problem_url(report),
            **context,
        },
        reply_to=report.office.email or "",
    )


def send_update_notice(*, update_id: int) -> str:
    """Tell the reporter (or the office, for a reopening) about a published update."""
    update = (
        ProblemUpdate.objects.select_related("report__office", "report__reporter")
        .filter(pk=update_id)
        .first()
    )
    if update is None:
        return "skipped: no such update"
    report = update.report
    if update.reopening:
        return _tell_office(report, "reopened", {"text": update.text})
    sent: list[str] = []
    reporter = report.reporter
    if reporter is not None and reporter.pk != update.written_by_id and address_of(reporter):
        with in_language_of(reporter):
            _tell(address_of(reporter), update, {"name": str(reporter)})
        sent.append("reporter")
    if report.contact_email and report.contact_email != address_of(reporter):
        with translation.override(report.language):
            _tell(report.contact_email, update, {"visitor": True})
        sent.append("visitor")
    return f"sent: {', '.join(sent)}" if sent else "skipped: nobody to tell"


def _tell(to: str, update: ProblemUpdate, extra: dict[str, Any]) -> None:
    """The update in the active language, to one address."""
    context = {"state": ProblemState(update.state).label, "text": update.text, **extra}
    _send(to=to, kind="updated", report=update.report, context=context)


def _tell_office(report: ProblemReport, kind: str, details: dict[str, Any]) -> str:
    if not report.office.email:
        return "skipped: the office has no address"
    with translation.override(settings.LANGUAGE_CODE):
        details = {**details, "state": ProblemState(report.state).label}
        _send(to=report.office.email, kind=kind, report=report, context=details)
    return "sent: office"


def send_report_notice(*, report_id: int) -> str:
    """Tell the office's address that a problem was reported."""
    report = ProblemReport.objects.select_related("office").filter(pk=report_id).first()
    if report is None:
        return "skipped: no such report"
    return _tell_office(report, "reported", {"text": report.description})


@task()
def send_problem_update_notice(*, update_id: int) -> str:
    return send_update_notice(update_id=update_id)


@task()
def send_problem_report_notice(*, report_id: int) -> str:
    return send_report_notice(report_id=report_id)


def queue_update_notice(*, update_id: int) -> None:
    try:
        send_problem_update_notice.enqueue(update_id=update_id)
    except Exception:
        logger.exception("Could not queue the notice of problem update %s", update_id)


def queue_report_notice(*, report_id: int) -> None:
    try:
        send_problem_report_notice.enqueue(report_id=report_id)
    except Exception:
        logger.exception("Could not queue the notice of problem report %s", report_id)


def listen() -> None:
    """Subscribe the e-mails to what the problem services publish (from ``ready()``)."""
    problems.problem_updated.subscribe(queue_update_notice)
    problems.problem_reported.subscribe(queue_report_notice)
