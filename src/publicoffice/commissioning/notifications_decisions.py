"""The e-mail that tells every applicant the decision, in their own language.

Each admin of the lead and of every confirmed co-applicant gets it, and so
does the application's contact address (in the language of whoever
submitted it). It carries the published reasons and conditions, never the
notes kept inside the municipality.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.commissioning.models import Decision, Outcome
from publicoffice.commissioning.selectors.decisions import (
    applicant_admins,
    decision_with_application,
)
from publicoffice.core.ical import site_url
from publicoffice.core.mail import address_of, language_of, send_templated


def _recipients(decision: Decision) -> list[tuple[str, str, str]]:
    """(address, language, name) once per address: the admins first, then the contact."""
    application = decision.application
    found: dict[str, tuple[str, str, str]] = {}
    for admin in applicant_admins(application):
        to = address_of(admin)
        if to and to.lower() not in found:
            found[to.lower()] = (to, language_of(admin), str(admin))
    contact = application.contact_email
    if contact and contact.lower() not in found:
        submitter = application.submitted_by or application.created_by
        language = language_of(submitter) if submitter else settings.LANGUAGE_CODE
        found[contact.lower()] = (contact, language, "")
    return list(found.values())


def send_decision(*, decision_id: int) -> str:
    """E-mail the decision to every applicant; return what was done."""
    decision = decision_with_application(decision_id)
    if decision is None:
        return "skipped: decision gone"
    application = decision.application
    path = reverse("commissioning:call_decisions", args=[application.call_id])
    sent = 0
    for to, language, name in _recipients(decision):
        with translation.override(language):
            subject = (
                gettext("Your application “%(title)s” is approved")
                if decision.outcome == Outcome.APPROVED
                else gettext("Your application “%(title)s” is declined")
            )
            send_templated(
                to=to,
                subject=subject % {"title": application.title},
                template="commissioning/email/decision_made",
                context={
                    "name": name,
                    "decision": decision,
                    "application": application,
                    "call": application.call,
                    "approved": decision.outcome == Outcome.APPROVED,
                    "decisions_url": site_url(path),
                },
            )
        sent += 1
    return f"sent: decision to {sent}"
