"""Signed day tokens and daily device hashes."""

from __future__ import annotations

from datetime import date, timedelta

from publicoffice.visits.tokens import (
    TokenState,
    check_day_token,
    day_token,
    device_hash,
    new_device_id,
)

TODAY = date(2026, 11, 25)


def test_todays_token_is_valid():
    assert check_day_token(7, day_token(7, TODAY), TODAY) == (TokenState.VALID, TODAY)


def test_yesterdays_token_is_old_not_forged():
    yesterday = TODAY - timedelta(days=1)
    assert check_day_token(7, day_token(7, yesterday), TODAY) == (TokenState.OLD, yesterday)


def test_tokens_rotate_every_day():
    assert day_token(7, TODAY) != day_token(7, TODAY + timedelta(days=1))


def test_another_offices_token_is_invalid():
    assert check_day_token(8, day_token(7, TODAY), TODAY)[0] is TokenState.INVALID


def test_a_changed_date_breaks_the_signature():
    token = day_token(7, TODAY - timedelta(days=7))
    forged = TODAY.strftime("%Y%m%d") + token[8:]
    assert check_day_token(7, forged, TODAY)[0] is TokenState.INVALID


def test_garbage_is_invalid():
    for token in [
        "",
        "-",
        "2026-11-25",
        "20261325-abc",
        "abcdefgh-" + "0" * 20,
        "x" * 500,
        "٢٠٢٦١١٢٥-a",
    ]:
        assert check_day_token(7, token, TODAY)[0] is TokenState.INVALID


def test_device_hashes_do_not_link_days():
    device = new_device_id()
    assert device_hash(device, TODAY) == device_hash(device, TODAY)
    assert device_hash(device, TODAY) != device_hash(device, TODAY + timedelta(days=1))
    assert device not in device_hash(device, TODAY)
    assert device_hash(new_device_id(), TODAY) != device_hash(device, TODAY)
