"""Checking a refusal: its code and, for a text, the field (and limit) it is about."""

from __future__ import annotations


def assert_refusal(error, expected):
    """``expected`` is a code, or (code, field) or (code, field, limit) for a text."""
    if isinstance(expected, str):
        assert error.code == expected
        return
    code, field, *limit = expected
    assert (error.code, error.details["field"]) == (code, field)
    if limit:
        assert error.details["limit"] == limit[0]
