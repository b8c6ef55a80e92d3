"""Form fields the proposal and the problem-report forms share, written once."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


def photo_field() -> forms.FileField:
    """An optional photo; :func:`publicoffice.dialogue.photos.prepare` checks and cleans it."""
    return forms.FileField(
        label=_("A photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "JPEG, PNG or WebP, at most 5 MB. We remove where and when it was taken. "
            "Make sure no people can be recognised in it."
        ),
    )


def public_answer_field(*, rows: int) -> forms.CharField:
    """Staff's words everyone reads, with a new state."""
    return forms.CharField(
        label=_("Public answer"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": rows, "dir": "auto"}),
        help_text=_("Everyone can read it. Say what happens next, or why not."),
    )
