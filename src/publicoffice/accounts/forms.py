"""Account forms: sign-up, e-mail log-in and the admin's log-in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from publicoffice.accounts import lockout
from publicoffice.accounts.extensions import Agreement
from publicoffice.accounts.models import User
from publicoffice.accounts.signup import PendingSignup


def _locked_error(seconds: int) -> forms.ValidationError:
    minutes = max(1, -(-seconds // 60))
    return forms.ValidationError(
        ngettext(
            "Too many wrong passwords for this account. For your safety, log-in is "
            "paused: try again in %(count)d minute.",
            "Too many wrong passwords for this account. For your safety, log-in is "
            "paused: try again in %(count)d minutes.",
            minutes,
        )
        % {"count": minutes},
        code="locked_out",
    )


class LockoutMixin:
    """Refuse a locked account before its password is checked; count wrong ones.

    Shared by the site's and the admin's log-in forms, so staff and members
    are protected alike (:mod:`publicoffice.accounts.lockout`).
    """

    cleaned_data: dict[str, Any]
    user_cache: Any

    def clean(self) -> dict[str, Any]:
        email = lockout.normalise(str(self.cleaned_data.get("username") or ""))
        if not email or not self.cleaned_data.get("password"):
            return super().clean()  # type: ignore[misc]
        seconds = lockout.seconds_locked(email)
        if seconds:
            raise _locked_error(seconds)
        try:
            data: dict[str, Any] = super().clean()  # type: ignore[misc]
        except forms.ValidationError:
            if self.user_cache is None:
                seconds = lockout.record_failure(email)
                if seconds:
                    raise _locked_error(seconds) from None
            raise
        lockout.forget(email)
        return data


class StaffAuthenticationForm(LockoutMixin, AdminAuthenticationForm):
    """The admin's log-in form with the per-account lock."""


class EmailAuthenticationForm(LockoutMixin, AuthenticationForm):
    """Django's login form, labelled for e-mail and tolerant of letter case."""

    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    shared_computer = forms.BooleanField(
        label=_("This is a shared computer: log me out when the browser closes"),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        if self.cleaned_data.get("username"):
            self.cleaned_data["username"] = self.cleaned_data["username"].strip().lower()
        return super().clean()


class SignupForm(forms.Form):
    """Address, name and password; the answer is the same for every address.

    With a sign-up agreement registered (the house rules, from conduct), a
    required checkbox to accept it comes last; without one the form is just
    the three fields.
    """

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput({"autocomplete": "email"}),
    )
    display_name = forms.CharField(
        label=_("Name to show (optional)"), max_length=100, required=False
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )

    def __init__(self, *args: Any, agreement: Agreement | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        if agreement is not None:
            self.fields["agreement"] = forms.BooleanField(
                label=agreement.label,
                required=True,
                widget=forms.CheckboxInput({"aria-describedby": "signup-agreement"}),
            )

    def clean_email(self) -> str:
        # Whether the address has an account is never said here: see accounts.signup.
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password:
            candidate = User(email=data.get("email", ""), display_name=data.get("display_name", ""))
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class SignupConfirmForm(forms.Form):
    """The password chosen at sign-up, asked again when the e-mail's link is opened.

    Proves that whoever opens the link also chose the password: a mail
    scanner following links, or the owner of an address someone else typed,
    cannot create the account.
    """

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, pending: PendingSignup, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending = pending

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        if not self.pending.password_matches(password):
            raise forms.ValidationError(
                _("This is not the password you chose when you signed up."),
                code="password_mismatch",
            )
        return password
