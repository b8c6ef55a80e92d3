from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "publicoffice.community"
    label = "community"
    verbose_name = _("Meeting place")

    def ready(self) -> None:
        # app loading: the extension registries are wired once every app is loaded.
        from publicoffice.accounts.extensions import register_deletion_step, register_export_section

        # app loading: these modules import models, which exist only once the registry is ready.
        from publicoffice.community import exports, happenings, panels, tasks

        # app loading: the moderation kinds import models.
        from publicoffice.community.moderation import KINDS

        # app loading: the views import models and forms (models again).
        from publicoffice.community.views import presence

        # app loading: another app's registry, imported when both are loaded.
        from publicoffice.places.extensions import register_office_panel
        from publicoffice.places.moderation import register_kind

        # app loading: another app's registry, imported when both are loaded.
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
        # Profiles and contact messages are reported and hidden through conduct.
        for kind in KINDS:
            register_kind(kind)
        # E-mail notices, queued once what they tell of has committed.
        happenings.contact_request_sent.subscribe(tasks.queue_contact_request_notice)
        happenings.contact_request_accepted.subscribe(tasks.queue_contact_accepted_notice)
        happenings.profile_admin_added.subscribe(tasks.queue_profile_admin_notice)
