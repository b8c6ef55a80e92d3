"""Staff screens for events and registrations, scoped to the offices a user runs.

Events are made, moved, cancelled and decided on through the event pages,
whose services book the room and tell the people registered. The admin is
for what those pages leave out: the texts in other languages (one input per
language, from modeltranslation). Everything else is shown read-only, and
registrations are read-only altogether.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from publicoffice.core.admin_base import PolicyAdminMixin
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.events import policies
from publicoffice.events.models import Event, Registration
from publicoffice.events.translation import EventTranslation

#: In place of a member's name for staff who do not run the office (officers).
ANONYMOUS = _("A member")

#: The only inputs: each translatable text in each language.
TRANSLATED_INPUTS = tuple(
    build_localized_fieldname(field, code)
    for field in EventTranslation.fields
    for code in LANGUAGE_CODES
)


@admin.register(Event)
class EventAdmin(PolicyAdminMixin, TranslationAdmin):
    list_display = ("title", "office", "starts_at", "ends_at", "status", "capacity")
    list_filter = ("status", "audience", "office")
    list_select_related = ("office", "space")
    date_hierarchy = "starts_at"
    search_fields = ("title",)
    fields = (
        "public_id",
        "office",
        "space",
        "booking",
        "starts_at",
        "ends_at",
        "capacity",
        "audience",
        "languages",
        "status",
        "sequence",
        *TRANSLATED_INPUTS,
    )
    readonly_fields = (
        "public_id",
        "office",
        "space",
        "booking",
        "starts_at",
        "ends_at",
        "capacity",
        "audience",
        "languages",
        "status",
        "sequence",
    )

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return policies.events_in_admin(request.user, queryset)

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return policies.can_run_events(request.user, obj.office)

    def may_change_some(self, request: HttpRequest) -> bool:
        return policies.runs_events_anywhere(request.user)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """A changed text is a change calendars should notice (SEQUENCE)."""
        if change and form.changed_data:
            obj.sequence += 1
        super().save_model(request, obj, form, change)


@admin.register(Registration)
class RegistrationAdmin(PolicyAdminMixin, admin.ModelAdmin):
    """Read-only: seats change through the services, which keep the waitlist fair.

    Members' names only for those who run the event's office
    (:func:`policies.can_see_registrant_names`); a municipal officer sees
    the same rows with "A member" instead, so the counts stay checkable.
    """

    list_display = ("event", "member", "status", "queued_at", "cancelled_at", "reminded_at")
    list_filter = ("status", "event__office")
    list_select_related = ("event", "event__office", "member")
    readonly_fields = (
        "event",
        "member",
        "status",
        "created_at",
        "queued_at",
        "cancelled_at",
        "reminded_at",
    )
    fields = readonly_fields

    def get_list_display(self, request: HttpRequest) -> Any:
        @admin.display(description=Registration._meta.get_field("member").verbose_name)
        def member(registration: Registration) -> str:
            if policies.can_see_registrant_names(request.user, registration):
                return str(registration.member) if registration.member else "—"
            return str(ANONYMOUS)

        return [member if name == "member" else name for name in self.list_display]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None and not policies.can_see_registrant_names(request.user, obj):
            return [name for name in self.fields if name != "member"]
        return self.fields

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return policies.registrations_in_admin(request.user, queryset)

    def may_change_some(self, request: HttpRequest) -> bool:
        return False
