"""Attachments leave only through this view, which checks who may read them."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from projects import rules
from projects.models import Attachment


def attachment_download(request, pk: int):
    attachment = get_object_or_404(
        Attachment.objects.select_related("project", "challenge", "claim"), pk=pk
    )
    if attachment.claim_id:
        allowed = rules.can_view_claim(request.user, attachment.claim)
    else:
        allowed = rules.can_see_details(request.user, attachment.posting)
    if not allowed:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
