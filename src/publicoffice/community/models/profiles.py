"""Profiles in the local directory: people, businesses, associations...

A member may keep several profiles (their own, and those of organisations
they help run). Visibility is per profile: a public profile is seen by
anyone, a members-only profile only by signed-in members, a hidden one only
by its own admins. Contact details are never shown on the profile itself;
they are revealed to the other side after a contact request is accepted.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.community.models.vocabulary import Tag
from publicoffice.core.models import TimeStampedModel
from publicoffice.places.models import Language, Office

#: A profile may list at most this many links.
MAX_LINKS = 5


#: Languages a presentation can be marked as written in, with their own
#: names (endonyms), in the order the form lists them: the interface
#: languages first, then the languages most spoken in Swedish suburbs.
PRESENTATION_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("sv", "Svenska"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("so", "Soomaali"),
    ("ti", "ትግርኛ"),
    ("prs", "دری"),
    ("am", "አማርኛ"),
    ("tr", "Türkçe"),
    ("ku", "Kurdî"),
    ("ckb", "کوردی"),
    ("syr", "ܣܘܪܝܝܐ"),
    ("bs", "Bosanski"),
    ("sr", "Српски"),
    ("hr", "Hrvatski"),
    ("pl", "Polski"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("fi", "Suomi"),
    ("ps", "پښتو"),
    ("ur", "اردو"),
    ("sq", "Shqip"),
    ("ro", "Română"),
)


class ProfileKind(models.TextChoices):
    PERSON = "person", _("Person")
    BUSINESS = "business", _("Business or freelancer")
    ASSOCIATION = "association", _("Association")
    CULTURAL_WORKER = "cultural_worker", _("Cultural worker")
    NGO = "ngo", _("Non-profit organisation")
    INFORMAL_GROUP = "informal_group", _("Informal group")


#: Kinds run by a group of people, so the profile may have several admins.
ORGANISATION_KINDS = frozenset(
    {ProfileKind.BUSINESS, ProfileKind.ASSOCIATION, ProfileKind.NGO, ProfileKind.INFORMAL_GROUP}
)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can see it")
    MEMBERS = "members", _("Members only: signed-in members can see it")
    HIDDEN = "hidden", _("Hidden: only you can see it")


class ProfileQuerySet(models.QuerySet["Profile"]):
    def visible_to(self, user: object) -> ProfileQuerySet:
        """Profiles ``user`` may see: the one visibility rule of the directory."""
        if getattr(user, "is_authenticated", False):
            return self.filter(
                models.Q(
                    visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS], hidden_at__isnull=True
                )
                | models.Q(admins=user)
            ).distinct()
        return self.filter(visibility=Visibility.PUBLIC, hidden_at__isnull=True)

    def listed_for(self, user: object) -> ProfileQuerySet:
        """Profiles the directory lists for ``user`` (never hidden ones, even their own,
        nor those the moderators hid)."""
        if getattr(user, "is_authenticated", False):
            return self.filter(
                visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS], hidden_at__isnull=True
            )
        return self.filter(visibility=Visibility.PUBLIC, hidden_at__isnull=True)


class Profile(TimeStampedModel):
    """A person or organisation in the directory."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=ProfileKind.choices)
    name = models.CharField(_("name"), max_length=100)
    presentation = models.TextField(_("short presentation"), max_length=1000, blank=True)
    presentation_language = models.CharField(
        _("language of the presentation"),
        max_length=12,
        default="sv",
        help_text=_("So screen readers read it right and right-to-left text shows right."),
    )
    offers = models.ManyToManyField(
        Tag, blank=True, related_name="offered_by", verbose_name=_("what I or we offer")
    )
    needs = models.ManyToManyField(
        Tag, blank=True, related_name="needed_by", verbose_name=_("what I or we look for")
    )
    offers_text = models.CharField(_("more about what I or we offer"), max_length=300, blank=True)
    needs_text = models.CharField(_("more about what I or we look for"), max_length=300, blank=True)
    languages = models.ManyToManyField(
        Language, blank=True, related_name="profiles", verbose_name=_("languages spoken")
    )
    home_offices = models.ManyToManyField(
        Office, blank=True, related_name="profiles", verbose_name=_("home offices")
    )
    is_new_in_town = models.BooleanField(_("new in town"), default=False)
    visibility = models.CharField(
        _("who can see it"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    admins = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ProfileAdmin",
        related_name="profiles",
        verbose_name=_("admins"),
    )
    # What the other side sees once a contact request is accepted.
    contact_email = models.EmailField(_("e-mail to share"), blank=True)
    contact_phone = models.CharField(_("phone to share"), max_length=40, blank=True)
    contact_other = models.CharField(_("other way to reach me or us"), max_length=200, blank=True)
    #: Name, presentation and every word of the tags in every language,
    #: folded to lower case: what directory search reads. Kept by the services.
    search_text = models.TextField(editable=False, blank=True)
    #: The name alone, folded: the directory sorts by it (case and accents
    #: do not scatter names) and ranks name matches first.
    search_name = models.CharField(max_length=400, editable=False, blank=True)
    #: Every word of the tags alone, folded: ranks tag matches before text ones.
    search_tags = models.TextField(editable=False, blank=True)
    #: Hidden by the moderators (conduct): only its admins see it, with the reason.
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=300, blank=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [
            models.Index(fields=["visibility", "is_new_in_town"]),
            # The directory's first page without a query: listed profiles by name.
            models.Index(
                fields=["visibility", "search_name", "id"], name="profile_directory_order"
            ),
            # Listed profiles in the directory's order, read until the page is full
            # (0006_perf_directory; a trigram index on search_name is there too,
            # on PostgreSQL only).
            models.Index(fields=["search_name", "id"], name="profile_name_order"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_organisation(self) -> bool:
        return self.kind in ORGANISATION_KINDS


class ProfileAdmin(models.Model):
    """A member who may edit a profile and answer its contact requests."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="admin_links")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile_admin_links"
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("profile admin")
        verbose_name_plural = _("profile admins")
        constraints = [
            models.UniqueConstraint(fields=["profile", "user"], name="profile_admin_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.profile}"


class ProfileLink(models.Model):
    """A web address shown on a profile (at most :data:`MAX_LINKS`)."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("web address"), max_length=300)
    label = models.CharField(_("label"), max_length=60, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.label or self.url
