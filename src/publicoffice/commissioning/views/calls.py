"""The call pages: the public list and page, following, and the officer's pages.

Anyone reads a published call and its documents; a logged-in person may
follow it. Officers draft, edit, weigh, publish, close and cancel the calls
of their own municipality: someone who is no officer is refused (403), an
officer of another municipality finds nothing there (404).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.commissioning import documents, policies
from publicoffice.commissioning.forms.calls import (
    DEFAULTS,
    FIELD_OF_CODE,
    CallForm,
    CancelForm,
    CriterionForm,
    DocumentForm,
    RubricForm,
    initial_of,
)
from publicoffice.commissioning.models import Call, CallStatus
from publicoffice.commissioning.notifications_calls import deadline_words
from publicoffice.commissioning.selectors import calls as selectors
from publicoffice.commissioning.services import calls as services
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.web_errors import add_domain_error, on_domain_error

FORM = "commissioning/calls/form.html"
RUBRIC = "commissioning/calls/rubric.html"
DOCUMENTS = "commissioning/calls/documents.html"
CANCEL = "commissioning/calls/cancel.html"


def _me(request: HttpRequest) -> Member:
    """The logged-in user of a page behind ``login_required``."""
    user = request.user
    if isinstance(user, AnonymousUser):
        raise DomainError(ErrorCode.NOT_AUTHENTICATED)
    return user


@require_safe
def calls(request: HttpRequest) -> HttpResponse:
    """Open calls first, then those under review or decided."""
    rows = selectors.public_calls()
    return render(request, "commissioning/calls/list.html", {"calls": rows})


@require_safe
def call(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything about one call; officers also see what they may do with it."""
    found = selectors.call_get_visible(user=request.user, pk=pk)
    now = timezone.now()
    is_open = found.status == CallStatus.OPEN and not selectors.deadline_passed(found, now)
    context = {
        "call": found,
        "page": selectors.call_page(user=request.user, call=found),
        "deadline": deadline_words(found),
        "is_open": is_open,
        "may_apply": is_open and policies.can_apply(request.user),
        "may_follow": policies.can_follow_call(request.user, found),
        "manages": policies.can_manage_call(request.user, found),
        "may_close": found.status == CallStatus.OPEN and not is_open,
        "may_cancel": found.status in services.CANCELLABLE,
        "editable": found.status == CallStatus.DRAFT or is_open,
        "decided": found.status == CallStatus.DECIDED,
    }
    return render(request, "commissioning/calls/call.html", context)


@login_required
@require_POST
def call_follow(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow the call, or stop following it (one button that says which)."""
    found = selectors.call_get_visible(user=request.user, pk=pk)
    if selectors.call_page(user=request.user, call=found).following:
        services.unfollow_call(member=_me(request), call=found)
        messages.success(request, _("You no longer follow this call."))
    else:
        services.follow_call(member=_me(request), call=found)
        messages.success(request, _("You follow this call: we e-mail you when it changes."))
    return redirect("commissioning:call", pk=found.pk)


@require_safe
def call_document(request: HttpRequest, pk: int, doc: int) -> FileResponse:
    """A document of a call the person may see, served as it was uploaded."""
    found = selectors.call_get_visible(user=request.user, pk=pk)
    document = selectors.document_of(call=found, doc_id=doc)
    handle, content_type = documents.opened(document.file)
    name = f"{document.title}.{document.file.rsplit('.', 1)[-1]}"
    response = FileResponse(handle, content_type=content_type, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _officer(request: HttpRequest) -> None:
    if not policies.is_some_officer(request.user):
        raise DomainError(ErrorCode.NOT_ALLOWED)


@login_required
@require_safe
def officer_calls(request: HttpRequest) -> HttpResponse:
    """The calls of the officer's municipalities, drafts too, with their applications."""
    _officer(request)
    rows = selectors.officer_calls(user=request.user)
    return render(request, "commissioning/calls/officer_list.html", {"calls": rows})


def _call_form(request: HttpRequest, call: Call | None, data: Any = None) -> CallForm:
    if call is None:
        municipalities = selectors.officer_municipality_choices(user=request.user)
        initial: dict[str, Any] = dict(DEFAULTS)
    else:
        municipalities, initial = [call.municipality], initial_of(call)
    form = CallForm(
        data,
        initial=initial,
        municipalities=municipalities,
        districts=selectors.districts_of([m.pk for m in municipalities]),
    )
    if call is not None:
        form.fields["municipality"].disabled = True
    return form


def _form_page(
    request: HttpRequest, form: CallForm, call: Call | None, status: int = 200
) -> HttpResponse:
    return render(request, FORM, {"form": form, "call": call}, status=status)


def _call_refused(
    request: HttpRequest, error: DomainError, form: CallForm, call: Call | None
) -> HttpResponse:
    add_domain_error(form, error, field_of_code=FIELD_OF_CODE)
    return _form_page(request, form, call, status=error.status)


@on_domain_error(_call_refused)
def _save_call(request: HttpRequest, form: CallForm, call: Call | None) -> HttpResponse:
    if call is None:
        call = services.create_call(
            staff=_me(request),
            municipality_id=form.cleaned_data["municipality"],
            fields=form.fields_for_service(),
        )
        messages.success(request, _("The call is saved as a draft. Nobody else sees it yet."))
    else:
        services.update_call(
            staff=_me(request),
            call=call,
            fields=form.fields_for_service(),
        )
        messages.success(request, _("The call is saved."))
    return redirect("commissioning:call", pk=call.pk)


def _call_form_view(request: HttpRequest, call: Call | None) -> HttpResponse:
    if request.method != "POST":
        return _form_page(request, _call_form(request, call), call)
    form = _call_form(request, call, request.POST)
    if not form.is_valid():
        return _form_page(request, form, call, status=400)
    return _save_call(request, form, call)


@login_required
def call_new(request: HttpRequest) -> HttpResponse:
    """Draft a call in one of the officer's municipalities."""
    _officer(request)
    return _call_form_view(request, None)


@login_required
def call_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft, or an open call before its deadline."""
    found = selectors.call_get_managed(user=request.user, pk=pk)
    if found.status not in services.EDITABLE or (
        found.status == CallStatus.OPEN and selectors.deadline_passed(found, timezone.now())
    ):
        raise DomainError(ErrorCode.CALL_NOT_EDITABLE)
    return _call_form_view(request, found)


def _rubric_page(
    request: HttpRequest,
    call: Call,
    *,
    rubric_form: RubricForm | None = None,
    criterion_form: CriterionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "call": call,
        "form": rubric_form or RubricForm(rubric=selectors.rubric_of(call)),
        "criterion_form": criterion_form or CriterionForm(),
        "criteria": list(call.extra_criteria.all()),
    }
    return render(request, RUBRIC, context, status=status)


def _rubric_refused(
    request: HttpRequest, error: DomainError, call: Call, form: Any, key: str
) -> HttpResponse:
    add_domain_error(form, error)
    return _rubric_page(request, call, status=error.status, **{key: form})


@on_domain_error(_rubric_refused)
def _save_rubric(request: HttpRequest, call: Call, form: Any, key: str) -> HttpResponse:
    staff = _me(request)
    if key == "rubric_form":
        services.set_rubric(staff=staff, call=call, lines=form.lines())
    else:
        services.add_criterion(staff=staff, call=call, **form.cleaned_data)
    messages.success(request, _("The rubric is saved."))
    return redirect("commissioning:call_rubric", pk=call.pk)


@login_required
def call_rubric(request: HttpRequest, pk: int) -> HttpResponse:
    """Weigh the guidelines, and add or remove criteria of the call's own."""
    found = selectors.call_get_managed(user=request.user, pk=pk)
    if request.method != "POST":
        return _rubric_page(request, found)
    action = request.POST.get("action")
    if action == "remove":
        criterion = selectors.criterion_of(call=found, criterion_id=_int(request, "criterion"))
        services.remove_criterion(staff=_me(request), call=found, criterion=criterion)
        messages.success(request, _("The criterion is removed."))
        return redirect("commissioning:call_rubric", pk=found.pk)
    form: Any
    if action == "criterion":
        form, key = CriterionForm(request.POST), "criterion_form"
    else:
        form, key = RubricForm(request.POST, rubric=selectors.rubric_of(found)), "rubric_form"
    if not form.is_valid():
        return _rubric_page(request, found, status=400, **{key: form})
    return _save_rubric(request, found, form, key)


def _int(request: HttpRequest, name: str) -> int:
    try:
        return int(request.POST.get(name, ""))
    except ValueError as error:
        raise DomainError(ErrorCode.NOT_FOUND) from error


def _documents_page(
    request: HttpRequest, call: Call, form: DocumentForm | None = None, status: int = 200
) -> HttpResponse:
    context = {"call": call, "form": form or DocumentForm(), "documents": call.documents.all()}
    return render(request, DOCUMENTS, context, status=status)


def _document_refused(
    request: HttpRequest, error: DomainError, call: Call, form: DocumentForm
) -> HttpResponse:
    add_domain_error(form, error, field_of_code=FIELD_OF_CODE)
    return _documents_page(request, call, form, status=error.status)


@on_domain_error(_document_refused)
def _upload(request: HttpRequest, call: Call, form: DocumentForm) -> HttpResponse:
    services.add_document(
        staff=_me(request),
        call=call,
        title=form.cleaned_data["title"],
        upload=form.cleaned_data["file"],
    )
    messages.success(request, _("The document is published with the call."))
    return redirect("commissioning:call_documents", pk=call.pk)


@login_required
def call_documents(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload documents with a title, or remove one."""
    found = selectors.call_get_managed(user=request.user, pk=pk)
    if request.method != "POST":
        return _documents_page(request, found)
    if request.POST.get("action") == "remove":
        document = selectors.document_of(call=found, doc_id=_int(request, "document"))
        services.remove_document(staff=_me(request), call=found, document=document)
        messages.success(request, _("The document is removed."))
        return redirect("commissioning:call_documents", pk=found.pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _documents_page(request, found, form, status=400)
    return _upload(request, found, form)


def _back_to_call(request: HttpRequest, error: DomainError, call: Call, said: str) -> HttpResponse:
    messages.error(request, str(error.message))
    return redirect("commissioning:call", pk=call.pk)


@on_domain_error(_back_to_call)
def _step(request: HttpRequest, call: Call, said: str) -> HttpResponse:
    """Publish or close: one button on the call's page, back there with what happened."""
    step = services.publish_call if call.status == CallStatus.DRAFT else services.close_call
    step(staff=_me(request), call=call)
    messages.success(request, said)
    return redirect("commissioning:call", pk=call.pk)


@login_required
@require_POST
def call_publish(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.call_get_managed(user=request.user, pk=pk)
    if found.status != CallStatus.DRAFT:
        raise DomainError(ErrorCode.CALL_NOT_EDITABLE)
    return _step(request, found, _("The call is published and open for applications."))


@login_required
@require_POST
def call_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.call_get_managed(user=request.user, pk=pk)
    if found.status != CallStatus.OPEN:
        raise DomainError(ErrorCode.CALL_NOT_OPEN)
    return _step(request, found, _("The call is closed. Its applications can now be reviewed."))


def _cancel_refused(
    request: HttpRequest, error: DomainError, call: Call, form: CancelForm
) -> HttpResponse:
    add_domain_error(form, error)
    return render(request, CANCEL, {"call": call, "form": form}, status=error.status)


@on_domain_error(_cancel_refused)
def _cancel(request: HttpRequest, call: Call, form: CancelForm) -> HttpResponse:
    services.cancel_call(staff=_me(request), call=call, reason=form.cleaned_data["reason"])
    messages.success(request, _("The call is cancelled. Its followers are told why."))
    return redirect("commissioning:officer_calls")


@login_required
def call_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel the call, saying why."""
    found = selectors.call_get_managed(user=request.user, pk=pk)
    if found.status not in services.CANCELLABLE:
        raise DomainError(ErrorCode.CALL_NOT_EDITABLE)
    if request.method != "POST":
        return render(request, CANCEL, {"call": found, "form": CancelForm()})
    form = CancelForm(request.POST)
    if not form.is_valid():
        return render(request, CANCEL, {"call": found, "form": form}, status=400)
    return _cancel(request, found, form)
