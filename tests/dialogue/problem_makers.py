"""Makers for the problem report tests: reports and updates through the services.

Reports are always made by :func:`problem_report` (never a bare model
factory), so each has its statistics row and its ``answer_due`` as in real
life. Times default to :data:`tests.dialogue.factories.NOW`.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from PIL import Image

from publicoffice.accounts.models import User
from publicoffice.dialogue.models import ProblemCategory, ProblemReport, ProblemUpdate
from publicoffice.dialogue.services.problems import problem_reopen, problem_report, problem_update
from publicoffice.places.models import Office
from tests.dialogue.factories import NOW


def report(
    office: Office,
    *,
    reporter: User | None = None,
    category: str = ProblemCategory.EQUIPMENT,
    title: str = "Skrivaren är trasig",
    description: str = "Skrivaren vid fönstret drar inte in papper.",
    language: str = "sv",
    contact_email: str = "",
    now: datetime = NOW,
    **options: Any,
) -> ProblemReport:
    return problem_report(
        office=office,
        reporter=reporter,
        category=category,
        title=title,
        description=description,
        language=language,
        contact_email=contact_email,
        now=now,
        **options,
    )


def barrier(office: Office, **options: Any) -> ProblemReport:
    """A broken lift: an accessibility barrier."""
    options.setdefault("title", "Hissen är trasig")
    options.setdefault("description", "Hissen till andra våningen står still sedan i morse.")
    return report(office, category=ProblemCategory.ACCESSIBILITY, **options)


def update(
    staff: User,
    problem: ProblemReport,
    state: str = "acknowledged",
    *,
    text: str = "Tack, vi har sett det.",
    now: datetime = NOW,
    **options: Any,
) -> ProblemUpdate:
    written = problem_update(
        staff=staff, report=problem, state=state, text=text, now=now, **options
    )
    problem.refresh_from_db()
    return written


def reopen(member: User, problem: ProblemReport, *, now: datetime, reason: str = "Nej") -> Any:
    written = problem_reopen(member=member, report=problem, reason=reason, now=now)
    problem.refresh_from_db()
    return written


def picture(kind: str = "JPEG", *, size: tuple[int, int] = (40, 30), gps: bool = False) -> bytes:
    """A small picture; with ``gps``, EXIF that says where and with what it was taken."""
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    options: dict[str, Any] = {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x0112] = 6  # Orientation: turned a quarter
        gps_info = exif.get_ifd(0x8825)
        gps_info[1], gps_info[2] = "N", (59.0, 12.0, 1.0)
        options["exif"] = exif.tobytes()
    image.save(out, format=kind, **options)
    return out.getvalue()
