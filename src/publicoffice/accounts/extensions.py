"""Extension points for a member's own data: export and account deletion.

``accounts`` knows nothing of visits, bookings, the directory or events.
Those apps register here (in their ``AppConfig.ready``):

* an **export section**: ``(user) -> JSON-serialisable data``, gathered into
  the member's data export under the section's name;
* a **deletion step**: ``(user) -> None``, run inside the account deletion's
  transaction before the user row goes. Most data goes by ``CASCADE``; a
  step is for what cascading cannot do (an organisation profile with other
  admins stays, only the link to the leaving member goes).

And two for what a member must see or agree to:

* a **sign-up agreement** (one at most): a provider ``() -> Agreement |
  None`` shown on the sign-up form with a required checkbox, and a
  ``record(user, version_id)`` callback run when the account is created
  (conduct's house rules);
* an **account notice**: ``(user) -> Notice | None``, shown at the top of
  the member's own page (for example: the house rules changed, accept them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ExportSection = Callable[[Any], Any]
DeletionStep = Callable[[Any], None]

_export_sections: dict[str, ExportSection] = {}
_deletion_steps: list[DeletionStep] = []


def register_export_section(name: str, section: ExportSection) -> None:
    """Add ``section`` to the data export under ``name`` (one per name)."""
    _export_sections[name] = section


def register_deletion_step(step: DeletionStep) -> None:
    if step not in _deletion_steps:
        _deletion_steps.append(step)


def export_sections() -> dict[str, ExportSection]:
    return dict(_export_sections)


def deletion_steps() -> list[DeletionStep]:
    return list(_deletion_steps)


@dataclass(frozen=True)
class Notice:
    """A part of an accounts page drawn by another app: a template and its context."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Agreement:
    """What the sign-up form asks a new member to accept.

    ``notice`` shows the text (with a link to read it in full), ``label`` is
    the checkbox's, and ``version_id`` is what ``record`` receives once the
    account exists, so the member accepted exactly what they were shown.
    """

    notice: Notice
    label: str
    version_id: int


AgreementProvider = Callable[[], Agreement | None]
AgreementRecord = Callable[[Any, int], None]
AccountNotice = Callable[[Any], Notice | None]

_signup_agreement: list[tuple[AgreementProvider, AgreementRecord]] = []
_account_notices: list[AccountNotice] = []


def register_signup_agreement(provider: AgreementProvider, record: AgreementRecord) -> None:
    """The one agreement of the sign-up form (registering again replaces it)."""
    _signup_agreement[:] = [(provider, record)]


def signup_agreement() -> Agreement | None:
    """The agreement to show now, or ``None`` (then the form is unchanged)."""
    return _signup_agreement[0][0]() if _signup_agreement else None


def record_signup_agreement(user: Any, version_id: int) -> None:
    if _signup_agreement:
        _signup_agreement[0][1](user, version_id)


def register_account_notice(notice: AccountNotice) -> None:
    if notice not in _account_notices:
        _account_notices.append(notice)


def account_notices(user: Any) -> list[Notice]:
    notices = (make(user) for make in _account_notices)
    return [notice for notice in notices if notice is not None]
