"""The shared words for what people offer and look for.

A curated :class:`Tag` has a name in every interface language and synonyms
in any language ("bokföring", "bookkeeping", "محاسبة", "redovisning"), so a
search or a match in one language finds profiles written in another. Free
tags are what members type that the vocabulary lacks; they match only on
their own words until a platform admin curates them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from publicoffice.core.models import TimeStampedModel


class TagGroup(models.TextChoices):
    """Headings the profile form groups curated words under, so a long list stays readable."""

    BUSINESS = "business", _("Business, money and advice")
    LANGUAGE = "language", _("Languages and translation")
    DIGITAL = "digital", _("Digital, media and design")
    PRACTICAL = "practical", _("Crafts, food and practical work")
    LEARNING = "learning", _("Learning and children")
    CULTURE = "culture", _("Culture, sport and leisure")
    CARE = "care", _("Care and community")
    MEETING = "meeting", _("Space, partners and meetings")
    OTHER = "other", _("Other")


class TagQuerySet(models.QuerySet["Tag"]):
    def curated(self) -> TagQuerySet:
        return self.filter(is_curated=True)


class Tag(TimeStampedModel):
    """One thing a person or organisation can offer or look for."""

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=80)
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_("Other words for the same thing, in any language, one per line."),
    )
    group = models.CharField(
        _("group"),
        max_length=20,
        choices=TagGroup.choices,
        default=TagGroup.OTHER,
        help_text=_("The heading the word is listed under in the profile form."),
    )
    is_curated = models.BooleanField(
        _("curated"),
        default=True,
        help_text=_("Curated words are offered to everyone; free words only match themselves."),
    )
    #: Every name and synonym, folded to lower case, one per line: what
    #: search and matching compare with. Kept by the services.
    search_terms = models.TextField(editable=False, blank=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("word for offers and needs")
        verbose_name_plural = _("words for offers and needs")

    def __str__(self) -> str:
        return str(self.name)
