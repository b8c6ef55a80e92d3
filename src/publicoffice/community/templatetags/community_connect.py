"""Template tags for the connect parts of the meeting place's hub page.

The hub (``community:mine``) is another helper's view; it includes
``community/_connect_summary.html``, which loads this library so the
summary needs nothing from the view's context but ``user``.
"""

from __future__ import annotations

from django import template

from publicoffice.accounts.actors import AnyUser
from publicoffice.community.selectors.contacts import pending_count

register = template.Library()


@register.simple_tag
def contact_requests_waiting(user: AnyUser) -> int:
    """How many contact requests wait for ``user``'s answer (one query)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return pending_count(user=user)
