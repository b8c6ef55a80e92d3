"""A member's own decisions: the statement of reasons, and the appeal.

Somebody else's decision, or one still waiting for a second staff
member's approval, is "not found": a decision is told only once it holds.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from publicoffice.accounts.actors import Member
from publicoffice.conduct import staff_selectors
from publicoffice.conduct.forms import AppealForm
from publicoffice.conduct.models import Sanction
from publicoffice.conduct.presenters import statement_of
from publicoffice.conduct.services import appeals
from publicoffice.core.errors import DomainError
from publicoffice.core.ratelimit import PostLimit, limit_posts
from publicoffice.core.web_errors import add_domain_error, on_domain_error

APPEALS = PostLimit("conduct_appeal", limit=10, window=3600)


def _member(request: HttpRequest) -> Member:
    user = request.user
    assert isinstance(user, Member)
    return user


@login_required
@require_safe
def my_decisions(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    rows = [statement_of(s, now) for s in staff_selectors.sanctions_of_member(_member(request))]
    return render(request, "conduct/my_decisions.html", {"statements": rows})


def decision_page(
    request: HttpRequest, sanction: Sanction, form: AppealForm | None = None, status: int = 200
) -> HttpResponse:
    statement = statement_of(sanction, timezone.now())
    if form is None and statement.may_appeal:
        form = AppealForm()
    context = {"statement": statement, "form": form}
    return render(request, "conduct/my_decision.html", context, status=status)


@login_required
@require_safe
def my_decision(request: HttpRequest, public_id: Any) -> HttpResponse:
    return decision_page(request, staff_selectors.sanction_of_member(_member(request), public_id))


@login_required
@require_POST
@limit_posts(APPEALS)
def appeal(request: HttpRequest, public_id: Any) -> HttpResponse:
    sanction = staff_selectors.sanction_of_member(_member(request), public_id)
    form = AppealForm(request.POST)
    if not form.is_valid():
        return decision_page(request, sanction, form, status=400)
    return _appeal(request, sanction, form)


def _refused(
    request: HttpRequest, error: DomainError, sanction: Sanction, form: AppealForm
) -> HttpResponse:
    add_domain_error(form, error)
    return decision_page(request, sanction, form, status=error.status)


@on_domain_error(_refused)
def _appeal(request: HttpRequest, sanction: Sanction, form: AppealForm) -> HttpResponse:
    appeals.appeal_make(member=_member(request), sanction=sanction, text=form.cleaned_data["text"])
    messages.success(request, _("Your appeal is sent. Another staff member answers it."))
    return redirect("conduct:my_decision", public_id=sanction.public_id)
