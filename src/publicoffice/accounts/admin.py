"""Admin for accounts and roles, scoped through :mod:`accounts.policies`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest

from publicoffice.accounts import policies
from publicoffice.accounts.models import NamedPermission, RoleAssignment, User
from publicoffice.accounts.roles import administered_operator_ids, is_platform_admin
from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.places.models import Office


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = ("email", "display_name", "preferred_language", "is_active")


class RoleAssignmentForm(forms.ModelForm):
    permissions = forms.MultipleChoiceField(
        label=RoleAssignment._meta.get_field("permissions").verbose_name,
        choices=NamedPermission.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = RoleAssignment
        fields = ("user", "role", "office", "operator", "municipality", "permissions")


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    form = RoleAssignmentForm
    fk_name = "user"
    extra = 0

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_staff)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_platform_admin(request.user)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


@admin.register(User)
class UserAdmin(PolicyAdminMixin, DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "display_name", "is_active", "is_superuser")
    search_fields = ("email", "display_name")
    list_filter = ("is_active", "is_superuser")
    form = UserEditForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("", {"fields": ("display_name", "preferred_language", "is_active", "is_superuser")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    filter_horizontal = ()
    inlines = [RoleAssignmentInline]

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(pk__in=policies.users_visible(request.user).values("pk"))

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_edit_user(request.user, obj)

    def may_add(self, request: HttpRequest) -> bool:
        return is_platform_admin(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return is_platform_admin(request.user)


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

    def may_add(self, request: HttpRequest) -> bool:
        return is_platform_admin(request.user) or bool(administered_operator_ids(request.user))

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        if obj is None:
            return is_platform_admin(request.user) or bool(administered_operator_ids(request.user))
        return policies.can_assign_role(request.user, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "office" and not is_platform_admin(request.user):
            kwargs["queryset"] = Office.objects.filter(
                operator_id__in=administered_operator_ids(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not policies.can_assign_role(request.user, obj):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        super().save_model(request, obj, form, change)
