"""Being written."""

from django.http import Http404


def _missing(*args, **kwargs):
    raise Http404


book = wait = detail = change = cancel = check_in = wait_accept = wait_withdraw = _missing
my_bookings = calendar_renew = _missing
