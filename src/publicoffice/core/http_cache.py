"""Conditional GET for the public feeds: a client that polls an unchanged feed gets a 304.

Calendar programs, harvesters and scripts fetch the same addresses again and
again (every 15 minutes to every hour), mostly to learn that nothing changed.
Two ways to say so, cheapest first:

* :func:`version_etag`: an ETag made from a few figures a single cheap query
  gives *before* rendering (how many rows, their ids, their latest
  ``updated_at``), used with Django's ``condition`` decorator; an unchanged
  feed then costs that query and no rendering at all.
* :func:`answer_with_body_etag`: an ETag of the rendered bytes, the honest
  fallback where the body depends on more than a ``MAX(updated_at)`` can
  see (names of offices, translated labels, the date). It still renders,
  but a 304 carries no body, which is what a slow mobile link pays for.

A response that goes through ``GZipMiddleware`` gets its ETag marked weak
(``W/"…"``); ``If-None-Match`` compares weakly, so a 304 still follows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control

#: Bumped when a feed's format changes without any row changing, so that
#: clients holding an ETag from before fetch the new format once.
FORMAT_VERSION = "1"


def _quoted(digest: str) -> str:
    return f'"{digest[:32]}"'


def version_etag(parts: Iterable[object]) -> str:
    """A strong ETag of ``parts`` (figures from a query, the language, the address).

    ``repr`` keeps ``None`` and ``0`` apart and dates exact to the microsecond.
    """
    text = "\x1f".join(repr(part) for part in (FORMAT_VERSION, *parts))
    return _quoted(hashlib.sha256(text.encode()).hexdigest())


def body_etag(body: bytes) -> str:
    """A strong ETag of the bytes themselves."""
    return _quoted(hashlib.sha256(body).hexdigest())


def answer_with_body_etag(
    request: HttpRequest, response: HttpResponse, *, max_age: int | None = None
) -> HttpResponseBase:
    """``response`` with the ETag of its body, or a bodiless 304 when the client has it.

    ``max_age`` makes the response public for that many seconds; without it
    the caller has set Cache-Control itself (a private feed). Only a 200 gets
    an ETag; Django's ``get_conditional_response`` copies the headers a 304
    must repeat (Cache-Control, Vary, ETag) onto it.
    """
    if response.status_code != 200:
        return response
    etag = body_etag(response.content)
    response["ETag"] = etag
    if max_age is not None:
        patch_cache_control(response, public=True, max_age=max_age)
    conditional = get_conditional_response(request, etag=etag, response=response)
    if conditional is None or conditional is response:
        return response
    # A web page on another site revalidating an open-data file needs this on the 304 too.
    if "Access-Control-Allow-Origin" in response:
        conditional["Access-Control-Allow-Origin"] = response["Access-Control-Allow-Origin"]
    return conditional
