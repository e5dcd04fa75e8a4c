"""Keep an uploaded spreadsheet between its dry run and its commit."""

import uuid
from pathlib import Path

from django.conf import settings

from .reading import EXTENSIONS

FOLDER = "mentor-imports"


def _folder() -> Path:
    return Path(settings.MEDIA_ROOT) / FOLDER


def store_upload(filename: str, data: bytes) -> str:
    """Save the upload under a random token; return the token (“<uuid>.<ext>”)."""
    extension = Path(filename).suffix.lower()
    token = f"{uuid.uuid4().hex}{extension}"
    _folder().mkdir(parents=True, exist_ok=True)
    (_folder() / token).write_bytes(data)
    return token


def _path(token: str) -> Path | None:
    stem, _, extension = token.partition(".")
    if len(stem) != 32 or not all(ch in "0123456789abcdef" for ch in stem):
        return None
    if f".{extension}" not in EXTENSIONS:
        return None
    return _folder() / token


def load_upload(token: str) -> bytes | None:
    """The stored upload, or None if the token is malformed or the file is gone."""
    path = _path(token)
    if path is None or not path.is_file():
        return None
    return path.read_bytes()


def discard_upload(token: str) -> None:
    path = _path(token)
    if path is not None:
        path.unlink(missing_ok=True)
