"""Django admin for places, scoped by role through :mod:`places.policies`."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.places import policies
from publicoffice.places.facts import Family, facts_changed
from publicoffice.places.hours_figures import days_from_today
from publicoffice.places.models import (
    AccessibilityFacts,
    Amenity,
    District,
    HoursException,
    Language,
    Municipality,
    Office,
    Operator,
    Space,
    WeeklyHours,
)


class PolicyInlineMixin:
    """Inlines follow the permission on their parent office.

    Without it the inline is shown read-only: Django then neither saves
    changed rows nor adds or deletes any, whatever is posted.
    """

    def _parent_ok(self, request: HttpRequest, obj: Any) -> bool:
        return obj is None or policies.can_manage_office(request.user, obj)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_staff)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._parent_ok(request, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._parent_ok(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._parent_ok(request, obj)


class SpaceInline(PolicyInlineMixin, TranslationTabularInline):
    """Spaces need the named permission ``manage_spaces``."""

    model = Space
    extra = 0
    fields = ("name", "kind", "capacity", "is_bookable")

    def _parent_ok(self, request: HttpRequest, obj: Any) -> bool:
        return obj is None or policies.can_manage_spaces(request.user, obj)


class OpeningHoursInlineMixin(PolicyInlineMixin):
    """Weekly hours and exceptions need the named permission ``edit_opening_hours``."""

    def _parent_ok(self, request: HttpRequest, obj: Any) -> bool:
        return obj is None or policies.can_edit_opening_hours(request.user, obj)


class WeeklyHoursInline(OpeningHoursInlineMixin, admin.TabularInline):
    model = WeeklyHours
    extra = 0


class HoursExceptionInline(OpeningHoursInlineMixin, TranslationTabularInline):
    model = HoursException
    extra = 0
    fields = ("date", "is_closed", "opens", "closes", "reason")


class AccessibilityInline(PolicyInlineMixin, TranslationStackedInline):
    model = AccessibilityFacts
    extra = 0
    max_num = 1
    can_delete = False


@admin.register(Office)
class OfficeAdmin(PolicyAdminMixin, TranslationAdmin):
    list_display = ("name", "kind", "status", "operator", "municipality", "district", "capacity")
    list_filter = ("status", "kind", "municipality")
    search_fields = ("name", "slug", "street_address", "city")
    list_select_related = ("operator", "municipality", "district")
    filter_horizontal = ("amenities", "staff_languages")
    inlines = [WeeklyHoursInline, HoursExceptionInline, SpaceInline, AccessibilityInline]

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(pk__in=policies.offices_visible_in_admin(request.user).values("pk"))

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_office(request.user, obj)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_manage_some_office(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_create_office(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return obj is not None and policies.can_delete_office(request.user, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ()
        fields: tuple[str, ...] = ()
        # A host runs an office but does not move it to another operator.
        if not policies.can_manage_operator(request.user, obj.operator):
            fields += ("operator", "municipality", "slug")
        # The office's capacity is what its spaces hold: it goes with them.
        if not policies.can_manage_spaces(request.user, obj):
            fields += ("capacity",)
        return fields

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "operator" and not policies.can_manage_network(request.user):
            kwargs["queryset"] = policies.operators_for_new_office(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change and not policies.can_create_office(request.user, obj.operator):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Save the inlines, then tell the reports which days' hours figures changed.

        The admin is the only writer of opening hours, capacity and spaces,
        inside its own transaction. They have no history, so a change of the
        weekly hours, the capacity or the spaces changes the days from today
        on; an exception changes its own dates (before and after the edit).
        """
        super().save_related(request, form, formsets, change)
        days: set[date] = set()
        if not change or "capacity" in form.changed_data:
            days.update(days_from_today())
        for formset in formsets:
            if formset.model is HoursException:
                days.update(_exception_dates(formset))
            elif formset.model in (WeeklyHours, Space) and formset.has_changed():
                days.update(days_from_today())
        facts_changed(office_id=form.instance.pk, when=days, family=Family.HOURS)


def _exception_dates(formset: Any) -> set[date]:
    """The dates an exceptions formset changed: each changed row's old and new date."""
    dates: set[date] = set()
    for row in formset.forms:
        if not row.has_changed():
            continue
        for value in (row.initial.get("date"), getattr(row, "cleaned_data", {}).get("date")):
            if isinstance(value, date):
                dates.add(value)
    return dates


@admin.register(Operator)
class OperatorAdmin(PolicyAdminMixin, admin.ModelAdmin):
    list_display = ("name", "kind", "organisation_number", "contact_email")
    list_filter = ("kind",)
    search_fields = ("name", "organisation_number")

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(
            pk__in=policies.operators_visible_in_admin(request.user).values("pk")
        )

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_operator(request.user, obj)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_manage_some_operator(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_manage_network(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_network(request.user)


class DistrictInline(PolicyInlineMixin, admin.TabularInline):
    model = District
    extra = 0

    def _parent_ok(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_network(request.user)


@admin.register(Municipality)
class MunicipalityAdmin(PolicyAdminMixin, admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")
    inlines = [DistrictInline]

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset.filter(
            pk__in=policies.municipalities_visible_in_admin(request.user).values("pk")
        )

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_municipality(request.user, obj)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_manage_network(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_manage_network(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_network(request.user)


class VocabularyAdmin(PolicyAdminMixin, TranslationAdmin):
    """Shared vocabularies: every staff member reads them, platform admins edit."""

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_network(request.user)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.can_manage_network(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return policies.can_manage_network(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_manage_network(request.user)


@admin.register(Amenity)
class AmenityAdmin(VocabularyAdmin):
    list_display = ("code", "name")


@admin.register(Language)
class LanguageAdmin(VocabularyAdmin):
    list_display = ("code", "endonym", "name")
