"""The security headers Django does not send itself: Permissions-Policy, and the CSP's sources.

The Content-Security-Policy is django-csp's (``CONTENT_SECURITY_POLICY`` in
the settings, ``docs/decisions/0009-content-security-policy.md``); this
module only works out the one source that depends on configuration, the map
tile server, so that a municipality pointing ``MAP_TILE_URL`` at its own
tiles does not have to edit the policy too.

``Permissions-Policy`` turns off every powerful browser feature the site
never uses (camera, microphone, location, payment...), so that a script
that slipped in, or a page that frames ours, cannot ask for them. The map
only shows offices; it never asks where the visitor is.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponseBase

#: Features no page of ours uses: refused to the page and to anything it embeds.
DISABLED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DISABLED_FEATURES)


def tile_source(url: str) -> str:
    """The CSP source that lets a page load the tiles of ``url`` (a Leaflet URL template).

    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` gives
    ``https://*.tile.example.org``: Leaflet fills ``{s}`` with a subdomain.
    A relative template (tiles served by this site) needs nothing beyond
    ``'self'`` and gives ``""``.
    """
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    host = parts.netloc.replace("{s}", "*")
    if "{" in host:  # another {name} in the host: allow the whole domain below it
        host = "*." + host.rsplit("}", 1)[1].lstrip(".")
    return f"{parts.scheme}://{host}"


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` on every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
