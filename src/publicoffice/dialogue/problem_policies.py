"""Who may report, update, reopen and moderate problem reports.

Anyone may report a problem and read reports that are not hidden. The
office's people answer (its hosts, its operator's admins and platform
admins: :func:`publicoffice.places.policies.can_manage_office`), as for
proposals made at the office. Anyone logged in may reopen a report fixed
within ``DIALOGUE_REOPEN_DAYS`` (the service holds the window).
"""

from __future__ import annotations

from datetime import datetime

from publicoffice.accounts.actors import AnyUser
from publicoffice.dialogue.models import ProblemReport, ProblemState
from publicoffice.dialogue.policies import is_member
from publicoffice.dialogue.services.problems import reopen_deadline
from publicoffice.places.models import Office
from publicoffice.places.policies import can_manage_office


def is_reporter(user: AnyUser, report: ProblemReport) -> bool:
    return bool(
        user.is_authenticated and report.reporter_id is not None and report.reporter_id == user.pk
    )


def can_answer(user: AnyUser, report: ProblemReport) -> bool:
    """Publish updates and change the state: the people who manage the office."""
    return is_member(user) and can_manage_office(user, report.office)


def can_answer_at(user: AnyUser, office: Office) -> bool:
    """Answers the reports made at ``office`` (links on the office's pages)."""
    return is_member(user) and can_manage_office(user, office)


def can_see(user: AnyUser, report: ProblemReport) -> bool:
    """Public unless hidden; hidden ones stay readable to the reporter and the office."""
    if report.hidden_at is None:
        return True
    return is_reporter(user, report) or can_answer(user, report)


def can_reopen(user: AnyUser, report: ProblemReport, *, now: datetime) -> bool:
    """Logged in, and the report was fixed within the window (the form is shown then)."""
    deadline = reopen_deadline(report)
    return (
        is_member(user)
        and report.hidden_at is None
        and report.state == ProblemState.FIXED
        and deadline is not None
        and now <= deadline
    )


def can_moderate(user: AnyUser, report: ProblemReport) -> bool:
    """Hide a report with a reason its reporter sees."""
    return can_answer(user, report)
