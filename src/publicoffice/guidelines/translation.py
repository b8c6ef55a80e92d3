from modeltranslation.translator import TranslationOptions, register

from publicoffice.guidelines.models import Guideline


@register(Guideline)
class GuidelineTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = ("sv",)
