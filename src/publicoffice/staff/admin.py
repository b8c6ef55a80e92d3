"""The role admin: platform admins appoint anyone, operator admins their hosts.

It lives above places because an operator admin's choice of offices is a
question about places; the decisions themselves are in
:mod:`publicoffice.accounts.policies` and :mod:`publicoffice.staff.policies`.
Invitations are made here too: an operator admin invites a new host of one
of their offices by e-mail, and may revoke a link not yet used.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from publicoffice.accounts import policies
from publicoffice.accounts.actors import StaffUser
from publicoffice.accounts.admin import RoleAssignmentForm
from publicoffice.accounts.models import RoleAssignment, User
from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.core.timeutils import acting_now
from publicoffice.places.selectors import offices_of_operators
from publicoffice.staff import policies as staff_policies
from publicoffice.staff.forms import InvitationAdminForm
from publicoffice.staff.models import Invitation
from publicoffice.staff.services import invitation_create, invitation_revoke


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


def _acting(request: HttpRequest) -> StaffUser:
    """The logged-in account behind an admin request (the admin lets in no one else)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


@admin.register(Invitation)
class InvitationAdmin(PolicyAdminMixin, admin.ModelAdmin):
    """Invite a host by e-mail; the list says where each invitation stands.

    Invitations are never edited (a new one replaces a pending one for the
    same address and office) and never deleted: they are the record of who
    was let in by whom.
    """

    form = InvitationAdminForm
    list_display = ("email", "office", "state_label", "invited_by", "created_at")
    list_select_related = ("office", "invited_by")
    search_fields = ("email",)
    actions = ["revoke"]

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(pk__in=staff_policies.invitations_visible(request.user).values("pk"))

    def may_change_some(self, request: HttpRequest) -> bool:
        return False

    def may_add(self, request: HttpRequest) -> bool:
        return staff_policies.can_invite_hosts(request.user)

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        return staff_policies.can_invite_hosts(request.user)

    @admin.display(description=_("state"))
    def state_label(self, obj: Invitation) -> str:
        return str(obj.state(acting_now()).label)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "office" and not policies.appoints_anywhere(request.user):
            kwargs["queryset"] = offices_of_operators(
                operator_ids=policies.operators_appointed_for(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Every invitation is made by the service (policy, token, e-mail)."""
        if change:
            raise PermissionDenied
        made = invitation_create(
            inviter=_acting(request),
            office=form.cleaned_data["office"],
            email=form.cleaned_data["email"],
            permissions=list(form.cleaned_data["permissions"]),
            language=form.cleaned_data["language"],
        )
        # The admin logs and links to ``obj``: make it the row the service saved.
        obj.pk, obj.token_hash, obj.created_at = made.pk, made.token_hash, made.created_at
        obj._state.adding = False

    @admin.action(description=_("Revoke the selected invitations"), permissions=["revoke"])
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        revoked = sum(
            invitation_revoke(by=_acting(request), invitation=invitation)
            for invitation in queryset.select_related("office")
        )
        self.message_user(
            request,
            ngettext("%(count)d invitation revoked.", "%(count)d invitations revoked.", revoked)
            % {"count": revoked},
            messages.SUCCESS,
        )
