from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConductConfig(AppConfig):
    name = "publicoffice.conduct"
    label = "conduct"
    verbose_name = _("Conduct")

    def ready(self) -> None:
        # app loading: these modules import models, so only once the apps are ready.
        from publicoffice.conduct.enforcement import restriction_check
        from publicoffice.conduct.moderation import report_sink, staff_hid_sink
        from publicoffice.places.moderation import register_decision_sink, register_report_sink
        from publicoffice.places.restrictions import register_restriction_check

        register_restriction_check(restriction_check)
        _forget_rules_gate_on_change()
        register_report_sink(report_sink)
        register_decision_sink(staff_hid_sink)
        _register_rules_panels()
        _register_notices_and_data()


def _register_rules_panels() -> None:
    """The house rules on the office page, check-in, kiosk, sign-up and the member's page."""
    # app loading: these modules import models, so only once the apps are ready.
    from publicoffice.accounts.extensions import register_account_notice, register_signup_agreement
    from publicoffice.conduct import panels
    from publicoffice.conduct import rules_panels as shown
    from publicoffice.places.extensions import register_office_panel
    from publicoffice.visits.extensions import register_check_in_notice

    register_office_panel(shown.office_panel)
    register_office_panel(panels.office_panel)
    register_check_in_notice(shown.check_in_notice)
    register_signup_agreement(shown.signup_agreement, shown.record_signup_agreement)
    register_account_notice(shown.account_notice)


def _register_notices_and_data() -> None:
    """The e-mails to members, reporters and offices, and the member's data export."""
    # app loading: these modules import models, so only once the apps are ready.
    from publicoffice.accounts.extensions import register_export_section
    from publicoffice.conduct import content_notifications, notifications, review_notifications
    from publicoffice.conduct.exports import conduct_section

    notifications.listen()
    content_notifications.listen()
    review_notifications.listen()
    register_export_section("conduct", conduct_section)


def _forget_rules_gate_on_change() -> None:
    # app loading: these modules import models, so only once the apps are ready.
    from django.db.models.signals import post_delete, post_save

    from publicoffice.conduct.models import RuleVersion
    from publicoffice.conduct.rules import forget_gate

    post_save.connect(forget_gate, sender=RuleVersion, dispatch_uid="conduct_rules_gate_save")
    post_delete.connect(forget_gate, sender=RuleVersion, dispatch_uid="conduct_rules_gate_delete")
