"""The e-mail to a member whose decision staff reviewed, in their language.

Keeping a ban with a new review date, ending a decision sooner and lifting
it are each told with the reasons and with the decision as it now stands,
so the member's copy of the statement of reasons is never out of date.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext, gettext_lazy
from django_tasks import task

from publicoffice.conduct.models import Sanction
from publicoffice.conduct.notifications import TEMPLATE, full_url
from publicoffice.conduct.services import _common as events
from publicoffice.conduct.statement import statement_lines
from publicoffice.core.mail import address_of, in_language_of, send_templated

logger = logging.getLogger(__name__)

SUBJECTS = {
    "keep": gettext_lazy("Your decision was reviewed and still holds"),
    "end": gettext_lazy("Your decision now ends sooner"),
    "lift": gettext_lazy("Your decision is lifted"),
}


def send_review_outcome(*, sanction_id: int, outcome: str, reasons: str) -> str:
    sanction = (
        Sanction.objects.select_related("member", "office", "rule_version")
        .filter(pk=sanction_id)
        .first()
    )
    if sanction is None or outcome not in SUBJECTS or not address_of(sanction.member):
        return "skipped: nobody to tell"
    with in_language_of(sanction.member):
        send_templated(
            to=address_of(sanction.member),
            subject=str(SUBJECTS[outcome]),
            template=TEMPLATE,
            context={
                "name": str(sanction.member),
                "lead": gettext(
                    "Staff at %(office)s have looked at a decision about you again. "
                    "This is how it stands now."
                )
                % {"office": sanction.office.name},
                "lines": [] if outcome == "lift" else statement_lines(sanction),
                "blocks": [(gettext_lazy("Reasons"), reasons)],
                "notes": [],
                "link_label": gettext("Your decision's page, where you can read it and appeal:"),
                "url": full_url("conduct:my_decision", sanction.public_id),
            },
            reply_to=sanction.office.email or "",
        )
    return "sent: member"


@task()
def send_review_outcome_task(*, sanction_id: int, outcome: str, reasons: str) -> str:
    return send_review_outcome(sanction_id=sanction_id, outcome=outcome, reasons=reasons)


def queue_review_outcome(*, sanction_id: int, outcome: str, reasons: str) -> None:
    try:
        send_review_outcome_task.enqueue(sanction_id=sanction_id, outcome=outcome, reasons=reasons)
    except Exception:
        logger.exception("Could not queue the review notice of decision %s", sanction_id)


def listen() -> None:
    events.sanction_reviewed.subscribe(queue_review_outcome)
