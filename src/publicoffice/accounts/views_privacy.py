"""The member's own data: what we keep, the download of all of it, and leaving.

Each page answers only for the signed-in member; there is no id in any
address, so nobody can reach someone else's data by changing a URL. The
download and the pages are ``no-store``: the file holds personal data that
a shared computer's cache should not keep.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from publicoffice.accounts.extensions import account_notices
from publicoffice.accounts.models import User
from publicoffice.accounts.selectors import role_assignments_of
from publicoffice.accounts.services import account_delete, account_export
from publicoffice.core.ratelimit import hit_for_user

#: Tries at the deletion form per account in :data:`DELETE_WINDOW` seconds;
#: enough for typos, too few to guess a password with a borrowed session.
DELETE_ATTEMPTS = 5
DELETE_WINDOW = 15 * 60
#: Longer than any real password; stops hashing megabytes of input.
PASSWORD_MAX_LENGTH = 1024
#: Session flag that lets the confirmation page say the account is gone.
DELETED_FLAG = "publicoffice_account_deleted"


class AccountDeleteForm(forms.Form):
    """The password proves it is the member; the checkbox that they mean it."""

    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        max_length=PASSWORD_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={
            "required": gettext_lazy("Type your password to delete the account."),
            "max_length": gettext_lazy("That is not your password."),
        },
    )
    understood = forms.BooleanField(
        label=gettext_lazy("I understand that this cannot be undone."),
        error_messages={
            "required": gettext_lazy("Tick the box to confirm that you want to delete everything.")
        },
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."), code="wrong_password")
        return password

    def full_clean(self) -> None:
        """Point each invalid input at its message, for screen readers."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}_error"


def _member(request: HttpRequest) -> User:
    """The signed-in member (every view here is behind ``login_required``)."""
    assert isinstance(request.user, User)
    return request.user


@login_required
@never_cache
@require_safe
def my_data(request: HttpRequest) -> HttpResponse:
    """What we keep and for how long, in plain words, read from the settings now."""
    return render(
        request,
        "accounts/my_data.html",
        {
            "notices": account_notices(request.user),
            "visits_days": settings.VISITS_RETENTION_DAYS,
            "bookings_days": settings.BOOKINGS_RETENTION_DAYS,
        },
    )


@login_required
@never_cache
@require_safe
def export(request: HttpRequest) -> HttpResponse:
    """Everything we keep about the member as one JSON file to save."""
    data = account_export(user=_member(request))
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="public-office-my-data-{stamp}.json"'
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    """Ask for the password, then delete the account and sign out."""
    user = _member(request)
    if request.method == "POST" and not hit_for_user(
        user.pk, "account-delete", limit=DELETE_ATTEMPTS, window=DELETE_WINDOW
    ):
        return render(
            request,
            "too_many_requests.html",
            {"message": _("Too many attempts. Wait a few minutes and try again.")},
            status=429,
        )
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=user)
    if request.method == "POST" and form.is_valid():
        account_delete(user=user)
        logout(request)
        # A fresh session after log-out: only this browser sees the confirmation.
        request.session[DELETED_FLAG] = True
        return redirect("accounts:deleted")
    roles = role_assignments_of(member=user)
    return render(request, "accounts/delete.html", {"form": form, "roles": list(roles)})


@never_cache
@require_safe
def deleted(request: HttpRequest) -> HttpResponse:
    """The goodbye page, in the language the member used; others go home."""
    if not request.session.pop(DELETED_FLAG, False):
        return redirect("places:home")
    return render(request, "accounts/deleted.html")
