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


@pytest.fixture(autouse=True)
def _fast_passwords_and_fresh_cache(settings):
    """Hash passwords cheaply in tests and forget rate-limit counters."""
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()
