"""House rules are read in every interface language."""

from modeltranslation.translator import TranslationOptions, register

from publicoffice.conduct.models import RuleVersion


@register(RuleVersion)
class RuleVersionTranslation(TranslationOptions):
    fields = ("summary", "full_text", "changes")
    required_languages = ("sv",)
