from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "publicoffice.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # app loading: these modules import models, so only once the apps are ready.
        from publicoffice.accounts.extensions import register_deletion_step, register_export_section
        from publicoffice.events import tasks
        from publicoffice.events.exports import events_before_account_deletion, events_section
        from publicoffice.events.moderation import EVENT
        from publicoffice.events.panels import office_panel
        from publicoffice.places.extensions import register_office_panel
        from publicoffice.places.moderation import register_kind

        register_office_panel(office_panel)
        register_export_section("events", events_section)
        register_deletion_step(events_before_account_deletion)
        register_kind(EVENT)
        tasks.listen()
