"""Being written."""

from django.http import Http404


def _missing(*args, **kwargs):
    raise Http404


booking_ics = feed = _missing
