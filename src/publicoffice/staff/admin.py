"""The role admin: platform admins appoint anyone, operator admins their hosts.

It lives above places because an operator admin's choice of offices is a
question about places; the decisions themselves are in
:mod:`publicoffice.accounts.policies`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from publicoffice.accounts import policies
from publicoffice.accounts.admin import RoleAssignmentForm
from publicoffice.accounts.models import RoleAssignment
from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.places.selectors import offices_of_operators


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(PolicyAdminMixin, admin.ModelAdmin):
    form = RoleAssignmentForm
    list_display = ("user", "role", "office", "operator", "municipality")
    list_filter = ("role",)
    list_select_related = ("user", "office", "operator", "municipality")
    autocomplete_fields = ("user",)

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(pk__in=policies.role_assignments_visible(request.user).values("pk"))

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_assign_role(request.user, obj)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_appoint_staff(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_appoint_staff(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        if obj is None:
            return policies.can_appoint_staff(request.user)
        return policies.can_assign_role(request.user, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "office" and not policies.appoints_anywhere(request.user):
            kwargs["queryset"] = offices_of_operators(
                operator_ids=policies.operators_appointed_for(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not policies.can_assign_role(request.user, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
