"""Admin base classes that ask our policy modules instead of Django's
global model permissions, so that every staff role sees only its scope."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


class PolicyAdminMixin:
    """Route the admin's permission hooks to small overridable methods.

    Subclasses say which rows a user may see (:meth:`visible`), whether they
    may change one (:meth:`may_change`) or any at all (:meth:`may_change_some`),
    and whether they may add or delete.
    """

    def visible(self, request: HttpRequest, queryset: Any) -> Any:
        """Rows this user may see; nothing unless a subclass says otherwise."""
        return queryset.none()

    def may_change(self, request: HttpRequest, obj: Any) -> bool:
        return False

    def may_change_some(self, request: HttpRequest) -> bool:
        """Whether the user may change any row. Saying no makes Django's admin
        call the model "View" (index, list and titles) for read-only staff such
        as municipal officers, rather than offer a "Change" that always fails."""
        return True

    def may_add(self, request: HttpRequest) -> bool:
        return False

    def may_delete(self, request: HttpRequest, obj: Any) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> Any:
        return self.visible(request, super().get_queryset(request))  # type: ignore[misc]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_staff)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if not self.has_module_permission(request):
            return False
        if obj is None:
            return True
        return self.visible(request, type(obj)._default_manager.filter(pk=obj.pk)).exists()

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if not self.has_module_permission(request):
            return False
        if obj is None:
            return self.may_change_some(request)
        return self.may_change(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self.has_module_permission(request) and self.may_add(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if not self.has_module_permission(request):
            return False
        return self.may_delete(request, obj)
