"""Writing house rules in the admin, scoped by role (``places.policies``).

* **Platform admins** write the network's rules and may add to any
  operator's or office's.
* **Operator admins** write their operators' additions and their offices';
  the network's versions are shown to them read-only, so they know what
  they add to.
* **Hosts** read the versions of their offices and write none: the rules
  are a commitment the operator answers for.

A version's series and number are fixed once it exists (a new text is a
new version, so members' acceptances keep their meaning); its texts stay
editable for translations and typos. Every save goes into the audit trail
(:func:`publicoffice.conduct.rules.record_change`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from publicoffice.conduct.models import OperatorConduct, RuleScope, RuleVersion
from publicoffice.conduct.rules import record_change
from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.places import policies
from publicoffice.places.models import Office, Operator

#: Fixed once a version exists: which series it belongs to, and its number.
SERIES_FIELDS = ("scope", "operator", "office", "number")


def _operators(request: HttpRequest) -> Any:
    """The operators whose rules ``request.user`` writes (all for platform admins)."""
    return policies.operators_for_new_office(request.user)


def may_write(request: HttpRequest, version: RuleVersion) -> bool:
    """Platform admins any version; operator admins their operators' and offices'."""
    user = request.user
    if version.scope == RuleScope.NETWORK:
        return policies.can_manage_network(user)
    if version.scope == RuleScope.OPERATOR and version.operator_id is not None:
        return _operators(request).filter(pk=version.operator_id).exists()
    if version.scope == RuleScope.OFFICE and version.office_id is not None:
        return _operators(request).filter(offices__pk=version.office_id).exists()
    return False


class RuleVersionForm(forms.ModelForm):
    """Says in words which target each scope needs (the table's constraint says it in SQL)."""

    class Meta:
        model = RuleVersion
        fields = ("scope", "operator", "office", "effective_from", "material")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "scope" not in data:  # a fixed series: the version's own target stands
            return data
        scope, operator, office = data.get("scope"), data.get("operator"), data.get("office")
        if scope == RuleScope.OPERATOR and (operator is None or office is not None):
            raise forms.ValidationError(
                _("Rules for an operator's offices name the operator only.")
            )
        if scope == RuleScope.OFFICE and (office is None or operator is not None):
            raise forms.ValidationError(_("Rules for one office name the office only."))
        if scope == RuleScope.NETWORK and (operator is not None or office is not None):
            raise forms.ValidationError(
                _("The network's rules name neither an operator nor an office.")
            )
        return data


@admin.register(RuleVersion)
class RuleVersionAdmin(PolicyAdminMixin, TranslationAdmin):
    form = RuleVersionForm
    list_display = ("__str__", "scope", "operator", "office", "effective_from", "material")
    list_filter = ("scope", "material")
    list_select_related = ("operator", "office")
    date_hierarchy = "effective_from"
    exclude = ("created_by",)

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        if policies.can_manage_network(request.user):
            return queryset
        offices = policies.offices_visible_in_admin(request.user).values("pk")
        return queryset.filter(
            Q(scope=RuleScope.NETWORK)
            | Q(operator__in=_operators(request))
            | Q(office__in=offices)
            | Q(operator__offices__in=offices)
        ).distinct()

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return may_write(request, obj)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_manage_some_operator(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_manage_some_operator(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        """A version not yet in force, never accepted, by whoever may write it."""
        if obj is None or obj.effective_from <= timezone.now():
            return False
        return may_write(request, obj) and not obj.acceptances.exists()

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ("number",)
        fields: tuple[str, ...] = SERIES_FIELDS
        if obj.effective_from <= timezone.now():
            fields += ("effective_from", "material")  # members may have accepted it as it is
        return fields

    def formfield_for_choice_field(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "scope" and not policies.can_manage_network(request.user):
            kwargs["choices"] = [
                (value, label) for value, label in RuleScope.choices if value != RuleScope.NETWORK
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "operator":
            kwargs["queryset"] = _operators(request)
        elif db_field.name == "office":
            kwargs["queryset"] = Office.objects.filter(operator__in=_operators(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not may_write(request, obj):
            raise PermissionDenied
        if not change:
            obj.created_by = request.user
            series = RuleVersion.objects.filter(
                scope=obj.scope, operator=obj.operator, office=obj.office
            )
            obj.number = (series.aggregate(top=Max("number"))["top"] or 0) + 1
        super().save_model(request, obj, form, change)
        record_change(request.user, obj)  # type: ignore[arg-type]  # staff behind the admin


@admin.register(OperatorConduct)
class OperatorConductAdmin(PolicyAdminMixin, admin.ModelAdmin):
    """An operator's conduct settings: its admins change their own, nobody else's."""

    list_display = ("operator", "appeal_answer_days")
    list_select_related = ("operator",)

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(operator__in=_operators(request))

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_operator(request.user, obj.operator)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_manage_some_operator(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_manage_some_operator(request.user)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("operator",) if obj is not None else ()

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "operator":
            kwargs["queryset"] = _operators(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        operator: Operator = obj.operator
        if not policies.can_manage_operator(request.user, operator):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
