"""Uploaded attachments: size, count and type checked by the file's first bytes."""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office (doc, xls, ppt)
ZIP = b"PK\x03\x04"  # Office Open XML (docx, xlsx, pptx)
# Allowed extension → the bytes such a file starts with, checked so a renamed file fails.
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".doc": (OLE,),
    ".xls": (OLE,),
    ".ppt": (OLE,),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".pptx": (ZIP,),
}


def validate_upload(upload) -> None:
    """Reject files that are too large or whose type is not a document or an image."""
    if upload.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(max)s."),
            code="too_large",
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(MAX_ATTACHMENT_SIZE),
            },
        )
    signatures = SIGNATURES.get(Path(upload.name).suffix.lower())
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if signatures is None or not head.startswith(signatures):
        raise ValidationError(
            _("“%(name)s” is not a PDF, image (PNG, JPEG) or Office document."),
            code="wrong_type",
            params={"name": upload.name},
        )


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that lets the user pick several files at once."""

    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several optional files, each checked by ``validate_upload``."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": ",".join(SIGNATURES)}),
        )
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            format_lazy(
                _("PDF, PNG, JPEG or Office files; at most {count} files of {size} each."),
                count=MAX_ATTACHMENTS,
                size=f"{MAX_ATTACHMENT_SIZE // (1024 * 1024)} MB",
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Attach at most %(count)s files."),
                code="too_many",
                params={"count": MAX_ATTACHMENTS},
            )
        errors = []
        for upload in files:
            try:
                super().clean(upload, initial)
                validate_upload(upload)
            except ValidationError as exc:
                errors.extend(exc.error_list)
        if errors:
            raise ValidationError(errors)
        return files
