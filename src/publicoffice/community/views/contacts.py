"""Pages of contact requests: write, list, answer, withdraw, block, report.

Every change is a plain form POST answered with a redirect and a message,
so it works without JavaScript. A request that is not the member's is a 404
whether it exists or not.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.community.forms.contacts import (
    ContactRequestForm,
    ReportForm,
    add_domain_error,
)
from publicoffice.community.models import MAX_MESSAGE, Profile
from publicoffice.community.policies import is_profile_admin
from publicoffice.community.selectors.contacts import (
    accepted_contacts,
    received_pending,
    request_for_recipient,
    request_for_sender,
    sent_requests,
)
from publicoffice.community.services.contacts import (
    abuse_report,
    block_sender,
    contact_request_answer,
    contact_request_send,
    contact_request_withdraw,
)
from publicoffice.core.errors import DomainError


def _visible_profile(request: HttpRequest, public_id: UUID) -> Profile:
    profile = Profile.objects.visible_to(request.user).filter(public_id=public_id).first()
    if profile is None:
        raise Http404
    return profile


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_new(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Write to a profile as one of your own; no profile yet means make one first."""
    recipient = _visible_profile(request, public_id)
    context: dict[str, object] = {"recipient": recipient, "max_message": MAX_MESSAGE}
    if is_profile_admin(request.user, recipient):
        return render(request, "community/contact_new.html", {**context, "own": True})
    form = ContactRequestForm(
        request.POST if request.method == "POST" else None, user=request.user, recipient=recipient
    )
    if not form.fields["sender_profile"].queryset.exists():  # type: ignore[attr-defined]
        return render(request, "community/contact_new.html", {**context, "no_profile": True})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            contact_request_send(
                sender=request.user,
                sender_profile=form.cleaned_data["sender_profile"],
                recipient=recipient,
                message=form.cleaned_data["message"],
            )
        except DomainError as error:
            if error.status == 404:
                raise Http404 from error
            add_domain_error(form, error)
            status = error.status
        else:
            messages.success(
                request,
                _(
                    "Your request has been sent. You will get an e-mail when it is accepted; "
                    "until then nobody sees anyone's contact details."
                ),
            )
            return redirect("community:contacts")
    elif request.method == "POST":
        status = 400
    return render(request, "community/contact_new.html", {**context, "form": form}, status=status)


@login_required
@require_safe
def contacts(request: HttpRequest) -> HttpResponse:
    """Received requests to answer, sent ones with their state, and accepted contacts."""
    return render(
        request,
        "community/contacts.html",
        {
            "received": list(received_pending(user=request.user)),
            "sent": list(sent_requests(user=request.user)[:200]),
            "accepted": accepted_contacts(user=request.user),
        },
    )


def _done(request: HttpRequest, error: DomainError | None, success: str) -> HttpResponse:
    """Back to the contacts page with what happened."""
    if error is None:
        messages.success(request, success)
    else:
        messages.error(request, str(error.message))
    return redirect("community:contacts")


@login_required
@require_POST
def contact_answer(request: HttpRequest, pk: int) -> HttpResponse:
    contact = request_for_recipient(user=request.user, pk=pk)
    decision = request.POST.get("decision")
    if decision not in {"accept", "decline"}:
        return HttpResponseBadRequest(_("Choose accept or decline."))
    accept = decision == "accept"
    try:
        contact_request_answer(request=contact, actor=request.user, accept=accept)
    except DomainError as error:
        return _done(request, error, "")
    if accept:
        return _done(
            request, None, _("You accepted. Now you can both see how to reach each other.")
        )
    return _done(request, None, _("You declined. The sender sees it on their page."))


@login_required
@require_POST
def contact_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    contact = request_for_sender(user=request.user, pk=pk)
    try:
        contact_request_withdraw(request=contact, actor=request.user)
    except DomainError as error:
        return _done(request, error, "")
    return _done(request, None, _("You withdrew your request."))


@login_required
@require_POST
def contact_block(request: HttpRequest, pk: int) -> HttpResponse:
    contact = request_for_recipient(user=request.user, pk=pk)
    try:
        block_sender(blocker=request.user, request=contact)
    except DomainError as error:
        return _done(request, error, "")
    return _done(
        request,
        None,
        _("Blocked. This person can no longer send you requests, and is not told about it."),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a request to the moderators; the sender is blocked at the same time."""
    contact = request_for_recipient(user=request.user, pk=pk)
    form = ReportForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            abuse_report(reporter=request.user, request=contact, reason=form.cleaned_data["reason"])
        except DomainError as error:
            add_domain_error(form, error)
            status = error.status
        else:
            messages.success(
                request,
                _("Thank you. The moderators will read your report, and the sender is blocked."),
            )
            return redirect("community:contacts")
    elif request.method == "POST":
        status = 400
    return render(
        request, "community/contact_report.html", {"contact": contact, "form": form}, status=status
    )
