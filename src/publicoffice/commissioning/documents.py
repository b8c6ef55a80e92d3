"""Documents: a call's published papers and a report's attachments.

Only PDF and OpenDocument or Office Open XML files of at most 10 MB are
taken, recognised by their content, not by the name the sender gave. They
are stored under ``MEDIA_ROOT/commissioning/`` with a random name and
served by views that first check who may see the thing they belong to.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from publicoffice.core.errors import DomainError, ErrorCode

MAX_BYTES = 10 * 1024 * 1024
FOLDER = "commissioning"
#: File ending → content type, for what we keep.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}


@dataclass(frozen=True)
class Document:
    data: bytes
    ending: str

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.ending]

    @property
    def size(self) -> int:
        return len(self.data)


def _refuse() -> DomainError:
    return DomainError(ErrorCode.DOCUMENT_INVALID, field="file")


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                kind = _OPENDOCUMENT.get(archive.read("mimetype").strip())
                if kind:
                    return kind
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise _refuse() from error
    raise _refuse()


def prepare(upload: Any) -> Document:
    """Read and recognise an upload; a clear error for anything we do not take."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise _refuse()
    data = upload.read(MAX_BYTES + 1)
    if not data or len(data) > MAX_BYTES:
        raise _refuse()
    if data.startswith(b"%PDF-"):
        return Document(data, "pdf")
    if data.startswith(b"PK\x03\x04"):
        return Document(data, _zip_kind(data))
    raise _refuse()


def _storage() -> FileSystemStorage:
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT) / FOLDER)


def store(document: Document) -> str:
    """Save under a random name; the name to keep on the row."""
    return _storage().save(f"{uuid.uuid4().hex}.{document.ending}", ContentFile(document.data))


def opened(name: str) -> tuple[Any, str]:
    """The stored file, open, and its content type (for the serving view)."""
    ending = name.rsplit(".", 1)[-1]
    if not name or "/" in name or ending not in CONTENT_TYPES or not _storage().exists(name):
        raise DomainError(ErrorCode.NOT_FOUND)
    return _storage().open(name, "rb"), CONTENT_TYPES[ending]


def delete(name: str) -> None:
    if name and "/" not in name:
        _storage().delete(name)
