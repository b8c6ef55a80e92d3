"""E-mails to the people who follow a call, each in their own language.

Following a call is how residents, operators and journalists hear that its
deadline moved, that it closed, was cancelled or decided, without watching
the page. :func:`notify_followers` is the one way to write to them; the
other stages reuse it (the decision tells followers the call is decided).
The e-mails are sent by a task after the change is committed
(:func:`queue_news`), so a rolled-back change tells nobody.
"""

from __future__ import annotations

import logging
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django_tasks import task

from publicoffice.commissioning.models import Call
from publicoffice.commissioning.selectors.calls import call_by_id, followers_of
from publicoffice.core.domain_events import after_commit
from publicoffice.core.ical import site_url
from publicoffice.core.mail import address_of, in_language_of, send_templated
from publicoffice.core.time_format import format_moment, local

logger = logging.getLogger(__name__)

#: What can happen to a followed call, and the e-mail that says so.
NEWS = ("changed", "closed", "cancelled", "decided")


def deadline_words(call: Call) -> str:
    """The deadline on Stockholm's wall clock, with the zone, in the active language."""
    return gettext("%(moment)s (%(zone)s, Swedish time)") % {
        "moment": format_moment(call.deadline),
        "zone": local(call.deadline).tzname(),
    }


def notify_followers(
    call: Call, template: str, *, subject: str, context: dict[str, Any] | None = None
) -> int:
    """E-mail ``template`` (``commissioning/email/<template>``) to every follower.

    ``subject`` is an English msgid, translated per follower; ``%(title)s``
    in it is the call's title. Returns how many e-mails went out.
    """
    sent = 0
    for follower in followers_of(call.pk):
        to = address_of(follower)
        if not to:
            continue
        with in_language_of(follower):
            send_templated(
                to=to,
                subject=gettext(subject) % {"title": call.title},
                template=f"commissioning/email/{template}",
                context={
                    "name": str(follower),
                    "call": call,
                    "deadline": deadline_words(call),
                    "call_url": site_url(reverse("commissioning:call", args=[call.pk])),
                    **(context or {}),
                },
            )
        sent += 1
    return sent


#: Subjects, marked for translation here and translated per follower when sent.
SUBJECTS = {
    "changed": gettext_noop("The call “%(title)s” has changed"),
    "closed": gettext_noop("The call “%(title)s” is closed for applications"),
    "cancelled": gettext_noop("The call “%(title)s” is cancelled"),
    "decided": gettext_noop("The call “%(title)s” is decided"),
}


def send_call_news(*, call_id: int, news: str, reason: str = "") -> str:
    """Tell the followers what happened to the call; what was done, for the task log."""
    call = call_by_id(call_id)
    if call is None:
        return "skipped: call gone"
    if news not in NEWS:
        raise ValueError(f"unknown call news {news!r}")
    sent = notify_followers(
        call, f"call_{news}", subject=SUBJECTS[news], context={"reason": reason}
    )
    return f"sent: call {news} to {sent}"


@task()
def call_news_task(*, call_id: int, news: str, reason: str = "") -> str:
    """The followers' e-mail about one change, sent by the worker."""
    return send_call_news(call_id=call_id, news=news, reason=reason)


def _enqueue(call_id: int, news: str, reason: str) -> None:
    try:
        call_news_task.enqueue(call_id=call_id, news=news, reason=reason)
    except Exception:
        logger.exception("Could not queue the call news %s for call %s", news, call_id)


def queue_news(call_id: int, news: str, reason: str = "") -> None:
    """Queue the followers' e-mail once the change is committed; a failure to queue
    is logged, never the service's failure."""
    if news not in NEWS:
        raise ValueError(f"unknown call news {news!r}")
    after_commit(lambda: _enqueue(call_id, news, reason))
