"""Models of the digital meeting place, one module per concern."""

from publicoffice.community.models.contacts import (
    MAX_MESSAGE,
    AbuseReport,
    Block,
    ContactRequest,
    ContactStatistic,
    HiddenSuggestion,
    RequestStatus,
)
from publicoffice.community.models.presence import Audience, Presence
from publicoffice.community.models.profiles import (
    MAX_LINKS,
    ORGANISATION_KINDS,
    PRESENTATION_LANGUAGES,
    Profile,
    ProfileAdmin,
    ProfileKind,
    ProfileLink,
    Visibility,
)
from publicoffice.community.models.vocabulary import Tag, TagGroup

__all__ = [
    "MAX_LINKS",
    "MAX_MESSAGE",
    "ORGANISATION_KINDS",
    "PRESENTATION_LANGUAGES",
    "AbuseReport",
    "Audience",
    "Block",
    "ContactRequest",
    "ContactStatistic",
    "HiddenSuggestion",
    "Presence",
    "Profile",
    "ProfileAdmin",
    "ProfileKind",
    "ProfileLink",
    "RequestStatus",
    "Tag",
    "TagGroup",
    "Visibility",
]
