"""The public page about what a Public Office is, with the ten guidelines."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from publicoffice.guidelines.selectors import guideline_list


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "guidelines/about.html", {"guidelines": guideline_list()})
