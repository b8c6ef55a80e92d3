"""Event texts can be given in every interface language."""

from modeltranslation.translator import TranslationOptions, register

from publicoffice.events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "accessibility_notes", "status_note")
