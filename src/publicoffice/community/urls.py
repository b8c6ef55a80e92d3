"""Addresses of the meeting place: the directory and profiles
(:mod:`urls_profiles`), contact requests, here today and who to meet
(:mod:`urls_contacts`)."""

from publicoffice.community.urls_contacts import urlpatterns as contact_patterns
from publicoffice.community.urls_profiles import urlpatterns as profile_patterns

app_name = "community"

urlpatterns = [*profile_patterns, *contact_patterns]
