"""The invitation's page: the link from the e-mail, open to anyone who has it.

What it asks depends on the address: a new address chooses a password (and
a name), an address with an account logs in first and then only confirms.
A used, expired or revoked link gets a page that says which, in plain words.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from publicoffice.accounts.views_language import in_language, remember_language
from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.timeutils import acting_now
from publicoffice.core.web_errors import add_domain_error, on_domain_error
from publicoffice.staff.forms import InvitationAcceptForm
from publicoffice.staff.models import Invitation, InvitationState
from publicoffice.staff.selectors import invitation_by_token, invitee_of
from publicoffice.staff.services import invitation_accept

#: Answers to invitations: per device, with a backstop per network address; fifteen minutes.
INVITATION_ANSWERS = PostLimit("staff-invitation", limit=10, window=900, per_address=50)


def _no_longer_works(request: HttpRequest, invitation: Invitation | None) -> HttpResponse:
    """Why the link does not work: used (or no such link), withdrawn, or too old."""
    state = invitation.state(acting_now()) if invitation else None
    return render(
        request,
        "staff/invitation_invalid.html",
        {"state": state, "states": InvitationState},
        status=404 if invitation is None else 410,
    )


def _page(
    request: HttpRequest, invitation: Invitation, form: InvitationAcceptForm | None, status: int
) -> HttpResponse:
    """The invitation, and what to do: choose a password, log in first, or confirm."""
    invitee = invitee_of(invitation)
    user = request.user
    wrong_account = user.is_authenticated and (
        invitee.account is None or invitee.account.pk != user.pk
    )
    must_log_in = invitee.has_account and not user.is_authenticated
    if form is None and not (wrong_account or must_log_in):
        form = InvitationAcceptForm(new_account=not invitee.has_account)
    context = {
        "invitation": invitation,
        "form": None if wrong_account or must_log_in else form,
        "wrong_account": wrong_account,
        "must_log_in": must_log_in,
        "login_url": f"{reverse('accounts:login')}?next={request.path}",
    }
    return render(request, "staff/invitation_accept.html", context, status=status)


def _refused(request: HttpRequest, error: DomainError, token: str) -> HttpResponse:
    """The form again with the refusal at its field; a link gone meanwhile says so."""
    invitation = invitation_by_token(token=token)
    if invitation is None or invitation.state(acting_now()) != InvitationState.PENDING:
        return _no_longer_works(request, invitation)
    form = InvitationAcceptForm(request.POST, new_account=not invitee_of(invitation).has_account)
    form.is_valid()
    add_domain_error(form, error)
    return _page(request, invitation, form, status=error.status)


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts(INVITATION_ANSWERS)
@on_domain_error(_refused)
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    """Open the e-mail's link; a POST takes the invitation up, and the host is in."""
    invitation = invitation_by_token(token=token)
    if invitation is None or invitation.state(acting_now()) != InvitationState.PENDING:
        return _no_longer_works(request, invitation)
    if request.method != "POST":
        return _page(request, invitation, None, status=200)
    new_account = not invitee_of(invitation).has_account
    form = InvitationAcceptForm(request.POST, new_account=new_account)
    if not form.is_valid():
        return _page(request, invitation, form, status=400)
    member = invitation_accept(
        token=token,
        user=request.user,
        password=form.cleaned_data.get("password", ""),
        display_name=form.cleaned_data.get("display_name", ""),
    )
    if new_account:
        login(request, member, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(
        request, _("Welcome! You are now a host of %(office)s.") % {"office": invitation.office}
    )
    language = member.preferred_language
    return remember_language(
        redirect(in_language(request, reverse("admin:index"), language)), language
    )
