from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommissioningConfig(AppConfig):
    name = "publicoffice.commissioning"
    label = "commissioning"
    verbose_name = _("Commissioning")

    def ready(self) -> None:
        # app loading: these modules import models, so only once the apps are ready.
        from publicoffice.commissioning import tasks_decisions, tasks_reviews
        from publicoffice.commissioning.panels import register_panels

        register_panels()
        tasks_reviews.subscribe()
        tasks_decisions.subscribe()
