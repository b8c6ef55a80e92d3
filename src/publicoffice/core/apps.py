from typing import Any

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_cache_table(sender: AppConfig, **kwargs: Any) -> None:
    """After ``migrate``: the database cache's table, when CACHES uses one.

    Production without Redis keeps rate limits in the database; creating the
    table here spares operators a step. It does nothing for other caches and
    leaves an existing table alone.
    """
    call_command("createcachetable", database=kwargs.get("using", "default"), verbosity=0)


class CoreConfig(AppConfig):
    name = "publicoffice.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        post_migrate.connect(_create_cache_table, sender=self)
