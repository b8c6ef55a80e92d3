from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "publicoffice.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self) -> None:
        """Register with accounts and places, and listen to visits and to our own services."""
        # app loading: each of these imports models, which exist once the apps are ready.
        from publicoffice.accounts.extensions import register_export_section  # app loading: models
        from publicoffice.bookings import exports, notifications, receivers  # app loading: models
        from publicoffice.bookings.panels import office_panel  # app loading: models
        from publicoffice.places.extensions import register_office_panel  # app loading: models

        register_office_panel(office_panel)
        receivers.connect()
        notifications.connect()
        register_export_section("bookings", exports.bookings_section)
