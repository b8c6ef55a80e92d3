"""The house rules pages: the network's rules, an office's rules, accepting a change.

Anyone may read the rules (guideline 3 is a promise to visitors too); only
a logged-in member accepts them. The accept page is where the refusal of
:mod:`publicoffice.conduct.enforcement` sends a member whose online action
waits for a material change to be accepted: it shows what changed, and the
one button sends them back where they were (``?next=``, on this site only).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.conduct import rules
from publicoffice.conduct.models import RuleVersion
from publicoffice.places.selectors import office_public


@require_safe
def network_rules(request: HttpRequest) -> HttpResponse:
    """The network's rules in force: in short, in full one tap away, and their history."""
    return render(
        request,
        "conduct/rules.html",
        {
            "version": rules.network_version_in_force(),
            "history": rules.network_history(),
            "now": timezone.now(),
        },
    )


@require_safe
def office_rules(request: HttpRequest, slug: str) -> HttpResponse:
    """The rules in force at one office: the network's, then the operator's and the office's."""
    office = office_public(slug=slug)
    return render(
        request,
        "conduct/rules_office.html",
        {"office": office, "layers": rules.versions_in_force(office)},
    )


def safe_next(request: HttpRequest) -> str:
    """The ``next`` address if it stays on this site, else ``""``."""
    target = str(request.POST.get("next") or request.GET.get("next") or "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else ""


def _accept_page(
    request: HttpRequest, pending: RuleVersion | None, *, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "conduct/rules_accept.html",
        {"version": pending, "next": safe_next(request)},
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def accept_rules(request: HttpRequest) -> HttpResponse:
    """What changed and the button to accept it; nothing to do when up to date.

    The form names the version it showed: if a newer one took effect while
    the member read, the page shows that one instead of accepting it unseen.
    """
    assert isinstance(request.user, Member)  # login_required
    member = request.user
    pending = rules.pending_network_version(member)
    if request.method != "POST":
        return _accept_page(request, pending)
    done = safe_next(request) or reverse("conduct:rules")
    if pending is None:
        messages.info(request, _("You have already accepted the house rules in force."))
        return redirect(done)
    if request.POST.get("version") != str(pending.pk):
        messages.warning(
            request, _("The house rules changed while you read them. Read them again.")
        )
        return _accept_page(request, pending, status=409)
    rules.accept(member, pending)
    messages.success(request, _("Thank you. You have accepted the house rules."))
    return redirect(done)
