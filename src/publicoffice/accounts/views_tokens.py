"""The page where members make and revoke personal API tokens.

A new key is shown once, in the answer to the POST that made it, and never
stored (only its SHA-256 is kept). That answer is marked ``no-store`` so no
cache keeps the key either.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from publicoffice.accounts.models import User
from publicoffice.accounts.selectors import api_tokens_of
from publicoffice.accounts.services import api_token_create, api_token_revoke
from publicoffice.accounts.views import LOG_INS
from publicoffice.core.ratelimit import limit_posts

#: Enough for a few scripts and apps; more is usually forgotten keys.
MAX_TOKENS = 20


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=80,
        help_text=gettext_lazy("What the key is for, e.g. “calendar script”."),
    )


def _member(request: HttpRequest) -> User:
    """The logged-in member (the views are behind ``login_required``)."""
    assert isinstance(request.user, User)
    return request.user


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
@limit_posts(LOG_INS)  # a key is a credential: made under the log-in limit
def api_tokens(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    tokens = api_tokens_of(member=user)
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    new_key = ""
    if request.method == "POST" and form.is_valid():
        if len(tokens) >= MAX_TOKENS:
            form.add_error(
                None,
                ngettext(
                    "You have %(count)d key, the most allowed. Revoke it first.",
                    "You have %(count)d keys, the most allowed. Revoke one first.",
                    MAX_TOKENS,
                )
                % {"count": MAX_TOKENS},
            )
        else:
            _token, new_key = api_token_create(user=user, name=form.cleaned_data["name"])
            tokens = api_tokens_of(member=user)
            form = ApiTokenForm()
    return render(
        request,
        "accounts/api_tokens.html",
        {"tokens": tokens, "form": form, "new_key": new_key},
    )


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not api_token_revoke(user=_member(request), token_id=pk):
        raise Http404
    messages.success(request, _("The key was revoked. Programs using it can no longer sign in."))
    return redirect("accounts:api_tokens")
