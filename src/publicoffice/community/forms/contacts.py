"""Forms of contact requests, abuse reports and "here today".

The forms check the shape of what was sent (a choice among the member's own
profiles, text within its limit); the services decide the rules and answer
with codes the views turn into errors on the right field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.actors import AnyUser
from publicoffice.community.models import MAX_MESSAGE, Audience, Profile
from publicoffice.community.selectors.contacts import sender_profiles
from publicoffice.community.selectors.presence import showable_profiles
from publicoffice.community.services.contacts import MAX_REASON


class ProfileChoiceField(forms.ModelChoiceField[Profile]):
    """Choose a profile by its public id; its name is what people see."""

    def label_from_instance(self, obj: Profile) -> str:
        return str(obj.name)

    def has_choices(self) -> bool:
        """There is at least one profile to choose."""
        return bool(self.queryset is not None and self.queryset.exists())


class ContactRequestForm(forms.Form):
    sender_profile = ProfileChoiceField(
        label=_("Write as"),
        queryset=Profile.objects.none(),
        to_field_name="public_id",
        empty_label=None,
        help_text=_("They see this profile's name and presentation, never your e-mail address."),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, user: AnyUser, recipient: Profile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["sender_profile"]
        assert isinstance(field, ProfileChoiceField)
        field.queryset = sender_profiles(user=user, exclude=recipient)
        self.fields["message"].help_text = gettext(
            "Say who you are and why you want to get in touch. At most %(limit)s characters."
        ) % {"limit": MAX_MESSAGE}

    def has_profiles(self) -> bool:
        """The member runs a profile to write as (else: make one first)."""
        field = self.fields["sender_profile"]
        assert isinstance(field, ProfileChoiceField)
        return field.has_choices()


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What happened?"),
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "The moderators read this together with the message. The sender is not told, "
            "and they can no longer write to you."
        ),
    )


class PresenceForm(forms.Form):
    profile = ProfileChoiceField(
        label=_("Show me as"),
        queryset=Profile.objects.none(),
        to_field_name="public_id",
        empty_label=None,
    )
    audience = forms.ChoiceField(
        label=_("Who may see that I am here?"),
        choices=Audience.choices,
        initial=Audience.MEMBERS,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, member: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["profile"]
        assert isinstance(field, ProfileChoiceField)
        field.queryset = showable_profiles(member=member)

    def has_profiles(self) -> bool:
        """The member runs a profile that can be shown (not a hidden one)."""
        field = self.fields["profile"]
        assert isinstance(field, ProfileChoiceField)
        return field.has_choices()
