"""The walk and cycle presets: documented speeds and detour give the radii officers read."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from publicoffice.planning import reach


def test_presets_follow_speed_time_and_detour():
    walk, cycle = reach.PRESETS["walk"], reach.PRESETS["cycle"]
    assert (walk.minutes, cycle.minutes) == (15, 15)
    assert 900 <= walk.radius_m <= 1000
    assert 2800 <= cycle.radius_m <= 3000
    assert walk.radius_m == reach.radius_for(15, reach.WALK_KMH)
    assert reach.radius_for(60, 1.3) == 1000  # 1.3 km in an hour over a detour of 1.3


def test_radius_of_a_preset_or_a_typed_radius():
    assert reach.radius_of("walk") == reach.PRESETS["walk"].radius_m
    assert reach.radius_of("custom", 1234) == 1234
    assert reach.radius_of("", None) is None


def test_choices_list_presets_then_custom():
    keys = [key for key, _label in reach.preset_choices()]
    assert keys == ["walk", "cycle", reach.CUSTOM]


def test_reach_words_for_each_kind():
    with translation.override("en"):
        walk = reach.reach_words(SimpleNamespace(reach="straight", preset="walk", radius_m=None))
        typed = reach.reach_words(SimpleNamespace(reach="straight", preset="", radius_m=1500))
        none = reach.reach_words(SimpleNamespace(reach="straight", preset="", radius_m=None))
        matrix = reach.reach_words(
            SimpleNamespace(reach="matrix", matrix=SimpleNamespace(name="Gång r5py"), minutes=12)
        )
    assert str(reach.PRESETS["walk"].radius_m) in walk
    assert "1500" in typed
    assert none == "No reach chosen yet"
    assert "12" in matrix and "Gång r5py" in matrix


def test_reach_words_are_translated():
    with translation.override("sv"):
        words = reach.reach_words(SimpleNamespace(reach="straight", preset="", radius_m=800))
        expected = translation.gettext("Within %(radius)s m in a straight line") % {"radius": 800}
    assert words == expected
