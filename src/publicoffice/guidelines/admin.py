from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.guidelines import policies
from publicoffice.guidelines.models import AccessibilityReport, Guideline


@admin.register(Guideline)
class GuidelineAdmin(PolicyAdminMixin, TranslationAdmin):
    list_display = ("number", "title")

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_edit_guidelines(request.user)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_edit_guidelines(request.user)


@admin.register(AccessibilityReport)
class AccessibilityReportAdmin(PolicyAdminMixin, admin.ModelAdmin):
    """Reports from the accessibility statement, for the platform admins to read.

    Read-only: a report is what a person wrote. Deleting stays possible, so
    that an e-mail address can be erased on request once it is answered.
    """

    list_display = ("created_at", "short_description", "page_address", "language", "email")
    list_filter = ("language",)
    search_fields = ("description", "page_address", "email")
    date_hierarchy = "created_at"
    fields = ("created_at", "language", "page_address", "email", "description")
    readonly_fields = fields

    @admin.display(description=AccessibilityReport._meta.get_field("description").verbose_name)
    def short_description(self, obj: AccessibilityReport) -> str:
        return str(obj)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return policies.can_read_accessibility_reports(request.user)

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        if policies.can_read_accessibility_reports(request.user):
            return queryset
        return queryset.none()

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_read_accessibility_reports(request.user)
