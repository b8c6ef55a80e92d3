"""Extension points for a member's own data: export and account deletion.

``accounts`` knows nothing of visits, bookings, the directory or events.
Those apps register here (in their ``AppConfig.ready``):

* an **export section**: ``(user) -> JSON-serialisable data``, gathered into
  the member's data export under the section's name;
* a **deletion step**: ``(user) -> None``, run inside the account deletion's
  transaction before the user row goes. Most data goes by ``CASCADE``; a
  step is for what cascading cannot do (an organisation profile with other
  admins stays, only the link to the leaving member goes).
"""

from __future__ import annotations

from collections.abc import Callable
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
