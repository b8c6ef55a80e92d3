"""Photos with problem reports: cleaned of their metadata, limited, served only while visible."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from publicoffice.dialogue import photos
from publicoffice.dialogue.models import ProblemReport
from publicoffice.dialogue.moderation import hide
from publicoffice.dialogue.services.problems import erase_old_photos
from tests.dialogue.factories import NOW, days_after, refused
from tests.dialogue.problem_makers import picture, report, update

pytestmark = pytest.mark.django_db

FORM = {
    "category": "safety",
    "title": "Lös kabel i hallen",
    "description": "Man kan snubbla på den.",
    "language": "sv",
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(data: bytes, name: str = "bild.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def reopened(photo: photos.Photo) -> Image.Image:
    return Image.open(io.BytesIO(photo.data))


class TestCleaning:
    def test_gps_and_camera_are_removed_and_the_picture_turned_upright(self):
        original = Image.open(io.BytesIO(picture(gps=True)))
        assert original.getexif().get_ifd(0x8825)  # the test picture does carry GPS
        cleaned = reopened(photos.prepare(upload(picture(gps=True))))
        assert dict(cleaned.getexif()) == {}
        assert "exif" not in cleaned.info
        assert cleaned.size == (30, 40)  # orientation 6 applied, then dropped

    @pytest.mark.parametrize(
        ("kind", "ending"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")]
    )
    def test_jpeg_png_and_webp_keep_their_kind(self, kind, ending):
        photo = photos.prepare(upload(picture(kind)))
        assert photo.ending == ending and reopened(photo).format == kind

    def test_a_large_picture_is_made_at_most_2000_pixels(self):
        photo = photos.prepare(upload(picture(size=(3000, 1500))))
        assert reopened(photo).size == (2000, 1000)

    @pytest.mark.parametrize(
        "data", [picture("GIF"), b"GIF89a not really", b"", b"<svg onload=alert(1)>", b"\x00" * 99]
    )
    def test_other_files_are_refused(self, data):
        with refused("photo_invalid", "photo"):
            photos.prepare(upload(data))

    def test_more_than_5_mb_is_refused(self):
        with refused("photo_too_large", "photo"):
            photos.prepare(upload(b"\xff" * (5 * 1024 * 1024 + 1)))


class TestPages:
    def test_a_photo_is_stored_clean_and_served_while_the_report_is_visible(
        self, client, office, host, settings
    ):
        sent = {**FORM, "photo": upload(picture(gps=True))}
        assert client.post("/en/offices/ronna/problems/report/", sent).status_code == 302
        problem = ProblemReport.objects.get()
        stored = settings.MEDIA_ROOT / "problems" / problem.photo
        assert stored.exists() and b"PhoneMaker" not in stored.read_bytes()
        page = client.get(f"/en/problems/{problem.public_id}/").content.decode()
        assert f"/en/problems/{problem.public_id}/photo/" in page
        response = client.get(f"/en/problems/{problem.public_id}/photo/")
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == stored.read_bytes()
        hide(staff=host, item=problem, reason="Ett ansikte syns")
        assert client.get(f"/en/problems/{problem.public_id}/photo/").status_code == 404

    def test_a_refused_photo_is_shown_at_its_field(self, client, office, settings):
        sent = {**FORM, "photo": upload(b"not a picture", "bild.png")}
        response = client.post("/en/offices/ronna/problems/report/", sent)
        assert response.status_code == 400
        assert 'id="id_photo_error"' in response.content.decode()
        assert not ProblemReport.objects.exists()
        assert not (settings.MEDIA_ROOT / "problems").exists()

    def test_a_report_without_a_photo_has_none_to_serve(self, client, office):
        client.post("/en/offices/ronna/problems/report/", FORM)
        problem = ProblemReport.objects.get()
        assert client.get(f"/en/problems/{problem.public_id}/photo/").status_code == 404


def test_photos_go_30_days_after_the_report_is_fixed(office, host):
    fixed = report(office, photo=photos.prepare(upload(picture())))
    still_open = report(office, title="Annat", photo=photos.prepare(upload(picture())))
    stored = photos.opened(fixed.photo, folder="problems")[0]
    stored.close()
    update(host, fixed, "fixed", text="Lagat.", now=days_after(NOW, 1))
    assert erase_old_photos(now=days_after(NOW, 20)) == 0
    assert erase_old_photos(now=days_after(NOW, 32)) == 1
    fixed.refresh_from_db()
    still_open.refresh_from_db()
    assert fixed.photo == "" and still_open.photo != ""
    with refused("not_found"):
        photos.opened(stored.name.rsplit("/", 1)[-1], folder="problems")
