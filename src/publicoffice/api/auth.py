"""Who is calling the API: a personal API token, or a logged-in browser session.

Two authenticators, tried in this order (both appear in the OpenAPI document):

* :class:`TokenAuth` reads ``Authorization: Bearer <key>``. A script sends
  the header itself, so no CSRF token is needed.
* :class:`SessionCsrfAuth` takes the user of the Django session. A browser
  attaches the cookie to any request, even one a hostile page starts, so
  unsafe methods must carry the CSRF token (``X-CSRFToken`` header).

A request that sends an ``Authorization`` header is judged by that header
alone: a wrong key is a 401 even if a session cookie came along, so a client
always learns that its key is wrong. That holds on every operation, public
reads included: :func:`key_checked` is applied to the whole API, so an
operation nobody thought of still refuses a wrong, revoked or malformed key
instead of answering it as an anonymous visitor.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from publicoffice.accounts.actors import Member
from publicoffice.accounts.services import api_token_user
from publicoffice.core.errors import DomainError, ErrorCode

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
#: Where :class:`TokenAuth` keeps its answer, so one request looks a key up once.
_CALLER_ATTRIBUTE = "_api_token_caller"


class TokenAuth(HttpBearer):
    """A personal API token (see the member's "API tokens" page)."""

    def __call__(self, request: HttpRequest) -> Member | None:
        if hasattr(request, _CALLER_ATTRIBUTE):
            return getattr(request, _CALLER_ATTRIBUTE)
        header = request.headers.get("Authorization", "")
        scheme, _space, key = header.strip().partition(" ")
        user = self.authenticate(request, key.strip()) if scheme.lower() == "bearer" else None
        setattr(request, _CALLER_ATTRIBUTE, user)
        return user

    def authenticate(self, request: HttpRequest, token: str) -> Member | None:
        return api_token_user(token) if token else None


class SessionCsrfAuth(APIKeyCookie):
    """The Django session, with the CSRF check Django's own forms get."""

    def __init__(self) -> None:
        self.param_name = settings.SESSION_COOKIE_NAME
        super().__init__(csrf=True)

    def __call__(self, request: HttpRequest) -> Member | None:
        if "Authorization" in request.headers:
            return None
        user = getattr(request, "user", None)
        if not isinstance(user, Member) or not user.is_active:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise DomainError(ErrorCode.CSRF_FAILED)
        return user

    def _get_key(self, request: HttpRequest) -> str | None:  # pragma: no cover - unused
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Member | None:
        return self(request)  # pragma: no cover - __call__ does the work


#: For operations that need a caller: writes and "my" lists.
member_auth = [TokenAuth(), SessionCsrfAuth()]


def optional_user(request: HttpRequest) -> Member | None:
    """The caller on a public read, if any; a wrong API key is still a 401.

    Public reads show more to a known caller (their own bookings as "mine",
    their quotas) but never need one.
    """
    for authenticator in member_auth:
        user = authenticator(request)
        if user is not None:
            return user
    if "Authorization" in request.headers:
        raise AuthenticationError()
    return None


def key_checked(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Refuse a wrong key on an operation without ``auth`` (``api.add_decorator``, view mode).

    Operations with ``auth=member_auth`` already answer 401 to a wrong key
    (``SessionCsrfAuth`` steps aside when a header is sent). Public ones
    would ignore it, and a script with a revoked key would go on reading as
    an anonymous visitor without noticing; here they refuse it too, before
    the parameters are read.
    """
    operation = getattr(run, "__self__", None)
    if operation is None or operation.auth_callbacks:
        return run

    @wraps(run)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "Authorization" in request.headers and TokenAuth()(request) is None:
            return operation.api.on_exception(request, AuthenticationError())
        return run(request, *args, **kwargs)

    return checked
