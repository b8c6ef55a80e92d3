from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Scoped staff roles: who hosts which office, who runs which operator.

    The role rows live in :mod:`publicoffice.accounts.models` (identity, the
    bottom layer) and refer to places only by name; everything that needs the
    places themselves (appointing a host of an office, the role admin that
    offers an operator admin only their own offices) lives here, above places.
    """

    name = "publicoffice.staff"
    label = "staff"
    verbose_name = _("Staff roles")

    def ready(self) -> None:
        # app loading: the notifications import models, which exist only once the registry is ready.
        from publicoffice.staff import happenings, notifications

        # An invitation's e-mail goes out once it is saved (in this process: it carries the token).
        happenings.invitation_created.subscribe(notifications.send_invitation)
