"""Photos people attach to what they write (problem reports now, proposals later).

A phone's photo carries where and when it was taken (EXIF, with GPS) and
what took it. We keep none of that: every photo is decoded and encoded
again from its pixels alone, turned upright first (the EXIF orientation is
the one thing worth reading), and made at most 2000 pixels on its longer
side. Only JPEG, PNG and WebP of at most 5 MB are taken; anything else,
or a file that only pretends to be a picture, is refused.

Photos live under ``MEDIA_ROOT/<folder>/`` with a random name, and are
served by a view that first checks the thing they belong to may be seen
(a hidden report's photo is hidden with it): never straight from disk.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from publicoffice.core.errors import DomainError, ErrorCode

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 2000
#: Pictures with more pixels than this are refused before decoding (a "zip bomb").
MAX_PIXELS = 50_000_000
#: What we accept, and the type and file ending we store it with.
FORMATS: dict[str, tuple[str, str]] = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
CONTENT_TYPES = {ending: content_type for content_type, ending in FORMATS.values()}


@dataclass(frozen=True)
class Photo:
    """A photo re-encoded without its metadata, ready to store."""

    data: bytes
    ending: str


def _refuse(message: Any = None) -> DomainError:
    return DomainError(ErrorCode.PHOTO_INVALID, message, field="photo")


def _decoded(data: bytes) -> tuple[Image.Image, str]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = str(probe.format or "")
            width, height = probe.size
        if kind not in FORMATS:
            raise _refuse()
        if width * height > MAX_PIXELS:
            raise _refuse(_("This picture has too many pixels; send a smaller one."))
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise _refuse() from error
    return image, kind


def prepare(upload: Any) -> Photo:
    """Check and clean an uploaded file: upright, at most 2000 px, no metadata."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise DomainError(ErrorCode.PHOTO_TOO_LARGE, field="photo")
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DomainError(ErrorCode.PHOTO_TOO_LARGE, field="photo")
    image, kind = _decoded(data)
    upright = ImageOps.exif_transpose(image) or image
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    if kind == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    upright.info = {}
    out = io.BytesIO()
    options: dict[str, Any] = {} if kind == "PNG" else {"exif": b""}
    if kind in ("JPEG", "WEBP"):
        options["quality"] = 85
    upright.save(out, format=kind, **options)
    return Photo(data=out.getvalue(), ending=FORMATS[kind][1])


def _storage(folder: str) -> FileSystemStorage:
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT) / folder)


def store(photo: Photo, *, folder: str) -> str:
    """Save under a random name in ``MEDIA_ROOT/<folder>/``; the name to keep."""
    name = f"{uuid.uuid4().hex}.{photo.ending}"
    return _storage(folder).save(name, ContentFile(photo.data))


def opened(name: str, *, folder: str) -> tuple[Any, str]:
    """The stored photo as an open file and its content type (for the serving view)."""
    ending = name.rsplit(".", 1)[-1]
    if not name or "/" in name or ending not in CONTENT_TYPES:
        raise DomainError(ErrorCode.NOT_FOUND)
    storage = _storage(folder)
    if not storage.exists(name):
        raise DomainError(ErrorCode.NOT_FOUND)
    return storage.open(name, "rb"), CONTENT_TYPES[ending]


def delete(name: str, *, folder: str) -> None:
    if name and "/" not in name:
        _storage(folder).delete(name)
