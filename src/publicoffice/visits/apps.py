from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "publicoffice.visits"
    label = "visits"
    verbose_name = _("Visits")

    def ready(self) -> None:
        # app loading: each of these imports models, which exist once the apps are ready.
        from publicoffice.accounts.extensions import register_export_section  # app loading: models
        from publicoffice.places.extensions import (  # app loading: models
            register_card_extra,
            register_office_panel,
        )
        from publicoffice.visits import exports  # app loading: models
        from publicoffice.visits.panels import card_occupancy, office_panel  # app loading: models

        register_office_panel(office_panel)
        register_card_extra(card_occupancy)
        register_export_section("visits", exports.visits_section)
