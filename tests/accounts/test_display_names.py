"""Display names are cleaned like profile names: one line, no bidi overrides.

A right-to-left override in a name would turn the sentence it is shown in
backwards ("Booked by ‮Amina" reads the rest of the line mirrored), so it goes,
wherever the name is typed: the sign-up page, the service, the admin.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from publicoffice.accounts.models import User
from publicoffice.accounts.services import user_create

pytestmark = pytest.mark.django_db

OVERRIDDEN = "\u202eAmina\u202c Yusuf\u2066\u2069\n"
#: Joiners and marks Persian and Arabic spelling need stay.
PERSIAN = "نرگس\u200cها \u200fرضایی"


def test_the_service_removes_bidi_overrides_and_line_breaks():
    user = user_create(email="amina@example.org", password="Kanelbulle-42", display_name=OVERRIDDEN)
    user.refresh_from_db()
    assert user.display_name == "Amina Yusuf"


def test_joiners_and_marks_stay():
    user = user_create(email="narges@example.org", password="Kanelbulle-42", display_name=PERSIAN)
    assert user.display_name == PERSIAN


def test_the_sign_up_page_stores_the_cleaned_name(client: Client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "amina@example.org", "password": "Kanelbulle-42", "display_name": OVERRIDDEN},
    )
    assert response.status_code == 302
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    client.post(link, {"password": "Kanelbulle-42"})
    assert User.objects.get().display_name == "Amina Yusuf"


def test_full_clean_cleans_the_name_as_the_admin_saves_it():
    user = User(email="amina@example.org", display_name=OVERRIDDEN)
    user.set_password("Kanelbulle-42")
    user.full_clean()
    assert user.display_name == "Amina Yusuf"
