"""Staff screens for booking rules and bookings, scoped like the rest of the admin."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from publicoffice.bookings import policies
from publicoffice.bookings.models import Booking, BookingLogEntry, BookingRule
from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.places.models import Office, Space
from publicoffice.places.policies import offices_visible_in_admin


def _rule_office(rule: BookingRule) -> Office | None:
    if rule.space is not None:
        return rule.space.office
    return rule.office


@admin.register(BookingRule)
class BookingRuleAdmin(PolicyAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "slot_minutes", "max_minutes", "max_days_ahead", "needs_approval")
    list_select_related = ("office", "space", "space__office")
    fieldsets = (
        (_("Where the rule applies"), {"fields": ("office", "space_kind", "space")}),
        (
            _("Times"),
            {
                "fields": (
                    "slot_minutes",
                    "min_minutes",
                    "max_minutes",
                    "min_notice_minutes",
                    "max_days_ahead",
                    "within_opening_hours",
                    "buffer_minutes",
                    "checkin_window_minutes",
                )
            },
        ),
        (
            _("Fair shares"),
            {
                "fields": (
                    "max_active_bookings",
                    "max_hours_per_day",
                    "max_hours_per_week",
                    "max_attendees",
                    "needs_approval",
                ),
                "description": _("Empty fields inherit from the wider rule or the defaults."),
            },
        ),
    )

    def _offices(self, request: HttpRequest) -> Any:
        return policies.offices_for_booking_rules(request.user)

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        if policies.sees_all_booking_rules(request.user):
            return queryset
        offices = offices_visible_in_admin(request.user).values("pk")
        return queryset.filter(office__in=offices) | queryset.filter(space__office__in=offices)

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_set_booking_rules(request.user, _rule_office(obj))

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_add_booking_rules(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_add_booking_rules(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return obj is not None and self.may_change(request, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "office":
            kwargs["queryset"] = self._offices(request)
        if db_field.name == "space":
            kwargs["queryset"] = Space.objects.filter(office__in=self._offices(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        user = request.user

        class ScopedForm(form):  # type: ignore[misc, valid-type]
            def clean(self) -> dict[str, Any]:
                data = super().clean()
                office = data.get("office")
                space = data.get("space")
                scope = space.office if space else office
                if not policies.can_set_booking_rules(user, scope):
                    raise forms.ValidationError(
                        _("Only platform admins set rules for the whole network.")
                    )
                return data

        return ScopedForm


class BookingLogInline(admin.TabularInline):
    model = BookingLogEntry
    extra = 0
    can_delete = False
    fields = ("at", "action", "rule_code", "reason", "actor")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return policies.can_read_booking_log_in_admin(request.user)


@admin.register(Booking)
class BookingAdmin(PolicyAdminMixin, admin.ModelAdmin):
    """Read-only: bookings change through the services, which check the rules."""

    list_display = ("space", "office", "starts_at", "ends_at", "status", "attendees")
    list_filter = ("status", "office")
    list_select_related = ("space", "office")
    date_hierarchy = "starts_at"
    inlines = [BookingLogInline]
    exclude = ("member", "visitor_name", "booked_by", "purpose")
    readonly_fields = (
        "public_id",
        "space",
        "office",
        "starts_at",
        "ends_at",
        "blocked_until",
        "attendees",
        "status",
        "checkin_deadline",
        "checked_in_at",
        "cancelled_at",
        "rules",
        "sequence",
    )

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(office__in=offices_visible_in_admin(request.user).values("pk"))

    def may_change_some(self, request: HttpRequest) -> bool:
        return False
