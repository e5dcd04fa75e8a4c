"""Where private files live: under ``MEDIA_ROOT``, which no URL serves in any mode, with
names nobody can guess.

Attachments, exports, spreadsheets waiting for their commit and certificates before issue are
all private: they leave only through views that check permission on the object.
"""

import uuid
from datetime import date
from pathlib import PurePosixPath


def unguessable_name(folder: str, filename: str) -> str:
    """``folder/YYYY/MM/<32 random hex>.<ext>``; the original name is kept on the row only."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"{folder}/{date.today():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def attachment_upload_to(instance, filename: str) -> str:
    return unguessable_name("boards", filename)


def export_upload_to(instance, filename: str) -> str:
    return unguessable_name("exports", filename)
