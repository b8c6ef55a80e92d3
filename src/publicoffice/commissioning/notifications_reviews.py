"""E-mails of the review stage: to a new reviewer, to the applicant asked for more,
and to the officer when the applicant answers.

Each is sent in the recipient's language, with a link straight to the page
where they act. The application's contact address has no account, so it
gets the site's default language.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from publicoffice.commissioning.selectors.reviews import (
    info_request_by_id,
    lead_admins,
    reviewer_by_id,
)
from publicoffice.core.mail import Person, address_of, in_language_of, send_templated


def _link(name: str, pk: int) -> str:
    return settings.PUBLIC_BASE_URL + reverse(f"commissioning:{name}", args=[pk])


def send_reviewer_assigned(*, reviewer_id: int) -> str:
    """Tell the reviewer what to review, and that the conflict question comes first."""
    reviewer = reviewer_by_id(reviewer_id)
    if reviewer is None or not address_of(reviewer.user):
        return "skipped: reviewer gone"
    with in_language_of(reviewer.user):
        send_templated(
            to=address_of(reviewer.user),
            subject=gettext("An application for you to review"),
            template="commissioning/email/review_assigned",
            context={
                "name": str(reviewer.user),
                "application": reviewer.application,
                "call": reviewer.application.call,
                "url": _link("review", reviewer.pk),
            },
        )
    return "sent: reviewer assigned"


def send_info_requested(*, info_request_id: int) -> str:
    """The question to the application's contact address and the lead's admins, once each."""
    asked = info_request_by_id(info_request_id)
    if asked is None:
        return "skipped: question gone"
    application = asked.application
    people: list[Person | None] = [None, *lead_admins(application)]
    sent: set[str] = set()
    for person in people:
        to = application.contact_email if person is None else address_of(person)
        if not to or to.lower() in sent:
            continue
        sent.add(to.lower())
        with in_language_of(person):
            send_templated(
                to=to,
                subject=gettext("A question about your application"),
                template="commissioning/email/info_request_asked",
                context={
                    "name": str(person or application.lead),
                    "info_request": asked,
                    "application": application,
                    "url": _link("info_request_answer", asked.pk),
                },
                reply_to=application.call.contact_email,
            )
    return f"sent: question to {len(sent)}"


def send_info_answered(*, info_request_id: int) -> str:
    """Tell the officer who asked that the answer has come."""
    asked = info_request_by_id(info_request_id)
    if asked is None or not address_of(asked.asked_by):
        return "skipped: nobody to tell"
    with in_language_of(asked.asked_by):
        send_templated(
            to=address_of(asked.asked_by),
            subject=gettext("The applicant has answered your question"),
            template="commissioning/email/info_request_answered",
            context={
                "name": str(asked.asked_by),
                "info_request": asked,
                "application": asked.application,
                "url": _link("call_applications", asked.application.call_id),
            },
        )
    return "sent: answer to the officer"
