from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "publicoffice.dialogue"
    label = "dialogue"
    verbose_name = _("Dialogue")

    def ready(self) -> None:
        # app loading: these modules import models, so only once the apps are ready.
        from publicoffice.accounts.extensions import register_deletion_step, register_export_section
        from publicoffice.dialogue import tasks
        from publicoffice.dialogue.exports import dialogue_section
        from publicoffice.dialogue.moderation_kinds import KINDS
        from publicoffice.dialogue.panels import event_panel, office_panel
        from publicoffice.dialogue.problem_panels import barrier_badges, barrier_panel
        from publicoffice.dialogue.services.proposals import supports_before_account_deletion
        from publicoffice.events.extensions import register_event_panel
        from publicoffice.places.extensions import register_card_extra, register_office_panel
        from publicoffice.places.moderation import register_kind

        register_office_panel(barrier_panel)
        register_card_extra(barrier_badges)
        register_office_panel(office_panel)
        register_event_panel(event_panel)
        register_deletion_step(supports_before_account_deletion)
        register_export_section("dialogue", dialogue_section)
        for kind in KINDS:
            register_kind(kind)
        tasks.listen()
