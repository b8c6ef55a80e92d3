"""House rules in versions, and each member's acceptance of them.

The network's rules (guideline 3: respectful treatment; no discrimination,
violence, threats, drugs or alcohol) are one series of versions; an
operator may add rules for its offices and an office for itself, each its
own series. A version takes effect on its date and says in a summary what
changed. A *material* version of the network's rules must be accepted
again by every member; a wording fix is not material.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Office, Operator


class RuleScope(models.TextChoices):
    NETWORK = "network", pgettext_lazy("house rules scope", "The whole network")
    OPERATOR = "operator", pgettext_lazy("house rules scope", "The operator's offices")
    OFFICE = "office", pgettext_lazy("house rules scope", "This office")


class RuleVersion(TimeStampedModel):
    """One version of one series of house rules, in every interface language."""

    scope = models.CharField(_("applies to"), max_length=10, choices=RuleScope.choices)
    operator = models.ForeignKey(
        Operator, on_delete=models.CASCADE, null=True, blank=True, related_name="rule_versions"
    )
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, null=True, blank=True, related_name="rule_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    effective_from = models.DateTimeField(_("in force from"))
    material = models.BooleanField(
        _("members must accept it again"),
        default=True,
        help_text=_("Leave unticked for a change of wording that changes no rule."),
    )
    summary = models.TextField(
        _("in short"), max_length=1500, help_text=_("The rules in short, plain words.")
    )
    full_text = models.TextField(_("the rules in full"), max_length=20000)
    changes = models.TextField(_("what changed"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-effective_from", "-number"]
        verbose_name = _("house rules version")
        verbose_name_plural = _("house rules versions")
        constraints = [
            models.CheckConstraint(
                name="rule_version_target_matches_scope",
                condition=(
                    models.Q(scope="network", operator__isnull=True, office__isnull=True)
                    | models.Q(scope="operator", operator__isnull=False, office__isnull=True)
                    | models.Q(scope="office", operator__isnull=True, office__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["scope", "operator", "office", "number"], name="rule_version_number_once"
            ),
        ]
        indexes = [models.Index(fields=["scope", "effective_from"])]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} v{self.number}"


class RuleAcceptance(models.Model):
    """A member accepted a version of the network's rules (at sign-up or after a change)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rule_acceptances"
    )
    version = models.ForeignKey(RuleVersion, on_delete=models.PROTECT, related_name="acceptances")
    accepted_at = models.DateTimeField(_("accepted"))

    class Meta:
        verbose_name = _("acceptance of the house rules")
        verbose_name_plural = _("acceptances of the house rules")
        constraints = [
            models.UniqueConstraint(fields=["member", "version"], name="rules_accepted_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} ✓ {self.version_id}"
