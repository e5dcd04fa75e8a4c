"""Files attached to a posting or a claim; they leave only through a permission-checked view."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbridge.storage import attachment_upload_to

from .claims import Claim
from .postings import Challenge, PostingPart, Project, exactly_one, posting_fk


class Attachment(PostingPart):
    """A file attached to a posting or a claim; checked for size and type on upload."""

    project = posting_fk(Project, "attachments", _("project"))
    challenge = posting_fk(Challenge, "attachments", _("demand"))
    claim = models.ForeignKey(
        Claim,
        verbose_name=_("claim"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_upload_to)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one("project", "challenge", "claim"),
                name="attachment_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def posting(self) -> Project | Challenge:
        return self.claim.posting if self.claim_id else super().posting
