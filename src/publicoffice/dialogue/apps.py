from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "publicoffice.dialogue"
    label = "dialogue"
    verbose_name = _("Dialogue")

    def ready(self) -> None:
        # app loading: these modules import models, so only once the apps are ready.
        from publicoffice.dialogue import tasks
        from publicoffice.dialogue.panels import office_panel
        from publicoffice.places.extensions import register_office_panel

        register_office_panel(office_panel)
        tasks.listen()
