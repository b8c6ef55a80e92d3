"""A photo with a proposal: cleaned of its metadata, shown while the proposal is, then erased."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from publicoffice.dialogue.models import Proposal
from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.services.proposals import PHOTO_FOLDER, erase_hidden_photos
from tests.dialogue.factories import NOW, days_after
from tests.dialogue.problem_makers import picture

pytestmark = pytest.mark.django_db

PROPOSE = "/sv/offices/ronna/dialogue/propose/"
FORM = {
    "kind": "equipment",
    "title": "En soffa i läshörnan",
    "body": "Så här ser hörnet ut nu.",
    "language": "sv",
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("hornet.jpg", data, content_type="image/jpeg")


def test_a_member_sends_a_photo_and_everyone_sees_it_without_its_gps(
    client, office, author, settings
):
    client.force_login(author)
    response = client.post(PROPOSE, {**FORM, "photo": upload(picture(gps=True))})
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    stored = settings.MEDIA_ROOT / PHOTO_FOLDER / proposal.photo
    assert dict(Image.open(stored).getexif()) == {}
    client.logout()
    page = client.get(f"/sv/proposals/{proposal.public_id}/").content.decode()
    assert f"/sv/proposals/{proposal.public_id}/photo/" in page
    served = client.get(f"/sv/proposals/{proposal.public_id}/photo/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(b"".join(served.streaming_content))).size == (30, 40)


def test_a_file_that_is_no_picture_is_refused_at_its_field(client, office, author):
    client.force_login(author)
    bad = SimpleUploadedFile("x.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = client.post(PROPOSE, {**FORM, "photo": bad})
    assert response.status_code == 400
    assert 'href="#id_photo"' in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_hidden_proposals_photo_is_hidden_and_later_erased(
    client, office, author, host, settings
):
    client.force_login(author)
    client.post(PROPOSE, {**FORM, "photo": upload(picture())})
    proposal = Proposal.objects.get()
    hide(staff=host, item=proposal, reason="Bilden visar en person.", now=NOW)
    client.logout()
    assert client.get(f"/sv/proposals/{proposal.public_id}/photo/").status_code == 404
    assert erase_hidden_photos(now=days_after(NOW, 10)) == 0
    assert erase_hidden_photos(now=days_after(NOW, 31)) == 1
    proposal.refresh_from_db()
    assert proposal.photo == ""
    assert not list((settings.MEDIA_ROOT / PHOTO_FOLDER).iterdir())


def test_a_proposal_without_a_photo_has_none_to_serve(client, proposal):
    assert client.get(f"/sv/proposals/{proposal.public_id}/photo/").status_code == 404
