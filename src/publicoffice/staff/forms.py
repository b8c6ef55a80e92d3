"""The invitation forms: the admin's (who to invite) and the invitee's (their password)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.models import NamedPermission
from publicoffice.core.languages import LANGUAGES
from publicoffice.staff.models import Invitation
from publicoffice.staff.services import DISPLAY_NAME_MAX


class InvitationAdminForm(forms.ModelForm):
    """Office, address, permissions and the e-mail's language; the rest is the service's."""

    permissions = forms.MultipleChoiceField(
        label=_("Named permissions"),
        choices=NamedPermission.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Exceptions to the rules the new host will hold in this office."),
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mail"),
        choices=LANGUAGES,
        help_text=_("The invitation and the page its link opens are in this language."),
    )

    class Meta:
        model = Invitation
        fields = ["office", "email", "permissions", "language"]

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()


class InvitationAcceptForm(forms.Form):
    """A new account's name and password, chosen on the invitation's page."""

    display_name = forms.CharField(
        label=_("Name to show (optional)"), max_length=DISPLAY_NAME_MAX, required=False
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )

    def __init__(self, *args: Any, new_account: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not new_account:
            # The account exists and is logged in: accepting is one button.
            del self.fields["display_name"]
            del self.fields["password"]
