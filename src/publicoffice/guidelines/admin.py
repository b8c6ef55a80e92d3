from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.guidelines import policies
from publicoffice.guidelines.models import Guideline


@admin.register(Guideline)
class GuidelineAdmin(PolicyAdminMixin, TranslationAdmin):
    list_display = ("number", "title")

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_edit_guidelines(request.user)
