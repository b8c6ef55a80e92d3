"""Forms of the review stage. They only carry what was typed: the services judge it
(a score of 6 is the service's SCORE_INVALID, shown at its line), so the
same rules hold for every way in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from publicoffice.accounts.models import User
from publicoffice.commissioning.models import Score
from publicoffice.commissioning.selectors.reviews import Line
from publicoffice.commissioning.services.reviews import NOT_APPLICABLE, Answer

YES_NO = [("no", _("No, I have no conflict of interest")), ("yes", _("Yes, I have a conflict"))]
SCORE_CHOICES = [(str(n), str(n)) for n in range(6)] + [(NOT_APPLICABLE, _("Not applicable"))]


class AssignForm(forms.Form):
    user = forms.IntegerField(label=_("Reviewer"), widget=forms.Select)

    def __init__(self, *args: Any, candidates: Iterable[User] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—")] + [(u.pk, f"{u} ({u.email})") for u in candidates]
        self.fields["user"].widget.choices = choices


class ConflictForm(forms.Form):
    has_conflict = forms.ChoiceField(
        label=_("Do you have a conflict of interest with the applicants?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_(
            "For example a family member, a business tie, or a role in one of the operators."
        ),
    )
    conflict_note = forms.CharField(
        label=_("About the conflict, or why there is none"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ScoreForm(forms.Form):
    """One fieldset per rubric line: the score, a comment, and whether to share it."""

    def __init__(
        self, *args: Any, lines: list[Line], scores: dict[str, Score], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            score = scores.get(line.key)
            initial = (
                ""
                if score is None
                else (NOT_APPLICABLE if score.value is None else str(score.value))
            )
            self.fields[line.key] = forms.CharField(
                label=line.title,
                required=False,
                initial=initial,
                widget=forms.RadioSelect(choices=SCORE_CHOICES),
            )
            self.fields[f"{line.key}_comment"] = forms.CharField(
                label=_("Comment"),
                required=False,
                initial=score.comment if score else "",
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"{line.key}_shared"] = forms.BooleanField(
                label=_("Share with the other reviewers"),
                required=False,
                initial=score.shared if score else False,
            )

    def groups(self) -> list[tuple[Line, forms.BoundField, forms.BoundField, forms.BoundField]]:
        """Each line with its three fields, for the template's fieldsets."""
        return [
            (line, self[line.key], self[f"{line.key}_comment"], self[f"{line.key}_shared"])
            for line in self.lines
        ]

    def answers(self) -> dict[str, Answer]:
        data = self.cleaned_data
        return {
            line.key: Answer(
                data.get(line.key, ""),
                data.get(f"{line.key}_comment", ""),
                bool(data.get(f"{line.key}_shared")),
            )
            for line in self.lines
        }


class AskForm(forms.Form):
    question = forms.CharField(
        label=_("Your question to the applicant"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The review clock stops until the applicant answers."),
        required=False,
    )


class InfoAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
