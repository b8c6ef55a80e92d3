from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "publicoffice.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        # app loading: these modules import models, so only once the apps are ready.
        from publicoffice.places.extensions import register_office_panel
        from publicoffice.places.facts import register_fact_listener
        from publicoffice.reports.families import register_families
        from publicoffice.reports.panels import office_panel
        from publicoffice.reports.rollup import mark_stale

        register_families()
        register_fact_listener(mark_stale)
        register_office_panel(office_panel)
