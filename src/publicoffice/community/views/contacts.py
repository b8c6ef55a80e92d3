"""Pages of contact requests: write, list, answer, withdraw, block, report.

Every change is a plain form POST answered with a redirect and a message,
so it works without JavaScript. A request that is not the member's is "not
found" (404) whether it exists or not: the selectors say so, and the
standard error page shows it.
"""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from publicoffice.community.forms.contacts import ContactRequestForm, ReportForm
from publicoffice.community.models import MAX_MESSAGE, ContactRequest, Profile
from publicoffice.community.policies import is_profile_admin
from publicoffice.community.selectors.contacts import (
    contact_recipient,
    contacts_page,
    request_for_recipient,
    request_for_sender,
)
from publicoffice.community.services.contacts import (
    abuse_report,
    block_sender,
    contact_request_answer,
    contact_request_send,
    contact_request_withdraw,
)
from publicoffice.core.errors import DomainError
from publicoffice.core.web_errors import add_domain_error, back_with_message, on_domain_error


def _contacts_url(*args: object, **kwargs: object) -> str:
    return reverse("community:contacts")


#: A refused answer, withdrawal or block: back to the contacts page, saying why.
back_to_contacts = back_with_message(_contacts_url)


def _contact_new_page(
    request: HttpRequest,
    recipient: Profile,
    form: ContactRequestForm | None,
    *,
    status: int = 200,
    own: bool = False,
    no_profile: bool = False,
) -> HttpResponse:
    context = {
        "recipient": recipient,
        "max_message": MAX_MESSAGE,
        "form": form,
        "own": own,
        "no_profile": no_profile,
    }
    return render(request, "community/contact_new.html", context, status=status)


def _contact_new_refused(request: HttpRequest, error: DomainError, public_id: UUID) -> HttpResponse:
    """The form again with the service's refusal at its field; "not found" stays a 404."""
    if error.status == 404:
        raise error
    recipient = contact_recipient(user=request.user, public_id=public_id)
    form = ContactRequestForm(request.POST, user=request.user, recipient=recipient)
    form.is_valid()
    add_domain_error(form, error)
    return _contact_new_page(request, recipient, form, status=error.status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@on_domain_error(_contact_new_refused)
def contact_new(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Write to a profile as one of your own; no profile yet means make one first."""
    recipient = contact_recipient(user=request.user, public_id=public_id)
    if is_profile_admin(request.user, recipient):
        return _contact_new_page(request, recipient, None, own=True)
    form = ContactRequestForm(
        request.POST if request.method == "POST" else None, user=request.user, recipient=recipient
    )
    if not form.has_profiles():
        return _contact_new_page(request, recipient, None, no_profile=True)
    if request.method != "POST":
        return _contact_new_page(request, recipient, form)
    if not form.is_valid():
        return _contact_new_page(request, recipient, form, status=400)
    contact_request_send(
        sender=request.user,
        sender_profile=form.cleaned_data["sender_profile"],
        recipient=recipient,
        message=form.cleaned_data["message"],
    )
    messages.success(
        request,
        _(
            "Your request has been sent. You will get an e-mail when it is accepted; "
            "until then nobody sees anyone's contact details."
        ),
    )
    return redirect("community:contacts")


@login_required
@require_safe
def contacts(request: HttpRequest) -> HttpResponse:
    """Received requests to answer, sent ones with their state, and accepted contacts."""
    page = contacts_page(user=request.user)
    return render(
        request,
        "community/contacts.html",
        {"received": page.received, "sent": page.sent, "accepted": page.accepted},
    )


def _done(request: HttpRequest, success: str) -> HttpResponse:
    """Back to the contacts page with what happened."""
    messages.success(request, success)
    return redirect("community:contacts")


# The request is looked up first (not yours: 404); what the service then
# refuses goes back to the contacts page with a message.


@login_required
@require_POST
def contact_answer(request: HttpRequest, pk: int) -> HttpResponse:
    contact = request_for_recipient(user=request.user, pk=pk)
    decision = request.POST.get("decision")
    if decision not in {"accept", "decline"}:
        return HttpResponseBadRequest(_("Choose accept or decline."))
    return _answer(request, contact, decision == "accept")


@on_domain_error(back_to_contacts)
def _answer(request: HttpRequest, contact: ContactRequest, accept: bool) -> HttpResponse:
    contact_request_answer(request=contact, actor=request.user, accept=accept)
    if accept:
        return _done(request, _("You accepted. Now you can both see how to reach each other."))
    return _done(request, _("You declined. The sender sees it on their page."))


@login_required
@require_POST
def contact_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _withdraw(request, request_for_sender(user=request.user, pk=pk))


@on_domain_error(back_to_contacts)
def _withdraw(request: HttpRequest, contact: ContactRequest) -> HttpResponse:
    contact_request_withdraw(request=contact, actor=request.user)
    return _done(request, _("You withdrew your request."))


@login_required
@require_POST
def contact_block(request: HttpRequest, pk: int) -> HttpResponse:
    return _block(request, request_for_recipient(user=request.user, pk=pk))


@on_domain_error(back_to_contacts)
def _block(request: HttpRequest, contact: ContactRequest) -> HttpResponse:
    block_sender(blocker=request.user, request=contact)
    return _done(
        request,
        _("Blocked. This person can no longer send you requests, and is not told about it."),
    )


def _report_page(
    request: HttpRequest, contact: ContactRequest, form: ReportForm, *, status: int = 200
) -> HttpResponse:
    context = {"contact": contact, "form": form}
    return render(request, "community/contact_report.html", context, status=status)


def _report_refused(
    request: HttpRequest, error: DomainError, contact: ContactRequest
) -> HttpResponse:
    form = ReportForm(request.POST)
    form.is_valid()
    add_domain_error(form, error)
    return _report_page(request, contact, form, status=error.status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a request to the moderators; the sender is blocked at the same time."""
    return _report(request, request_for_recipient(user=request.user, pk=pk))


@on_domain_error(_report_refused)
def _report(request: HttpRequest, contact: ContactRequest) -> HttpResponse:
    if request.method != "POST":
        return _report_page(request, contact, ReportForm())
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _report_page(request, contact, form, status=400)
    abuse_report(reporter=request.user, request=contact, reason=form.cleaned_data["reason"])
    messages.success(
        request,
        _("Thank you. The moderators will read your report, and the sender is blocked."),
    )
    return redirect("community:contacts")
