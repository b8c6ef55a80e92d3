"""Places of the network: who runs what, where, when it is open, how to get in."""

from publicoffice.places.models.accessibility import AccessibilityFacts, Availability, Wheelchair
from publicoffice.places.models.hours import HoursException, WeeklyHours
from publicoffice.places.models.network import District, Municipality, Operator, OperatorKind
from publicoffice.places.models.offices import (
    Amenity,
    Language,
    Office,
    OfficeKind,
    OfficeStatus,
    Space,
    SpaceKind,
)

__all__ = [
    "AccessibilityFacts",
    "Amenity",
    "Availability",
    "District",
    "HoursException",
    "Language",
    "Municipality",
    "Office",
    "OfficeKind",
    "OfficeStatus",
    "Operator",
    "OperatorKind",
    "Space",
    "SpaceKind",
    "WeeklyHours",
    "Wheelchair",
]
