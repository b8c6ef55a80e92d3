"""Asking the applicant for more: the question, the answer, and the paused clock.

An officer's question makes the application *more information asked for*;
the review clock (:func:`publicoffice.commissioning.selectors.reviews.review_days`)
stops until the lead's admin answers. The answer brings the application back
to *submitted* once no other question is open. Questions and answers are
never deleted: they are the log officers and applicants read.

The e-mails go out after commit, from whoever listens to :data:`info_requested`
and :data:`info_answered` (``tasks_reviews``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import Member, StaffUser
from publicoffice.commissioning import policies
from publicoffice.commissioning.models import Application, ApplicationStatus, InfoRequest
from publicoffice.commissioning.models.calls import MAX_TEXT
from publicoffice.commissioning.services.reviews import UNDER_REVIEW
from publicoffice.core.domain_events import DomainEvent
from publicoffice.core.errors import DomainError, ErrorCode
from publicoffice.core.text import clean_paragraphs
from publicoffice.core.timeutils import acting_now

#: The municipality asked the applicant something: ``info_request_id``.
info_requested = DomainEvent("commissioning.info_requested")
#: The applicant answered: ``info_request_id``.
info_answered = DomainEvent("commissioning.info_answered")


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("call")
        .get(pk=application.pk)
    )


@transaction.atomic
def ask(
    *, officer: StaffUser, application: Application, question: Any, now: datetime | None = None
) -> InfoRequest:
    """Ask the applicant a question; the clock pauses until it is answered."""
    if not policies.can_manage_application(officer, application):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    text = clean_paragraphs(
        question, field="question", limit=MAX_TEXT, missing=_("Write the question.")
    )
    application = _locked(application)
    if application.status not in UNDER_REVIEW:
        raise DomainError(ErrorCode.NOT_ALLOWED, _("This application is no longer under review."))
    asked = InfoRequest.objects.create(
        application=application, question=text, asked_by=officer, asked_at=acting_now(now)
    )
    application.status = ApplicationStatus.INFO_REQUESTED
    application.save(update_fields=["status", "updated_at"])
    info_requested.publish(info_request_id=asked.pk)
    return asked


@transaction.atomic
def answer(
    *, user: Member, info_request: InfoRequest, text: Any, now: datetime | None = None
) -> InfoRequest:
    """The lead's admin answers; with no other question open the clock runs again."""
    application = _locked(info_request.application)
    if not policies.can_answer_info_request(user, application):
        raise DomainError(ErrorCode.NOT_ALLOWED)
    request = InfoRequest.objects.select_for_update().get(pk=info_request.pk)
    if request.answered_at is not None:
        raise DomainError(ErrorCode.NOT_ALLOWED, _("This question is already answered."))
    request.answer = clean_paragraphs(
        text, field="answer", limit=MAX_TEXT, missing=_("Write your answer.")
    )
    request.answered_by = user
    request.answered_at = acting_now(now)
    request.save(update_fields=["answer", "answered_by", "answered_at", "updated_at"])
    if not application.info_requests.filter(answered_at__isnull=True).exists():
        application.status = ApplicationStatus.SUBMITTED
        application.save(update_fields=["status", "updated_at"])
    info_answered.publish(info_request_id=request.pk)
    return request
