from __future__ import annotations

from publicoffice.guidelines.models import Guideline


def guideline_list() -> list[Guideline]:
    return list(Guideline.objects.order_by("number"))
