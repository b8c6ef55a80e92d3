from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidelinesConfig(AppConfig):
    name = "publicoffice.guidelines"
    label = "guidelines"
    verbose_name = _("Guidelines")

    def ready(self) -> None:
        # app loading: the tasks import the notifications, which import models.
        from publicoffice.guidelines import happenings, tasks

        # An accessibility report is e-mailed to the platform admins once it is saved.
        happenings.accessibility_reported.subscribe(tasks.queue_accessibility_report)
