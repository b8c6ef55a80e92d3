"""Profile pages: read one, create, edit, delete, share with admins; the member's hub.

A profile someone may not see is "not found" (404), also for its edit and
delete pages, so the answer never says that a hidden profile exists.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.community.forms.profiles import AdminAddForm, ProfileForm
from publicoffice.community.models import Profile, ProfileAdmin, Visibility
from publicoffice.community.policies import can_add_admins, can_edit_profile, is_profile_admin
from publicoffice.community.selectors.directory import (
    member_profiles,
    profile_admins,
    profile_get_visible,
    with_card_data,
)
from publicoffice.community.services import profiles as services
from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import limit_posts


def _editable(request: HttpRequest, public_id: Any) -> Profile:
    """The profile, if this member runs it; 404 (no hint that it exists) otherwise."""
    profile = (
        with_card_data(Profile.objects.filter(public_id=public_id))
        .prefetch_related("links")
        .first()
    )
    if profile is None or not can_edit_profile(request.user, profile):
        raise Http404
    return profile


def _attach(form: ProfileForm, error: DomainError) -> None:
    """Show a service refusal next to the field it is about, or above the form."""
    field = form.field_for_error(error.details.get("field"), error.code)
    form.add_error(field, str(error.message))


@require_safe
def profile_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    profile = profile_get_visible(user=request.user, public_id=public_id)
    context = {
        "profile": profile,
        "is_admin": is_profile_admin(request.user, profile),
        "noindex": profile.visibility != Visibility.PUBLIC,
        "links": list(profile.links.all()),
    }
    return render(request, "community/profile_detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("profile_write", limit=60, window=600)
def profile_create(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "community/profile_form.html", {"form": ProfileForm()})
    form = ProfileForm(request.POST)
    if form.is_valid():
        fields = form.service_fields()
        try:
            profile = services.profile_create(
                owner=request.user,
                kind=fields.pop("kind"),
                name=fields.pop("name"),
                visibility=fields.pop("visibility"),
                **fields,
            )
        except DomainError as error:
            _attach(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("community:profile", public_id=profile.public_id)
    return render(request, "community/profile_form.html", {"form": form}, status=400)


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


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("profile_write", limit=60, window=600)
def profile_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    profile = _editable(request, public_id)
    if request.method != "POST":
        return _edit_page(request, profile, ProfileForm(profile=profile), AdminAddForm())
    form = ProfileForm(request.POST, profile=profile)
    if form.is_valid():
        try:
            services.profile_update(profile=profile, actor=request.user, **form.service_fields())
        except DomainError as error:
            _attach(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("community:profile", public_id=profile.public_id)
    return _edit_page(request, profile, form, AdminAddForm(), status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("profile_write", limit=60, window=600)
def profile_delete(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A confirmation page first; the POST deletes for good."""
    profile = _editable(request, public_id)
    if request.method != "POST":
        others = len(profile_admins(profile=profile)) - 1
        return render(
            request, "community/profile_delete.html", {"profile": profile, "other_admins": others}
        )
    services.profile_delete(profile=profile, actor=request.user)
    messages.success(request, _("The profile “%(name)s” is deleted.") % {"name": profile.name})
    return redirect("community:mine")


@login_required
@require_POST
@limit_posts("profile_write", limit=60, window=600)
def profile_admin_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    profile = _editable(request, public_id)
    admin_form = AdminAddForm(request.POST)
    if admin_form.is_valid():
        try:
            link = services.profile_admin_add(
                profile=profile, actor=request.user, email=admin_form.cleaned_data["email"]
            )
        except DomainError as error:
            admin_form.add_error("email", str(error.message))
            status = error.status
        else:
            messages.success(
                request,
                _("%(member)s can now edit “%(name)s”.")
                % {"member": link.user, "name": profile.name},
            )
            return redirect("community:profile_edit", public_id=profile.public_id)
    else:
        status = 400
    return _edit_page(request, profile, ProfileForm(profile=profile), admin_form, status=status)


@login_required
@require_POST
@limit_posts("profile_write", limit=60, window=600)
def profile_admin_remove(request: HttpRequest, public_id: Any, link_id: int) -> HttpResponse:
    profile = _editable(request, public_id)
    link = ProfileAdmin.objects.filter(pk=link_id, profile=profile).select_related("user").first()
    if link is None:
        raise Http404
    try:
        services.profile_admin_remove(profile=profile, actor=request.user, user=link.user)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("community:profile_edit", public_id=profile.public_id)
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
