from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "publicoffice.community"
    label = "community"
    verbose_name = _("Meeting place")

    def ready(self) -> None:
        from publicoffice.accounts.extensions import (
            register_deletion_step,
            register_export_section,
        )
        from publicoffice.community import exports, panels
        from publicoffice.community.views import presence
        from publicoffice.places.extensions import register_office_panel
        from publicoffice.visits.extensions import register_arrival_panel

        # Profiles: the directory on the office page; profiles, requests,
        # presences, blocks and reports in the data export; leaving members'
        # own profiles deleted, shared ones kept.
        register_office_panel(panels.office_panel)
        register_export_section("meeting_place", exports.meeting_place_section)
        register_deletion_step(exports.meeting_place_deletion)
        # Connect: "here today" on the office page and after check-in.
        register_office_panel(presence.office_panel)
        register_arrival_panel(presence.arrival_panel)
