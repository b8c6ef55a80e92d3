"""The form on the accessibility statement page.

The form checks the shape of what was sent (a description, an e-mail
address that looks like one) with the same words the services use; the
service cleans the text and enforces the lengths, and its refusals come back
to the field they concern (:func:`publicoffice.core.web_errors.add_domain_error`).
No field sets ``maxlength``: a browser would cut a pasted text silently.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from publicoffice.guidelines.models import MAX_REPORT_PAGE, MAX_REPORT_TEXT


class AccessibilityReportForm(forms.Form):
    description = forms.CharField(
        label=_("What is the problem, or what do you need?"),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        error_messages={"required": _("Write a few words first.")},
    )
    page_address = forms.CharField(
        label=_("Address of the page"),
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "url"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        max_length=None,
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
        error_messages={"invalid": _("Write the e-mail address like name@example.se.")},
        help_text=_("Only if you want an answer. We use it for nothing else."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].help_text = gettext(
            "Say which page and what did not work for you. At most %(limit)s characters."
        ) % {"limit": MAX_REPORT_TEXT}
        self.fields["page_address"].help_text = gettext(
            "For example what your browser's address bar shows. At most %(limit)s characters."
        ) % {"limit": MAX_REPORT_PAGE}
