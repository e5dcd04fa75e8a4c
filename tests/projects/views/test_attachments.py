"""Attachments leave only through the permission-checked view."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.services.attachments import add_attachments
from tests.projects.views.pages import (
    client_as,
)

pytestmark = pytest.mark.django_db


def test_attachment_of_confidential_posting_is_404_for_outsiders(users, postings):
    posting = postings["published"]
    posting.confidential = True
    posting.save()
    upload = SimpleUploadedFile("图纸.pdf", b"%PDF-1.4 secret", content_type="application/pdf")
    (attachment,) = add_attachments([upload], actor=users["owner"], posting=posting)
    path = reverse("projects:attachment", args=[attachment.pk])
    assert client_as(users["other_enterprise"]).get(path).status_code == 404
    assert client_as(None).get(path).status_code == 404
    response = client_as(users["owner"]).get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"


# --- Forms and bad input ---------------------------------------------------------------------
