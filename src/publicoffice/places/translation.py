"""Fields visitors read, translated into every interface language."""

from modeltranslation.translator import TranslationOptions, register

from publicoffice.places.models import (
    AccessibilityFacts,
    Amenity,
    HoursException,
    Language,
    Office,
    Space,
)


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("sv",)


@register(Space)
class SpaceTranslation(TranslationOptions):
    fields = ("name",)


@register(Amenity)
class AmenityTranslation(TranslationOptions):
    fields = ("name",)


@register(Language)
class LanguageTranslation(TranslationOptions):
    fields = ("name",)


@register(HoursException)
class HoursExceptionTranslation(TranslationOptions):
    fields = ("reason",)


@register(AccessibilityFacts)
class AccessibilityFactsTranslation(TranslationOptions):
    fields = ("moving_text", "seeing_text", "hearing_text", "substances_text", "information_text")
