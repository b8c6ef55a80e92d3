from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "publicoffice.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from publicoffice.events.panels import office_panel
        from publicoffice.places.extensions import register_office_panel

        register_office_panel(office_panel)
