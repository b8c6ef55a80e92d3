"""Shared fixtures."""

from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _swedish_by_default():
    """Every test starts in Swedish, the default language, and ends clean."""
    translation.activate("sv")
    yield
    translation.deactivate()
