"""What happens in the guidelines app that others may want to hear of.

The service publishes; the app's ``ready()`` subscribes the e-mail to the
platform admins, so the service never imports the notifications or the
task queue (see :mod:`publicoffice.core.domain_events`).
"""

from __future__ import annotations

from publicoffice.core.domain_events import DomainEvent

#: Someone reported an accessibility problem: ``report_id``.
accessibility_reported = DomainEvent("guidelines.accessibility_reported")
