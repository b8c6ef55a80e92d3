"""Helpers shared by the booking views."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from publicoffice.accounts.actors import Member
from publicoffice.bookings.rules import Rules


def _duration(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def rules_in_words(rules: Rules, capacity: int) -> list[str]:
    """The rules of a space as short sentences a visitor understands."""
    lines = [
        _("Bookings last from %(shortest)s to %(longest)s, in steps of %(step)s.")
        % {
            "shortest": _duration(rules.min_minutes),
            "longest": _duration(rules.max_minutes),
            "step": _duration(rules.slot_minutes),
        },
        ngettext(
            "You can book up to %(count)d day ahead.",
            "You can book up to %(count)d days ahead.",
            rules.max_days_ahead,
        )
        % {"count": rules.max_days_ahead},
    ]
    if rules.min_notice_minutes:
        lines.append(
            _("Book at least %(notice)s before the start.")
            % {"notice": _duration(rules.min_notice_minutes)}
        )
    lines.append(
        ngettext(
            "At most %(count)d person.", "At most %(count)d people.", rules.attendee_limit(capacity)
        )
        % {"count": rules.attendee_limit(capacity)}
    )
    lines.extend(_quotas_in_words(rules))
    lines.append(_("Desks and rooms are counted separately."))
    if rules.buffer_minutes:
        lines.append(
            _("The space is kept free for %(buffer)s after each booking.")
            % {"buffer": _duration(rules.buffer_minutes)}
        )
    if rules.checkin_window_minutes:
        lines.append(
            _("Check in within %(window)s of the start, or the booking is released for others.")
            % {"window": _duration(rules.checkin_window_minutes)}
        )
    if rules.needs_approval:
        lines.append(_("The staff approve each booking of this space."))
    return lines


def _quotas_in_words(rules: Rules) -> list[str]:
    """Each member's share of the space, in sentences."""
    return [
        ngettext(
            "Each member may have %(count)d coming booking of this kind at a time.",
            "Each member may have %(count)d coming bookings of this kind at a time.",
            rules.max_active_bookings,
        )
        % {"count": rules.max_active_bookings},
        ngettext(
            "At most %(count)d hour a day for each member.",
            "At most %(count)d hours a day for each member.",
            rules.max_hours_per_day,
        )
        % {"count": rules.max_hours_per_day},
        ngettext(
            "At most %(count)d hour a week for each member.",
            "At most %(count)d hours a week for each member.",
            rules.max_hours_per_week,
        )
        % {"count": rules.max_hours_per_week},
    ]


def week_links(start: Any) -> dict[str, Any]:
    return {"previous": start - timedelta(days=7), "next": start + timedelta(days=7)}


def signed_in(request: HttpRequest) -> Member:
    """The logged-in member (the view is behind ``login_required``)."""
    assert isinstance(request.user, Member)
    return request.user
