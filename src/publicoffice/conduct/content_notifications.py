"""E-mails to the author of moderated content, in their language, through the task queue.

A statement of reasons goes to whoever's content is restricted (EU Digital
Services Act, Art. 17), so the author hears when their content is hidden
(by staff, or automatically after several reports) with the reason,
whether it was automated, and where to appeal; and again when it is shown
again. Dismissed reports about content that was never hidden tell nobody:
the author had nothing to be told. Who reported it is never said.
"""

from __future__ import annotations

import logging

from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django_tasks import task

from publicoffice.conduct.models import CaseState, ContentCase
from publicoffice.conduct.services import _common as events
from publicoffice.core.ical import site_url
from publicoffice.core.mail import address_of, in_language_of, send_templated
from publicoffice.places.moderation import kind_named

logger = logging.getLogger(__name__)


def _kind_label(case: ContentCase) -> str:
    kind = kind_named(case.kind)
    return str(kind.label) if kind is not None else case.kind


def send_content_notice(*, case_id: int, was_hidden: bool) -> str:
    case = ContentCase.objects.select_related("author", "office").filter(pk=case_id).first()
    if case is None or not address_of(case.author):
        return "skipped: nobody to tell"
    hidden = case.state == CaseState.HIDDEN
    if not hidden and not was_hidden:
        return "skipped: it was never hidden"
    with in_language_of(case.author):
        what = {"kind": _kind_label(case).lower(), "title": case.title or "—"}
        if hidden:
            subject = gettext("Your %(kind)s is hidden: %(title)s") % what
            lead = (
                gettext(
                    "Your %(kind)s “%(title)s” is hidden under the house rules. Only you and "
                    "the staff can still see it."
                )
                % what
            )
            who = (
                gettext("It was hidden automatically, because several members reported it.")
                if case.automated
                else gettext("A staff member hid it, not a machine.")
            )
            notes = [who, gettext("If you think this is wrong, you can appeal on its page.")]
        else:
            subject = gettext("Your %(kind)s is shown again: %(title)s") % what
            lead = gettext("Your %(kind)s “%(title)s” is shown to everyone again.") % what
            notes = []
        send_templated(
            to=address_of(case.author),
            subject=subject,
            template="conduct/email/notice",
            context={
                "name": str(case.author),
                "lead": lead,
                "lines": [],
                "blocks": [(gettext_lazy("Reason"), case.reason)],
                "notes": notes,
                "link_label": gettext("The decision's page:"),
                "url": site_url(reverse("conduct:moderation_mine", args=[case.public_id])),
            },
            reply_to=case.office.email if case.office else "",
        )
    return "sent: author"


@task()
def send_content_notice_task(*, case_id: int, was_hidden: bool) -> str:
    return send_content_notice(case_id=case_id, was_hidden=was_hidden)


def queue_content_notice(*, case_id: int, was_hidden: bool) -> None:
    try:
        send_content_notice_task.enqueue(case_id=case_id, was_hidden=was_hidden)
    except Exception:
        logger.exception("Could not queue the notice of moderation case %s", case_id)


def listen() -> None:
    """Subscribe to the moderation's decisions (from ``ready()``)."""
    events.content_decided.subscribe(queue_content_notice)
