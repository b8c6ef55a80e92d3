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

The services publish what happened (:mod:`publicoffice.community.happenings`);
:mod:`publicoffice.community.tasks` queues a task for each, and the worker
calls :func:`send_new_request`, :func:`send_accepted` or
:func:`send_admin_added`, which load the row afresh (a request withdrawn or
declined in the meantime sends nothing) and write in each person's own
language.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse, reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from publicoffice.accounts.actors import Member
from publicoffice.community.models import ContactRequest, Profile, ProfileAdmin, RequestStatus
from publicoffice.core.mail import address_of, in_language_of, send_templated


def _contacts_url() -> str:
    """The member's contacts page in the active language, as a full address."""
    return f"{settings.PUBLIC_BASE_URL}{reverse('community:contacts')}"


def _load(request_id: int) -> ContactRequest | None:
    return (
        ContactRequest.objects.select_related("recipient", "sender").filter(pk=request_id).first()
    )


def _send_to(
    user: Member | None, *, subject: Any, profile: Profile, template: str, **context: Any
) -> bool:
    """Write to one member about ``profile`` in their own language.

    ``subject`` is a lazy text with ``%(profile)s``, translated inside the
    member's language like the body; lazy ``context`` values are too.
    Returns False, sending nothing, when the member has no usable address.
    """
    to = address_of(user)
    if not to:
        return False
    with in_language_of(user):
        send_templated(
            to=to,
            subject=str(subject) % {"profile": profile.name},
            template=f"community/email/{template}",
            context={
                "contacts_url": _contacts_url(),
                "name": str(user),
                "profile": profile.name,
                **context,
            },
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
