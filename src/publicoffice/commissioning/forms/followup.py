"""Forms of follow-up: the operator's report, its attachments, the officer's assessment.

The forms only gather what was typed; the services clean and check it
(length, completeness on submission) and name the field they refuse, which
the pages show beside that field. One group of fields per guideline, named
``rating_<guideline id>``, ``evidence_<id>`` and ``actions_<id>``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.commissioning.models import Assessment, Rating
from publicoffice.commissioning.models.calls import MAX_TEXT, MAX_TITLE
from publicoffice.commissioning.services.followup import GuidelineView
from publicoffice.guidelines.models import Guideline


def _text(label: Any, help_text: Any = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        strip=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, "dir": "auto", "maxlength": MAX_TEXT}),
    )


def _rating(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, required=False, choices=Rating.choices, widget=forms.RadioSelect
    )


class GuidelineForm(forms.Form):
    """A form with a group of fields per guideline (``groups`` for the template)."""

    parts: tuple[tuple[str, Any], ...] = ()

    def __init__(
        self,
        *args: Any,
        guidelines: list[Guideline],
        views: dict[int, Assessment] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.guidelines = guidelines
        for guideline in guidelines:
            old = (views or {}).get(guideline.pk)
            for part, label in self.parts:
                name = f"{part}_{guideline.pk}"
                self.fields[name] = _rating(label) if part == "rating" else _text(label, rows=3)
                if old is not None:
                    self.initial.setdefault(name, getattr(old, part))

    def groups(self) -> list[tuple[Guideline, list[forms.BoundField]]]:
        return [
            (g, [self[f"{part}_{g.pk}"] for part, _label in self.parts]) for g in self.guidelines
        ]

    def views(self) -> dict[int, GuidelineView]:
        data = self.cleaned_data
        return {
            g.pk: GuidelineView(
                **{part: data.get(f"{part}_{g.pk}", "") for part, _label in self.parts}
            )
            for g in self.guidelines
        }


class ReportForm(GuidelineForm):
    parts = (
        ("rating", _("Your assessment")),
        ("evidence", _("What shows it")),
        ("actions", _("What you will do")),
    )
    narrative = _text(
        _("What happened in the period (public)"),
        _("Published with the report once the municipality accepts it."),
        rows=8,
    )
    private_narrative = _text(
        _("For the municipality only"),
        _("Never published: staff matters, names, anything not for everyone."),
    )

    field_order = ["narrative", "private_narrative"]


class AssessForm(GuidelineForm):
    parts = (("rating", _("The municipality's assessment")), ("evidence", _("Why")))
    comment = _text(_("Comment to the operator"), _("Needed when you ask for changes."), rows=5)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept the report")),
            ("changes", _("Ask for changes")),
        ],
        widget=forms.RadioSelect,
    )
    field_order = ["comment", "decision"]


class AttachmentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto", "maxlength": MAX_TITLE}),
    )
    file = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("PDF, OpenDocument or Word/Excel, at most 10 MB."),
    )
    public = forms.BooleanField(label=_("Publish it with the report once accepted"), required=False)
