"""The e-mail that carries an invitation's link, in the language the admin chose.

The invitee may have no account yet, so there is no profile to read a
language from: the operator admin picks it on the form, and the page the
link opens is in that language too.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from publicoffice.core.ical import site_url
from publicoffice.core.mail import send_templated
from publicoffice.staff.models import Invitation


def send_invitation(*, invitation_id: int, token: str) -> None:
    """E-mail the link (the only place the token ever goes)."""
    invitation = (
        Invitation.objects.select_related("office", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None:
        return
    with translation.override(invitation.language):
        send_templated(
            to=invitation.email,
            subject=gettext("You are invited to host %(office)s")
            % {"office": invitation.office.name},
            template="staff/email/invitation",
            context={
                "office": invitation.office.name,
                "inviter": str(invitation.invited_by or ""),
                "accept_url": site_url(reverse("staff:invitation_accept", args=[token])),
                "expires_at": invitation.expires_at,
            },
        )
