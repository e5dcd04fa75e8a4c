"""Attachments: files stored on a posting or a claim, never served without a permission check."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from projects.models import Attachment, Claim
from talentbridge.models import User
from talentbridge.services import log_action

from .common import Posting, posting_ref


@transaction.atomic
def add_attachments(
    files: Iterable[UploadedFile],
    *,
    actor: User,
    posting: Posting | None = None,
    claim: Claim | None = None,
) -> list[Attachment]:
    """Store already-validated uploads on a posting or a claim."""
    owner = {"claim": claim} if claim else posting_ref(posting)
    attachments = []
    for upload in files:
        attachment = Attachment.objects.create(
            **owner,
            file=upload,
            name=upload.name[:200],
            size=upload.size,
            content_type=upload.content_type or "application/octet-stream",
            uploaded_by=actor,
        )
        log_action(
            attachment,
            "projects.attachment.add",
            actor=actor,
            changes={"name": attachment.name, "size": attachment.size, "on": str(claim or posting)},
        )
        attachments.append(attachment)
    return attachments
