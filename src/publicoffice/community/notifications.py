"""E-mails of the meeting place, sent through the task queue.

Three e-mails exist, and all say as little as possible:

* **new**: to every admin of the recipient profile, "you have a new contact
  request, log in to answer". Neither the message nor anything about the
  sender is in it: an e-mail can be forwarded, read over a shoulder or kept
  on a server for years, and the sender has not been accepted yet.
* **accepted**: to the sender, "your request was accepted, log in to see how
  to reach them". The details themselves stay behind the login too.
* **admin added**: to a member another admin added to an organisation's
  profile, so nobody runs a profile in their name without knowing, and
  they know where to leave it.

Services call :func:`notify_later` once their transaction has committed; the
worker calls :func:`send_new_request` or :func:`send_accepted`, which load
the request afresh (a request withdrawn or declined in the meantime sends
nothing) and write in each person's own language.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from publicoffice.community.models import ContactRequest, Profile, ProfileAdmin, RequestStatus
from publicoffice.core.languages import LANGUAGE_CODES

logger = logging.getLogger(__name__)

KINDS = frozenset({"new", "accepted"})


def notify_later(kind: str, request_id: int) -> None:
    """Queue the e-mail of ``kind`` about a request.

    A failure to queue is logged and swallowed: the request has been saved
    and the member sees it on their page either way.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown contact notice {kind!r}")
    from publicoffice.community import tasks

    try:
        if kind == "new":
            tasks.send_contact_request_notice.enqueue(request_id=request_id)
        else:
            tasks.send_contact_accepted_notice.enqueue(request_id=request_id)
    except Exception:
        logger.exception("Could not queue the %s notice for contact request %s", kind, request_id)


def notify_admin_added_later(admin_id: int) -> None:
    """Queue the e-mail to a newly added profile admin; failures are logged, as above."""
    from publicoffice.community import tasks

    try:
        tasks.send_profile_admin_notice.enqueue(admin_id=admin_id)
    except Exception:
        logger.exception("Could not queue the notice for profile admin %s", admin_id)


def _language(user: Any) -> str:
    code = getattr(user, "preferred_language", "") or ""
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _address(user: Any) -> str:
    if user is None or not getattr(user, "is_active", False):
        return ""
    return str(user.email or "")


def _one_line(text: str) -> str:
    """Headers may not break lines; a profile name must not be able to do it."""
    return " ".join(text.split())


def _contacts_url() -> str:
    """The member's contacts page in the active language, as a full address."""
    return f"{settings.PUBLIC_BASE_URL}{reverse('community:contacts')}"


def _send(*, to: str, subject: str, template: str, context: dict[str, Any]) -> None:
    """Render ``template`` (.txt and .html) in the active language and send it."""
    context = {
        "contacts_url": _contacts_url(),
        **context,
        "language_code": translation.get_language(),
        "language_bidi": translation.get_language_bidi(),
    }
    message = EmailMultiAlternatives(
        subject=_one_line(subject),
        body=render_to_string(f"community/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "Auto-Submitted": "auto-generated",
            "Content-Language": translation.get_language(),
        },
    )
    message.attach_alternative(
        render_to_string(f"community/email/{template}.html", context), "text/html"
    )
    message.send()


def _load(request_id: int) -> ContactRequest | None:
    return (
        ContactRequest.objects.select_related("recipient", "sender").filter(pk=request_id).first()
    )


def _send_to(user: Any, *, subject: Any, profile: Profile, template: str, **context: Any) -> bool:
    """Write to one member about ``profile`` in their own language.

    ``subject`` is a lazy text with ``%(profile)s``, translated inside the
    member's language like the body; lazy ``context`` values are too.
    Returns False, sending nothing, when the member has no usable address.
    """
    to = _address(user)
    if not to:
        return False
    with translation.override(_language(user)):
        _send(
            to=to,
            subject=str(subject) % {"profile": profile.name},
            template=template,
            context={"name": str(user), "profile": profile.name, **context},
        )
    return True


def send_new_request(*, request_id: int) -> str:
    """Tell the recipient profile's admins that a request waits; return what was done."""
    request = _load(request_id)
    if request is None:
        return "skipped: request gone"
    if request.status != RequestStatus.PENDING:
        return "skipped: request no longer waiting"
    sent = sum(
        _send_to(
            admin,
            subject=gettext_lazy("New contact request to %(profile)s"),
            profile=request.recipient,
            template="contact_new",
        )
        for admin in request.recipient.admins.order_by("pk")
    )
    return f"sent: new to {sent}"


def send_accepted(*, request_id: int) -> str:
    """Tell the sender that the recipient accepted; return what was done."""
    request = _load(request_id)
    if request is None:
        return "skipped: request gone"
    if request.status != RequestStatus.ACCEPTED:
        return "skipped: request not accepted"
    sent = _send_to(
        request.sender,
        subject=gettext_lazy("%(profile)s accepted your contact request"),
        profile=request.recipient,
        template="contact_accepted",
    )
    return "sent: accepted" if sent else "skipped: no recipient"


def send_admin_added(*, admin_id: int) -> str:
    """Tell a member they were made an admin of a profile; return what was done.

    Loaded afresh: an admin removed again before the worker ran gets nothing.
    """
    link = ProfileAdmin.objects.select_related("profile", "user").filter(pk=admin_id).first()
    if link is None:
        return "skipped: no longer an admin"
    edit = reverse_lazy("community:profile_edit", kwargs={"public_id": link.profile.public_id})
    sent = _send_to(
        link.user,
        subject=gettext_lazy("You are now an admin of %(profile)s"),
        profile=link.profile,
        template="profile_admin_added",
        edit_url=format_lazy("{}{}", settings.PUBLIC_BASE_URL, edit),
    )
    return "sent: admin added" if sent else "skipped: no recipient"
