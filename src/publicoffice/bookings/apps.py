from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "publicoffice.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self) -> None:
        from publicoffice.accounts.extensions import register_export_section
        from publicoffice.bookings import exports, receivers
        from publicoffice.bookings.panels import office_panel
        from publicoffice.places.extensions import register_office_panel

        register_office_panel(office_panel)
        receivers.connect()
        register_export_section("bookings", exports.bookings_section)
