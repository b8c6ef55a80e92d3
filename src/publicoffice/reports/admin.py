"""Staff screens of the reports: the emission factors of the commuting estimate.

Every staff member may read the factors (they are printed with every
estimate anyway); only platform admins may change them
(:func:`publicoffice.reports.policies.can_edit_emission_factors`), and
every change goes through the service, which records who made it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.core.errors import DomainError
from publicoffice.reports import policies
from publicoffice.reports.commuting_services import (
    check_factor_values,
    check_shares,
    emission_factor_save,
    shares_add_up,
)
from publicoffice.reports.models import EmissionFactor

SHARES_OVER_ONE = _("The shares of one way of travelling may not add up to more than 1.")


class EmissionFactorForm(forms.ModelForm):
    """Check the factor as the service will, so the admin shows the error on the form."""

    source_url = forms.URLField(
        label=EmissionFactor._meta.get_field("source_url").verbose_name,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = EmissionFactor
        fields = (
            "mode",
            "variant",
            "low",
            "central",
            "high",
            "share",
            "source",
            "source_url",
            "year",
            "note",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, central, high = data.get("low"), data.get("central"), data.get("high")
        if low is not None and central is not None and high is not None:
            try:
                check_factor_values(low, central, high)
            except DomainError as error:
                raise forms.ValidationError(str(error.message), code=str(error.code)) from error
        mode, share = data.get("mode"), data.get("share")
        if mode and share is not None:
            try:
                check_shares(mode, {self.instance.pk: share})
            except DomainError as error:
                self.add_error("share", forms.ValidationError(SHARES_OVER_ONE, code=error.code))
        return data


@admin.register(EmissionFactor)
class EmissionFactorAdmin(PolicyAdminMixin, admin.ModelAdmin):
    form = EmissionFactorForm
    list_display = ("mode", "variant", "low", "central", "high", "share", "year", "updated_at")
    list_filter = ("mode",)
    readonly_fields = ("updated_by", "updated_at")

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_edit_emission_factors(request.user)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_edit_emission_factors(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_edit_emission_factors(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        # A factor with a share would leave its way of travelling short of 1.
        return policies.can_edit_emission_factors(request.user) and (obj is None or obj.share == 0)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        emission_factor_save(factor=obj, by=request.user)  # type: ignore[arg-type]
        if not shares_add_up(obj.mode):
            messages.warning(
                request,
                gettext(
                    "The shares of %(mode)s add up to less than 1: the estimate divides by "
                    "their sum until you raise another variant's share."
                )
                % {"mode": obj.get_mode_display()},
            )
