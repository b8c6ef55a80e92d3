"""Proposals from the people who use an office, their supporters, and public answers.

Guideline 4: a Public Office is run in close dialogue with the people and
organisations around it, and users can propose things for it. A
:class:`Proposal` is made at an office (or for an operator's or a
municipality's whole network), supported by members, and answered in public:
every change of :class:`State` carries an :class:`Answer` in words that
anyone can read. Each office has a response clock: the proposal's
``answer_due`` day comes from its operator's promise (``answer_within_days``).

Text is never lost: editing a proposal after its first support keeps the
old wording as a :class:`ProposalVersion`. Figures are kept apart from
people in :class:`ProposalStatistic`, which survives the author's deletion.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publicoffice.core.models import TimeStampedModel
from publicoffice.events.models import Event
from publicoffice.places.models import Municipality, Office, Operator


class Kind(models.TextChoices):
    ACTIVITY = "activity", _("An activity")
    IMPROVEMENT = "improvement", _("Improving the place")
    OPENING_HOURS = "opening_hours", _("Opening hours")
    EQUIPMENT = "equipment", _("Equipment")
    ACCESSIBILITY = "accessibility", _("Accessibility")
    HOUSE_RULES = "house_rules", _("House rules")
    OTHER = "other", pgettext_lazy("kind of proposal", "Something else")


class Family(models.TextChoices):
    """What a state means for the person who proposed: still open, done, or closed."""

    OPEN = "open", pgettext_lazy("family of states", "Open")
    DONE = "done", pgettext_lazy("family of states", "Done")
    CLOSED = "closed", pgettext_lazy("family of states", "Closed")


class State(models.TextChoices):
    NEW = "new", pgettext_lazy("proposal state", "New")
    CONSIDERING = "considering", _("Under consideration")
    PLANNED = "planned", _("Planned")
    DONE = "done", pgettext_lazy("proposal state", "Done")
    BECAME_EVENT = "became_event", _("Became an event")
    DECLINED = "declined", pgettext_lazy("proposal state", "Declined")
    DUPLICATE = "duplicate", _("Duplicate")
    FORWARDED = "forwarded", _("Not for this office: forwarded")
    WITHDRAWN = "withdrawn", _("Withdrawn by the author")


#: The family of each state: the one place that says which states are final.
FAMILIES: dict[str, Family] = {
    State.NEW: Family.OPEN,
    State.CONSIDERING: Family.OPEN,
    State.PLANNED: Family.OPEN,
    State.DONE: Family.DONE,
    State.BECAME_EVENT: Family.DONE,
    State.DECLINED: Family.CLOSED,
    State.DUPLICATE: Family.CLOSED,
    State.FORWARDED: Family.CLOSED,
    State.WITHDRAWN: Family.CLOSED,
}
OPEN_STATES = tuple(s for s, f in FAMILIES.items() if f == Family.OPEN)
#: The rows of the open lists (listed, in an open state): the condition of
#: their partial indexes, which hand over the first page in order instead of
#: sorting every open proposal (``bench/dialogue.py``, docs/performance.md).
OPEN_LISTED = models.Q(
    hidden_at__isnull=True,
    awaiting_confirmation=False,
    archived_at__isnull=True,
    state__in=OPEN_STATES,
)


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def visible(self) -> ProposalQuerySet:
        """Proposals anyone may read: confirmed, and not hidden by moderation."""
        return self.filter(hidden_at__isnull=True, awaiting_confirmation=False)

    def listed(self) -> ProposalQuerySet:
        """Visible and not archived: what the lists show."""
        return self.visible().filter(archived_at__isnull=True)


class Proposal(TimeStampedModel):
    """One proposal, at one office or for a whole operator's or municipality's network."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, null=True, blank=True, related_name="proposals"
    )
    operator = models.ForeignKey(
        Operator, on_delete=models.CASCADE, null=True, blank=True, related_name="proposals"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, null=True, blank=True, related_name="proposals"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("what and why"), max_length=4000)
    language = models.CharField(_("written in"), max_length=8)
    #: The photo's file name under ``MEDIA_ROOT/proposals`` (metadata stripped: dialogue.photos).
    photo = models.CharField(max_length=100, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.NEW)
    #: A visitor without an account: where the answers go (never shown, erased
    #: 30 days after the proposal closes), in which language, and whether
    #: they have opened the confirmation link yet (until then nobody sees it).
    contact_email = models.EmailField(_("visitor's e-mail"), blank=True)
    contact_language = models.CharField(max_length=8, blank=True)
    awaiting_confirmation = models.BooleanField(default=False)
    #: The current wording's number: 1, then one more each time supporters' text changes.
    version = models.PositiveIntegerField(default=1)
    #: Kept in step by the services, so that lists sort by support in one query.
    support_count = models.PositiveIntegerField(default=0)
    #: The day by which the office promised a first public answer (calendar days).
    answer_due = models.DateField(_("answer due"))
    first_answer_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    forwarded_to = models.CharField(_("forwarded to"), max_length=200, blank=True)
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposals"
    )
    #: "Make this an event" may invite the author to host it with the office;
    #: they answer yes or no on the proposal's page.
    co_host_invited_at = models.DateTimeField(null=True, blank=True)
    co_host_answer = models.CharField(
        max_length=3, blank=True, choices=[("yes", _("Yes")), ("no", _("No"))]
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=300, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [
            models.Index(fields=["office", "state", "-support_count"]),
            models.Index(fields=["office", "-created_at"]),
            models.Index(fields=["state", "answer_due"]),
            # The office's and the network's open lists, most supported first.
            models.Index(
                fields=["office", "-support_count", "-created_at", "-id"],
                condition=OPEN_LISTED,
                name="proposal_open_office_support",
            ),
            models.Index(
                fields=["-support_count", "-created_at", "-id"],
                condition=OPEN_LISTED,
                name="proposal_open_support",
            ),
            # The office page's "recently answered".
            models.Index(
                fields=["office", "-state_changed_at", "-id"], name="proposal_office_changed"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(office__isnull=False, operator__isnull=True, municipality__isnull=True)
                    | models.Q(
                        office__isnull=True, operator__isnull=False, municipality__isnull=True
                    )
                    | models.Q(
                        office__isnull=True, operator__isnull=True, municipality__isnull=False
                    )
                ),
                name="proposal_has_one_scope",
            )
        ]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def family(self) -> Family:
        return FAMILIES[self.state]


class ProposalVersion(models.Model):
    """An earlier wording of a proposal, kept once people had supported it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=120)
    body = models.TextField(max_length=4000)
    #: When this wording was replaced.
    replaced_at = models.DateTimeField()
    supporters_then = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["proposal", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "number"], name="one_version_per_number")
        ]

    def __str__(self) -> str:
        return f"{self.proposal} (v{self.number})"


class Support(models.Model):
    """A member supports a proposal: once, and they may take it back."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposal_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="support_once")]
        indexes = [models.Index(fields=["member", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.member_id} supports {self.proposal_id}"


class Follow(models.Model):
    """A member who wants to hear about a proposal without supporting it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="follows")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposal_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="follow_once")]

    def __str__(self) -> str:
        return f"{self.member_id} follows {self.proposal_id}"


class Side(models.TextChoices):
    FOR = "for", pgettext_lazy("argument", "For")
    AGAINST = "against", pgettext_lazy("argument", "Against")


class Argument(TimeStampedModel):
    """A short argument for or against a proposal: a comment staff can hide."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="arguments")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal_arguments",
    )
    side = models.CharField(_("side"), max_length=8, choices=Side.choices)
    text = models.TextField(_("argument"), max_length=500)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=300, blank=True)

    class Meta:
        ordering = ["proposal", "created_at", "id"]


class ContentReport(models.Model):
    """Someone reports a proposal or an argument as abusive; staff decide.

    The conduct app builds its moderation on these rows and on
    :func:`publicoffice.dialogue.moderation.hide`.
    """

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    argument = models.ForeignKey(
        Argument, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    problem = models.ForeignKey(
        "dialogue.ProblemReport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(_("what is wrong"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    proposal__isnull=False, argument__isnull=True, problem__isnull=True
                )
                | models.Q(proposal__isnull=True, argument__isnull=False, problem__isnull=True)
                | models.Q(proposal__isnull=True, argument__isnull=True, problem__isnull=False),
                name="content_report_names_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"Report {self.pk}: {self.reason[:40]}"


class Answer(TimeStampedModel):
    """A public answer from staff, and the state it moves the proposal to.

    Written as a draft first when staff want to (``published_at`` empty); a
    draft may carry ``publish_at``, and the sweep publishes it then. Only a
    published answer changes the proposal's state and is shown.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="answers")
    state = models.CharField(_("new state"), max_length=16, choices=State.choices)
    text = models.TextField(_("public answer"), max_length=4000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    #: For "duplicate": the other proposal; for "forwarded": to whom. Copied to
    #: the proposal when the answer is published, never before.
    duplicate_of = models.ForeignKey(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    forwarded_to = models.CharField(_("forwarded to"), max_length=200, blank=True)

    class Meta:
        ordering = ["proposal", "created_at", "id"]
        indexes = [models.Index(fields=["published_at", "publish_at"])]


class ProposalStatistic(models.Model):
    """One row per proposal for the figures, without the people, kept after deletions."""

    proposal_public_id = models.UUIDField(unique=True)
    office = models.ForeignKey(
        Office, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    state = models.CharField(max_length=16, choices=State.choices)
    created_on = models.DateField()
    answer_due = models.DateField()
    days_to_first_answer = models.PositiveIntegerField(null=True, blank=True)
    answered_on_time = models.BooleanField(null=True, blank=True)
    supports = models.PositiveIntegerField(default=0)
    #: Left out of the on-time share: withdrawn before an answer, or hidden by moderation.
    excluded = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["office", "answer_due"])]

    def __str__(self) -> str:
        return f"{self.proposal_public_id} ({self.state})"
