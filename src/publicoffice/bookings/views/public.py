"""Being written."""

from django.http import Http404


def space_week(request, pk):
    raise Http404


def find(request):
    raise Http404
