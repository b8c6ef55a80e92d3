"""Admin for accounts and roles, scoped through :mod:`accounts.policies`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest

from publicoffice.accounts import policies
from publicoffice.accounts.forms import StaffAuthenticationForm
from publicoffice.accounts.models import NamedPermission, RoleAssignment, User
from publicoffice.accounts.views import LOG_INS
from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.core.ratelimit import limit_posts

# Staff log in at /<lang>/admin/login/: the same per-account lock and the
# same per-client limit as the site's log-in (set before urls.py reads
# admin.site.urls, which happens after the admin modules are discovered).
admin.site.login_form = StaffAuthenticationForm
admin.site.login = limit_posts(LOG_INS)(admin.site.login)  # type: ignore[method-assign]


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
        return policies.can_manage_all_accounts(request.user)

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

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_manage_all_accounts(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_manage_all_accounts(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_all_accounts(request.user)
