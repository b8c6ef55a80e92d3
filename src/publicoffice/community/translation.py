"""The vocabulary's names are translated into every interface language."""

from modeltranslation.translator import TranslationOptions, register

from publicoffice.community.models import Tag


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("sv",)
