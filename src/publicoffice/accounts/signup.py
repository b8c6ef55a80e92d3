"""Sign-up by e-mail: the page never tells whether an address has an account.

A sign-up form answers the same way for every address: "check your e-mail".
What arrives differs:

* a **new address** gets a link to finish. Nothing is stored until then:
  the link itself carries the address, the name, the language and the
  *hash* of the chosen password, signed with the site's secret and valid
  for ``PASSWORD_RESET_TIMEOUT`` (three days). Opening it asks for the
  password once more, so only someone who both reads the mailbox and chose
  the password creates the account (not a mail scanner that opens links,
  nor someone who signed up with another person's address);
* an **address with an account** gets, in its owner's language, "someone
  tried to sign up with your address; if it was you, log in or reset your
  password". The account does not change.

Both paths hash the password and send one e-mail, so they also take about
the same time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from publicoffice.accounts.extensions import record_signup_agreement
from publicoffice.accounts.models import User
from publicoffice.core.ical import site_url
from publicoffice.core.languages import LANGUAGE_CODES
from publicoffice.core.mail import address_of, in_language_of, send_templated
from publicoffice.core.text import one_line

#: Separates these signatures from every other use of the secret key.
SALT = "publicoffice.accounts.signup"


@dataclass(frozen=True)
class PendingSignup:
    """What a confirmation link carries: an account not yet created."""

    email: str
    display_name: str
    language: str
    password_hash: str
    #: The version of the sign-up agreement (house rules) the person accepted.
    agreed_version: int | None = None

    def password_matches(self, password: str) -> bool:
        return check_password(password, self.password_hash)


def _token(pending: PendingSignup) -> str:
    payload: dict[str, str | int] = {
        "e": pending.email,
        "n": pending.display_name,
        "l": pending.language,
        "p": pending.password_hash,
    }
    if pending.agreed_version is not None:
        payload["r"] = pending.agreed_version
    return signing.dumps(payload, salt=SALT, compress=True)


def pending_signup(token: str) -> PendingSignup | None:
    """The sign-up a link stands for, or ``None`` when it is forged or expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.PASSWORD_RESET_TIMEOUT)
    except signing.BadSignature:  # SignatureExpired is one of these
        return None
    if not isinstance(data, dict):
        return None
    language = data.get("l") if data.get("l") in LANGUAGE_CODES else settings.LANGUAGE_CODE
    agreed = data.get("r")
    return PendingSignup(
        email=str(data.get("e", "")),
        display_name=str(data.get("n", "")),
        language=str(language),
        password_hash=str(data.get("p", "")),
        agreed_version=agreed if isinstance(agreed, int) else None,
    )


def _send_confirmation(pending: PendingSignup) -> None:
    with translation.override(pending.language):
        url = site_url(reverse("accounts:signup_confirm", args=[_token(pending)]))
        send_templated(
            to=pending.email,
            subject=_("Finish creating your account"),
            template="accounts/email/signup_confirm",
            context={"name": pending.display_name or pending.email, "confirm_url": url},
        )


def _send_already_registered(owner: User) -> None:
    to = address_of(owner)
    if not to:
        return  # a closed account: nobody to tell, and the page says the same
    with in_language_of(owner):
        send_templated(
            to=to,
            subject=_("Someone tried to create an account with your e-mail address"),
            template="accounts/email/signup_existing",
            context={
                "name": str(owner),
                "login_url": site_url(reverse("accounts:login")),
                "reset_url": site_url(reverse("accounts:password_reset")),
            },
        )


def signup_request(
    *,
    email: str,
    password: str,
    display_name: str = "",
    language: str,
    agreed_version: int | None = None,
) -> None:
    """Start a sign-up: one e-mail to the address, whatever it is; no account yet.

    ``agreed_version`` is the sign-up agreement the form showed and the
    person accepted; it is recorded when the account is created.
    """
    email = email.strip().lower()
    pending = PendingSignup(
        email=email,
        display_name=one_line(display_name),
        language=language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE,
        password_hash=make_password(password),  # on both paths: same work, same time
        agreed_version=agreed_version,
    )
    owner = User.objects.filter(email__iexact=email).first()
    if owner is None:
        _send_confirmation(pending)
    else:
        _send_already_registered(owner)


def signup_confirm(*, pending: PendingSignup) -> User | None:
    """Create the account a checked link stands for; ``None`` if the address is taken.

    Taken means the link was used already (or the address signed up twice
    and the other link came first): the person simply logs in.
    """
    if User.objects.filter(email__iexact=pending.email).exists():
        return None
    try:
        with transaction.atomic():
            user = User(
                email=pending.email,
                display_name=pending.display_name,
                preferred_language=pending.language,
                password=pending.password_hash,
            )
            user.full_clean(exclude=["password"])
            user.save()
            if pending.agreed_version is not None:
                record_signup_agreement(user, pending.agreed_version)
    except IntegrityError:
        return None
    return user
