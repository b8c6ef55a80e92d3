"""The e-mail that brings an accessibility report to the platform admins.

A report is kept first (:mod:`publicoffice.guidelines.services`); this
e-mail only makes sure somebody reads it in time. Each admin gets it in
their own language, with the person's words as they wrote them, the page,
and a link to the report in the staff admin. When the person left an
address, the e-mail's Reply-To is that address, so answering is one click.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from publicoffice.core.languages import endonym
from publicoffice.core.mail import address_of, in_language_of, send_templated
from publicoffice.guidelines.selectors import (
    accessibility_report_by_id,
    accessibility_report_recipients,
)
from publicoffice.guidelines.statement import statement_facts

logger = logging.getLogger(__name__)


def send_accessibility_report(*, report_id: int) -> str:
    """E-mail the report to every platform admin; return what was done."""
    report = accessibility_report_by_id(report_id)
    if report is None:
        return "skipped: report gone"
    admins = accessibility_report_recipients()
    if not admins:
        logger.warning("Accessibility report %s kept, but there is no platform admin", report_id)
        return "skipped: no platform admin"
    sent = 0
    for admin in admins:
        to = address_of(admin)
        if not to:
            continue
        with in_language_of(admin):
            send_templated(
                to=to,
                subject=gettext("Accessibility report from Public Office"),
                template="guidelines/email/accessibility_report",
                context={
                    "name": str(admin),
                    "report": report,
                    "language_name": endonym(report.language),
                    "reply_days": statement_facts().reply_days,
                    "admin_url": settings.PUBLIC_BASE_URL
                    + reverse("admin:guidelines_accessibilityreport_change", args=[report.pk]),
                },
                reply_to=report.email,
            )
        sent += 1
    return f"sent: accessibility report to {sent}"
