"""Background work of the calls: the followers' e-mails.

``queue_call_news`` is how any stage tells a call's followers what happened
(the decision stage says "decided"); the e-mail goes by the worker after the
change is committed. Open calls past their deadline are closed by the
commissioning sweep (``tasks_followup``).
"""

from __future__ import annotations

from publicoffice.commissioning import notifications_calls


def queue_call_news(call_id: int, news: str, reason: str = "") -> None:
    """Tell the call's followers by e-mail; ``news`` is one of changed, closed,
    cancelled, decided (``reason`` is said with a cancellation)."""
    notifications_calls.queue_news(call_id, news, reason)
