"""Who acts: the types services, selectors and policies take for people.

There is one user model, so these are aliases rather than new classes; they
say in each signature which kind of person a function expects, and mypy then
guards that an anonymous visitor is never passed where a member must be.

* :data:`Member`: a logged-in account (every staff user is one too).
* :data:`StaffUser`: a logged-in account acting in a staff role; the role
  itself is checked by the app's ``policies`` module.
* :data:`AnyUser`: whoever makes the request, the anonymous visitor included.
"""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser

from publicoffice.accounts.models import User

Member: TypeAlias = User
StaffUser: TypeAlias = User
AnyUser: TypeAlias = User | AnonymousUser

__all__ = ["AnyUser", "Member", "StaffUser"]
