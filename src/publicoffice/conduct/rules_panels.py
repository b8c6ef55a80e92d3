"""Where the house rules show on other apps' pages, through their extension points.

* the office page (``places.extensions``): the rules in short and a link
  to the office's rules;
* the QR check-in page and the kiosk (``visits.extensions``): the same, the
  full text one tap away in a ``<details>``, so a visitor without an
  account meets the rules before the button;
* the sign-up form (``accounts.extensions``): the network's rules in short
  and a checkbox to accept them, recorded when the account is created;
* the member's own page (``accounts.extensions``): a notice when a material
  change waits to be accepted.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _

from publicoffice.accounts.actors import Member
from publicoffice.accounts.extensions import Agreement, Notice
from publicoffice.conduct import rules
from publicoffice.places.extensions import Panel
from publicoffice.places.models import Office


def office_panel(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """The office page's box: each layer's summary and a link to the office's rules."""
    layers = rules.versions_in_force(office, at)
    if not layers:
        return None
    return Panel("conduct/rules_office_panel.html", {"office": office, "layers": layers})


def check_in_notice(request: HttpRequest, office: Office, at: datetime) -> Panel | None:
    """The check-in page's and the kiosk's box: in short, the full text one tap away."""
    layers = rules.versions_in_force(office, at)
    if not layers:
        return None
    return Panel("conduct/rules_check_in.html", {"office": office, "layers": layers})


def signup_agreement() -> Agreement | None:
    """The network's rules in force for the sign-up form; ``None`` before any are published."""
    version = rules.network_version_in_force()
    if version is None:
        return None
    return Agreement(
        notice=Notice("conduct/rules_signup.html", {"version": version}),
        label=_("I have read and accept the house rules"),
        version_id=version.pk,
    )


def record_signup_agreement(user: Member, version_id: int) -> None:
    rules.accept_version_id(user, version_id)


def account_notice(user: Member) -> Notice | None:
    """A notice on the member's page that the rules changed, until they accept."""
    pending = rules.pending_network_version(user)
    if pending is None:
        return None
    return Notice("conduct/rules_account_notice.html", {"version": pending})
