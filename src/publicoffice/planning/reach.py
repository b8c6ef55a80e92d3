"""How far is "within reach": the walk and cycle presets, and a scenario's reach in words.

A preset turns minutes into a straight-line radius, because a radius needs
no street network and no routing server: distance travelled in the time,
divided by a detour factor (streets are not straight lines; 1.3 is the
usual ratio of network to straight-line distance in Swedish towns). The
speeds are documented averages: 4.8 km/h on foot (a calm adult pace,
slower than the 5 km/h often quoted, to include older residents) and
15 km/h by bicycle (a calm urban pace). When travel times matter more
precisely, an officer imports a travel-time matrix instead
(``services/matrices.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: Network distance over straight-line distance, for both presets.
DETOUR_FACTOR = 1.3
WALK_KMH = 4.8
CYCLE_KMH = 15.0
#: The straight-line radius an officer may type, in metres.
MIN_RADIUS_M = 50
MAX_RADIUS_M = 50_000


def radius_for(minutes: float, speed_kmh: float, detour: float = DETOUR_FACTOR) -> int:
    """The straight-line radius reached in ``minutes`` at ``speed_kmh``, rounded to 10 m."""
    metres = speed_kmh * 1000 / 60 * minutes / detour
    return int(round(metres / 10) * 10)


@dataclass(frozen=True)
class Preset:
    """A way of travelling for a given time, and the radius it stands for."""

    key: str
    label: str | Promise
    minutes: int
    speed_kmh: float
    detour: float = DETOUR_FACTOR

    @property
    def radius_m(self) -> int:
        return radius_for(self.minutes, self.speed_kmh, self.detour)


#: The presets a scenario may use: a 15-minute walk (about 920 m) or ride (about 2,880 m).
PRESETS: dict[str, Preset] = {
    "walk": Preset("walk", gettext_lazy("15-minute walk"), 15, WALK_KMH),
    "cycle": Preset("cycle", gettext_lazy("15-minute bicycle ride"), 15, CYCLE_KMH),
}
CUSTOM = "custom"


def preset_choices() -> list[tuple[str, str | Promise]]:
    """The choices of a reach field: the presets with their radius, then a typed radius."""
    choices: list[tuple[str, str | Promise]] = [
        (
            key,
            _("%(label)s (about %(radius)s m in a straight line)")
            % {"label": preset.label, "radius": preset.radius_m},
        )
        for key, preset in PRESETS.items()
    ]
    choices.append((CUSTOM, _("A radius I choose")))
    return choices


def radius_of(preset: str, radius_m: int | None = None) -> int | None:
    """The radius of a preset, or the typed radius when the preset is custom or unknown."""
    found = PRESETS.get(preset)
    return found.radius_m if found is not None else radius_m


def reach_words(scenario: Any) -> str:
    """A scenario's reach as an officer reads it ("15-minute walk, about 920 m ...").

    Takes anything with the scenario's ``reach``, ``preset``, ``radius_m``,
    ``matrix`` and ``minutes`` (a saved scenario or a form's data).
    """
    if getattr(scenario, "reach", "straight") == "matrix":
        matrix = getattr(scenario, "matrix", None)
        return _("Within %(minutes)s minutes, by the travel times of “%(matrix)s”") % {
            "minutes": getattr(scenario, "minutes", None) or "?",
            "matrix": matrix.name if matrix is not None else "?",
        }
    preset = PRESETS.get(getattr(scenario, "preset", "") or "")
    if preset is not None:
        return _("%(label)s: about %(radius)s m in a straight line") % {
            "label": preset.label,
            "radius": preset.radius_m,
        }
    radius = getattr(scenario, "radius_m", None)
    if radius is None:
        return _("No reach chosen yet")
    return _("Within %(radius)s m in a straight line") % {"radius": radius}
