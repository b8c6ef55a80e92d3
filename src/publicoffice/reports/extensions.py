"""Extension point: later apps add panels to the staff dashboards.

Why a registry: the reports app sits below nothing that would know about
targets, commissions or funding, and must not import them. An app that does
(say, a future "commissions" app with targets per office) registers a
callable in its ``AppConfig.ready()``; the dashboard renders whatever the
callables return, in order. With nothing registered, nothing is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from publicoffice.accounts.actors import AnyUser
from publicoffice.reports.periods import Period
from publicoffice.reports.scopes import Scope

#: ``(scope, period, user) -> html | None``; plain text is escaped, SafeString kept.
DashboardPanel = Callable[[Scope, Period, AnyUser], "str | SafeString | None"]

_dashboard_panels: list[DashboardPanel] = []


def register_dashboard_panel(panel: DashboardPanel) -> None:
    if panel not in _dashboard_panels:
        _dashboard_panels.append(panel)


def unregister_dashboard_panel(panel: DashboardPanel) -> None:
    """For tests: take a panel away again."""
    if panel in _dashboard_panels:
        _dashboard_panels.remove(panel)


def dashboard_panels(scope: Scope, period: Period, user: AnyUser) -> list[SafeString]:
    """The HTML of every registered panel that has something for this dashboard."""
    found = (panel(scope, period, user) for panel in _dashboard_panels)
    return [conditional_escape(html) for html in found if html]
