"""The e-mails of applying: a co-applicant is asked to confirm; a receipt on submission.

Each person is written to in their own language (``core.mail.in_language_of``).
The application's contact address has no account behind it, so it gets the
receipt in the language of the admin who submitted.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from publicoffice.commissioning.models import Application
from publicoffice.commissioning.selectors.applications import (
    admins_of,
    application_by_id,
    co_applicant_by_id,
)
from publicoffice.core.mail import Person, address_of, in_language_of, send_templated


def _link(application: Application) -> str:
    return settings.PUBLIC_BASE_URL + reverse(
        "commissioning:application", kwargs={"pk": application.pk}
    )


def send_co_applicant_invited(*, co_applicant_id: int) -> str:
    """Tell the co-applicant's admins they were named, and where to confirm."""
    row = co_applicant_by_id(co_applicant_id)
    if row is None:
        return "skipped: co-applicant gone"
    sent = 0
    for admin in admins_of({row.operator_id}):
        with in_language_of(admin):
            send_templated(
                to=address_of(admin),
                subject=gettext("You are asked to apply together: %(title)s")
                % {"title": row.application.title},
                template="commissioning/email/application_co_applicant",
                context={
                    "name": str(admin),
                    "row": row,
                    "application": row.application,
                    "link": _link(row.application),
                },
            )
        sent += 1
    return f"sent: co-applicant invitation to {sent}"


def _send_receipt(to: str, person: Person | None, application: Application, name: str) -> None:
    with in_language_of(person):
        send_templated(
            to=to,
            subject=gettext("Receipt for your application %(receipt)s")
            % {"receipt": application.receipt},
            template="commissioning/email/application_receipt",
            context={
                "name": name,
                "application": application,
                "submitted_at": timezone.localtime(application.submitted_at),
                "offices": list(application.planned_offices.all()),
                "co_applicants": list(application.co_applicants.all()),
                "link": _link(application),
            },
        )


def send_receipt(*, application_id: int) -> str:
    """The receipt, to the application's contact address and to the lead's admins."""
    application = application_by_id(application_id)
    if application is None or not application.receipt:
        return "skipped: no submitted application"
    admins = [a for a in admins_of({application.lead_id}) if address_of(a)]
    _send_receipt(application.contact_email, application.submitted_by, application, "")
    sent = 1
    for admin in admins:
        if address_of(admin).lower() == application.contact_email.lower():
            continue
        _send_receipt(address_of(admin), admin, application, str(admin))
        sent += 1
    return f"sent: receipt to {sent}"
