from __future__ import annotations

from django.db.models import Q

from publicoffice.accounts.models import Role, User
from publicoffice.guidelines.models import AccessibilityReport, Guideline


def guideline_list() -> list[Guideline]:
    return list(Guideline.objects.order_by("number"))


def accessibility_report_by_id(report_id: int) -> AccessibilityReport | None:
    """One report, or None once it is gone (deleted before the e-mail went)."""
    return AccessibilityReport.objects.filter(pk=report_id).first()


def accessibility_report_recipients() -> list[User]:
    """The platform admins, who receive accessibility reports: active accounts
    that are superusers or hold the platform admin role (the same people
    ``accounts.roles.is_platform_admin`` says yes to).
    """
    return list(
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(role_assignments__role=Role.PLATFORM_ADMIN))
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
