"""Profile pages: read one, create, edit, delete, share with admins; the member's hub.

A profile someone may not see is "not found" (404), also for its edit and
delete pages, so the answer never says that a hidden profile exists.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.community.forms.profiles import AdminAddForm, ProfileForm
from publicoffice.community.models import Profile, ProfileAdmin, Visibility
from publicoffice.community.policies import can_add_admins, is_profile_admin
from publicoffice.community.selectors.directory import (
    member_profiles,
    profile_admin_link,
    profile_admins,
    profile_for_editing,
    profile_get_visible,
    profile_links,
)
from publicoffice.community.services import profiles as services
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import add_domain_error, back_with_message, on_domain_error

#: Profile changes: one client, ten minutes.
PROFILE_WRITES = PostLimit("profile_write", limit=60, window=600)


@require_safe
def profile_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    profile = profile_get_visible(user=request.user, public_id=public_id)
    context = {
        "profile": profile,
        "is_admin": is_profile_admin(request.user, profile),
        "noindex": profile.visibility != Visibility.PUBLIC,
        "links": profile_links(profile=profile),
    }
    return render(request, "community/profile_detail.html", context)


def _create_refused(request: HttpRequest, error: DomainError) -> HttpResponse:
    """The form again, with the service's refusal next to its field."""
    form = ProfileForm(request.POST)
    form.is_valid()
    form.add_service_error(error)
    return render(request, "community/profile_form.html", {"form": form}, status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(PROFILE_WRITES)
@on_domain_error(_create_refused)
def profile_create(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "community/profile_form.html", {"form": ProfileForm()})
    form = ProfileForm(request.POST)
    if not form.is_valid():
        return render(request, "community/profile_form.html", {"form": form}, status=400)
    fields = form.service_fields()
    profile = services.profile_create(
        owner=request.user,
        kind=fields.pop("kind"),
        name=fields.pop("name"),
        visibility=fields.pop("visibility"),
        **fields,
    )
    messages.success(request, _("Your profile is saved."))
    return redirect("community:profile", public_id=profile.public_id)


def _edit_page(
    request: HttpRequest,
    profile: Profile,
    form: ProfileForm,
    admin_form: AdminAddForm,
    *,
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form,
        "profile": profile,
        "admin_form": admin_form,
        "admins": profile_admins(profile=profile),
        "can_add_admins": can_add_admins(request.user, profile),
    }
    return render(request, "community/profile_form.html", context, status=status)


def _edit_refused(request: HttpRequest, error: DomainError, public_id: UUID) -> HttpResponse:
    """The form again, with the refusal next to its field (not yours: still not found)."""
    if error.code == ErrorCode.PROFILE_NOT_FOUND:
        raise error
    profile = profile_for_editing(user=request.user, public_id=public_id)
    form = ProfileForm(request.POST, profile=profile)
    form.is_valid()
    form.add_service_error(error)
    return _edit_page(request, profile, form, AdminAddForm(), status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(PROFILE_WRITES)
@on_domain_error(_edit_refused)
def profile_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    profile = profile_for_editing(user=request.user, public_id=public_id)
    if request.method != "POST":
        return _edit_page(request, profile, ProfileForm(profile=profile), AdminAddForm())
    form = ProfileForm(request.POST, profile=profile)
    if not form.is_valid():
        return _edit_page(request, profile, form, AdminAddForm(), status=400)
    services.profile_update(profile=profile, actor=request.user, **form.service_fields())
    messages.success(request, _("Your changes are saved."))
    return redirect("community:profile", public_id=profile.public_id)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(PROFILE_WRITES)
def profile_delete(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """A confirmation page first; the POST deletes for good."""
    profile = profile_for_editing(user=request.user, public_id=public_id)
    if request.method != "POST":
        others = len(profile_admins(profile=profile)) - 1
        return render(
            request, "community/profile_delete.html", {"profile": profile, "other_admins": others}
        )
    services.profile_delete(profile=profile, actor=request.user)
    messages.success(request, _("The profile “%(name)s” is deleted.") % {"name": profile.name})
    return redirect("community:mine")


def _admin_add_refused(request: HttpRequest, error: DomainError, profile: Profile) -> HttpResponse:
    """The edit page with the refusal at the e-mail field, whatever the refusal."""
    admin_form = AdminAddForm(request.POST)
    admin_form.is_valid()
    add_domain_error(admin_form, error, field_of_code={error.code: "email"})
    return _edit_page(
        request, profile, ProfileForm(profile=profile), admin_form, status=error.status
    )


@login_required
@require_POST
@limit_posts(PROFILE_WRITES)
def profile_admin_add(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _admin_add(request, profile_for_editing(user=request.user, public_id=public_id))


@on_domain_error(_admin_add_refused)
def _admin_add(request: HttpRequest, profile: Profile) -> HttpResponse:
    admin_form = AdminAddForm(request.POST)
    if not admin_form.is_valid():
        return _edit_page(request, profile, ProfileForm(profile=profile), admin_form, status=400)
    link = services.profile_admin_add(
        profile=profile, actor=request.user, email=admin_form.cleaned_data["email"]
    )
    messages.success(
        request,
        _("%(member)s can now edit “%(name)s”.") % {"member": link.user, "name": profile.name},
    )
    return redirect("community:profile_edit", public_id=profile.public_id)


def _edit_url(request: HttpRequest, profile: Profile, link: ProfileAdmin) -> str:
    return reverse("community:profile_edit", kwargs={"public_id": profile.public_id})


@login_required
@require_POST
@limit_posts(PROFILE_WRITES)
def profile_admin_remove(request: HttpRequest, public_id: UUID, link_id: int) -> HttpResponse:
    profile = profile_for_editing(user=request.user, public_id=public_id)
    return _admin_remove(request, profile, profile_admin_link(profile=profile, link_id=link_id))


@on_domain_error(back_with_message(_edit_url))
def _admin_remove(request: HttpRequest, profile: Profile, link: ProfileAdmin) -> HttpResponse:
    services.profile_admin_remove(profile=profile, actor=request.user, user=link.user)
    if link.user_id == request.user.pk:
        messages.success(
            request, _("You are no longer an admin of “%(name)s”.") % {"name": profile.name}
        )
        return redirect("community:mine")
    messages.success(request, _("%(member)s is no longer an admin.") % {"member": link.user})
    return redirect("community:profile_edit", public_id=profile.public_id)


@login_required
@require_safe
def mine(request: HttpRequest) -> HttpResponse:
    """The member's hub: their profiles, then what contact requests and
    suggestions add (``community/_connect_summary.html``)."""
    profiles = list(member_profiles(user=request.user))
    context = {
        "profiles": profiles,
        "can_create": len(profiles) < services.MAX_PROFILES_PER_MEMBER,
        "max_profiles": services.MAX_PROFILES_PER_MEMBER,
    }
    return render(request, "community/mine.html", context)
