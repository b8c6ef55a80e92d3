"""Staff screens for the vocabulary and the directory: platform admins only.

The vocabulary is curated here: names in every interface language,
synonyms in any language, and free words members typed, which can be
curated (given names and marked curated) or merged into a curated word.
Every save refreshes the word's search terms and the profiles using it, so
the directory finds them by the new words at once.

Profiles are read-mostly: members own them. A platform admin can hide one
(visibility) while a report is looked into, and see who runs it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from publicoffice.community.models import Profile, ProfileAdmin, ProfileLink, Tag
from publicoffice.community.policies import can_manage_meeting_place
from publicoffice.community.services.profiles import profile_refresh_search_text
from publicoffice.community.vocabulary import tag_merge, tag_refresh_terms
from publicoffice.core.admin_base import PolicyAdminMixin


class PlatformAdminOnly(PolicyAdminMixin):
    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        return queryset if can_manage_meeting_place(request.user) else queryset.none()

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return can_manage_meeting_place(request.user)

    def may_change_some(self, request: HttpRequest) -> bool:
        return can_manage_meeting_place(request.user)

    def may_add(self, request: HttpRequest) -> bool:
        return can_manage_meeting_place(request.user)

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return can_manage_meeting_place(request.user)


@admin.register(Tag)
class TagAdmin(PlatformAdminOnly, TranslationAdmin):
    list_display = ("name", "slug", "group", "is_curated", "offered", "needed")
    list_filter = ("is_curated", "group")
    search_fields = ("slug", "name", "synonyms", "search_terms")
    fields = ("slug", "name", "group", "synonyms", "is_curated")
    actions = ["merge_into_curated"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Tag]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                offered_count=Count("offered_by", distinct=True),
                needed_count=Count("needed_by", distinct=True),
            )
        )

    @admin.display(description=_("offered by"), ordering="offered_count")
    def offered(self, tag: Any) -> int:
        return int(tag.offered_count)

    @admin.display(description=_("looked for by"), ordering="needed_count")
    def needed(self, tag: Any) -> int:
        return int(tag.needed_count)

    def save_model(self, request: HttpRequest, obj: Tag, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        tag_refresh_terms(obj)

    @admin.action(description=_("Merge the selected words into the one curated word among them"))
    def merge_into_curated(self, request: HttpRequest, queryset: QuerySet[Tag]) -> None:
        tags = list(queryset)
        curated = [tag for tag in tags if tag.is_curated]
        if len(curated) != 1:
            self.message_user(
                request,
                _("Select exactly one curated word and the words to merge into it."),
                messages.ERROR,
            )
            return
        merged = tag_merge(into=curated[0], tags=tags)
        self.message_user(
            request,
            ngettext(
                "%(count)d word merged into “%(name)s”.",
                "%(count)d words merged into “%(name)s”.",
                merged,
            )
            % {"count": merged, "name": curated[0].name},
            messages.SUCCESS,
        )


class ProfileAdminInline(admin.TabularInline):
    model = ProfileAdmin
    extra = 0
    fields = ("user", "added_at")
    readonly_fields = ("user", "added_at")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ProfileLinkInline(admin.TabularInline):
    model = ProfileLink
    extra = 0
    readonly_fields = ("url", "label")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Profile)
class ProfileModelAdmin(PlatformAdminOnly, admin.ModelAdmin):
    list_display = ("name", "kind", "visibility", "is_new_in_town", "updated_at")
    list_filter = ("visibility", "kind", "is_new_in_town", "home_offices")
    search_fields = ("name", "search_text", "admins__email", "public_id")
    date_hierarchy = "created_at"
    readonly_fields = (
        "public_id",
        "kind",
        "name",
        "presentation",
        "presentation_language",
        "offers",
        "needs",
        "offers_text",
        "needs_text",
        "languages",
        "home_offices",
        "is_new_in_town",
        "created_at",
        "updated_at",
    )
    fields = ("visibility", *readonly_fields)
    inlines = [ProfileAdminInline, ProfileLinkInline]

    def may_add(self, request: HttpRequest) -> bool:
        # Profiles are the members': they create them, not staff.
        return False

    def save_model(self, request: HttpRequest, obj: Profile, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        profile_refresh_search_text(obj)
